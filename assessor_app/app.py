"""Bootstrap of the desktop app: paths -> logging -> exception hooks -> single instance -> store -> window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from assessor_app.paths import log_dir


def setup_logging(folder: Path | None = None) -> Path:
    """A rotating log file in the user log folder (5 x 1 MB); returns its path."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "assessor.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def main(demo: bool = False) -> int:
    """Open the assessor window."""
    log_file = setup_logging()
    try:
        from assessor_app.gui import window
    except ImportError as exc:  # a broken install: say what is missing
        print(f"The assessor window cannot start: {exc}. Reinstall with `pip install -e .`.",
              file=sys.stderr)
        return 2
    return int(window.run(demo=demo, log_file=log_file))
