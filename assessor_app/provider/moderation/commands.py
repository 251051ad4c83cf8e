"""``assessor provider moderation cycle|sample``: moderation cycles, and their drawn samples.

Everything printed is a message from the catalogs, in the language given with ``--language`` (else
the one in the app's settings); ids, digests and seeds are values, printed as they are.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from assessor_app.i18n import Msg, format_date, format_datetime, render
from assessor_app.provider.command_helpers import command_language, language_option

# the messages module is light (no SQLAlchemy); the rest is imported when a command runs
from assessor_app.provider.moderation import messages as m_


def _when(us: int, language: str) -> str:
    return format_datetime(dt.datetime.fromtimestamp(us / 1e6, tz=dt.UTC), language)


def _control(enhanced: bool) -> Msg:
    return m_.ENHANCED_CONTROL() if enhanced else m_.STANDARD_CONTROL()


def reason_message(code: str, value: str, weight: float | None) -> Msg:
    """Why an assessment was drawn, as a message (a risk names its signal, an outcome its term)."""
    from assessor_app.core.terms import term

    if code == "risk":
        signal = m_.SIGNALS[value]() if value in m_.SIGNALS else value
        return m_.REASONS["risk"](value=signal, weight=weight if weight is not None else 0)
    if code == "coverage_outcome":
        return m_.REASONS[code](value=term(value) or m_.NO_OUTCOME())
    if code in m_.REASONS:
        return m_.REASONS[code](value=value)
    return Msg(code, {"value": value})


def sample_lines(drawn: Any, language: str) -> list[str]:
    """The head, digest, strata, every sampled assessment with its reasons, and the coverage."""
    sample, cycle = drawn.sample, drawn.cycle
    seed = str(sample.seed)
    if drawn.status == "same":
        head = m_.SAMPLE_SAME(cycle=cycle.name, seed=seed)
    elif drawn.status == "replaced" and drawn.replaced is not None:
        head = m_.SAMPLE_REPLACED(cycle=cycle.name, seed=seed, old_seed=str(drawn.replaced[0]),
                                  old_digest=drawn.replaced[1])
    else:
        head = m_.SAMPLE_DRAWN(cycle=cycle.name, seed=seed)
    lines = [head, m_.DIGEST(digest=sample.digest), m_.STRATA_HEADING()]
    lines += [m_.STRATUM(stratum=str(s.stratum), size=s.size, floor=s.floor, drawn=s.drawn)
              for s in sample.strata]
    lines.append(m_.SAMPLED_HEADING(n=len(sample.drawn)))
    out = [render(line, language) for line in lines]
    for item in sample.drawn:
        e = item.entry
        reasons = [reason_message(r.code, r.value, r.weight) for r in item.reasons]
        line = m_.SAMPLED(assessment=drawn.assessment_id(e.key) or "-", bundle=e.key.bundle_id,
                          workshop=e.workshop, assessor=e.assessor, stratum=str(e.stratum), reasons=reasons)
        out.append("  " + render(line, language))
    frame = [r.entry for r in drawn.frame]
    out.append(render(m_.COVERAGE(
        assessors=len({i.entry.assessor for i in sample.drawn}),
        assessors_in_frame=len({e.assessor for e in frame}),
        workshops=len({i.entry.workshop for i in sample.drawn}),
        workshops_in_frame=len({e.workshop for e in frame})), language))
    return out


def cycle_lines(cycle: Any, sample_row: Any, language: str, *, detailed: bool) -> list[str]:
    start, to = format_date(cycle.first_day, language), format_date(cycle.last_day, language)
    if not detailed:
        sample = (m_.NOT_DRAWN() if sample_row is None
                  else m_.DRAWN(n=sample_row.drawn, seed=str(sample_row.seed)))
        return [render(m_.CYCLE_LINE(cycle=cycle.name, start=start, to=to, checklists=list(cycle.checklists),
                                     control=_control(cycle.enhanced_control), sample=sample), language)]
    lines: list[Msg] = [
        m_.SHOW_HEAD(cycle=cycle.name), m_.SHOW_PERIOD(start=start, to=to),
        m_.SHOW_CHECKLISTS(checklists=list(cycle.checklists)),
        m_.SHOW_MODERATORS(moderators=list(cycle.moderators) if cycle.moderators else m_.NOBODY()),
        m_.SHOW_CONTROL(control=_control(cycle.enhanced_control)),
        m_.SHOW_CREATED(when=_when(cycle.created_us, language), who=cycle.created_by),
        m_.NOT_DRAWN() if sample_row is None else m_.SHOW_SAMPLE(
            seed=str(sample_row.seed), digest=sample_row.digest, when=_when(sample_row.drawn_us, language),
            who=sample_row.drawn_by),
    ]
    return [render(line, language) for line in lines]


def cmd_cycle(args: argparse.Namespace) -> int:
    from assessor_app.provider.commands import service_for
    from assessor_app.provider.moderation.cycles import Cycles
    from assessor_app.provider.moderation.draws import sample_summary

    language = command_language(args)
    service = service_for(args)
    try:
        cycles = Cycles(service.store)
        command = args.cycle_command
        if command == "create":
            created = cycles.create(args.name, first_day=args.period_from, last_day=args.period_to,
                                    checklists=args.checklist or [], moderators=args.moderator or [],
                                    enhanced_control=args.enhanced_control)
            print(render(m_.CREATED(cycle=created.cycle.name), language))
            for warning in created.warnings:
                print(render(m_.WARNING(text=warning), language))
            lines = cycle_lines(created.cycle, None, language, detailed=True)[1:]
        elif command == "list":
            found = cycles.all()
            lines = [render(m_.CYCLES_HEADING(n=len(found)) if found else m_.NO_CYCLES(), language)]
            for cycle in found:
                summary = sample_summary(service.store, cycle.name)
                lines += ["  " + line for line in cycle_lines(cycle, summary, language, detailed=False)]
        elif command == "show":
            cycle = cycles.get(args.name)
            lines = cycle_lines(cycle, sample_summary(service.store, cycle.name), language, detailed=True)
        elif command == "close":
            closed = cycles.close(args.name)
            lines = [render(m_.CLOSED(cycle=closed.name), language)]
        elif command == "add-moderator":
            cycles.add_moderator(args.name, args.user)
            lines = [render(m_.MODERATOR_ADDED(user=args.user.strip().lower(), cycle=args.name), language)]
        else:
            cycles.remove_moderator(args.name, args.user)
            lines = [render(m_.MODERATOR_REMOVED(user=args.user.strip().lower(), cycle=args.name), language)]
    finally:
        service.close()
    print("\n".join(lines))
    return 0


def cmd_sample(args: argparse.Namespace) -> int:
    from assessor_app.provider.commands import service_for
    from assessor_app.provider.moderation import draws

    language = command_language(args)
    service = service_for(args)
    try:
        if args.check:
            checked = draws.check(service.store, args.cycle)
        else:
            lines = sample_lines(draws.draw(service.store, args.cycle, args.seed), language)
    finally:
        service.close()
    if not args.check:
        print("\n".join(lines))
        return 0
    out: list[Msg] = []
    if checked.stored_digest != checked.computed_digest:
        out.append(m_.CHECK_DIGEST(computed=checked.computed_digest, stored=checked.stored_digest))
    if not checked.rows_match:
        out.append(m_.CHECK_ROWS(detail=checked.detail))
    if checked.ok:
        out.append(m_.CHECK_OK(seed=str(checked.seed), digest=checked.stored_digest, n=checked.drawn))
    out.append(m_.CHECK_FRAME_CURRENT() if checked.frame_current else m_.CHECK_FRAME_CHANGED())
    print("\n".join(render(line, language) for line in out))
    return 0 if checked.ok else 1


def _seed(value: str) -> int:
    from assessor_app.provider.moderation.draws import MAX_SEED

    if value.isascii() and value.isdigit() and int(value) <= MAX_SEED:
        return int(value)
    raise argparse.ArgumentTypeError(render(m_.BAD_SEED(high=str(MAX_SEED), value=value[:30]), "en"))


def register(sub: Any, common: Any) -> Any:
    """Add ``provider moderation cycle ...`` and ``provider moderation sample ...``; returns the
    ``moderation`` group's subparsers, for the other parts of moderation to add theirs."""

    with_language = language_option(common)

    moderation = sub.add_parser("moderation", help="external moderation: cycles and their samples")
    msub = moderation.add_subparsers(dest="moderation_command", required=True)
    cycle = msub.add_parser("cycle", help="moderation cycles: a period, its checklists, its moderators")
    csub = cycle.add_subparsers(dest="cycle_command", required=True)
    create = with_language(csub.add_parser("create", help="create a moderation cycle"))
    create.add_argument("name", help="the cycle's name, e.g. 2027-H1")
    create.add_argument("--from", dest="period_from", required=True, metavar="YYYY-MM-DD",
                        help="the first day of the period (assessments ended from this day, UTC)")
    create.add_argument("--to", dest="period_to", required=True, metavar="YYYY-MM-DD",
                        help="the last day of the period (included)")
    create.add_argument("--checklist", action="append", required=True, metavar="ID",
                        help="a checklist (every version) in the cycle's scope; repeat for several")
    create.add_argument("--moderator", action="append", metavar="USER",
                        help="a console user with the role moderator; repeat for several")
    create.add_argument("--enhanced-control", action="store_true",
                        help="the centre is under enhanced control: higher floors per stratum")
    with_language(csub.add_parser("list", help="list the moderation cycles"))
    show = with_language(csub.add_parser("show", help="show a moderation cycle"))
    show.add_argument("name")
    close = with_language(csub.add_parser(
        "close", help="close a cycle: no more verdicts, panel changes or draws; its report is final"))
    close.add_argument("name")
    for verb, text in (("add-moderator", "put a moderator on a cycle's panel"),
                       ("remove-moderator", "take a moderator off a cycle's panel")):
        change = with_language(csub.add_parser(verb, help=text))
        change.add_argument("name", help="the cycle")
        change.add_argument("user", help="the console user")
    cycle.set_defaults(func=cmd_cycle)

    sample = with_language(msub.add_parser(
        "sample", help="draw a cycle's sample with a seed (the same seed on the same frame gives the same "
                       "sample), or check the stored one"))
    sample.add_argument("cycle")
    how = sample.add_mutually_exclusive_group(required=True)
    how.add_argument("--seed", type=_seed, help="the seed of the draw, a whole number (e.g. from dice rolled "
                                                "by the panel)")
    how.add_argument("--check", action="store_true",
                     help="re-draw the stored sample from its stored frame, policy and seed, and compare")
    sample.set_defaults(func=cmd_sample)
    return msub
