"""The assessment engine: rules, state and replay."""

from assessor_app.core.engine.actions import (
    Abandon,
    Accepted,
    Action,
    AddNote,
    ConnectDiagnostics,
    CorrectResult,
    Finish,
    MarkDiagnosticsUnavailable,
    Person,
    RecordAnswer,
    RecordConsent,
    RecordDiagnostic,
    RecordIdentityCheck,
    RecordIntervention,
    RecordMeasurement,
    RecordPhoto,
    RecordResult,
    RecordStepData,
    Refused,
    ReopenSteps,
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
    StartError,
    StepView,
)
from assessor_app.core.engine.people import Participant, Place, VehicleInfo
from assessor_app.core.engine.replay import action_from_event, replay
from assessor_app.core.engine.state import AssessmentState, Outcome

__all__ = [
    "RESUMED", "STARTED", "Abandon", "Accepted", "Action", "AddNote", "AssessmentEngine",
    "AssessmentState", "ConnectDiagnostics", "CorrectResult", "Finish", "MarkDiagnosticsUnavailable",
    "Outcome",
    "Participant", "Person", "Place", "RecordAnswer", "RecordConsent", "RecordDiagnostic",
    "RecordIdentityCheck", "RecordIntervention", "RecordMeasurement", "RecordPhoto", "RecordResult",
    "RecordStepData", "Refused", "ReopenSteps", "ReplayError", "ScoreRubric", "SignOff", "StartError",
    "StartStep", "StepView", "Vehicle", "VehicleInfo", "action_from_event", "replay",
]
