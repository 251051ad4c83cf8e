"""The ``assessor`` command: parses arguments and calls services; no logic of its own."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assessor_app import cli_output as out
from assessor_app.cli_output import Printer
from assessor_app.durable import private_umask
from assessor_app.errors import AssessorError
from assessor_app.i18n import LANGUAGES, format_quantity

if TYPE_CHECKING:
    from assessor_app.storage.store import AssessmentStore


def _settings_language() -> str:
    """The language chosen in the app's settings (English when none is, or the file is unreadable)."""
    from assessor_app.settings import load_settings

    language = load_settings().language
    return language if language in LANGUAGES else "en"


def _language_arg(value: str) -> str:
    """``--language``: a language the product speaks; any other is refused naming the choices."""
    if value in LANGUAGES:
        return value
    raise argparse.ArgumentTypeError(Printer(_settings_language()).text(out.unknown_language(value)))


def _printer(args: argparse.Namespace) -> Printer:
    """Prints in the language given with --language, else the one in the app's settings."""
    return Printer(getattr(args, "language", None) or _settings_language())


def _cmd_checklist_validate(args: argparse.Namespace) -> int:
    from assessor_app.core.specs import validate_paths
    from assessor_app.core.specs.language_gaps import gap_messages
    from assessor_app.core.specs.loader import load_any, problem_lines

    say = _printer(args)
    files, problems = validate_paths(args.paths)
    for line in problem_lines(problems):
        say(line, err=True)
    bad = {p.file for p in problems}
    if not files:
        say(out.NO_FILES(), err=True)
        return 2
    say(out.FILES_VALID(valid=len(files) - len(bad), n=len(files)))
    for f in files:  # a language a valid file lacks: said, but not a failure
        spec = None if str(f) in bad else load_any(f)
        for line in gap_messages(str(f), spec) if spec is not None else []:
            say(line)
    return 1 if problems else 0


def _cmd_checklist_list(args: argparse.Namespace) -> int:
    from assessor_app.core.specs.library import load_library
    from assessor_app.core.specs.loader import problem_lines
    from assessor_app.paths import checklists_dir, data_dir, user_checklists_dir

    if args.folder:
        folders = [Path(args.folder)]
    else:  # the shipped checklists, and those a provider put in the data folder
        base = Path(args.data_dir) if args.data_dir else data_dir()
        folders = [checklists_dir(), user_checklists_dir(base)]
    lib = load_library(*folders)
    say = _printer(args)
    out.checklist_listing(say, lib)
    for line in problem_lines(lib.problems):
        say(line, err=True)
    return 1 if lib.problems else 0


def _cmd_checklist_schema(args: argparse.Namespace) -> int:
    from assessor_app.core.specs.schema import schema_texts
    from assessor_app.paths import resources_dir

    folder = Path(args.output) if args.output else resources_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts().items():
        (folder / name).write_text(text, encoding="utf-8")
        print(folder / name)
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from assessor_app.core.specs.library import load_library
    from assessor_app.demo import run_demo
    from assessor_app.paths import checklists_dir, data_dir

    if not args.headless:
        return _open_window(demo=True)
    say = _printer(args)
    lib = load_library(checklists_dir())
    for problem in lib.problems:
        say(str(problem), err=True)
    folder = Path(args.data_dir) if args.data_dir else data_dir() / "demo"
    try:
        result = run_demo(
            lib, folder, checklist_id=args.checklist, parameter_set_id=args.parameters,
            fail_step=args.fail_step, video=not args.no_video, sync=not args.no_sync, language=say.language,
        )
    except KeyError as exc:
        say(f"assessor demo: {exc.args[0]}", err=True)
        return 2
    out.demo_summary(say, result, folder)
    return 0


def _store(args: argparse.Namespace) -> AssessmentStore:
    from assessor_app.paths import data_dir, database_path
    from assessor_app.storage.store import AssessmentStore

    folder = Path(args.data_dir) if args.data_dir else data_dir()
    return AssessmentStore.open(database_path(folder))


