"""``assessor provider moderation package`` and ``assessor provider derive --anonymised``: what a
moderator gets of a sampled assessment, from the command line.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from assessor_app.i18n import LANGUAGES, Msg, render
from assessor_app.provider.command_helpers import command_language


def _say(args: argparse.Namespace, msg: Msg) -> None:
    print(render(msg, command_language(args)), flush=True)


@contextmanager
def _in_language() -> Iterator[None]:
    """A refusal reaches the command line as its message, so it prints in the language asked for."""
    from assessor_app.provider.store import ProviderError, Refused

    try:
        yield
    except Refused as exc:
        raise ProviderError(exc.msg or str(exc)) from None


def cmd_package(args: argparse.Namespace) -> int:
    """Write the anonymised package of one sampled assessment of a cycle."""
    from assessor_app.provider.commands import service_for
    from assessor_app.provider.moderation import package_messages as M
    from assessor_app.provider.moderation.package import write_package

    service = service_for(args)
    try:
        with _in_language():
            result = write_package(service.store, args.cycle, args.assessment, Path(args.out),
                                   service.anonymised_media)
    finally:
        service.close()
    _say(args, M.WRITTEN(bundle=result.bundle.bundle_id, cycle=result.bundle.cycle, path=str(result.path)))
    _say(args, M.FILES(count=result.files))
    _say(args, M.MEDIA(count=result.media))
    for name, why in result.left_out:
        _say(args, M.LEFT_OUT(name=name, reason=why))
    return 0 if not result.left_out else 1


def derive_anonymised(args: argparse.Namespace) -> int:
    """Make the anonymised media of every assessment in a cycle's sample; one line each, then a summary."""
    from sqlalchemy import select

    from assessor_app.provider.commands import service_for
    from assessor_app.provider.media.anonymised import AnonymisedMediaError
    from assessor_app.provider.moderation import package_messages as M
    from assessor_app.provider.moderation.models import ModerationCycle, SampledAssessmentRow
    from assessor_app.provider.store import ProviderError

    cycle = args.anonymised
    service = service_for(args)
    done = failed = 0
    try:
        with service.store.engine.connect() as conn:
            known = conn.execute(select(ModerationCycle.name).where(ModerationCycle.name == cycle)).first()
            if known is None:
                raise ProviderError(M.NO_CYCLE(cycle=cycle[:64]))
            sampled = conn.execute(select(SampledAssessmentRow.bundle_id, SampledAssessmentRow.device)
                                   .where(SampledAssessmentRow.cycle == cycle)
                                   .order_by(SampledAssessmentRow.bundle_id)).all()
        _say(args, M.DERIVE_HEADER(count=len(sampled), cycle=cycle))
        media = service.anonymised_media
        for row in sampled:
            try:
                made = media.bundle(row.bundle_id, row.device, retry_failed=args.retry_failed)
            except AnonymisedMediaError as exc:
                _say(args, M.DERIVE_FAILED(bundle=row.bundle_id, name="-", reason=str(exc)))
                failed += 1
                continue
            for d in made:
                if d.status == "done":
                    done += 1
                    _say(args, M.DERIVE_DONE(bundle=row.bundle_id, name=d.source.name))
                else:
                    failed += 1
                    _say(args, M.DERIVE_FAILED(bundle=row.bundle_id, name=d.source.name,
                                               reason=d.error or ""))
    finally:
        service.close()
    _say(args, M.DERIVE_SUMMARY(done=done, failed=failed))
    return 0 if not failed else 1


def add_package_command(moderation: Any, common: Any) -> None:
    """``provider moderation package CYCLE ASSESSMENT --out DIR``."""
    package = common(moderation.add_parser(
        "package", help="write the anonymised package a moderator gets for a sampled assessment: the "
                        "bundle without identity, the anonymised PDF, video and photos with faces blurred"))
    package.add_argument("cycle", help="the moderation cycle, e.g. 2027-H1")
    package.add_argument("assessment", help="the assessment id or bundle id of an assessment in its sample")
    package.add_argument("--out", required=True, help="a new (or empty) folder for the package")
    package.add_argument("--language", choices=LANGUAGES, help="the language of what it prints")
    package.set_defaults(func=cmd_package)
