"""The system libraries Qt needs on Linux, checked before the window starts.

Without them Qt's X11 (xcb) platform plugin fails to load and the process aborts with a message
that often names the wrong package. Before the ``QApplication`` exists, the window asks the
dynamic loader for each library by the name the plugin links against (the same search Qt's own
loading does, no ``ldd``) and, if any is missing, says which Debian/Ubuntu packages to install.
This module imports no Qt, so it works when Qt itself cannot load.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping

#: Where the README explains it (the message names it).
README_SECTION = "Qt's system libraries on Linux"

#: What PySide6's xcb platform plugin (libqxcb.so, libQt6XcbQpa.so.6) and QtGui link against
#: from the system, by soname, with the Debian/Ubuntu package that ships it. The C and C++
#: runtimes are left out: nothing in Python runs without them.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}


def uses_xcb(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt will start on its X11 (xcb) platform: asked for, or the Linux default outside Wayland."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0].strip() == "xcb"
    return not (env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland")


def missing_libraries(libraries: Mapping[str, str] = XCB_LIBRARIES) -> dict[str, str]:
    """The libraries (soname -> package) the dynamic loader cannot find or load."""
    missing = {}
    for soname, package in libraries.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing[soname] = package
    return missing


def platform_problem(libraries: Mapping[str, str] = XCB_LIBRARIES,
                     environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """What keeps the window from starting on this machine's display, said plainly; None if nothing."""
    env = os.environ if environ is None else environ
    if not uses_xcb(env, platform):
        return None
    missing = missing_libraries(libraries)
    if missing:
        packages = " ".join(sorted(set(missing.values())))
        return (
            "The assessor window cannot start: Qt's X11 (xcb) platform needs system libraries that "
            f"are missing on this computer: {', '.join(missing)}.\n"
            f"Install them (Debian/Ubuntu): sudo apt install {packages}\n"
            f"See the README, section \"{README_SECTION}\"."
        )
    if not env.get("DISPLAY"):
        return (
            "The assessor window cannot start: there is no X11 display (DISPLAY is not set). "
            "Start it from the desktop session of this computer.\n"
            f"See the README, section \"{README_SECTION}\"."
        )
    return None
