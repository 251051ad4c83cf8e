"""What the assessment page asks about a bundle's video, and how a proxy or segment is served.

``segments_of`` lists the bundle's sealed video segments with their times on the assessment
clock (the record's ``t_start_us``/``t_end_us``, the same clock as the steps) and the state of
each one's web proxy. ``range_file_response`` serves a file with HTTP Range requests: Starlette
1.10's FileResponse already answers them correctly (206 with Content-Range for one range,
multipart/byteranges for several, 416 with ``Content-Range: bytes */size`` when unsatisfiable,
If-Range, HEAD, Accept-Ranges); this adds an ETag made from the file's SHA-256 and caching.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import FileResponse, Response

from assessor_app.provider.media.bundle_video import bundle_videos

if TYPE_CHECKING:
    from assessor_app.provider.service import ProviderService

WEBM = "video/webm"
MPEG_TS = "video/mp2t"


@dataclass(frozen=True)
class VideoSegment:
    """One sealed video segment of a bundle and the state of its browser-playable proxy."""

    name: str  # payload path in the bundle, e.g. data/captures/video/seg-000001.ts
    sha256: str  # as the bundle's manifest seals it
    start_us: int  # assessment clock: first frame
    end_us: int  # assessment clock: last frame
    step: str | None  # the step it began in
    steps: tuple[str, ...]  # the steps it spans
    source_path: Path  # the sealed original (downloadable as it is, video/mp2t)
    proxy_status: str  # done, pending, failed, or missing (never recorded)
    proxy_path: Path | None  # the WebM proxy when done
    proxy_sha256: str | None
    proxy_error: str | None  # why it failed


def segments_of(service: ProviderService, bundle: Any) -> list[VideoSegment]:
    """The bundle's video segments in recording order; ``bundle`` is a held bundle row
    (``service.importer.held(bundle_id, device)``: anything with ``stored_path``).

    Raises BundleVideoError when the stored bundle's record or manifest cannot be read.
    """
    root = Path(bundle.stored_path)
    videos = bundle_videos(root)
    proxies = service.derivations.proxies([v.sha256 for v in videos])
    folder = service.store.config.folder
    out = []
    for v in videos:
        row = proxies.get(v.sha256)
        status, path, digest, error = "missing", None, None, None
        if row is not None:
            status, error = row.status, row.error
            if status == "done" and row.path:
                path, digest = folder / row.path, row.sha256
        out.append(VideoSegment(
            name=v.name, sha256=v.sha256, start_us=v.start_us, end_us=v.end_us, step=v.step, steps=v.steps,
            source_path=root / v.name, proxy_status=status, proxy_path=path, proxy_sha256=digest,
            proxy_error=error))
    return out


def range_file_response(request: Request, path: Path, media_type: str, *, sha256: str | None = None,
                        filename: str | None = None) -> Response:
    """``path`` served with Range support; the ETag is ``sha256`` when given (a proxy's or segment's).

    ``filename`` makes it a download (Content-Disposition: attachment); without it the browser
    plays it inline. The caller has checked who may see it and that ``path`` is one of ours;
    a file that is gone is FileNotFoundError (the caller answers 404).
    """
    stat_result = os.stat(path)  # FileNotFoundError for the caller; sizes the Content-Range
    headers = {"Cache-Control": "private, max-age=86400", "X-Content-Type-Options": "nosniff"}
    if sha256:
        headers["ETag"] = f'"{sha256}"'
        headers["Cache-Control"] = "private, max-age=31536000, immutable"  # content-addressed
    return FileResponse(path, media_type=media_type, headers=headers, stat_result=stat_result,
                        filename=filename, content_disposition_type="attachment" if filename else "inline")
