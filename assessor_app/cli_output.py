"""What the ``assessor`` command prints for a person, in the language chosen with ``--language``.

Every line is a message (codes ``cli.*``) rendered from the catalogs: numbers, sizes, dates and
durations as the language writes them, the engine's codes as the product's terms. File paths, ids,
hashes and command examples are values, printed as they are.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from assessor_app.core.terms import term
from assessor_app.i18n import (
    LANGUAGES,
    Message,
    Msg,
    Plural,
    format_datetime,
    format_quantity,
    render,
    render_stored,
)

if TYPE_CHECKING:
    from assessor_app.core.specs.library import Library
    from assessor_app.demo import DemoResult
    from assessor_app.demo.delivery import DemoDelivery
    from assessor_app.evidence.verify import Verification

UNKNOWN_LANGUAGE = Message("cli.unknown_language", "there is no language {language}: use one of {languages}")

# ---------------------------------------------------------------- checklist list / validate
FOLDER_FOUND = Message("cli.folder_found", "{folder}: {checklists}, {parameter_sets}, {problems}")
NO_SUCH_FOLDER = Message("cli.no_such_folder", "{folder}: no such folder")
# TRANSLATORS: English writes these counts with "(s)" in both forms; use your plural forms
CHECKLISTS = Plural("cli.checklists", "{n} checklist(s)", "{n} checklist(s)")
PARAMETER_SETS = Plural("cli.parameter_sets", "{n} parameter set(s)", "{n} parameter set(s)")
PROBLEMS = Plural("cli.problems", "{n} problem(s)", "{n} problem(s)")
CHECKLISTS_HEADING = Message("cli.checklists_heading",
                             "Checklists (the newest version of each is offered for new assessments):")
OLDER_VERSION = Message("cli.older_version", "(older version: not offered)")
GATEWAY = Message("cli.gateway", "gateway {gateway}")
NO_GATEWAY = Message("cli.no_gateway", "no gateway")
CHECKLIST_FACTS = Message("cli.checklist_facts",
                          "{gateway}, EQF {eqf}, {steps} ({critical}), languages {languages}, "
                          "sha256 {sha256}")
STEPS = Plural("cli.steps", "{n} step", "{n} steps")
CRITICAL = Plural("cli.critical", "{n} critical", "{n} critical")
PARAMETER_SETS_HEADING = Message("cli.parameter_sets_heading", "Parameter sets:")
NO_FILES = Message("cli.no_files", "no checklist or parameter-set files found")
FILES_VALID = Plural("cli.files_valid", "{valid} of {n} file(s) valid", "{valid} of {n} file(s) valid")

# ---------------------------------------------------------------- assessments list / show
NO_ASSESSMENTS = Message("cli.no_assessments", "no assessments")
RESUMABLE = Plural("cli.resumable", "{n} assessment in progress can be resumed where it stopped.",
                   "{n} assessments in progress can be resumed where they stopped.")
SHOW_HEAD = Message("cli.show_head", "Assessment {id}: {status}, outcome {outcome}")
SHOW_PEOPLE = Message("cli.show_people", "candidate {candidate} ({candidate_id}), assessor {assessor}")
SHOW_CHECKLIST = Message("cli.show_checklist", "checklist {checklist} {version} sha256 {sha256}")
SHOW_PARAMETERS = Message("cli.show_parameters", "parameters {parameters} {version} sha256 {sha256}")
SHOW_EVENTS = Plural("cli.show_events", "{n} event; hash chain and every rule decision verified by replay",
                     "{n} events; hash chain and every rule decision verified by replay")
SHOW_HEAD_HASH = Message("cli.show_head_hash", "head {hash}")

# ---------------------------------------------------------------- seal, record, clip
PIN_PROMPT = Message("cli.pin_prompt", "PIN or passphrase of assessor {assessor}: ")
SEALED = Message("cli.sealed", "Sealed: {path}")
SEALED_FILES = Plural("cli.sealed_files", "{n} payload file, {size} bytes; manifest sha256 {sha256}",
                      "{n} payload files, {size} bytes; manifest sha256 {sha256}")
PDF_RECORD = Message("cli.pdf_record", "PDF record: {path}")
PDF_RECORD_ALSO = Message("cli.pdf_record_also", "PDF record: {path}  (also in: {languages})")
ARCHIVE = Message("cli.archive", "Archive: {path}")
RECORD_SEALED = Message("cli.record_sealed", "Sealed record written to {path}")
RECORD_DRAFT = Message("cli.record_draft", "Draft record (not sealed) written to {path}")
CLIP = Plural("cli.clip", "Clip of step {step}: {path} ({n} frame, {duration}, sha256 {sha256})",
              "Clip of step {step}: {path} ({n} frames, {duration}, sha256 {sha256})")

# ---------------------------------------------------------------- verify, bundle anonymise
# TRANSLATORS: the tags in front of each line of a verification; short, in capitals where the language
# writes such tags in capitals
TAG_OK = Message("cli.tag_ok", "ok")
TAG_WARN = Message("cli.tag_warn", "WARN")
TAG_FAIL = Message("cli.tag_fail", "FAIL")
VERIFIED = Message("cli.verified", "VERIFIED")
NOT_VERIFIED = Message("cli.not_verified", "NOT VERIFIED")
ANONYMISED = Message("cli.anonymised", "Anonymised copy: {path}  (identity/ left out)")
ANONYMISED_ALREADY = Message("cli.anonymised_already",
                             "Anonymised copy: {path}  (identity/ left out; the source had none already)")
COPY_VERIFIES = Message("cli.copy_verifies", "The copy verifies:")

# ---------------------------------------------------------------- the demo's summary
OUTCOME = Message("cli.outcome", "Outcome: {outcome}")
REFUSALS = Plural("cli.refusals", "Rules refused {n} early or invalid action along the way.",
                  "Rules refused {n} early or invalid actions along the way.")
EVENTS = Message("cli.events", "Events: {n}, hash chain verified, head {head}")
VIDEO = Message("cli.video", "Video: {segments}, {duration_s}, step-aligned (frame times in each "
                "*.frames.csv); clip of one step: {clip}")
VIDEO_SEGMENTS = Plural("cli.video_segments", "{n} segment", "{n} segments")
DATA = Message("cli.data", "Data: {path}")
LOOK_AGAIN = Message("cli.look_again", "Look at it again: {command}")
SEALED_BUNDLE = Message("cli.sealed_bundle", "Sealed bundle: {path}  (check it: {command})")
ARCHIVE_CHECK = Message("cli.archive_check", "Archive: {path}  (check it: {command})")
FOR_MODERATORS = Message(
    "cli.for_moderators",
    "For moderators, without the identity file: {path}  (assessor verify says identity: {withheld}; made "
    "with: {command})")
PHOTOS = Plural("cli.photos", "Photos: {n}, each tied to its step, sealed, and in the PDF's evidence index",
                "Photos: {n}, each tied to its step, sealed, and in the PDF's evidence index")
DELIVERED = Message(
    "cli.delivered",
    "Delivered to the provider at {url}: receipt stored for bundle {bundle}, manifest sha256 {manifest}, "
    "received {received}, signed by provider key {key}")
IMPORT_RESULT = Message("cli.import_result",
                        "Provider's import result: {status}, {size} payload bytes in {path}")
UPLOAD_STOPPED = Message(
    "cli.upload_stopped",
    "Provider stopped mid-upload with {confirmed} of {size} bytes confirmed; the upload resumed from offset "
    "{offset} and re-sent {resent} bytes (at most one chunk of {chunk})")
PROVIDER_HOLDS = Message("cli.provider_holds", "What the provider holds: {command}")


def unknown_language(language: str) -> Msg:
    shown = repr(language) if len(language) <= 20 else repr(language[:20]) + "..."
    return UNKNOWN_LANGUAGE(language=shown, languages=", ".join(LANGUAGES))


@dataclass(frozen=True)
class Printer:
    """Prints messages in one language: to stdout, or to stderr for problems."""

    language: str

    def text(self, msg: Msg | str) -> str:
        return render(msg, self.language)

    def __call__(self, msg: Msg | str = "", *, err: bool = False, indent: str = "") -> None:
        out: TextIO = sys.stderr if err else sys.stdout
        print(indent + self.text(msg), file=out)

    def term(self, code: str | None, empty: str = "-") -> str:
        """The product's word for an engine code (an unknown code shows as it is)."""
        if not code:
            return empty
        found = term(code)
        return self.text(found) if found is not None else code


