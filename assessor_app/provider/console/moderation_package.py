"""The anonymised package of one sampled assessment, the verdict form and the verdict history.

``/console/moderation/{cycle}/{device}/{bundle}`` is the assessment page in its anonymised form:
the pseudonym, no name, no VIN; video only from face-blurred copies (``anon-proxy``), photos only
from anonymised copies (``anon-photo``), and of the downloads only the PDF record without names
and the anonymised archive. A moderator on the cycle's panel records a signed verdict with the form
below the steps (POST, then redirected back to the page); every verdict recorded is listed with
the result of checking its signature, hash and chain. Views and verdicts are in the audit log.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from starlette.responses import Response
from starlette.routing import Route

from assessor_app.provider.console import assessment_messages as m_
from assessor_app.provider.console import assessment_page_messages as P
from assessor_app.provider.console import moderation_messages as MM
from assessor_app.provider.console.assessment_downloads import archive_response, pdf_response
from assessor_app.provider.console.assessment_pages import PHOTO_CSP, bundle_of, video_segments
from assessor_app.provider.console.assessment_view import assessment_view, checklist_spec
from assessor_app.provider.console.bundle_files import HeldBundle, NotHeld, content_type
from assessor_app.provider.console.errors import ConsoleError
from assessor_app.provider.console.moderation_form import (
    FormAnswers,
    defaults,
    questions,
    read_form,
    result_word,
)
from assessor_app.provider.console.moderation_media import ANON_PHOTO, ANON_VIDEO, anon_copies
from assessor_app.provider.console.moderation_views import cycle_url, package_url, require_cycle
from assessor_app.provider.console.permissions import may_moderate
from assessor_app.provider.console.web import ConsoleContext, console_view
from assessor_app.provider.moderation.verdict_check import verify_cycle
from assessor_app.provider.moderation.verdict_document import STEP_RESULTS, VerdictDocument, VerdictError
from assessor_app.provider.moderation.verdicts import (
    VerdictDraft,
    VerdictRefused,
    is_sampled,
    record_verdict,
    verdict_rows,
)


def _package(ctx: ConsoleContext, action: str) -> tuple[Any, HeldBundle]:
    """The cycle and the held bundle the path names, if it is in the cycle's sample and the user may
    do ``action`` on the cycle."""
    cycle = require_cycle(ctx, action)
    params = ctx.request.path_params
    device, bundle_id = str(params.get("device_key_id", "")), str(params.get("bundle_id", ""))
    if not is_sampled(ctx.service.store, cycle.name, device, bundle_id):
        raise ConsoleError(404, MM.ERR_NOT_SAMPLED(cycle=cycle.name))
    return cycle, bundle_of(ctx)


def _history(ctx: ConsoleContext, cycle: Any, bundle: HeldBundle) -> list[dict[str, Any]]:
    """The verdicts on the assessment, newest first, each with its check (a moderator: their own)."""
    session = ctx.session
    assert session is not None
    rows = verdict_rows(ctx.service.store, cycle.name, bundle.row.device, bundle.row.bundle_id)
    checks = verify_cycle(ctx.service.store, cycle.name, bundle.row.device, bundle.row.bundle_id)
    newest: dict[str, int] = {}
    for row in rows:
        newest[row.moderator] = row.id
    out = []
    for row in reversed(rows):
        if session.role == "moderator" and row.moderator != session.user_name:
            continue  # moderators judge on their own: another's verdict is not shown to them
        check = checks.of(row.id)
        try:
            document = VerdictDocument.from_canonical(row.document)
            disagreements = ", ".join(s.step for s in document.disagreements)
        except VerdictError:
            disagreements = ""
        out.append({"id": row.id, "when": row.recorded_us, "moderator": row.moderator,
                    "decision": row.decision, "disagreements": disagreements, "key_id": row.key_id,
                    "ok": bool(check and check.ok), "problems": list(check.problems) if check else [],
                    "current": newest.get(row.moderator) == row.id, "sha256": row.sha256})
    return out


def _render(ctx: ConsoleContext, answers: FormAnswers | None = None, *, status: int = 200) -> Response:
    cycle, bundle = _package(ctx, "moderation.view")
    try:
        view = assessment_view(ctx.service, bundle.row.device, bundle.row.bundle_id, show_names=False,
                               language=ctx.language, may_show_names=False)
    except NotHeld as exc:
        raise ConsoleError(404, exc.message) from None
    segments = video_segments(ctx.service, bundle) if any(s.video for s in view.steps) else {}
    videos = anon_copies(ctx.service, ANON_VIDEO, {name: seg.sha256 for name, seg in segments.items()})
    photo_names = {p.name for s in view.steps for p in s.photos}
    photos = anon_copies(ctx.service, ANON_PHOTO, {n: bundle.manifest[n] for n in photo_names
                                                   if n in bundle.manifest})
    session = ctx.session
    assert session is not None
    q = questions(bundle, checklist_spec(bundle), ctx.language)
    may_verdict = cycle.closed_us is None and may_moderate(
        ctx.service.store, session.user_name, session.role, "moderation.verdict", cycle.name)
    base = package_url(cycle.name, bundle.row.device, bundle.row.bundle_id)
    recorded = ctx.query("recorded", longest=1) == "1"
    return ctx.render("moderation_package.html", {
        "view": view, "P": P, "MM": MM, "segments": videos, "anon_photos": {n: c for n, c in photos.items()
                                                                          if c.proxy_status == "done"},
        "plots": {s.id: Markup(s.plot.svg) for s in view.steps if s.plot is not None}, "base": base,
        "notice": None, "recorded": recorded and answers is None, "may_names": False,
        "may_reverify": False, "names_query": "", "anonymised": True, "cycle": cycle, "questions": q,
        "answers": answers or defaults(q), "results": STEP_RESULTS,
        "result_words": {code: result_word(code, ctx.language) for code in STEP_RESULTS},
        "may_verdict": may_verdict, "history": _history(ctx, cycle, bundle),
        "sample_url": cycle_url(cycle.name)}, status=status)


@console_view("moderation.view")
def package_page(ctx: ConsoleContext) -> Response:
    response = _render(ctx)
    params = ctx.request.path_params
    ctx.audit("moderation.view", target=f"{params.get('cycle', '')}/{params.get('device_key_id', '')}/"
              f"{params.get('bundle_id', '')}")
    return response


@console_view("moderation.verdict", methods=("POST",))
def record(ctx: ConsoleContext) -> Response:
    """The verdict form: recorded and redirected back to the page, or the page again with the problems."""
    cycle, bundle = _package(ctx, "moderation.verdict")
    session = ctx.session
    assert session is not None
    q = questions(bundle, checklist_spec(bundle), ctx.language)
    answers, verdict = read_form(q, lambda name: ctx.field(name, longest=20_000))
    if verdict is None:
        return _render(ctx, answers, status=400)
    draft = VerdictDraft(cycle.name, bundle.row.device, bundle.row.bundle_id, session.user_name,
                         verdict.steps, verdict.rubric, verdict.decision, verdict.comment)
    try:
        stored = record_verdict(ctx.service.store, draft)
    except VerdictRefused as exc:
        answers.problems.append(exc.message)
        return _render(ctx, answers, status=409)
    ctx.audit("moderation.verdict", target=f"{cycle.name}/{bundle.key}",
              detail={"sha256": stored.sha256, "previous_sha256": stored.previous_sha256,
                      "key_id": stored.key_id, "decision": verdict.decision,
                      "steps_not_agreed": [s.step for s in stored.document.disagreements]})
    page = package_url(cycle.name, bundle.row.device, bundle.row.bundle_id)
    return ctx.redirect(f"{page}?recorded=1#history")


@console_view("moderation.view")
def photo(ctx: ConsoleContext) -> Response:
    """A photo's anonymised copy (never the sealed photo)."""
    _cycle, bundle = _package(ctx, "moderation.view")
    name = "data/" + str(ctx.request.path_params.get("name", ""))
    if not name.lower().endswith((".jpg", ".jpeg", ".png")) or name not in bundle.manifest:
        raise ConsoleError(404, m_.FILE_NOT_LISTED(name=name[:200]))
    copy = anon_copies(ctx.service, ANON_PHOTO, {name: bundle.manifest[name]}).get(name)
    if copy is None or copy.proxy_path is None:
        raise ConsoleError(404, MM.ANON_PENDING())
    from assessor_app.provider.media.segments import range_file_response

    try:
        response = range_file_response(ctx.request, copy.proxy_path, content_type(copy.proxy_path.name),
                                       sha256=copy.proxy_sha256)
    except FileNotFoundError:
        raise ConsoleError(404, MM.ANON_PENDING()) from None
    response.headers["Content-Security-Policy"] = PHOTO_CSP
    return response


