"""Bootstrap of the desktop app: paths -> logging -> exception hooks -> store -> window."""

from __future__ import annotations

import sys


def main(demo: bool = False) -> int:
    """Open the assessor window (the desktop window is its own layer, gui/)."""
    try:
        from assessor_app.gui import window  # noqa: F401  # the window module, when installed
    except ImportError:
        print(
            "The assessor window is not part of this build yet.\n"
            "Run the scripted assessment in the terminal instead:  assessor demo --headless\n"
            "See `assessor --help` for everything else.",
            file=sys.stderr,
        )
        return 2
    return int(window.run(demo=demo))