def _padded(cells: Sequence[str]) -> list[str]:
    width = max((len(c) for c in cells), default=0)
    return [c.ljust(width) for c in cells]


def checklist_listing(p: Printer, lib: Library) -> None:
    from assessor_app.core.specs.library import version_key

    for report in lib.folders:
        p(FOLDER_FOUND(folder=str(report.folder), checklists=CHECKLISTS(n=len(report.checklists)),
                       parameter_sets=PARAMETER_SETS(n=len(report.parameter_sets)),
                       problems=PROBLEMS(n=len(report.problems)))
          if report.exists else NO_SUCH_FOLDER(folder=str(report.folder)))
    p(CHECKLISTS_HEADING())
    shown = sorted((cl for found in lib.versions.values() for cl in found.values()),
                   key=lambda c: (c.spec.id, version_key(c.spec.version)))
    for cl in shown:
        s = cl.spec
        older = "" if lib.checklists.get(s.id) is cl else "  " + p.text(OLDER_VERSION())
        p(f"  {s.id} {s.version}  {s.title.get_text(p.language)}{older}")
        p(CHECKLIST_FACTS(
            gateway=GATEWAY(gateway=s.credential.gateway) if s.credential.gateway else NO_GATEWAY(),
            eqf=s.credential.eqf_level, steps=STEPS(n=len(s.steps)),
            critical=CRITICAL(n=sum(st.risk == "critical" for st in s.steps)),
            languages=", ".join(s.languages), sha256=cl.sha256[:12]), indent="      ")
    p(PARAMETER_SETS_HEADING())
    for ps in sorted(lib.parameter_sets.values(), key=lambda item: item.params.id):
        par = ps.params
        voltage = format_quantity(par.working_voltage.value, par.working_voltage.unit, p.language)
        p(f"  {par.id} {par.version}  {par.title.get_text(p.language)} ({voltage} {par.bus.upper()})")


