"""A moderation cycle's report in the console: the page, its PDF, the statistics CSV and the verdicts CSV.

Every reader role may open the reports (moderation.report); which cycle's report a user may read is
permissions.may_read_cycle_report's answer: a moderator reads those of the cycles whose panel they
are on. Each download is in the audit log.
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from assessor_app.provider.console.bundle_files import content_disposition
from assessor_app.provider.console.errors import ConsoleError
from assessor_app.provider.console.permissions import may_read_cycle_report
from assessor_app.provider.console.web import ConsoleContext, console_view
from assessor_app.provider.moderation import report_messages as R
from assessor_app.provider.moderation.report import CycleReport
from assessor_app.provider.moderation.report_files import statistics_csv, verdicts_csv
from assessor_app.provider.moderation.report_pdf import render_report_pdf
from assessor_app.provider.moderation.report_store import UnknownCycle, cycle_names, cycle_report, on_panel
from assessor_app.provider.moderation.report_view import AGREEMENT_PART, OUTCOME_PART, report_view
from assessor_app.provider.store import Refused

LONGEST_CYCLE = 64


def _may_read(ctx: ConsoleContext, cycle: str) -> bool:
    session = ctx.session
    assert session is not None  # console_view("moderation.report") let only a session in
    return may_read_cycle_report(session.role, on_panel(ctx.service.store, cycle, session.user_name))


def _report(ctx: ConsoleContext) -> CycleReport:
    """The report of the cycle the path names, if there is one and the user may read it."""
    cycle = str(ctx.request.path_params.get("cycle", ""))
    if not cycle or len(cycle) > LONGEST_CYCLE:
        raise ConsoleError(404, R.UNKNOWN_CYCLE(cycle=cycle[:LONGEST_CYCLE]))
    try:
        report = cycle_report(ctx.service.store, cycle)
    except UnknownCycle as exc:
        raise ConsoleError(404, exc.msg) from None
    except Refused as exc:
        raise ConsoleError(503, exc.msg) from None
    if not _may_read(ctx, cycle):
        raise ConsoleError(403, R.NOT_ON_PANEL(cycle=cycle))
    return report


def _download(ctx: ConsoleContext, report: CycleReport, what: str, body: bytes, media_type: str,
              filename: str) -> Response:
    ctx.audit("moderation.report.download", target=report.cycle, detail={"what": what})
    return Response(body, media_type=media_type,
                    headers={"Content-Disposition": content_disposition(filename),
                             "X-Content-Type-Options": "nosniff"})


@console_view("moderation.report")
def reports_page(ctx: ConsoleContext) -> Response:
    cycles = [c for c in cycle_names(ctx.service.store) if _may_read(ctx, c)]
    return ctx.render("moderation_reports.html", {"R": R, "cycles": cycles})


@console_view("moderation.report")
def report_page(ctx: ConsoleContext) -> Response:
    report = _report(ctx)
    view = report_view(report, ctx.language, ctx.service.store.clock())
    return ctx.render("moderation_report.html", {"R": R, "view": view, "AGREEMENT": AGREEMENT_PART,
                                                 "OUTCOME": OUTCOME_PART})


@console_view("moderation.report")
def report_pdf(ctx: ConsoleContext) -> Response:
    report = _report(ctx)
    body = render_report_pdf(report_view(report, ctx.language, ctx.service.store.clock()))
    return _download(ctx, report, "pdf", body, "application/pdf",
                     f"moderation-{report.cycle}-{ctx.language}.pdf")


@console_view("moderation.report")
def report_csv(ctx: ConsoleContext) -> Response:
    report = _report(ctx)
    text = "\ufeff" + statistics_csv(report_view(report, ctx.language, ctx.service.store.clock()))
    return _download(ctx, report, "statistics.csv", text.encode("utf-8"), "text/csv; charset=utf-8",
                     f"moderation-{report.cycle}-statistics-{ctx.language}.csv")


@console_view("moderation.report")
def verdicts_download(ctx: ConsoleContext) -> Response:
    report = _report(ctx)
    return _download(ctx, report, "verdicts.csv", verdicts_csv(report).encode("utf-8"),
                     "text/csv; charset=utf-8", f"moderation-{report.cycle}-verdicts.csv")


def routes() -> list[Route]:
    return [Route("/moderation/reports", reports_page, methods=["GET"]),
            Route("/moderation/{cycle}/report", report_page, methods=["GET"]),
            Route("/moderation/{cycle}/report.pdf", report_pdf, methods=["GET"]),
            Route("/moderation/{cycle}/report.csv", report_csv, methods=["GET"]),
            Route("/moderation/{cycle}/verdicts.csv", verdicts_download, methods=["GET"])]
