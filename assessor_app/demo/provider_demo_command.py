"""``assessor provider demo`` on the command line: the demo provider set up, its sign-in lines, serving."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path


def run_and_serve(args: argparse.Namespace, language: str) -> int:
    """``assessor provider demo``: set the demo provider up, say how to look at it, then serve until
    Ctrl-C (or stop at once with ``--no-serve``); the provider's log goes to a file in its folder."""
    from assessor_app.demo.cohort_messages import HELD, LOOK, VIDEO_PREPARING
    from assessor_app.demo.moderation_cycle import CYCLE
    from assessor_app.demo.moderation_messages import MODERATOR_LOGIN
    from assessor_app.demo.provider_demo import console_line, run_provider_demo, serve_until_stopped
    from assessor_app.i18n import render
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
        result, server = run_provider_demo(folder, port=args.port, say=print, language=language)
        print(render(HELD(held=len(result.delivered), workstations=len(result.workstations),
                          quarantined=len(result.quarantined)), language))
        print(render(LOOK(folder=str(result.folder)), language))
        # deriving the cohort's web video takes minutes of CPU (121 CPU-s for 88 one-minute segments
        # here): the console serves at once and its background worker makes them, oldest first
        preparing = server.service.derivations.pending_count()
        if preparing and not args.no_serve:
            print(render(VIDEO_PREPARING(segments=preparing), language))
        port = int(server.url.rsplit(":", 1)[1])  # the one it serves on (--port 0: the free one it took)
        if result.moderator:
            login = MODERATOR_LOGIN(cycle=CYCLE, user=result.moderator, password=result.moderator_password)
            print(render(login, language))
        print(console_line(port, result.user, result.password), flush=True)
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
