"""Qt's system libraries on Linux: a missing one is said plainly before Qt aborts, and logged.

No machine is broken for this: the check is pointed at a library list with a name that exists
nowhere, through the parameter the window's start takes.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from assessor_app import app
from assessor_app.gui.qt_libraries import (
    README_SECTION,
    XCB_LIBRARIES,
    missing_libraries,
    platform_problem,
    uses_xcb,
)
from assessor_app.paths import DATA_DIR_ENV

ROOT = Path(__file__).resolve().parents[1]
NOWHERE = {"libassessor-does-not-exist.so.7": "libassessor-nowhere7"}
#: The C library is on every Linux machine that runs Python.
PRESENT = {"libc.so.6": "libc6"}

linux_only = pytest.mark.skipif(not Path("/proc/self").exists(), reason="the check is for Linux")


@linux_only
def test_a_missing_library_is_found_and_a_present_one_is_not():
    assert missing_libraries({**PRESENT, **NOWHERE}) == NOWHERE
    assert missing_libraries(PRESENT) == {}


@linux_only
def test_the_message_names_the_library_the_package_and_the_readme_section():
    message = platform_problem({**PRESENT, **NOWHERE}, environ={"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"},
                               platform="linux")
    assert message is not None
    assert "libassessor-does-not-exist.so.7" in message
    assert "sudo apt install libassessor-nowhere7" in message
    assert "libc6" not in message  # only what is missing
    assert f'section "{README_SECTION}"' in message


@linux_only
def test_nothing_missing_and_a_display_is_no_problem():
    environ = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}
    assert platform_problem(PRESENT, environ=environ, platform="linux") is None


@linux_only
def test_no_display_is_said_plainly():
    message = platform_problem(PRESENT, environ={"QT_QPA_PLATFORM": "xcb"}, platform="linux")
    assert message is not None and "DISPLAY is not set" in message


@pytest.mark.parametrize(("environ", "platform", "expected"), [
    ({}, "linux", True),  # X11 session: Qt's default on Linux
    ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"QT_QPA_PLATFORM": "xcb:nomitshm"}, "linux", True),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"XDG_SESSION_TYPE": "wayland"}, "linux", False),
    ({}, "win32", False),
    ({}, "darwin", False),
])
def test_the_check_runs_only_where_qt_uses_xcb(environ, platform, expected):
    assert uses_xcb(environ, platform) is expected


def test_other_platforms_are_not_checked():
    assert platform_problem(NOWHERE, environ={"QT_QPA_PLATFORM": "offscreen"}, platform="linux") is None
    assert platform_problem(NOWHERE, environ={}, platform="win32") is None


@linux_only
def test_the_window_says_so_logs_it_and_exits_non_zero(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]):
    """The real start (``assessor``): the message on stderr, in the log file, exit status non-zero,
    and no Qt loaded by the attempt."""
    import sys

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":0")
    had_widgets = "PySide6.QtWidgets" in sys.modules
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        status = app.main(qt_libraries={**PRESENT, **NOWHERE})
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
    assert status == app.EXIT_NO_PLATFORM != 0
    err = capsys.readouterr().err
    assert "libassessor-does-not-exist.so.7" in err and "sudo apt install libassessor-nowhere7" in err
    logged = (tmp_path / "data" / "logs" / "assessor.log").read_text(encoding="utf-8")
    assert "ERROR" in logged and "libassessor-does-not-exist.so.7" in logged
    if not had_widgets:
        assert "PySide6.QtWidgets" not in sys.modules


def test_the_readme_lists_every_package_the_check_names():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"## {README_SECTION}", 1)
    assert len(section) == 2, f"the README has no section '{README_SECTION}'"
    body = section[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"\b(lib[a-z0-9.+-]+)", body))
    assert set(XCB_LIBRARIES.values()) <= listed, set(XCB_LIBRARIES.values()) - listed
