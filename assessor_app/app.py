"""Bootstrap of the desktop app: paths -> logging -> exception hooks -> single instance -> store -> window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from io import TextIOWrapper
from pathlib import Path

from assessor_app.durable import private_dir, private_file, private_umask, tighten_tree
from assessor_app.paths import log_dir


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are owner-only (they name candidates and assessments)."""

    def _open(self) -> TextIOWrapper:
        private_file(Path(self.baseFilename))  # a new file after each rollover, too
        return super()._open()


def setup_logging(folder: Path | None = None) -> Path:
    """A rotating, owner-only log file in the user log folder (5 x 1 MB); returns its path."""
    folder = folder or log_dir()
    private_dir(folder)
    tighten_tree(folder)  # the logs an earlier version wrote (a handful of files)
    path = folder / "assessor.log"
    handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def main(demo: bool = False) -> int:
    """Open the assessor window (whatever it creates is owner-only: candidate data)."""
    with private_umask():
        log_file = setup_logging()
        try:
            from assessor_app.gui import window
        except ImportError as exc:  # a broken install: say what is missing
            print(f"The assessor window cannot start: {exc}. Reinstall with `pip install -e .`.",
                  file=sys.stderr)
            return 2
        return int(window.run(demo=demo, log_file=log_file))
