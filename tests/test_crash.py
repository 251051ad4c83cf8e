"""Kill -9 the recording process at random points: nothing it acknowledged is ever lost.

A child process (tests/crash_child.py) records assessments on the mini checklist into one
database and prints ``ACK <seq> <hash>`` after each action the recorder acknowledged. The
test kills it with SIGKILL after a random number of ACKs (sometimes a moment later, so the
kill can land mid-write; sometimes before it has acknowledged anything, during start-up,
migration or replay), over and over on the same database. After every kill the store must
hold every acknowledged event, every assessment's hash chain must verify, and every
assessment must replay.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import MINI_CHECKLIST

from assessor_app.core.engine import RESUMED
from assessor_app.core.events import verify_chain
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore

CHILD = Path(__file__).resolve().parent / "crash_child.py"
ROOT = Path(__file__).resolve().parent.parent
TRIALS = 24
TRIAL_TIMEOUT_S = 20.0

# The mini parameters, with a 50 ms discharge wait so that real time can pass it quickly.
FAST_PARAMS = """\
kind: parameter-set
id: mini-400v-fast
version: 1.0.0
title: Mini 400 V, fast discharge (crash tests)
source: generic
working_voltage: {value: 400, unit: V}
bus: dc
parameters:
  discharge_wait: {value: 0.05, unit: s}
  dead_voltage_max: {value: 1, unit: V}
  ldl_window: {value: 5, unit: min}
"""


class LineReader:
    """Complete lines from a pipe, with a timeout (no partial line is ever returned)."""

    def __init__(self, proc: subprocess.Popen):
        self.fd = proc.stdout.fileno()  # type: ignore[union-attr]
        self.buf = b""
        self.eof = False

    def next(self, timeout: float) -> str | None:
        """The next line, or None at end of output."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buf:
            if self.eof:
                return None
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the child printed nothing in time")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                chunk = os.read(self.fd, 65536)
                if chunk:
                    self.buf += chunk
                else:
                    self.eof = True
        line, self.buf = self.buf.split(b"\n", 1)
        return line.decode()


def run_trial(
    db: Path, params: Path, rng: random.Random, seed: int, stderr_path: Path
) -> tuple[set[tuple[int, str]], bool, str]:
    """One child run killed at a random point: the ACKs it printed, whether it was ready."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p
    )}
    with stderr_path.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(db), str(MINI_CHECKLIST), str(params), str(seed)],
            stdout=subprocess.PIPE, stderr=err, env=env,
        )
    reader = LineReader(proc)
    acked: set[tuple[int, str]] = set()
    ready = False

    def take(line: str) -> None:
        nonlocal ready
        word, *rest = line.split()
        if word == "ACK":
            acked.add((int(rest[0]), rest[1]))
        elif word == "READY":
            ready = True

    how = rng.random()
    try:
        if not db.exists():
            # while the new database file is being created and migrated (atomically, or the
            # next run could not open it)
            deadline = time.monotonic() + TRIAL_TIMEOUT_S
            while not db.exists() and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.0005)
            time.sleep(rng.uniform(0.0, 0.03))
            how_text = "while creating the database"
        elif how < 0.15:
            # during start-up, replay, the resume event or the first actions
            time.sleep(rng.uniform(0.2, 1.0))
            how_text = "early"
        else:
            target = rng.randint(0, 40)
            how_text = f"after {target} ACKs"
            while len(acked) < target or not ready:
                line = reader.next(TRIAL_TIMEOUT_S)
                if line is None:
                    break  # the child ended by itself: reported below
                take(line)
            if rng.random() < 0.5:
                time.sleep(rng.uniform(0.0, 0.004))  # land inside the next write
                how_text += " and a moment"
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=TRIAL_TIMEOUT_S)
    # Every complete line it managed to print before dying was acknowledged too.
    while (line := reader.next(TRIAL_TIMEOUT_S)) is not None:
        take(line)
    proc.stdout.close()  # type: ignore[union-attr]
    if proc.returncode != -signal.SIGKILL:
        raise AssertionError(
            f"the child exited by itself ({proc.returncode}):\n{stderr_path.read_text()}"
        )
    return acked, ready, how_text


def check_store(db: Path, acked: set[tuple[int, str]], context: str) -> dict[str, int]:
    """Every ACKed event is stored; every chain verifies; every assessment replays."""
    store = AssessmentStore.open(db)
    try:
        stored: dict[str, tuple[str, int]] = {}
        kinds: dict[str, int] = {}
        for aid in list(store.iter_ids()):
            events = store.events(aid)
            summary = store.summary(aid)
            assert events, f"{context}: assessment {aid} has no events"
            assert verify_chain(events) == summary.head_hash, context
            assert summary.event_count == len(events), context
            engine = AssessmentRecorder.open(store, aid, read_only=True).engine
            assert engine.state.head_hash == summary.head_hash, context
            assert engine.state.phase in ("in_progress", "stopped", "finished", "abandoned")
            for ev in events:
                stored[ev.hash] = (aid, ev.seq)
                kinds[ev.kind] = kinds.get(ev.kind, 0) + 1
        lost = sorted((seq, h) for seq, h in acked if stored.get(h, (None, -1))[1] != seq)
        assert not lost, f"{context}: acknowledged events missing from the store: {lost}"
        assert len(store.in_progress()) <= 1, context  # the child always resumes the open one
        kinds["assessments"] = store.count()
        kinds["finished"] = store.count("finished")
        return kinds
    finally:
        store.close()


@pytest.mark.slow
def test_acknowledged_events_survive_sigkill(tmp_path: Path):
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    params = tmp_path / "mini-fast-params.yaml"
    params.write_text(FAST_PARAMS, encoding="utf-8")
    db = tmp_path / "assessor.db"
    all_acked: set[tuple[int, str]] = set()
    ready_trials = 0
    kinds: dict[str, int] = {}
    started = time.monotonic()
    for trial in range(TRIALS):
        acked, ready, how = run_trial(db, params, rng, seed + trial, tmp_path / f"child-{trial}.err")
        context = f"seed {seed}, trial {trial} (killed {how})"
        all_acked |= acked
        ready_trials += ready
        if db.exists():
            kinds = check_store(db, all_acked, context)
        else:
            assert not acked, context
    elapsed = time.monotonic() - started
    print(f"crash trials: seed {seed}, {len(all_acked)} ACKs, {ready_trials} runs got going, "
          f"{elapsed:.1f} s; store: {kinds}")
    # the trials did what they are for: resumed assessments, finished ones, many ACKs
    assert ready_trials >= TRIALS // 2, f"seed {seed}: only {ready_trials} runs got going"
    assert kinds.get(RESUMED, 0) >= TRIALS // 3, (seed, kinds)
    assert len(all_acked) >= 100, (seed, len(all_acked))
    assert kinds.get("finished", 0) >= 1, (seed, kinds)
    assert elapsed < 60, f"the crash trials took {elapsed:.0f} s"
