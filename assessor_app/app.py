"""Bootstrap of the desktop app: paths -> logging -> exception hooks -> single instance -> store -> window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Mapping
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


#: The exit status when this machine lacks what the window needs (system libraries, a display).
EXIT_NO_PLATFORM = 3


def main(demo: bool = False, qt_libraries: Mapping[str, str] | None = None) -> int:
    """Open the assessor window (whatever it creates is owner-only: candidate data).

    ``qt_libraries``: the system libraries to check before Qt starts (soname -> package);
    by default those of Qt's X11 platform (:data:`assessor_app.gui.qt_libraries.XCB_LIBRARIES`).
    """
    with private_umask():
        log_file = setup_logging()
        from assessor_app.gui.qt_libraries import XCB_LIBRARIES, platform_problem

        problem = platform_problem(XCB_LIBRARIES if qt_libraries is None else qt_libraries)
        if problem:  # said before Qt aborts the process with a message of its own
            logging.getLogger(__name__).error("%s", problem)
            print(problem, file=sys.stderr)
            return EXIT_NO_PLATFORM
        try:
            from assessor_app.gui import window
        except ImportError as exc:  # a broken install: say what is missing
            if "cannot open shared object file" in str(exc):  # a system library, not the app
                from assessor_app.gui.qt_libraries import README_SECTION

                print(f"The assessor window cannot start: a system library is missing ({exc}). "
                      f"See the README, section \"{README_SECTION}\".", file=sys.stderr)
                logging.getLogger(__name__).error("cannot start: %s", exc)
                return EXIT_NO_PLATFORM
            print(f"The assessor window cannot start: {exc}. Reinstall with `pip install -e .`.",
                  file=sys.stderr)
            return 2
        return int(window.run(demo=demo, log_file=log_file))