def _when(p: Printer, wall_us: int) -> str:
    moment = dt.datetime.fromtimestamp(wall_us / 1e6).astimezone()
    return format_datetime(moment, p.language, tz=moment.tzinfo)


def assessments_table(p: Printer, rows: Sequence[Any]) -> None:
    """One line per assessment: id, when, status, outcome, candidate, checklist, VIN (columns aligned)."""
    statuses = _padded([p.term(r.status) for r in rows])
    outcomes = _padded([p.term(r.outcome) for r in rows])
    whens = _padded([_when(p, r.updated_wall_us) for r in rows])
    for r, when, status, outcome in zip(rows, whens, statuses, outcomes, strict=True):
        p(f"{r.id}  {when}  {status}  {outcome}  {r.candidate_name or r.candidate_id}  "
          f"{r.checklist_id} {r.checklist_version}  {r.vehicle_vin}")
    if not rows:
        p(NO_ASSESSMENTS())
    waiting = sum(r.status == "in_progress" for r in rows)
    if waiting:
        p()
        p(RESUMABLE(n=waiting))


def assessment_details(p: Printer, summary: Any, state: Any, views: Iterable[Any]) -> None:
    p(SHOW_HEAD(id=summary.id, status=p.term(summary.status), outcome=p.term(summary.outcome)))
    p(SHOW_PEOPLE(candidate=summary.candidate_name, candidate_id=summary.candidate_id,
                  assessor=summary.assessor_name), indent="  ")
    p(SHOW_CHECKLIST(checklist=summary.checklist_id, version=summary.checklist_version,
                     sha256=summary.checklist_sha256), indent="  ")
    p(SHOW_PARAMETERS(parameters=summary.params_id, version=summary.params_version,
                      sha256=summary.params_sha256), indent="  ")
    p(SHOW_EVENTS(n=state.event_count), indent="  ")
    p(SHOW_HEAD_HASH(hash=state.head_hash), indent="  ")
    for view in views:
        # the English columns are as wide as their longest word; a longer word moves the rest along
        status, risk = p.term(view.status).ljust(8), p.term(view.risk).ljust(8)
        extra = f"  ({p.text(view.reason)})" if view.reason and view.status == "blocked" else ""
        p(f"  {view.id:>4} {status} {risk} {view.title}{extra}")


