"""The page of one assessment: its header, verification, steps, photos and playable video.

``/console/assessments/{device_key_id}/{bundle_id}`` shows the pseudonym to every role; the
candidate's name is shown with ``?names=1`` only to a role allowed ``assessment.candidate_name``
(the page's button posts and is redirected there), and each showing is in the audit log, as is
each re-verification. Files are served only by the names the bundle lists (``bundle_files``), the video
proxies only as the provider's derivations name them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from markupsafe import Markup
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from assessor_app.provider.console import assessment_messages as m_
from assessor_app.provider.console import assessment_page_messages as P
from assessor_app.provider.console.assessment_list_view import assessment_url
from assessor_app.provider.console.assessment_view import AssessmentView, assessment_view
from assessor_app.provider.console.bundle_files import HeldBundle, NotHeld, content_type, held_bundle
from assessor_app.provider.console.errors import ConsoleError
from assessor_app.provider.console.web import ConsoleContext, console_view

BASE = "/assessments/{device_key_id}/{bundle_id}"
#: a photo opened by itself: the browser's own image viewer styles it inline (fit to the window, centred);
#: nothing else may load or run in that document
PHOTO_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
_CHUNK = 1 << 16


def bundle_of(ctx: ConsoleContext) -> HeldBundle:
    """The held bundle the path names, or the 404 page."""
    params = ctx.request.path_params
    try:
        return held_bundle(ctx.service, str(params.get("device_key_id", "")),
                           str(params.get("bundle_id", "")))
    except NotHeld as exc:
        raise ConsoleError(404, exc.message) from None


def video_segments(service: Any, bundle: HeldBundle) -> dict[str, Any]:
    """The bundle's video segments with the state of their web proxies, by manifest name (none when
    this provider has no web proxies: the page then offers the sealed originals only)."""
    try:
        from assessor_app.provider.media.bundle_video import BundleVideoError
        from assessor_app.provider.media.segments import segments_of
    except ImportError:
        return {}

    try:
        return {seg.name: seg for seg in segments_of(service, bundle.row)}
    except BundleVideoError as exc:
        raise ConsoleError(404, m_.RECORD_UNREADABLE(file=str(exc)[:200])) from None


def _view(ctx: ConsoleContext, *, show_names: bool, reverify: bool = False) -> AssessmentView:
    params = ctx.request.path_params
    try:
        return assessment_view(ctx.service, str(params["device_key_id"]), str(params["bundle_id"]),
                               show_names=show_names, language=ctx.language, reverify=reverify,
                               may_show_names=ctx.allowed("assessment.candidate_name"))
    except NotHeld as exc:
        raise ConsoleError(404, exc.message) from None


def _page(ctx: ConsoleContext, view: AssessmentView, notice: Any = None, *,
          credential_refused: list[Any] | None = None, status: int = 200) -> Response:
    from assessor_app.provider.console.credential_section import credential_section

    bundle = held_bundle(ctx.service, view.header.device_key_id, view.header.bundle_id)
    segments = video_segments(ctx.service, bundle) if any(s.video for s in view.steps) else {}
    plots = {s.id: Markup(s.plot.svg) for s in view.steps if s.plot is not None}  # escaped when drawn
    base = f"/console/assessments/{view.key}"
    return ctx.render("assessment.html", {
        "view": view, "P": P, "segments": segments, "plots": plots, "base": base, "notice": notice,
        "may_names": ctx.allowed("assessment.candidate_name"),
        "may_reverify": ctx.allowed("assessment.reverify"),
        "names_query": "?names=1" if view.show_names else "", "anonymised": False, "anon_photos": {},
        "credential": credential_section(ctx, view.header.device_key_id, view.header.bundle_id,
                                         refused=credential_refused)}, status=status)


@console_view("assessment.view")
def assessment_page(ctx: ConsoleContext) -> Response:
    names = ctx.query("names", longest=1) == "1"
    if names:
        ctx.require("assessment.candidate_name")
    view = _view(ctx, show_names=names)
    if names:  # the pseudonym only: the audit log is read by roles that do not see names
        ctx.audit("assessment.candidate_name", target=view.key,
                  detail={"candidate": view.header.candidate_id, "shown": view.header.candidate_is_name})
    else:
        ctx.audit("assessment.view", target=view.key, detail={"shown_name": False})
    return _page(ctx, view, P.NAME_SHOWN() if names else None)


@console_view("assessment.candidate_name", methods=("POST",))
def show_name(ctx: ConsoleContext) -> Response:
    """The button's form: answered by a redirect to the page with the name (audited there), so that the
    browser's Back and reload never ask to send a form again."""
    bundle = bundle_of(ctx)
    return ctx.redirect(f"{assessment_url(bundle.row.device, bundle.row.bundle_id)}?names=1")