@console_view("moderation.view")
def proxy(ctx: ConsoleContext) -> Response:
    """A video segment's face-blurred copy, for the page's <video> (Range requests answered)."""
    _cycle, bundle = _package(ctx, "moderation.view")
    name = f"data/captures/video/{ctx.request.path_params.get('segment', '')}"
    segment = video_segments(ctx.service, bundle).get(name)
    copy = anon_copies(ctx.service, ANON_VIDEO, {name: segment.sha256}).get(name) if segment else None
    if copy is None or copy.proxy_path is None:
        raise ConsoleError(404, MM.ANON_PENDING())
    from assessor_app.provider.media.segments import WEBM, range_file_response

    try:
        return range_file_response(ctx.request, copy.proxy_path, WEBM, sha256=copy.proxy_sha256)
    except FileNotFoundError:
        raise ConsoleError(404, MM.ANON_PENDING()) from None


@console_view("moderation.download")
def download_pdf(ctx: ConsoleContext) -> Response:
    _cycle, bundle = _package(ctx, "moderation.download")
    return pdf_response(ctx, bundle, names=False, action="moderation.download")


@console_view("moderation.download")
def download_archive(ctx: ConsoleContext) -> Response:
    _cycle, bundle = _package(ctx, "moderation.download")
    return archive_response(ctx, bundle, names=False, action="moderation.download")


def package_routes(base: str) -> list[Route]:
    return [Route(base, package_page, methods=["GET"]),
            Route(f"{base}/verdict", record, methods=["POST"]),
            Route(base + "/photo/{name:path}", photo, methods=["GET"]),
            Route(base + "/proxy/{segment}", proxy, methods=["GET"]),
            Route(f"{base}/download/pdf", download_pdf, methods=["GET"]),
            Route(f"{base}/download/archive", download_archive, methods=["GET"])]