def verification_lines(p: Printer, result: Verification) -> None:
    """Each line a verification proved, warned of or failed on, tagged; the tags share one width."""
    from assessor_app.evidence.verify import finding_text

    ok, warn, fail = (p.text(t()) for t in (TAG_OK, TAG_WARN, TAG_FAIL))
    width = max(len(ok), len(warn), len(fail)) + 1
    for line in result.proved:
        p(f"{ok.ljust(width)}{finding_text(line, p.language)}")
    for line in result.warnings:  # not a failure, but not proved either
        p(f"{warn.ljust(width)}{finding_text(line, p.language)}")
    for problem in result.problems:
        p(f"{fail.ljust(width)}{finding_text(problem, p.language)}", err=True)


def demo_summary(p: Printer, result: DemoResult, folder: Path) -> None:
    from assessor_app.evidence.verify import IDENTITY

    p()
    p(OUTCOME(outcome=p.term(result.outcome or "in_progress")))
    for reason in result.reasons:
        p(f"  - {render_stored(reason, p.language)}")
    p(REFUSALS(n=result.refusals))
    p(EVENTS(n=result.events, head=result.head_hash))
    if result.video_segments:
        p(VIDEO(segments=VIDEO_SEGMENTS(n=result.video_segments), duration_s=result.video_seconds,
                clip=str(result.clip)))
    p(DATA(path=str(result.database)))
    p(LOOK_AGAIN(command=f"assessor assessments show {result.assessment_id} --data-dir {folder}"))
    if result.bundle is not None:
        p(SEALED_BUNDLE(path=str(result.bundle), command=f"assessor verify {result.bundle}"))
        records = {r.name.split(".")[1]: r for r in sorted(result.bundle.glob("assessment-record.*.pdf"))}
        main = p.language if p.language in records else "en"
        if main in records:
            others = [lang for lang in records if lang != main]
            p(PDF_RECORD_ALSO(path=str(records[main]), languages=", ".join(others)) if others
              else PDF_RECORD(path=str(records[main])))
    if result.archive is not None:
        p(ARCHIVE_CHECK(path=str(result.archive), command=f"assessor verify {result.archive}"))
    if result.anonymised is not None:
        p(FOR_MODERATORS(path=str(result.anonymised), withheld=IDENTITY["withheld"](),
                         command="assessor bundle anonymise BUNDLE --out DIR"))
    if result.photos:
        p(PHOTOS(n=result.photos))
    if result.delivery is not None:
        delivery(p, result.delivery)


def delivery(p: Printer, d: DemoDelivery) -> None:
    from assessor_app.demo.delivery import received_text
    from assessor_app.demo.messages import IMPORTED

    r = d.receipt
    p(DELIVERED(url=d.provider_url, bundle=r["bundle_id"], manifest=r["manifest_sha256"],
                received=received_text(r["received"], p.language), key=d.provider_key_id))
    p(IMPORT_RESULT(status=IMPORTED() if d.import_status == "imported" else d.import_status,
                    size=d.payload_bytes, path=d.stored_path))
    if d.stopped_at is not None:
        p(UPLOAD_STOPPED(confirmed=d.stopped_at, size=d.size, offset=d.resumed_from, resent=d.resent_bytes,
                         chunk=d.chunk_size))
    p(PROVIDER_HOLDS(command=f"assessor provider list --folder {d.provider_folder}"))
