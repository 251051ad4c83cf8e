"""``assessor eligibility``: the provider's eligibility list this workstation holds (when it was received,
as of when, how many learners), verified again; with ``--learner ID``, which checklists that learner
holds. Printed in the language chosen with ``--language`` (codes ``cli.eligibility.*``)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from assessor_app.cli_output import Printer
from assessor_app.i18n import LANGUAGES, Message, Plural, format_date, format_datetime

NONE = Message("cli.eligibility.none",
               "No eligibility list has been received from the provider yet: a checklist with prerequisites "
               "starts only for a candidate with a competent result of each recorded on this workstation.")
# TRANSLATORS: {received} is this workstation's time; {as_of} and {issued} are the provider's, in UTC
HELD = Message("cli.eligibility.held",
               "Eligibility list received {received}, as of {as_of} UTC (made by the provider {issued} UTC).")
LEARNERS = Plural("cli.eligibility.learners", "It names {n} learner holding {credentials}.",
                  "It names {n} learners holding {credentials}.")
CREDENTIALS = Plural("cli.eligibility.credentials", "{n} credential", "{n} credentials")
VERIFIED = Message("cli.eligibility.verified", "Its signature verifies with the provider key {key} pinned at "
                                               "enrollment.")
NOT_VERIFIED = Message("cli.eligibility.not_verified",
                       "Its signature does NOT verify with the provider key pinned at enrollment: {reason}")
NOT_ENROLLED = Message("cli.eligibility.not_enrolled",
                       "This workstation is not enrolled with a provider now: the signature was not checked.")
LEARNER_HOLDS = Plural("cli.eligibility.learner_holds", "Learner {learner} holds {n} credential in the list:",
                       "Learner {learner} holds {n} credentials in the list:")
LEARNER_NONE = Message("cli.eligibility.learner_none", "Learner {learner} holds no credential in the list.")
# TRANSLATORS: {checklist} is the checklist's title and id; {issued} a date
ITEM = Message("cli.eligibility.item", "{checklist}: credential {credential}, issued {issued}")
HERE = Plural("cli.eligibility.here", "Competent result recorded on this workstation: {checklists}",
              "Competent results recorded on this workstation: {checklists}")


def _local(us: int, language: str) -> str:
    moment = dt.datetime.fromtimestamp(us / 1e6).astimezone()
    return format_datetime(moment, language, tz=moment.tzinfo)


def _utc(us: int, language: str) -> str:
    return format_datetime(dt.datetime.fromtimestamp(us / 1e6, tz=dt.UTC), language)


def eligibility_report(p: Printer, store: Any, library: Any, enrollment: Any, learner: str | None) -> None:
    """What the workstation holds of the provider's list, and (``learner``) what one learner holds."""
    from assessor_app.core.gateways import NAMED
    from assessor_app.storage.eligibility import EligibilityStore
    from assessor_app.sync.eligibility import EligibilityError, verify_held

    book = EligibilityStore(store)
    held = book.held()
    if held is None:
        p(NONE())
    else:
        p(HELD(received=_local(held.received_us, p.language), as_of=_utc(held.as_of_us, p.language),
               issued=_utc(held.issued_us, p.language)))
        p(LEARNERS(n=held.learners, credentials=CREDENTIALS(n=held.entries)))
        if enrollment is None:
            p(NOT_ENROLLED())
        else:
            try:
                verify_held(book, enrollment)
                p(VERIFIED(key=enrollment.provider_key_id[:16]))
            except EligibilityError as exc:
                p(NOT_VERIFIED(reason=str(exc)))
    if learner is None:
        return

    def named(checklist: str) -> Any:
        loaded = library.checklists.get(checklist) if library is not None else None
        return NAMED(title=dict(loaded.spec.title), checklist=checklist) if loaded is not None else checklist

    holds = book.learner(learner) if held is not None else {}
    p("")
    p(LEARNER_HOLDS(learner=learner, n=len(holds)) if holds else LEARNER_NONE(learner=learner))
    for checklist, credential in holds.items():
        issued = dt.date.fromisoformat(credential.issued)
        p(ITEM(checklist=named(checklist), credential=credential.credential,
               issued=format_date(issued, p.language)), indent="  ")
    here = store.competent_here(learner)
    if here:
        p(HERE(n=len(here), checklists=[named(c) for c in sorted(here)]))


def cmd_eligibility(args: argparse.Namespace) -> int:
    from assessor_app.core.specs.library import load_library
    from assessor_app.paths import checklists_dir, data_dir, database_path
    from assessor_app.settings import load_settings
    from assessor_app.storage.store import AssessmentStore
    from assessor_app.sync.enrollment import open_outbox

    language = args.language or load_settings().language
    p = Printer(language if language in LANGUAGES else "en")
    folder = Path(args.data_dir) if args.data_dir else data_dir()
    store = AssessmentStore.open(database_path(folder))
    try:
        enrollment = open_outbox(store, folder).enrollment()
        library = load_library(checklists_dir()) if args.learner else None
        eligibility_report(p, store, library, enrollment, args.learner)
    finally:
        store.close()
    return 0


def register(subparsers: Any, language: Any) -> None:
    """Add ``eligibility`` to the ``assessor`` command (``language``: the --language argument type)."""
    parser = subparsers.add_parser(
        "eligibility", help="the provider's eligibility list held here (gated checklists), and a learner's "
                            "credentials in it")
    parser.add_argument("--learner", metavar="ID", help="the checklists this learner holds a credential for")
    parser.add_argument("--data-dir", help="the data folder (default: the app's)")
    parser.add_argument("--language", type=language, metavar="|".join(LANGUAGES),
                        help="the language to print in (default: the one in the app's settings)")
    parser.set_defaults(func=cmd_eligibility)
