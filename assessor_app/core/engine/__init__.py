"""The assessment engine: rules, state and replay."""

from assessor_app.core.engine.actions import (
    Abandon,
    Accepted,
    Action,
    AddNote,
    ConnectDiagnostics,
    Finish,
    MarkDiagnosticsUnavailable,
    Person,
    RecordConsent,
    RecordDiagnostic,
    RecordMeasurement,
    RecordResult,
    Refused,
    ScoreRubric,
    SignOff,
    StartStep,
    Vehicle,
)
from assessor_app.core.engine.engine import (
    RESUMED,
    STARTED,
    AssessmentEngine,
    ReplayError,
    StepView,
)
from assessor_app.core.engine.replay import action_from_event, replay
from assessor_app.core.engine.state import AssessmentState, Outcome

__all__ = [
    "RESUMED", "STARTED", "Abandon", "Accepted", "Action", "AddNote", "AssessmentEngine",
    "AssessmentState", "ConnectDiagnostics", "Finish", "MarkDiagnosticsUnavailable", "Outcome",
    "Person", "RecordConsent", "RecordDiagnostic", "RecordMeasurement",
    "RecordResult", "Refused", "ReplayError", "ScoreRubric", "SignOff", "StartStep", "StepView",
    "Vehicle", "action_from_event", "replay",
]
