"""``assessor provider moderation export CYCLE --folder DIR --out OUT``: a cycle's verdicts and agreement.

Writes ``OUT/verdicts.csv`` (one row per moderated step) and ``OUT/agreement.json`` (per checklist and
overall: n, percent agreement, Cohen's kappa, Gwet's AC1, the rubric statistics, the critical
disagreements); see report_files.py for their fields.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from assessor_app.provider.command_helpers import write_whole


def cmd_export(args: argparse.Namespace) -> int:
    from assessor_app.provider.commands import service_for
    from assessor_app.provider.moderation.report_files import agreement_json, verdicts_csv
    from assessor_app.provider.moderation.report_store import cycle_report
    from assessor_app.provider.store import ProviderError

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise ProviderError(f"--out {out} is a file, not a folder: give a folder to write into")
    service = service_for(args)
    try:
        report = cycle_report(service.store, args.cycle)
    finally:
        service.close()
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_whole(out / "verdicts.csv", verdicts_csv(report))
        write_whole(out / "agreement.json", json.dumps(agreement_json(report), ensure_ascii=False, indent=2,
                                                  sort_keys=False, allow_nan=False) + "\n")
    except OSError as exc:
        raise ProviderError(f"cannot write the export into {out}: {exc.strerror or exc}") from None
    overall = report.overall
    steps = sum(len(v.document.steps) for v in report.current)
    print(f"cycle {report.cycle}: {len(report.current)} current verdict(s) on {overall.assessments} "
          f"assessment(s), {steps} moderated step(s), {len(overall.critical)} critical disagreement(s)")
    print(f"wrote {out / 'verdicts.csv'}")
    print(f"wrote {out / 'agreement.json'}")
    for u in report.unreadable:
        print(f"left out: stored verdict {u.row_id} cannot be read: {u.reason}")
    return 0


def add_export_command(moderation_subparsers: Any) -> argparse.ArgumentParser:
    """Add ``export`` to ``assessor provider moderation``."""
    from assessor_app.provider.commands import add_store_options

    export = add_store_options(moderation_subparsers.add_parser(
        "export", help="write a cycle's verdicts (verdicts.csv) and agreement statistics (agreement.json)"))
    export.add_argument("cycle", help="the moderation cycle's name, e.g. 2027-H1")
    export.add_argument("--out", required=True, help="the folder to write verdicts.csv and agreement.json "
                                                     "into (made if missing)")
    export.set_defaults(func=cmd_export)
    return export
