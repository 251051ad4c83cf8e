"""The process test_crash.py kills: it records an assessment's actions in a loop.

    python crash_child.py DB CHECKLIST PARAMS SEED

Resumes the store's assessment in progress (or starts one), then acts until it is finished,
then starts another, forever. After each action the recorder acknowledged (``act`` returned
an Event, so the event is committed) it prints ``ACK <seq> <hash>``. Unexpected refusals or
errors end the process with a message on stderr and exit status 3.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from assessor_app.core.engine import (
    Abandon,
    Action,
    AddNote,
    Finish,
    Person,
    RecordIdentityCheck,
    RecordMeasurement,
    RecordResult,
    ScoreRubric,
    SignOff,
    Vehicle,
)
from assessor_app.core.events import Event
from assessor_app.core.specs import load_checklist, load_parameter_set
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore

GOOD = {"hv": (0.2, "V"), "src": (13500.0, "mV"), "riso": (550.0, "MΩ")}
BAD = {"hv": (12.0, "V"), "src": (2.0, "V"), "riso": (20.0, "kΩ")}


def next_action(recorder: AssessmentRecorder, rng: random.Random) -> Action:
    engine = recorder.engine
    st = engine.state
    roll = rng.random()
    if roll < 0.12:
        return AddNote(f"note at event {st.event_count}")
    if roll < 0.125:
        return Abandon("workshop closed early")
    if st.phase == "in_progress":
        for step in engine.spec.steps:
            ss = st.steps[step.id]
            if ss.status in ("passed", "na"):
                continue
            for m in step.measurements:
                rec = ss.measurements.get(m.id)
                if rec is None or not rec.in_range:
                    value, unit = (BAD if rng.random() < 0.1 else GOOD)[m.id]
                    return RecordMeasurement(step.id, m.id, value, unit)
            if step.risk != "critical" and rng.random() < 0.1:
                return RecordResult(step.id, "fail", reason="shown again later")
            return RecordResult(step.id, "pass")
    for criterion in engine.spec.rubric.criteria:
        if criterion.id not in st.rubric:
            return ScoreRubric(criterion.id, rng.choice([2, 3, 4]))
    if st.identity_check is None:
        return RecordIdentityCheck("known_to_assessor")
    if not any(s["role"] == "assessor" for s in st.signoffs):
        return SignOff("assessor", "Alex Assessor")
    return Finish()


def main(db: str, checklist_path: str, params_path: str, seed: str) -> int:
    rng = random.Random(int(seed))
    checklist, params = load_checklist(checklist_path), load_parameter_set(params_path)
    store = AssessmentStore.open(Path(db))
    while True:
        waiting = store.in_progress()
        if waiting:
            recorder = AssessmentRecorder.open(store, waiting[0].id)
        else:
            recorder = AssessmentRecorder.start(
                store, checklist, params, candidate=Person("cand-1", "Casey"),
                assessor=Person("assr-1", "Alex Assessor"), workshop=Person("ws-1", "Main"),
                vehicle=Vehicle("WVWZZZE1ZMP000077", "crash test", 400.0),
            )
        print(f"READY {recorder.assessment_id} {recorder.engine.state.event_count}", flush=True)
        while not recorder.engine.state.read_only:
            action = next_action(recorder, rng)
            result = recorder.act(action)
            if isinstance(result, Event):
                print(f"ACK {result.seq} {result.hash}", flush=True)
            elif result.wait_s is not None:
                time.sleep(min(result.wait_s, 0.1))  # the discharge wait, a few ms here
            else:
                print(f"unexpected refusal of {action}: {result}", file=sys.stderr, flush=True)
                return 3


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
