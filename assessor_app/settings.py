"""Workstation settings (language, data folder, devices, delivery): one JSON file in the user's config folder.

Window geometry is the only thing kept in QSettings; everything else lives here, so the
command line and the window read the same values.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from assessor_app.durable import private_dir, private_opener, tighten
from assessor_app.paths import APP_AUTHOR, APP_NAME, DATA_DIR_ENV

log = logging.getLogger(__name__)
LANGUAGES = {"en": "English", "fi": "Suomi", "sv": "Svenska", "es": "Español", "pt": "Português"}
#: The window's themes: black on white for bright shops, white on black for dark bays.
THEMES = ("light", "dark")


@dataclass
class Settings:
    language: str = "en"
    data_dir: str = ""  # empty: the platform's user data folder
    camera: str = ""  # empty: none; "simulated"; a camera index ("0") or device path
    #: the vehicle adapter: empty for none, "simulated" (the simulated EV), or a python-can
    #: configuration as JSON ({"interface": ..., "channel": ..., "bitrate": ..., "listen_only": ...})
    can_adapter: str = ""
    #: delete a bundle's local archive once the provider's receipt is stored (opt-in)
    sync_prune_after_receipt: bool = False
    #: upload limit for shop networks in kilobytes per second; None: as fast as the line allows
    sync_bandwidth_limit_kbps: int | None = None
    #: the window's theme, one of THEMES
    theme: str = "light"


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
    if not isinstance(raw, dict):
        log.warning("settings file %s holds no settings object; using defaults", path)
        return Settings()
    kinds = {f.name: str(f.type) for f in fields(Settings)}
    values = {}
    for name, value in raw.items():
        if name not in kinds:
            continue  # a setting of a newer or older version: ignored, not an error
        if CHECKS[kinds[name]](value):
            values[name] = value
        else:
            log.warning("settings file %s: %s cannot be %r; using its default", path, name, value)
    settings = Settings(**values)
    if settings.language not in LANGUAGES:
        settings.language = "en"
    if settings.theme not in THEMES:
        log.warning("settings file %s: theme %r is not one of %s; using light", path, settings.theme,
                    ", ".join(THEMES))
        settings.theme = "light"
    return settings


def _positive_or_none(value: object) -> bool:
    return value is None or (type(value) is int and value > 0)


#: what a value read from the file must be, by the field's declared type
CHECKS: dict[str, Callable[[object], bool]] = {
    "str": lambda v: isinstance(v, str),
    "bool": lambda v: isinstance(v, bool),
    "int | None": _positive_or_none,  # a limit: a positive whole number, or none
}


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically (temp file + rename), so a crash never leaves half a file; owner-only."""
    path = path or settings_path()
    private_dir(path.parent)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", opener=private_opener) as f:
        f.write(json.dumps(asdict(settings), indent=2))
    tighten(tmp)  # a temp file left by a crash of an earlier version keeps its mode when reopened
    os.replace(tmp, path)
    return path
