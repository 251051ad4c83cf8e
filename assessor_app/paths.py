"""Where the app keeps its data and logs: platformdirs, with one override for tests and demos."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "assessor"
APP_AUTHOR = "assessor"
#: Set this to keep all data (database, backups, logs, evidence) in one folder.
DATA_DIR_ENV = "ASSESSOR_DATA_DIR"
#: What the app keeps in a data folder. A folder that an earlier version left open to others has
#: these entries (recursively) made owner-only when it is opened; other files there are left alone.
DATA_FOLDER_ENTRIES = (
    "assessor.db", "assessor.db-wal", "assessor.db-shm", "assessor.lock", "backups", "bundles",
    "captures", "clips", "keys", "logs", "outbox", "provider", "settings.json", "settings.tmp",
)


def data_dir() -> Path:
    """The environment override, else the folder chosen in settings, else the platform's."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from assessor_app.settings import load_settings

    chosen = load_settings().data_dir
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser() / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def database_path(base: Path | None = None) -> Path:
    return (base or data_dir()) / "assessor.db"


def checklists_dir() -> Path:
    """The checklists shipped with the app (the repository's or the installed copy)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_shipped" / "checklists", here.parent / "checklists"):
        if candidate.is_dir():
            return candidate
    return here.parent / "checklists"


def user_checklists_dir(base: Path | None = None) -> Path:
    """Checklists and parameter sets a training provider distributes, read besides the shipped ones:
    the ``checklists`` folder of the data folder."""
    return (base or data_dir()) / "checklists"


def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "_shipped" / "resources", here.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"


def app_command() -> list[str]:
    """How to start this app's ``assessor`` command in a new process: the frozen executable itself
    in the desktop build, else this Python with the command's module."""
    import sys

    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "assessor_app.cli"]
