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
