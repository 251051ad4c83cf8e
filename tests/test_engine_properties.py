"""Random sequences of trainer actions through the engine, and what must always hold.

Sequences mix a guided walk (the next step not done, in checklist order, with a measurement,
diagnostic evidence and a result drawn at random) with random actions on any step, time
advances from 0 to 20 minutes, other people, rubric scores in and out of scale, sign-offs,
diagnostic adapters connected or not available, finish and abandon. The checklist is the mini
one with diagnostics declared (test_engine_diagnostics.diagnostics_mini). The competent-outcome
check reads the event list with its own small model of the checklist rather than the engine's
rule code.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from helpers import ASSESSOR, CANDIDATE, Driver
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_engine_diagnostics import diagnostics_mini

from assessor_app.core.engine import (
    Abandon,
    AddNote,
    ConnectDiagnostics,
    Finish,
    MarkDiagnosticsUnavailable,
    RecordConsent,
    RecordDiagnostic,
    RecordMeasurement,
    RecordResult,
    Refused,
    ScoreRubric,
    SignOff,
    StartStep,
    replay,
)
from assessor_app.core.events import Event, verify_chain

MINI = diagnostics_mini()
SPEC = MINI.checklist.spec
STEPS = [s.id for s in SPEC.steps]
PEOPLE = [None, CANDIDATE.id, "tech-2", "tech-3"]

# ---------------------------------------------------------------- an independent model
# Written from the YAML by hand: the engine's rule and unit code is not used to check it.
RISK = {"ppe": "critical", "sign": "high", "plug": "critical", "lock": "critical",
        "dead": "critical", "reprove": "critical", "earth": "standard", "insul": "high",
        "unlock": "critical", "oral": "standard"}
AFTER = {"plug": ["ppe"], "lock": ["plug"], "dead": ["lock"], "reprove": ["dead"],
         "earth": ["lock"], "insul": ["reprove"], "unlock": ["insul"], "oral": ["unlock"]}
MIN_WAIT_S = {"dead": ("plug", 600.0)}  # discharge_wait 10 min
WINDOW_S = {"reprove": ("dead", 300.0)}  # ldl_window 5 min
SAME_PERSON = {"unlock": "lock"}
NA_ALLOWED = {"earth"}
SI = {"V": 1.0, "mV": 1e-3, "kV": 1e3, "Ω": 1.0, "kΩ": 1e3, "MΩ": 1e6, "GΩ": 1e9}
# step -> measurement -> (min, max) in SI units (V, Ω); R100 floor: 100 Ω/V x 400 V
RANGES = {"dead": {"hv": (None, 1.0)}, "reprove": {"src": (12.0, 16.0)},
          "insul": {"riso": (40_000.0, None)}}
RUBRIC_MIN = 2
CRITERIA = ("conduct", "safety")
TOLERANCE = 1e-9  # unit conversions are floating point; a knife-edge value may go either way

UNITS_FOR = {"hv": ["V", "mV", "kV", "A"], "src": ["V", "mV", "kV", "Ω"],
             "riso": ["MΩ", "kΩ", "Ω", "GΩ", "V"]}
VALUES_FOR = {  # around the bounds, in the checklist's own unit
    "hv": [0.0, 0.2, 0.999, 1.0, 1.001, 3.0, 400.0, -0.5],
    "src": [11.0, 11.999, 12.0, 13.5, 16.0, 16.001, 20.0],
    "riso": [0.0, 0.03, 0.0399, 0.04, 0.0401, 1.0, 550.0],
}
OWN_UNIT = {"hv": "V", "src": "V", "riso": "MΩ"}
# diagnostics declared per step; a pass needs each recorded, or not available (no adapter
# connected, or marked with a reason); a condition last recorded not met refuses the pass
DIAG = {"plug": ["snapshot"], "dead": ["condition"], "insul": ["snapshot", "condition"]}
CONDITION = {"dead": "hv_bus_below_60v", "insul": "isolation_ok"}
NO_ADAPTER = {"code": "engine.no_adapter", "args": {},
              "text": "no diagnostic adapter was connected to the assessment"}
SHA = "cd" * 32
ADVANCES = [0, 0.5, 1, 30, 60, 299, 300, 301, 599, 600, 601, 900, 1200]


def _in_si(value: float, unit: str) -> float:
    return value * SI[unit]


def _in_range(value_si: float, bounds: tuple[float | None, float | None]) -> bool:
    low, high = bounds
    return (low is None or value_si >= low * (1 - TOLERANCE)) and (
        high is None or value_si <= high * (1 + TOLERANCE)
    )


@dataclass
class DiagnosticsSeen:
    """What the log says about diagnostics so far, read event by event."""

    connected: bool = False
    unavailable: dict[str, str] = field(default_factory=dict)  # for every step: kind -> reason
    step_unavailable: dict[str, dict[str, str]] = field(default_factory=dict)
    records: dict[str, list[dict]] = field(default_factory=dict)  # this attempt's evidence, per step

    def read(self, ev: Event) -> None:
        p = ev.payload
        if ev.kind == "diagnostics_connected":
            self.connected = True
            self.unavailable = {}
        elif ev.kind == "diagnostics_unavailable":
            kinds = [p["diagnostic"]] if p["diagnostic"] else ["snapshot", "condition"]
            target = (self.unavailable if p["step"] is None
                      else self.step_unavailable.setdefault(p["step"], {}))
            target.update(dict.fromkeys(kinds, p["reason"]))
        elif ev.kind == "diagnostic_recorded":
            self.records.setdefault(p["step"], []).append(p)
        elif ev.kind == "step_result" and p["result"] == "fail":
            self.records.pop(p["step"], None)

    def check_pass(self, ev: Event) -> None:
        """A pass of a step with diagnostics: each declared one recorded or not available, and said so."""
        step = ev.payload["step"]
        expected = {}
        for kind in DIAG.get(step, []):
            recs = [r for r in self.records.get(step, []) if r["diagnostic"] == kind
                    and (kind == "snapshot" or r["summary"]["condition"] == CONDITION[step])]
            if kind == "condition" and recs:
                assert recs[-1]["met"] is True, f"{step} passed at seq {ev.seq} with its condition not met"
            if recs:
                continue
            reason = (self.step_unavailable.get(step, {}).get(kind) or self.unavailable.get(kind)
                      or (None if self.connected else NO_ADAPTER))
            assert reason is not None, f"{step} passed at seq {ev.seq} without its {kind}"
            expected[kind] = reason
        assert ev.payload.get("diagnostics_unavailable", {}) == expected, (step, ev.payload)


def check_passed_step_rules(events: list[Event]) -> None:
    """For every pass in the log, its rules held at its own event (the log is the evidence)."""
    result: dict[str, Event] = {}  # latest result event per step, so far
    measured: dict[tuple[str, str], Event] = {}  # latest measurement event, so far
    diag = DiagnosticsSeen()
    for ev in events:
        p = ev.payload
        if ev.kind == "measurement_recorded":
            measured[(p["step"], p["measurement"])] = ev
        elif ev.kind == "step_result":
            step = p["step"]
            if p["result"] == "pass":
                for ref in AFTER.get(step, []):
                    assert ref in result and result[ref].payload["result"] in ("pass", "na"), (
                        f"{step} passed at seq {ev.seq} before {ref}"
                    )
                if step in MIN_WAIT_S:
                    ref, wait_s = MIN_WAIT_S[step]
                    assert result[ref].t_us + wait_s * 1e6 <= ev.t_us, f"{step} passed early"
                if step in WINDOW_S:
                    ref, window_s = WINDOW_S[step]
                    assert ev.t_us - result[ref].t_us <= window_s * 1e6, f"{step} passed late"
                if step in SAME_PERSON:
                    ref = SAME_PERSON[step]
                    assert p["person"] == result[ref].payload["person"], f"{step}: other person"
                for m, bounds in RANGES.get(step, {}).items():
                    assert (step, m) in measured, f"{step} passed without measuring {m}"
                    mp = measured[(step, m)].payload
                    assert _in_range(_in_si(mp["entered_value"], mp["entered_unit"]), bounds), (
                        f"{step} passed with {m} = {mp['entered_value']} {mp['entered_unit']}"
                    )
                diag.check_pass(ev)
            elif p["result"] == "na":
                assert step in NA_ALLOWED and p["reason"].strip()
            result[step] = ev
        diag.read(ev)


def final_statuses(events: list[Event]) -> dict[str, str]:
    status = dict.fromkeys(STEPS, "pending")
    for ev in events:
        if ev.kind == "step_result":
            status[ev.payload["step"]] = ev.payload["result"]
    return status


def final_rubric(events: list[Event]) -> dict[str, int]:
    return {e.payload["criterion"]: e.payload["score"] for e in events if e.kind == "rubric_scored"}


# ---------------------------------------------------------------- drawing actions
@dataclass
class Counters:
    refused: int = 0
    accepted: int = 0


def _measurement_action(data: st.DataObject, step: str, *, guided: bool = False
                        ) -> RecordMeasurement:
    ms = [m.id for m in SPEC.step(step).measurements] or ["hv"]
    m = data.draw(st.sampled_from(ms))
    unit = data.draw(st.sampled_from(UNITS_FOR[m][:3] if guided else UNITS_FOR[m]))
    good = {"hv": [0.0, 0.2, 0.999], "src": [12.0, 13.5, 16.0], "riso": [0.04, 1.0, 550.0]}[m]
    values = st.sampled_from(VALUES_FOR[m]) | st.floats(-10, 1000, allow_nan=False)
    if guided:  # mostly in range, so that whole assessments get done
        values = st.sampled_from(good) | values
    own = data.draw(values)
    try:
        value = own * SI[OWN_UNIT[m]] / SI[unit]
    except KeyError:  # a unit of another quantity: refused anyway
        value = own
    return RecordMeasurement(step, m, value, unit)


def _diagnostic_actions(data: st.DataObject, step: str, kind: str, *, guided: bool = False) -> list:
    """Evidence of ``kind`` for ``step`` (mostly good when guided), not available, or nothing."""
    choice = data.draw(st.sampled_from(
        ["record"] * 6 + ["unavailable", "nothing"] if guided else ["record", "unavailable"]))
    if choice == "nothing":
        return []
    if choice == "unavailable":
        return [MarkDiagnosticsUnavailable(
            data.draw(st.sampled_from(["adapter unplugged", "ELM327 only", " "])),
            step=data.draw(st.sampled_from([step, step, None])),
            diagnostic=data.draw(st.sampled_from([kind, None])))]
    if kind == "snapshot":
        return [RecordDiagnostic(step, "snapshot", f"can/snapshots/{step}-1.json", SHA,
                                 {"vin": "WVWZZZE1ZMP000001", "hv_dtcs": []})]
    met = data.draw(st.sampled_from([True] * (5 if guided else 1) + [False]))
    name = CONDITION.get(step) or data.draw(st.sampled_from(["contactors_open", "hv_bus_below_60v"]))
    if not guided and data.draw(st.booleans()):
        name = "contactors_open"  # sometimes not the step's own condition: refused there
    actions = [RecordDiagnostic(step, "condition", f"can/snapshots/{step}-2.json", SHA,
                                {"condition": name, "met": met, "values": {}, "failing": []}, met)]
    if not met and guided and data.draw(st.booleans()):  # checked again once it holds
        actions.append(RecordDiagnostic(step, "condition", f"can/snapshots/{step}-3.json", SHA,
                                        {"condition": name, "met": True, "values": {}}, True))
    return actions


def guided_actions(data: st.DataObject, d: Driver) -> list:
    """The next step not done, in order: maybe wait it out, measure, then a mostly-pass.

    A failed step is shown again only sometimes; with nothing left to do, finish.
    """
    state = d.state
    failed = [s for s in STEPS if state.steps[s].status == "failed"]
    todo = [s for s in STEPS if state.steps[s].status == "pending"]
    if failed and data.draw(st.booleans()):
        todo = failed
    if not todo or state.phase == "stopped":
        scores = st.sampled_from([2, 3, 4, 4, 3, 2, 3, 1])
        actions = [ScoreRubric(c, data.draw(scores)) for c in CRITERIA]
        return [*actions, SignOff("assessor", ASSESSOR.name), Finish()]
    step = todo[0]
    wait_s = d.view(step).wait_s
    if wait_s and data.draw(st.booleans()):  # the trainer waits for the countdown
        d.advance(wait_s + data.draw(st.sampled_from([0, 0.5, 5, 60])))
    actions: list = []
    if SPEC.step(step).measurements:
        actions.append(_measurement_action(data, step, guided=True))
    for kind in DIAG.get(step, []):
        actions += _diagnostic_actions(data, step, kind, guided=True)
    # critical steps fail rarely (that ends the task); others often enough to be shown again
    fails = 1 if RISK[step] == "critical" else 5
    result = data.draw(st.sampled_from(["pass"] * 16 + ["fail"] * fails + ["na"]))
    person = None
    if step in ("lock", "unlock"):
        lock_person = state.steps["lock"].person
        person = data.draw(st.sampled_from(
            [lock_person, lock_person, "tech-2", "tech-3"] if step == "unlock"
            else [None, None, "tech-2"]
        ))
    actions.append(RecordResult(step, result, reason="see notes" if result != "pass" else "",
                                person=person))
    return actions


def random_action(data: st.DataObject):
    kind = data.draw(st.sampled_from([
        "start", "start", "measure", "measure", "result", "result", "note", "consent", "rubric",
        "rubric", "signoff", "signoff", "finish", "abandon", "connect", "diagnostic",
    ]))
    if kind == "connect":
        return ConnectDiagnostics(data.draw(st.sampled_from(["virtual ev-sim", ""])))
    if kind == "diagnostic":
        step = data.draw(st.sampled_from(STEPS))
        return _diagnostic_actions(data, step, data.draw(st.sampled_from(["snapshot", "condition"])))[0]
    step = data.draw(st.sampled_from([*STEPS, "nope"] if kind != "measure" else STEPS))
    if kind == "start":
        return StartStep(step)
    if kind == "measure":
        return _measurement_action(data, step)
    if kind == "result":
        return RecordResult(
            step, data.draw(st.sampled_from(["pass", "pass", "na", "fail"])),
            reason=data.draw(st.sampled_from(["", " ", "does not apply"])),
            person=data.draw(st.sampled_from(PEOPLE)),
        )
    if kind == "note":
        return AddNote(data.draw(st.sampled_from(["", "watch the gloves"])),
                       step=data.draw(st.sampled_from([None, step])))
    if kind == "consent":
        return RecordConsent(CANDIDATE.id, video=data.draw(st.booleans()))
    if kind == "rubric":
        return ScoreRubric(data.draw(st.sampled_from([*CRITERIA, "teamwork"])),
                           data.draw(st.integers(0, 5)))
    if kind == "signoff":
        return SignOff(data.draw(st.sampled_from(["assessor", "candidate", "boss"])),
                       data.draw(st.sampled_from(["A. Assessor", ""])))
    if kind == "finish":
        return Finish()
    return Abandon(data.draw(st.sampled_from(["", "vehicle needed"])))


def act_checked(d: Driver, action, counters: Counters) -> None:
    """Act; a refused action must leave the state exactly as it was (property d)."""
    before = copy.deepcopy(d.state)
    n_events = len(d.events)
    result = d.act(action)
    if isinstance(result, Refused):
        counters.refused += 1
        assert d.state == before, f"refused {action} changed the state"
        assert len(d.events) == n_events
        assert result.reason
    else:
        counters.accepted += 1


# ---------------------------------------------------------------- the property
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_action_sequences_keep_every_rule(data: st.DataObject):
    d = Driver(MINI)
    counters = Counters()
    if data.draw(st.booleans(), label="adapter connected"):
        act_checked(d, ConnectDiagnostics("virtual ev-sim at 500 kbit/s"), counters)
    rounds = data.draw(st.integers(0, 50), label="rounds")
    # a quarter of the runs sign off and finish at some round, whatever is left undone
    finish_early = data.draw(st.sampled_from([False, False, False, True]))
    finish_at = data.draw(st.integers(0, 50)) if finish_early else None
    for i in range(rounds):
        op = data.draw(st.sampled_from(["guided"] * 6 + ["random"] * 2 + ["advance"]))
        if i == finish_at:
            act_checked(d, SignOff("assessor", ASSESSOR.name), counters)
            act_checked(d, Finish(), counters)
        elif op == "advance":
            d.advance(data.draw(st.sampled_from(ADVANCES) | st.floats(0, 1200)))
        elif op == "guided":
            for action in guided_actions(data, d):
                act_checked(d, action, counters)
        else:
            act_checked(d, random_action(data), counters)
        if d.state.read_only:
            break

    events, state = d.events, d.state
    event(f"outcome: {state.outcome or state.phase}")
    statuses = final_statuses(events)
    outcome = state.outcome

    # (a) competent means every rule held, checked from the log itself
    if outcome == "competent":
        assert state.phase == "finished"
        # every step done; a standard-risk fail is feedback only (the engine's design), so
        # only critical and high steps must end passed or N/A
        assert "pending" not in statuses.values(), statuses
        assert all(statuses[s] in ("pass", "na") for s, r in RISK.items() if r != "standard"), (
            statuses
        )
        assert not any(statuses[s] == "fail" for s, r in RISK.items() if r == "high")
        rubric = final_rubric(events)
        assert set(rubric) == set(CRITERIA)
        assert all(score >= RUBRIC_MIN for score in rubric.values()), rubric
        assert any(e.kind == "signed_off" and e.payload["role"] == "assessor" for e in events)
    check_passed_step_rules(events)

    # (b) a failed critical step: not yet competent, and no step event after it
    critical_fails = [
        i for i, e in enumerate(events)
        if e.kind == "step_result" and e.payload["result"] == "fail"
        and RISK[e.payload["step"]] == "critical"
    ]
    if critical_fails:
        first = critical_fails[0]
        assert state.stopped_by == events[first].payload["step"]
        later = [e.kind for e in events[first + 1:]]
        assert not {"step_started", "measurement_recorded", "step_result", "diagnostic_recorded"} & set(
            later), later
        assert d.engine.derive_outcome()[0] == "not_yet_competent"
        if state.phase in ("finished", "abandoned"):
            assert outcome == "not_yet_competent"
    else:
        assert state.stopped_by is None and state.phase != "stopped"

    # the closing event is the last one, and carries the outcome the state shows
    closing = [e for e in events if e.kind in ("assessment_finished", "assessment_abandoned")]
    assert len(closing) <= 1
    if closing:
        assert closing[0] is events[-1] and closing[0].payload["outcome"] == outcome

    # (c) the log rebuilds the same state, and its chain holds
    assert verify_chain(events) == state.head_hash
    rebuilt = replay(SPEC, MINI.params.params, events)
    assert rebuilt.state == state
    assert state.event_count == len(events) == counters.accepted + 1