def _cmd_assessments_list(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        out.assessments_table(_printer(args), store.list(status=args.status, search=args.search or ""))
    finally:
        store.close()
    return 0


def _cmd_assessments_show(args: argparse.Namespace) -> int:
    from assessor_app.storage.recorder import AssessmentRecorder

    say = _printer(args)
    store = _store(args)
    try:
        summary = store.summary(args.id)
        recorder = AssessmentRecorder.open(store, args.id, read_only=True)
        state = recorder.engine.state
        out.assessment_details(say, summary, state, recorder.engine.step_views(state.last_t_us, say.language))
    finally:
        store.close()
    return 0


def _cmd_feedback(args: argparse.Namespace) -> int:
    """The moderation feedback received at the last syncs (the library only when a store lacks a text)."""
    from assessor_app.core.specs.library import load_library
    from assessor_app.feedback_output import feedback_listing
    from assessor_app.paths import checklists_dir
    from assessor_app.sync.feedback_view import feedback_views

    say = _printer(args)
    store = _store(args)
    try:
        feedback_listing(say, feedback_views(store, load_library(checklists_dir()), say.language))
    finally:
        store.close()
    return 0


def _cmd_seal(args: argparse.Namespace) -> int:
    import getpass

    from assessor_app.evidence.sealing import seal_assessment
    from assessor_app.paths import data_dir

    say = _printer(args)
    folder = Path(args.data_dir) if args.data_dir else data_dir()
    pin = os.environ.get("ASSESSOR_PIN") or getpass.getpass(say.text(out.PIN_PROMPT(assessor=args.assessor)))
    store = _store(args)
    try:
        bundle = seal_assessment(store, args.id, data_dir=folder, assessor_id=args.assessor, pin=pin)
    finally:
        store.close()
    say(out.SEALED(path=str(bundle.path)))
    say(out.SEALED_FILES(n=bundle.files, size=bundle.payload_bytes, sha256=bundle.manifest_sha256),
        indent="  ")
    for name in bundle.records:
        say(out.PDF_RECORD(path=str(bundle.path / name)), indent="  ")
    if args.archive:
        from assessor_app.evidence.archive import write_archive

        archive = write_archive(bundle.path, bundle.path.parent / f"{bundle.bundle_id}.tar")
        say(out.ARCHIVE(path=str(archive)))
    return 0


def _cmd_record(args: argparse.Namespace) -> int:
    from assessor_app.evidence.sealing import export_record
    from assessor_app.paths import data_dir

    say = _printer(args)  # the record's language too
    folder = Path(args.data_dir) if args.data_dir else data_dir()
    target = Path(args.out) if args.out else Path(f"assessment-record-{args.id}.{say.language}.pdf")
    store = _store(args)
    try:
        path, sealed = export_record(store, args.id, data_dir=folder, language=say.language, out=target)
    finally:
        store.close()
    say((out.RECORD_SEALED if sealed else out.RECORD_DRAFT)(path=str(path)))
    return 0


def _cmd_clip(args: argparse.Namespace) -> int:
    from assessor_app.devices.video_session import export_step_clip
    from assessor_app.paths import data_dir

    say = _printer(args)
    folder = Path(args.data_dir) if args.data_dir else data_dir()
    target = Path(args.out) if args.out else Path(f"clip-{args.id}-step-{args.step}.ts")
    store = _store(args)
    try:
        clip = export_step_clip(store, folder, args.id, args.step, target)
    finally:
        store.close()
    seconds = (clip.t_last_us - clip.t_first_us) / 1e6
    say(out.CLIP(step=args.step, path=str(clip.path), n=clip.frames, sha256=clip.sha256,
                 duration=format_quantity(seconds, "s", say.language, decimals=1)))
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from assessor_app.evidence.verify import verify_path

    say = _printer(args)
    result = verify_path(Path(args.bundle))
    out.verification_lines(say, result)
    say(out.VERIFIED() if result.ok else out.NOT_VERIFIED())
    return 0 if result.ok else 1


def _cmd_bundle_anonymise(args: argparse.Namespace) -> int:
    from assessor_app.evidence.anonymise import anonymise_bundle

    say = _printer(args)
    done = anonymise_bundle(Path(args.bundle), Path(args.out), archive=args.archive)
    copied = out.ANONYMISED_ALREADY if done.source_identity == "withheld" else out.ANONYMISED
    say(copied(path=str(done.path)))
    if done.archive is not None:
        say(out.ARCHIVE(path=str(done.archive)))
    say(out.COPY_VERIFIES())
    out.verification_lines(say, done.verification)
    say(out.VERIFIED())
    return 0


def _cmd_provider_demo(args: argparse.Namespace) -> int:
    from assessor_app.demo.provider_demo_command import run_and_serve

    return run_and_serve(args, _printer(args).language)


def _open_window(demo: bool = False) -> int:
    from assessor_app.app import main as app_main

    return app_main(demo=demo)


def _add_language(parser: argparse.ArgumentParser, help: str = "") -> None:
    parser.add_argument("--language", type=_language_arg, metavar="|".join(LANGUAGES), help=help or (
        "the language of what it prints (default: the one in the app's settings, else en)"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assessor",
        description="Record task-based practical assessments of safety-critical EV work, offline.",
    )
    sub = parser.add_subparsers(dest="command")

    checklist = sub.add_parser("checklist", help="checklist specifications")
    csub = checklist.add_subparsers(dest="checklist_command", required=True)
    validate = csub.add_parser("validate", help="validate checklist and parameter-set files")
    validate.add_argument("paths", nargs="+", help="files or folders (.yaml/.yml)")
    _add_language(validate)
    validate.set_defaults(func=_cmd_checklist_validate)
    listing = csub.add_parser("list", help="list the shipped checklists and parameter sets, and the "
                              "data folder's own")
    listing.add_argument("--folder", help="only this folder of specifications")
    listing.add_argument("--data-dir", help="the data folder whose checklists folder is read too "
                         "(default: the app's)")
    _add_language(listing)
    listing.set_defaults(func=_cmd_checklist_list)
    schema = csub.add_parser("schema", help="write the JSON Schemas for checklist authors")
    schema.add_argument("--output", help="folder (default: the app's resources)")
    schema.set_defaults(func=_cmd_checklist_schema)

    assessments = sub.add_parser("assessments", help="assessments in the store")
    asub = assessments.add_subparsers(dest="assessments_command", required=True)
    alist = asub.add_parser("list", help="list assessments, newest first")
    alist.add_argument("--status", choices=["in_progress", "finished", "abandoned", "sealed", "synced"])
    alist.add_argument("--search", help="candidate, checklist, VIN or workshop contains this")
    alist.add_argument("--data-dir", help="the data folder (default: the app's)")
    _add_language(alist)
    alist.set_defaults(func=_cmd_assessments_list)
    ashow = asub.add_parser("show", help="one assessment, replayed and verified")
    ashow.add_argument("id")
    ashow.add_argument("--data-dir", help="the data folder (default: the app's)")
    _add_language(ashow)
    ashow.set_defaults(func=_cmd_assessments_show)
    feedback = sub.add_parser("feedback", help="the moderation feedback received from the provider")
    feedback.add_argument("--data-dir", help="the data folder (default: the app's)")
    _add_language(feedback)
    feedback.set_defaults(func=_cmd_feedback)

    seal = sub.add_parser("seal", help="seal a finished assessment into an evidence bundle")
    seal.add_argument("id")
    seal.add_argument("--assessor", required=True, help="the assessor's id (their signing key)")
    seal.add_argument("--data-dir", help="the data folder (default: the app's)")
    seal.add_argument("--archive", action="store_true",
                      help="also write the bundle as one file, <bundle>.tar, next to its folder")
    _add_language(seal)
    seal.set_defaults(func=_cmd_seal)
    record = sub.add_parser("record", help="export an assessment's PDF record (sealed, or a marked draft)")
    record.add_argument("id")
    _add_language(record, "the record's language, and of what it prints: one of "
                  f"{', '.join(LANGUAGES)} (default: the one in the app's settings, else en)")
    record.add_argument("--out", help="the PDF file to write (default: in the current folder)")
    record.add_argument("--data-dir", help="the data folder (default: the app's)")
    record.set_defaults(func=_cmd_record)
    clip = sub.add_parser("clip", help="cut the video of one checklist step from the recording")
    clip.add_argument("id")
    clip.add_argument("step", help="the step id, e.g. 12")
    clip.add_argument("--out", help="the clip file (.ts, .mp4 or .avi; default: in the current folder)")
    clip.add_argument("--data-dir", help="the data folder (default: the app's)")
    _add_language(clip)
    clip.set_defaults(func=_cmd_clip)
    verify = sub.add_parser("verify", help="verify a sealed evidence bundle")
    verify.add_argument("bundle", help="the bundle folder, or its .tar archive")
    _add_language(verify)
    verify.set_defaults(func=_cmd_verify)
    bundle = sub.add_parser("bundle", help="sealed evidence bundles")
    bsub = bundle.add_subparsers(dest="bundle_command", required=True)
    anonymise = bsub.add_parser(
        "anonymise", help="copy a bundle without its identity file (names, VIN), for moderators")
    anonymise.add_argument("bundle", help="the bundle folder, or its .tar archive")
    anonymise.add_argument("--out", required=True, help="the folder to write the copy into, as <bundle id>/")
    anonymise.add_argument("--archive", action="store_true",
                           help="also write the copy as one file, <bundle id>.tar, next to it")
    _add_language(anonymise)
    anonymise.set_defaults(func=_cmd_bundle_anonymise)

    demo = sub.add_parser("demo", help="a scripted assessment with simulated time and vehicle")
    demo.add_argument("--headless", action="store_true", help="run in the terminal, no window")
    demo.add_argument("--data-dir", help="where to keep the demo's data (default: <data>/demo)")
    demo.add_argument("--checklist", default="hv-isolation-series")
    demo.add_argument("--parameters", default="generic-400v")
    demo.add_argument(
        "--fail-step", metavar="STEP", help="make this step fail (e.g. 12: a live HV reading)"
    )
    demo.add_argument("--no-video", action="store_true",
                      help="skip the simulated camera (a quicker run without video evidence)")
    demo.add_argument("--no-sync", action="store_true",
                      help="keep the sealed bundle here: no provider, no delivery (headless only)")
    _add_language(demo, "the language of the headless run, its notes and statements (default: the one in "
                  "the app's settings, else en)")
    demo.set_defaults(func=_cmd_demo)

    from assessor_app.credentials.commands import register as register_credential
    from assessor_app.provider.commands import register as register_provider
    from assessor_app.sync.commands import register as register_sync

    provider = register_provider(sub)
    provider_demo = provider.add_parser(
        "demo", help="the provider's side with a simulated cohort: three workshops, four assessors, 32 "
                     "delivered assessments, two quarantined bundles, a console login")
    provider_demo.add_argument("--folder", help="where to keep it (default: <data>/provider-demo)")
    provider_demo.add_argument("--port", type=int, default=8750, help="loopback port to serve on (0: any)")
    provider_demo.add_argument("--no-serve", action="store_true", help="stop once the demo is set up")
    _add_language(provider_demo)
    provider_demo.set_defaults(func=_cmd_provider_demo)
    register_sync(sub)
    register_credential(sub)
    from assessor_app.eligibility_command import register as register_eligibility

    register_eligibility(sub, _language_arg)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # candidate data on a shared PC: whatever a command creates is owner-only, even where a
    # library (SQLite, FFmpeg, uvicorn's logs) creates the file
    with private_umask():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        return _open_window()
    try:
        return int(func(args))
    except AssessorError as exc:
        say = _printer(args)
        say(f"assessor: {exc.text(say.language)}", err=True)
        return 1
    except BrokenPipeError:
        # the reader (e.g. `| head`) stopped listening: not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
