"""The downloads of one assessment: the PDF record, the sealed archive, the CAN segments (BLF), the
sealed original video segments and a CSV of the steps. Each download is in the audit log.

With ``?names=1`` (a role allowed ``assessment.candidate_name``) the PDF record and the archive carry
the identity; otherwise the PDF is the anonymised one and the archive is the anonymised copy that
``evidence.anonymise`` makes and verifies (a bundle sealed with the names in its record has none:
it is refused with the reason).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

from starlette.background import BackgroundTask
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from assessor_app.evidence.anonymise import anonymise_bundle
from assessor_app.evidence.archive import write_archive
from assessor_app.evidence.bundle import BundleError
from assessor_app.evidence.identity import keeps_identity_apart
from assessor_app.evidence.record_shape import RECORD_JSON
from assessor_app.provider.console import assessment_messages as m_
from assessor_app.provider.console import assessment_page_messages as P
from assessor_app.provider.console import screens_messages as SM
from assessor_app.provider.console.assessment_csv import steps_csv
from assessor_app.provider.console.assessment_pages import bundle_of, stream_file
from assessor_app.provider.console.assessment_view import assessment_view
from assessor_app.provider.console.bundle_files import HeldBundle, NotHeld, content_disposition
from assessor_app.provider.console.errors import ConsoleError
from assessor_app.provider.console.web import ConsoleContext, console_view

log = logging.getLogger(__name__)


def _names(ctx: ConsoleContext) -> bool:
    """Whether the download carries the identity: asked for, and the role may see names."""
    if ctx.request.query_params.get("names") != "1":
        return False
    if not ctx.allowed("assessment.candidate_name"):
        raise ConsoleError(403, P.NAMES_NOT_ALLOWED())
    return True


def _audit(ctx: ConsoleContext, bundle: HeldBundle, what: str, *, action: str = "assessment.download",
           **detail: object) -> None:
    ctx.audit(action, target=bundle.key, detail={"what": what, **detail})


@console_view("assessment.download")
def download_pdf(ctx: ConsoleContext) -> Response:
    return pdf_response(ctx, bundle_of(ctx), names=_names(ctx))


def pdf_response(ctx: ConsoleContext, bundle: HeldBundle, *, names: bool,
                 action: str = "assessment.download") -> Response:
    """The PDF record in the page's language (with names only when ``names``), audited as ``action``."""
    name = bundle.record_pdf(ctx.language, show_names=names)
    if name is None:
        raise ConsoleError(404, P.NO_PDF())
    _audit(ctx, bundle, "pdf", action=action, file=name, names=names)
    suffix = "-names" if name.startswith("identity/") else ""
    return stream_file(bundle, name, show_names=names,
                       download=f"{bundle.row.bundle_id}{suffix}-{name.rsplit('/', 1)[-1]}")


@console_view("assessment.download")
def download_archive(ctx: ConsoleContext) -> Response:
    """The sealed bundle as a .tar: whole with ``names``, else the verified anonymised copy."""
    return archive_response(ctx, bundle_of(ctx), names=_names(ctx))


def archive_response(ctx: ConsoleContext, bundle: HeldBundle, *, names: bool,
                     action: str = "assessment.download") -> Response:
    """The archive (the anonymised copy unless ``names``), audited as ``action``."""
    if not names and _identity_embedded(bundle):
        raise ConsoleError(403, P.NO_NAMES_ARCHIVE())
    work = Path(tempfile.mkdtemp(prefix="console-archive-", dir=ctx.service.store.staging_dir))
    cleanup = BackgroundTask(shutil.rmtree, work, ignore_errors=True)
    try:
        if names:
            tar = write_archive(bundle.root, work / f"{bundle.row.bundle_id}.tar")
        else:
            try:
                made = anonymise_bundle(bundle.root, work / "copy", archive=True).archive
            except BundleError as exc:  # it no longer verifies, or a name is outside identity/
                log.warning("no copy without personal data of %s: %s", bundle.key, exc)
                raise ConsoleError(404, SM.ARCHIVE_REFUSED()) from None
            assert made is not None  # asked for with archive=True
            tar = made
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    _audit(ctx, bundle, "archive", action=action, names=names)
    filename = f"{bundle.row.bundle_id}{'' if names else '-anonymised'}.tar"
    return FileResponse(tar, media_type="application/x-tar", background=cleanup,
                        headers={"Content-Disposition": content_disposition(filename),
                                 "X-Content-Type-Options": "nosniff"})


