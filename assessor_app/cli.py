"""The ``assessor`` command: parses arguments and calls services; no logic of its own."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assessor_app.durable import private_umask
from assessor_app.errors import AssessorError

if TYPE_CHECKING:
    from assessor_app.demo.delivery import DemoDelivery


def _cmd_checklist_validate(args: argparse.Namespace) -> int:
    from assessor_app.core.specs import validate_paths
    from assessor_app.core.specs.loader import problem_lines

    files, problems = validate_paths(args.paths)
    for line in problem_lines(problems):
        print(line, file=sys.stderr)
    bad = {p.file for p in problems}
    if not files:
        print("no checklist or parameter-set files found", file=sys.stderr)
        return 2
    print(f"{len(files) - len(bad)} of {len(files)} file(s) valid")
    return 1 if problems else 0


def _cmd_checklist_list(args: argparse.Namespace) -> int:
    from assessor_app.core.specs.library import load_library, version_key
    from assessor_app.core.specs.loader import problem_lines
    from assessor_app.paths import checklists_dir, data_dir, user_checklists_dir

    if args.folder:
        folders = [Path(args.folder)]
    else:  # the shipped checklists, and those a provider put in the data folder
        base = Path(args.data_dir) if args.data_dir else data_dir()
        folders = [checklists_dir(), user_checklists_dir(base)]
    lib = load_library(*folders)
    lang = args.language
    for report in lib.folders:
        found = (f"{len(report.checklists)} checklist(s), {len(report.parameter_sets)} parameter set(s), "
                 f"{len(report.problems)} problem(s)") if report.exists else "no such folder"
        print(f"{report.folder}: {found}")
    print("Checklists (the newest version of each is offered for new assessments):")
    shown = sorted((cl for found in lib.versions.values() for cl in found.values()),
                   key=lambda c: (c.spec.id, version_key(c.spec.version)))
    for cl in shown:
        s = cl.spec
        older = "" if lib.checklists.get(s.id) is cl else "  (older version: not offered)"
        print(f"  {s.id} {s.version}  {s.title.get_text(lang)}{older}")
        print(
            f"      {f'gateway {s.credential.gateway}' if s.credential.gateway else 'no gateway'}, "
            f"EQF {s.credential.eqf_level}, "
            f"{len(s.steps)} steps ({sum(st.risk == 'critical' for st in s.steps)} critical), "
            f"languages {', '.join(s.languages)}, sha256 {cl.sha256[:12]}"
        )
    print("Parameter sets:")
    for ps in sorted(lib.parameter_sets.values(), key=lambda p: p.params.id):
        p = ps.params
        print(
            f"  {p.id} {p.version}  {p.title.get_text(lang)} "
            f"({p.working_voltage.value:g} {p.working_voltage.unit} {p.bus.upper()})"
        )
    for line in problem_lines(lib.problems):
        print(line, file=sys.stderr)
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
    lib = load_library(checklists_dir())
    for problem in lib.problems:
        print(problem, file=sys.stderr)
    folder = Path(args.data_dir) if args.data_dir else data_dir() / "demo"
    try:
        result = run_demo(
            lib, folder, checklist_id=args.checklist, parameter_set_id=args.parameters,
            fail_step=args.fail_step, video=not args.no_video, sync=not args.no_sync,
        )
    except KeyError as exc:
        print(f"assessor demo: {exc.args[0]}", file=sys.stderr)
        return 2
    print()
    print(f"Outcome: {(result.outcome or 'in progress').replace('_', ' ')}")
    for reason in result.reasons:
        print(f"  - {reason}")
    print(f"Rules refused {result.refusals} early or invalid action(s) along the way.")
    print(f"Events: {result.events}, hash chain verified, head {result.head_hash}")
    if result.video_segments:
        print(f"Video: {result.video_segments} segments, {result.video_seconds:.0f} s, step-aligned "
              f"(frame times in each *.frames.csv); clip of one step: {result.clip}")
    print(f"Data: {result.database}")
    print(f"Look at it again: assessor assessments show {result.assessment_id} --data-dir {folder}")
    if result.bundle is not None:
        print(f"Sealed bundle: {result.bundle}  (check it: assessor verify {result.bundle})")
        records = sorted(result.bundle.glob("assessment-record.*.pdf"))
        english = [r for r in records if r.name == "assessment-record.en.pdf"]
        others = [r.name.split(".")[1] for r in records if r not in english]
        for r in english:
            print(f"PDF record: {r}" + (f"  (also in: {', '.join(others)})" if others else ""))
    if result.archive is not None:
        print(f"Archive: {result.archive}  (check it: assessor verify {result.archive})")
    if result.anonymised is not None:
        print(f"For moderators, without the identity file: {result.anonymised}  (assessor verify says "
              f"identity: withheld; made with: assessor bundle anonymise BUNDLE --out DIR)")
    if result.photos:
        print(f"Photos: {result.photos}, each tied to its step, sealed, and in the PDF's evidence index")
    if result.delivery is not None:
        _print_delivery(result.delivery)
    return 0


def _print_delivery(d: DemoDelivery) -> None:
    r = d.receipt
    print(f"Delivered to the provider at {d.provider_url}: receipt stored for bundle {r['bundle_id']}, "
          f"manifest sha256 {r['manifest_sha256']}, received {r['received']}, signed by provider key "
          f"{d.provider_key_id}")
    print(f"Provider's import result: {d.import_status}, {d.payload_bytes:,} payload bytes in "
          f"{d.stored_path}")
    if d.stopped_at is not None:
        print(f"Provider stopped mid-upload with {d.stopped_at:,} of {d.size:,} bytes confirmed; the upload "
              f"resumed from offset {d.resumed_from:,} and re-sent {d.resent_bytes:,} bytes "
              f"(at most one chunk of {d.chunk_size:,})")
    print(f"What the provider holds: assessor provider list --folder {d.provider_folder}")


def _store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from assessor_app.paths import data_dir, database_path
    from assessor_app.storage.store import AssessmentStore

    folder = Path(args.data_dir) if args.data_dir else data_dir()
    return AssessmentStore.open(database_path(folder))


def _when(wall_us: int) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(wall_us / 1e6).strftime("%Y-%m-%d %H:%M")


def _cmd_assessments_list(args: argparse.Namespace) -> int:
    store = _store(args)
    rows = store.list(status=args.status, search=args.search or "")
    waiting = [r for r in rows if r.status == "in_progress"]
    for r in rows:
        outcome = (r.outcome or "-").replace("_", " ")
        print(
            f"{r.id}  {_when(r.updated_wall_us)}  {r.status:<11} {outcome:<18} "
            f"{r.candidate_name or r.candidate_id}  {r.checklist_id} {r.checklist_version}  "
            f"{r.vehicle_vin}"
        )
    if not rows:
        print("no assessments")
    if waiting:
        print(f"\n{len(waiting)} assessment(s) in progress can be resumed where they stopped.")
    store.close()
    return 0


def _cmd_assessments_show(args: argparse.Namespace) -> int:
    from assessor_app.storage.recorder import AssessmentRecorder

    store = _store(args)
    summary = store.summary(args.id)
    recorder = AssessmentRecorder.open(store, args.id, read_only=True)
    state = recorder.engine.state
    print(f"Assessment {summary.id}: {summary.status}, outcome {summary.outcome or '-'}")
    print(f"  candidate {summary.candidate_name} ({summary.candidate_id}), assessor {summary.assessor_name}")
    print(f"  checklist {summary.checklist_id} {summary.checklist_version} sha256 {summary.checklist_sha256}")
    print(f"  parameters {summary.params_id} {summary.params_version} sha256 {summary.params_sha256}")
    print(f"  {state.event_count} events; hash chain and every rule decision verified by replay")
    print(f"  head {state.head_hash}")
    for view in recorder.engine.step_views(state.last_t_us, args.language):
        extra = f"  ({view.reason})" if view.reason and view.status == "blocked" else ""
        print(f"  {view.id:>4} {view.status:<8} {view.risk:<8} {view.title}{extra}")
    store.close()
    return 0


def _cmd_seal(args: argparse.Namespace) -> int:
    import getpass

    from assessor_app.evidence.sealing import seal_assessment
    from assessor_app.paths import data_dir

    folder = Path(args.data_dir) if args.data_dir else data_dir()
    pin = os.environ.get("ASSESSOR_PIN") or getpass.getpass(
        f"PIN or passphrase of assessor {args.assessor}: ")
    store = _store(args)
    try:
        bundle = seal_assessment(store, args.id, data_dir=folder, assessor_id=args.assessor, pin=pin)
    finally:
        store.close()
    print(f"Sealed: {bundle.path}")
    print(f"  {bundle.files} payload files, {bundle.payload_bytes} bytes; manifest sha256 "
          f"{bundle.manifest_sha256}")
    for name in bundle.records:
        print(f"  PDF record: {bundle.path / name}")
    if args.archive:
        from assessor_app.evidence.archive import write_archive

        archive = write_archive(bundle.path, bundle.path.parent / f"{bundle.bundle_id}.tar")
        print(f"Archive: {archive}")
    return 0


def _cmd_record(args: argparse.Namespace) -> int:
    from assessor_app.evidence.sealing import export_record
    from assessor_app.paths import data_dir

    folder = Path(args.data_dir) if args.data_dir else data_dir()
    out = Path(args.out) if args.out else Path(f"assessment-record-{args.id}.{args.language}.pdf")
    store = _store(args)
    try:
        path, sealed = export_record(store, args.id, data_dir=folder, language=args.language, out=out)
    finally:
        store.close()
    print(f"{'Sealed record' if sealed else 'Draft record (not sealed)'} written to {path}")
    return 0


def _cmd_clip(args: argparse.Namespace) -> int:
    from assessor_app.devices.video_session import export_step_clip
    from assessor_app.paths import data_dir

    folder = Path(args.data_dir) if args.data_dir else data_dir()
    out = Path(args.out) if args.out else Path(f"clip-{args.id}-step-{args.step}.ts")
    store = _store(args)
    try:
        clip = export_step_clip(store, folder, args.id, args.step, out)
    finally:
        store.close()
    print(f"Clip of step {args.step}: {clip.path} ({clip.frames} frames, "
          f"{(clip.t_last_us - clip.t_first_us) / 1e6:.1f} s, sha256 {clip.sha256})")
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from assessor_app.evidence.verify import verify_path

    result = verify_path(Path(args.bundle))
    for line in result.proved:
        print(f"ok   {line}")
    for line in result.warnings:  # not a failure, but not proved either
        print(f"WARN {line}")
    for problem in result.problems:
        print(f"FAIL {problem}", file=sys.stderr)
    print("VERIFIED" if result.ok else "NOT VERIFIED")
    return 0 if result.ok else 1


def _cmd_bundle_anonymise(args: argparse.Namespace) -> int:
    from assessor_app.evidence.anonymise import anonymise_bundle

    done = anonymise_bundle(Path(args.bundle), Path(args.out), archive=args.archive)
    print(f"Anonymised copy: {done.path}  (identity/ left out"
          + ("; the source had none already)" if done.source_identity == "withheld" else ")"))
    if done.archive is not None:
        print(f"Archive: {done.archive}")
    print("The copy verifies:")
    for line in done.verification.proved:
        print(f"ok   {line}")
    for line in done.verification.warnings:
        print(f"WARN {line}")
    print("VERIFIED")
    return 0


def _cmd_provider_demo(args: argparse.Namespace) -> int:
    from assessor_app.demo.provider_demo import run_provider_demo, serve_until_stopped
    from assessor_app.paths import data_dir

    folder = Path(args.folder) if args.folder else data_dir() / "provider-demo"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    # the provider's log goes to a file, as `provider serve` would keep it, not between the lines below
    log_file = logging.FileHandler(folder / "provider.log", encoding="utf-8")
    log_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("assessor_app")
    saved = (logger.level, logger.propagate)
    logger.addHandler(log_file)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        result, server = run_provider_demo(folder, port=args.port)
        print(f"Held: {len(result.delivered)} bundle(s) from the demo workstation; quarantined: "
              f"{len(result.quarantined)}")
        print(f"Look at the provider's records: assessor provider list --folder {result.folder}")
        if args.no_serve:
            server.close()
        else:
            serve_until_stopped(server)
    finally:
        logger.removeHandler(log_file)
        log_file.close()
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
    return 0


def _open_window(demo: bool = False) -> int:
    from assessor_app.app import main as app_main

    return app_main(demo=demo)


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
    validate.set_defaults(func=_cmd_checklist_validate)
    listing = csub.add_parser("list", help="list the shipped checklists and parameter sets, and the "
                              "data folder's own")
    listing.add_argument("--folder", help="only this folder of specifications")
    listing.add_argument("--data-dir", help="the data folder whose checklists folder is read too "
                         "(default: the app's)")
    listing.add_argument("--language", default="en", choices=["en", "fi", "sv", "es", "pt"])
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
    alist.set_defaults(func=_cmd_assessments_list)
    ashow = asub.add_parser("show", help="one assessment, replayed and verified")
    ashow.add_argument("id")
    ashow.add_argument("--data-dir", help="the data folder (default: the app's)")
    ashow.add_argument("--language", default="en", choices=["en", "fi", "sv", "es", "pt"])
    ashow.set_defaults(func=_cmd_assessments_show)

    seal = sub.add_parser("seal", help="seal a finished assessment into an evidence bundle")
    seal.add_argument("id")
    seal.add_argument("--assessor", required=True, help="the assessor's id (their signing key)")
    seal.add_argument("--data-dir", help="the data folder (default: the app's)")
    seal.add_argument("--archive", action="store_true",
                      help="also write the bundle as one file, <bundle>.tar, next to its folder")
    seal.set_defaults(func=_cmd_seal)
    record = sub.add_parser("record", help="export an assessment's PDF record (sealed, or a marked draft)")
    record.add_argument("id")
    record.add_argument("--language", default="en", help="one of the checklist's languages (default en)")
    record.add_argument("--out", help="the PDF file to write (default: in the current folder)")
    record.add_argument("--data-dir", help="the data folder (default: the app's)")
    record.set_defaults(func=_cmd_record)
    clip = sub.add_parser("clip", help="cut the video of one checklist step from the recording")
    clip.add_argument("id")
    clip.add_argument("step", help="the step id, e.g. 12")
    clip.add_argument("--out", help="the clip file (.ts, .mp4 or .avi; default: in the current folder)")
    clip.add_argument("--data-dir", help="the data folder (default: the app's)")
    clip.set_defaults(func=_cmd_clip)
    verify = sub.add_parser("verify", help="verify a sealed evidence bundle")
    verify.add_argument("bundle", help="the bundle folder, or its .tar archive")
    verify.set_defaults(func=_cmd_verify)
    bundle = sub.add_parser("bundle", help="sealed evidence bundles")
    bsub = bundle.add_subparsers(dest="bundle_command", required=True)
    anonymise = bsub.add_parser(
        "anonymise", help="copy a bundle without its identity file (names, VIN), for moderators")
    anonymise.add_argument("bundle", help="the bundle folder, or its .tar archive")
    anonymise.add_argument("--out", required=True, help="the folder to write the copy into, as <bundle id>/")
    anonymise.add_argument("--archive", action="store_true",
                           help="also write the copy as one file, <bundle id>.tar, next to it")
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
    demo.set_defaults(func=_cmd_demo)

    from assessor_app.provider.commands import register as register_provider
    from assessor_app.sync.commands import register as register_sync

    provider = register_provider(sub)
    provider_demo = provider.add_parser(
        "demo", help="the provider's side with simulated workshops: records, a delivery, a quarantine")
    provider_demo.add_argument("--folder", help="where to keep it (default: <data>/provider-demo)")
    provider_demo.add_argument("--port", type=int, default=8750, help="loopback port to serve on (0: any)")
    provider_demo.add_argument("--no-serve", action="store_true", help="stop once the demo is set up")
    provider_demo.set_defaults(func=_cmd_provider_demo)
    register_sync(sub)
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
        print(f"assessor: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader (e.g. `| head`) stopped listening: not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
