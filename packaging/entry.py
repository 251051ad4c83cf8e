"""The frozen build's entry point: the ``assessor`` command, as installed by pip."""

import multiprocessing
import sys

if __name__ == "__main__":
    # the provider demo makes face-blurred media in spawned worker processes: in a frozen build a
    # worker starts this same executable, which must hand over to multiprocessing before anything else
    multiprocessing.freeze_support()
    import os

    # Windows' Assessor.exe has no console: Python gives it no stdout or stderr, and a library that
    # prints (a warning, argparse) would fail on None. What it prints goes nowhere; the log keeps it.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    from assessor_app.cli import main

    sys.exit(main())
