"""Workstation settings (language, data folder): one JSON file in the user's config folder.

Window geometry is the only thing kept in QSettings; everything else lives here, so the
command line and the window read the same values.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from assessor_app.paths import APP_AUTHOR, APP_NAME, DATA_DIR_ENV

log = logging.getLogger(__name__)
LANGUAGES = {"en": "English", "fi": "Suomi", "sv": "Svenska", "es": "Español", "pt": "Português"}


@dataclass
class Settings:
    language: str = "en"
    data_dir: str = ""  # empty: the platform's user data folder
    camera: str = ""  # empty: none; "simulated"; a camera index ("0") or device path
    #: the vehicle adapter: empty for none, "simulated" (the simulated EV), or a python-can
    #: configuration as JSON ({"interface": ..., "channel": ..., "bitrate": ..., "listen_only": ...})
    can_adapter: str = ""


def settings_path() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser() / "settings.json"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings; a missing or unreadable file gives the defaults (and a log line)."""
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s is unreadable (%s); using defaults", path, exc)
        return Settings()
    known = {f.name for f in fields(Settings)}
    settings = Settings(**{k: v for k, v in raw.items() if k in known and isinstance(v, str)})
    if settings.language not in LANGUAGES:
        settings.language = "en"
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically (temp file + rename), so a crash never leaves half a file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    os.replace(tmp, path)
    return path
