"""Fixtures shared by the engine and store tests (helpers live in tests/helpers.py)."""

from __future__ import annotations

import os

# Once, for the whole suite: Qt draws offscreen, no display needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from helpers import Driver, Mini, load_mini  # noqa: E402

from assessor_app.core.clock import ManualClock  # noqa: E402


@pytest.fixture(scope="session")
def mini() -> Mini:
    """The mini checklist and its parameter set, loaded and validated once."""
    return load_mini()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def driver(mini: Mini, clock: ManualClock) -> Driver:
    """A fresh assessment on the mini checklist, driven through the pure engine."""
    return Driver(mini, clock)


@pytest.fixture(scope="session")
def demo_with_video(tmp_path_factory):
    """One scripted assessment with simulated camera, sealed: shared, so never modify its files."""
    from assessor_app.core.specs.library import load_library
    from assessor_app.demo import run_demo
    from assessor_app.paths import checklists_dir

    result = run_demo(load_library(checklists_dir()), tmp_path_factory.mktemp("demo-video"),
                      say=lambda _line: None)
    assert result.bundle is not None and result.archive is not None and result.video_segments > 0
    return result