@console_view("assessment.reverify", methods=("POST",))
def reverify(ctx: ConsoleContext) -> Response:
    view = _view(ctx, show_names=False, reverify=True)
    ctx.audit("assessment.reverify", target=view.key,
              detail={"ok": view.verification.ok, "problems": list(view.verification.problems[:20])})
    return _page(ctx, view, P.REVERIFIED())


def stream_file(bundle: HeldBundle, name: str, *, show_names: bool, download: str | None = None,
                media_type: str | None = None) -> Response:
    """A file the bundle lists, read through a descriptor opened without following a link."""
    try:
        fd, size = bundle.open(name, show_names=show_names)
    except NotHeld as exc:
        raise ConsoleError(404, exc.message) from None

    def chunks() -> Iterator[bytes]:
        with os.fdopen(fd, "rb") as f:
            while chunk := f.read(_CHUNK):
                yield chunk

    from assessor_app.provider.console.bundle_files import content_disposition

    headers = {"Content-Length": str(size), "X-Content-Type-Options": "nosniff",
               "Cache-Control": "private, max-age=3600"}
    headers["Content-Disposition"] = content_disposition(download) if download else "inline"
    return StreamingResponse(chunks(), media_type=media_type or content_type(name), headers=headers)


@console_view("assessment.view")
def photo(ctx: ConsoleContext) -> Response:
    """A photo of the bundle (a JPEG or PNG it lists), inline."""
    bundle = bundle_of(ctx)
    name = "data/" + str(ctx.request.path_params.get("name", ""))
    if not name.lower().endswith((".jpg", ".jpeg", ".png")) or name not in bundle.manifest:
        raise ConsoleError(404, m_.FILE_NOT_LISTED(name=name[:200]))
    response = stream_file(bundle, name, show_names=False)
    response.headers["Content-Security-Policy"] = PHOTO_CSP
    return response


@console_view("assessment.view")
def proxy(ctx: ConsoleContext) -> Response:
    """The web proxy of a video segment, for the page's <video> (Range requests answered)."""
    bundle = bundle_of(ctx)
    name = f"data/captures/video/{ctx.request.path_params.get('segment', '')}"
    segment = video_segments(ctx.service, bundle).get(name)
    if segment is None or segment.proxy_status != "done" or segment.proxy_path is None:
        raise ConsoleError(404, m_.FILE_NOT_LISTED(name=name[:200]))
    from assessor_app.provider.media.segments import WEBM, range_file_response  # there: it made the proxy

    store = ctx.service.store
    try:
        if store.objects.remote:  # streamed from the store (media.stored_range says why not a redirect)
            from assessor_app.provider.media.stored_range import stored_range_response

            key = segment.proxy_path.relative_to(store.config.folder).as_posix()
            return stored_range_response(ctx.request, store.objects, key, WEBM, sha256=segment.proxy_sha256)
        return range_file_response(ctx.request, segment.proxy_path, WEBM, sha256=segment.proxy_sha256)
    except FileNotFoundError:
        raise ConsoleError(404, m_.FILE_NOT_LISTED(name=name[:200])) from None


def routes() -> list[Route]:
    from assessor_app.provider.console.assessment_downloads import download_routes
    from assessor_app.provider.console.credential_section import issue

    return [Route(BASE, assessment_page, methods=["GET"]),
            Route(f"{BASE}/credential", issue, methods=["POST"]),
            Route(f"{BASE}/show-name", show_name, methods=["POST"]),
            Route(f"{BASE}/reverify", reverify, methods=["POST"]),
            Route(BASE + "/photo/{name:path}", photo, methods=["GET"]),
            Route(BASE + "/proxy/{segment}", proxy, methods=["GET"]),
            *download_routes(BASE)]
