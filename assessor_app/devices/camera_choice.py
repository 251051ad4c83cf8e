"""The camera a workstation records with, from its settings: none, simulated, an index or a path."""

from __future__ import annotations

from assessor_app.devices.video import FrameSource, OpenCVCamera, SyntheticCamera

#: The settings value for the simulated camera (the demo's; also useful to try the app).
SIMULATED = "simulated"


def camera_from_setting(value: str) -> FrameSource | None:
    """``""`` -> no camera; ``simulated``; ``0``/``1``... -> that camera index; else a device path."""
    value = value.strip()
    if not value:
        return None
    if value == SIMULATED:
        return SyntheticCamera(640, 360, 15.0, identity="simulated")
    if value.isdigit():
        return OpenCVCamera(int(value))
    return OpenCVCamera(value)
