"""A working copy of a provider's folder for a test: its database and keys copied, its sealed bundles
hard-linked (they are never written, and copying hundreds of megabytes per test would be slow)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def copy_provider(source: Path, target: Path) -> Path:
    def place(src: str, dst: str) -> str:
        if Path(src).relative_to(source).parts[0] == "bundles":
            os.link(src, dst)
            return dst
        return shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=place)
    return target
