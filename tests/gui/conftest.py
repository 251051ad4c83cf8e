"""GUI test setup: a fresh store per test, and no thread left behind (Qt is offscreen: root conftest)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from assessor_app.core.specs.library import load_library
from assessor_app.core.specs.loader import load_parameter_set
from assessor_app.paths import checklists_dir
from assessor_app.storage.store import AssessmentStore

FAST_PARAMS = """\
kind: parameter-set
id: test-fast
version: 1.0.0
title: Fast test vehicle (short discharge wait)
source: generic
working_voltage: {value: 400, unit: V}
bus: dc
parameters:
  discharge_wait: {value: 1.5, unit: s}
  tester_proving_min: {value: 12, unit: V}
  tester_proving_max: {value: 16, unit: V}
  dead_voltage_max: {value: 1, unit: V}
  live_dead_live_window: {value: 5, unit: min}
  insulation_test_voltage: {value: 500, unit: V}
  insulation_test_voltage_tolerance: {value: 50, unit: V}
  insulation_floor: {value: 1, unit: MΩ}
  glove_test_interval: {value: 183, unit: d}
  adas_target_distance_tolerance: {value: 10, unit: mm}
  adas_target_height_tolerance: {value: 5, unit: mm}
  adas_target_lateral_tolerance: {value: 5, unit: mm}
"""


@pytest.fixture(autouse=True)
def no_thread_left_behind():
    before = {t.ident for t in threading.enumerate()}
    yield
    left = [t for t in threading.enumerate() if t.ident not in before and t.is_alive()]
    assert not left, f"threads left running: {[t.name for t in left]}"


@pytest.fixture
def library(tmp_path: Path):
    lib = load_library(checklists_dir())
    path = tmp_path / "test-fast.yaml"
    path.write_text(FAST_PARAMS, encoding="utf-8")
    fast = load_parameter_set(path)
    lib.parameter_sets[fast.params.id] = fast
    return lib


@pytest.fixture
def store(tmp_path: Path):
    s = AssessmentStore.open(tmp_path / "data" / "assessor.db")
    yield s
    s.close()
