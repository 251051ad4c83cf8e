"""A proxy or sealed segment served from the object store with HTTP Range requests.

The console streams the bytes from the store through itself rather than redirecting the browser
to a presigned URL: the store sits on the provider's private network (the browser of a moderator
at home cannot reach it), every download is audited and checked by the console's permissions, and
a presigned URL, once handed out, is a bearer link anyone can replay until it expires. What it
answers matches ``range_file_response``: one range is 206 with Content-Range (the bytes asked for
are the only ones fetched from the store), past the end is 416 with ``bytes */size``, If-Range
with another ETag gives the whole file, HEAD gives the headers; several ranges in one request get
the whole file (200), which HTTP allows and browsers' players never ask for.
"""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse

from assessor_app.provider.objects import ObjectStore

_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


def stored_range_response(request: Request, objects: ObjectStore, key: str, media_type: str, *,
                          sha256: str | None = None, filename: str | None = None) -> Response:
    """The object ``key`` with Range support; ObjectMissing (a FileNotFoundError) when it is not
    there (the caller answers 404). The caller has checked who may see it."""
    size = objects.size(key)
    headers = {"Accept-Ranges": "bytes", "Cache-Control": "private, max-age=86400",
               "X-Content-Type-Options": "nosniff",
               "Content-Disposition": f'attachment; filename="{filename}"' if filename else "inline"}
    if sha256:
        headers["ETag"] = f'"{sha256}"'
        headers["Cache-Control"] = "private, max-age=31536000, immutable"  # content-addressed
    start, end, status = 0, size - 1, 200
    asked = request.headers.get("range", "").strip()
    if_range = request.headers.get("if-range")
    if asked and (if_range is None or if_range == headers.get("ETag")):
        if "," not in asked:
            match = _RANGE.fullmatch(asked.replace(" ", ""))
            if match is None or match.groups() == ("", ""):
                return PlainTextResponse(f"malformed Range header: {asked[:100]}", status_code=400)
            first, last = match.groups()
            if first == "":  # the last N bytes
                start, end = max(0, size - int(last)), size - 1
            else:
                start, end = int(first), min(int(last), size - 1) if last else size - 1
            if start >= size or start > end:
                return Response(status_code=416, headers={"Content-Range": f"bytes */{size}",
                                                          "Accept-Ranges": "bytes"})
            status = 206
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    headers["Content-Length"] = str(end - start + 1 if size else 0)
    if request.method == "HEAD" or size == 0:
        return Response(status_code=status, headers=headers, media_type=media_type)
    return StreamingResponse(objects.iter_range(key, start, end), status_code=status, headers=headers,
                             media_type=media_type)