def _identity_embedded(bundle: HeldBundle) -> bool:
    """Whether the record's events hold the names (sealed before identity was kept apart)."""
    try:
        record = json.loads(bundle.read(RECORD_JSON, show_names=False, limit=256 * 1024**2))
    except (NotHeld, ValueError, UnicodeDecodeError):
        return True  # unreadable: not handed out as if it had no names
    started = record.get("started") if isinstance(record, dict) else None
    return not (isinstance(started, dict) and keeps_identity_apart(started))


def _segment(ctx: ConsoleContext, bundle: HeldBundle, folder: str, suffix: str) -> str:
    segment = str(ctx.request.path_params.get("segment", ""))
    name = f"data/captures/{folder}/{segment}"
    if "/" in segment or not segment.endswith(suffix) or name not in bundle.manifest:
        raise ConsoleError(404, m_.FILE_NOT_LISTED(name=name[:200]))
    return name


@console_view("assessment.download")
def download_can(ctx: ConsoleContext) -> Response:
    bundle = bundle_of(ctx)
    name = _segment(ctx, bundle, "can", ".blf")
    _audit(ctx, bundle, "can", file=name)
    return stream_file(bundle, name, show_names=False,
                       download=f"{bundle.row.bundle_id}-{name.rsplit('/', 1)[-1]}")


@console_view("assessment.download")
def download_video(ctx: ConsoleContext) -> Response:
    """The sealed original segment (MPEG-TS), answering Range requests (a resumed download)."""
    bundle = bundle_of(ctx)
    name = _segment(ctx, bundle, "video", ".ts")
    store = ctx.service.store
    download = content_disposition(f"{bundle.row.bundle_id}-{name.rsplit('/', 1)[-1]}")
    if store.objects.remote and bundle.local is None:  # streamed from the store, never fetched whole
        from assessor_app.provider.media.stored_range import stored_range_response

        try:
            response = stored_range_response(ctx.request, store.objects, store.bundle_key(
                bundle.row.device, bundle.row.bundle_id, name), "video/mp2t", sha256=bundle.manifest[name])
        except FileNotFoundError:
            raise ConsoleError(404, m_.FILE_NOT_LISTED(name=name[:200])) from None
        response.headers["Content-Disposition"] = download
        _audit(ctx, bundle, "video", file=name)
        return response
    try:
        fd, _size = bundle.open(name, show_names=False)  # a plain file the bundle lists, no link
    except NotHeld as exc:
        raise ConsoleError(404, exc.message) from None
    os.close(fd)
    _audit(ctx, bundle, "video", file=name)
    return FileResponse(bundle.root / name, media_type="video/mp2t",
                        headers={"Content-Disposition": content_disposition(
                            f"{bundle.row.bundle_id}-{name.rsplit('/', 1)[-1]}"),
                                 "ETag": f'"{bundle.manifest[name]}"', "X-Content-Type-Options": "nosniff"})


@console_view("assessment.download")
def download_csv(ctx: ConsoleContext) -> Response:
    bundle = bundle_of(ctx)
    names = _names(ctx)
    try:
        view = assessment_view(ctx.service, bundle.row.device, bundle.row.bundle_id, show_names=names,
                               language=ctx.language, plots=False)
    except NotHeld as exc:
        raise ConsoleError(404, exc.message) from None
    _audit(ctx, bundle, "steps.csv", names=names)
    body = "\ufeff" + steps_csv(view)  # the mark lets a spreadsheet read it as UTF-8
    return Response(body.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": content_disposition(f"{bundle.row.bundle_id}-steps.csv"),
                             "X-Content-Type-Options": "nosniff"})


def download_routes(base: str) -> list[Route]:
    return [Route(f"{base}/download/pdf", download_pdf, methods=["GET"]),
            Route(f"{base}/download/archive", download_archive, methods=["GET"]),
            Route(f"{base}/download/steps.csv", download_csv, methods=["GET"]),
            Route(base + "/download/can/{segment}", download_can, methods=["GET"]),
            Route(base + "/download/video/{segment}", download_video, methods=["GET"])]
