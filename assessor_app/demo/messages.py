"""What the scripted demo says as it runs, and the words its simulated people type, in five languages.

The run's lines are messages rendered in the language the demo was started in. The people's words
(notes, statements, reasons, typed field values) are recorded as plain text in that language, as a
trainer there would type them.
"""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

# ---------------------------------------------------------------- the start of the run
ASSESSMENT = Message("demo.assessment", "Assessment {id}")
CHECKLIST = Message("demo.checklist", "checklist {checklist} {version} (sha256 {sha256}...)")
PARAMETERS = Message("demo.parameters", "parameters {parameters} {version}; vehicle {vin}, {voltage}")
VEHICLE = Message("demo.vehicle", "vehicle: the simulated EV on a virtual CAN bus, logged by {device}")
# TRANSLATORS: a CAN adapter: its interface and channel (names), and its bit rate
CAN_DEVICE = Message("demo.can_device", "{interface} {channel} at {kbps} kbit/s")

# ---------------------------------------------------------------- the actions, as a refusal names them
REFUSED = Message("demo.refused", "{action}: refused - {reason}")
ACTION_DIAGNOSTICS = Message("demo.action.diagnostics", "diagnostics")
ACTION_RUBRIC = Message("demo.action.rubric", "rubric {criterion}")
ACTION_IDENTITY = Message("demo.action.identity_check", "identity check")
ACTION_SIGNOFF = Message("demo.action.signoff", "sign-off")
ACTION_CANDIDATE_SIGNOFF = Message("demo.action.candidate_signoff", "candidate sign-off")
ACTION_FINISH = Message("demo.action.finish", "finish")
ACTION_NOTE = Message("demo.action.note", "note")
ACTION_PHOTO = Message("demo.action.photo", "{step} photo")
ACTION_ORAL = Message("demo.action.oral", "{step} oral questions")
ACTION_SNAPSHOT = Message("demo.action.snapshot", "{step} DTC snapshot")
ACTION_SIGNAL_CHECK = Message("demo.action.signal_check", "{step} signal check")

# ---------------------------------------------------------------- each step
STEP_NA = Message("demo.step_na", "{step} {title}: N/A")
STEP_PASS = Message("demo.step_pass", "{step} {title}: pass")
STEP_FAIL = Message("demo.step_fail", "{step} {title}: FAIL ({risk})")
STEP_HAZARD = Message("demo.step_hazard", "{step} {title}: HAZARD FOUND, stopped safely")
RECORDED = Message("demo.recorded", "{step} recorded {values}")
# TRANSLATORS: one value a trainer entered in a step's field: the field's label and the value
FIELD_VALUE = Message("demo.field_value", "{label}: {value}")
YES = Message("demo.yes", "yes")
NO = Message("demo.no", "no")
PHOTO = Message("demo.photo", "{step} photo {file} ({width}x{height})")
MEASURED = Message("demo.measured", "{step} measured {label}: {value}")

# ---------------------------------------------------------------- the vehicle's diagnostics
SNAPSHOT = Message("demo.snapshot",
                   "DTC snapshot ({label}): VIN {vin}, DTCs: {dtcs}, HV DTCs: {hv_dtcs} ({duration})")
VIN_MATCHES = Message("demo.vin_matches", "matches the recorded VIN")
VIN_DIFFERS = Message("demo.vin_differs", "differs from the recorded VIN")
VIN_NOT_READ = Message("demo.vin_not_read", "not read")
NO_DTCS = Message("demo.no_dtcs", "none")
SIGNAL_CHECK = Message("demo.signal_check", "signal check {condition}: {said}")
CHECK_NOT_AVAILABLE = Message("demo.check_not_available", "not available ({reason})")
CHECK_MET = Message("demo.check_met", "met ({values})")
CHECK_NOT_MET = Message("demo.check_not_met", "NOT met ({values})")
CHECK_CONTRADICTION = Message("demo.check_contradiction", "{said}; CONTRADICTION: {contradiction}")
BUS_SILENT = Message("demo.bus_silent", "bus silent: 12 V off?")
NO_VALUE = Message("demo.no_value", "no value of {signals} in the last {age}")
CAN_LOG = Message("demo.can_log", "CAN log: {segments}; {snapshots} and {checks} recorded as evidence")
SEGMENTS = Plural("demo.segments", "{n} segment", "{n} segments")
SNAPSHOTS = Plural("demo.snapshots", "{n} DTC snapshot", "{n} DTC snapshots")
CHECKS = Plural("demo.checks", "{n} signal check", "{n} signal checks")

# ---------------------------------------------------------------- video, seal, packages
VIDEO = Message("demo.video", "video: {segments}, {duration_s}, {size}, {dropped}; in {folder}")
FRAMES_DROPPED = Plural("demo.frames_dropped", "{n} frame dropped", "{n} frames dropped")
CLIP = Message("demo.clip", "clip of step {step}: {path}")
VERIFIED_LINE = Message("demo.verified_line", "verified: {finding}")
NOT_VERIFIED_LINE = Message("demo.not_verified_line", "NOT VERIFIED: {problem}")
ARCHIVE_VERIFIED = Message("demo.archive_verified", "archive {name}: verified the same way")
ARCHIVE_NOT_VERIFIED = Message("demo.archive_not_verified", "archive {name}: NOT VERIFIED: {problems}")
VERIFIED = Message("demo.verified", "verified")
NOT_VERIFIED = Message("demo.not_verified", "NOT VERIFIED")
PACKAGES = Message("demo.packages", "full package: identity: {identity}; for moderators: {path} "
                   "(identity: {moderators_identity}, {checked})")

# ---------------------------------------------------------------- the delivery
DELIVERY = Message("demo.delivery", "Delivery to the training provider")
PROVIDER_STARTED = Message("demo.provider_started",
                           "provider on {url}, embedded store in {folder}, key {key}")
ENROLLED = Message(
    "demo.enrolled",
    "workshop {workshop} and a one-time enrollment code for it created at the provider; workstation {device} "
    "enrolled into {enrolled} ({name}), provider key pinned")
ENROLLED_BEFORE = Message(
    "demo.enrolled_before",
    "workstation enrolled in an earlier demo run: provider key checked at the new address")
ASSESSOR_BOUND = Message(
    "demo.assessor_bound",
    "assessor {assessor} ({name}) registered at the provider with {qualification} through {expires}; their "
    "PIN-protected key {key} bound with a one-time assessor code")
RECEIPT_STORED = Message(
    "demo.receipt_stored",
    "receipt stored: bundle {bundle}, manifest sha256 {manifest}, received {received}, verified against "
    "provider key {key}")
IMPORT_RESULT = Message(
    "demo.import_result",
    "provider's import result: {status} (checked as `assessor verify` does, from an enrolled workstation), "
    "{size} payload bytes stored in {path}")
IMPORTED = Message("demo.imported", "imported")
PROVIDER_STOPPED = Message(
    "demo.provider_stopped",
    "provider stopped abruptly: {confirmed} of {size} bytes confirmed, {in_flight} bytes of the next chunk "
    "in flight")
PROVIDER_RESTARTED = Message(
    "demo.provider_restarted",
    "provider started again on {url}; the upload resumed from offset {offset} and re-sent {resent} bytes "
    "(chunks of {chunk})")
PROVIDER_DID_NOT_START = Message("demo.provider_did_not_start", "the demo provider did not start; see {log}")
ENROLLED_ELSEWHERE = Message(
    "demo.enrolled_elsewhere",
    "the data folder {folder} is enrolled with the provider at {url}; the demo leaves that as it is (run it "
    "with --no-sync, or with another --data-dir)")
NOT_HELD = Message("demo.not_held", "the provider in {folder} holds no bundle {bundle} after the upload")

# ---------------------------------------------------------------- what the demo's people type
NOTE_START = Message("demo.words.note_start", "Demo run: simulated clock, vehicle and people")
CONSENT = Message("demo.words.consent", "Agreed to video recording as assessment evidence")
NA_REASON = Message("demo.words.na_reason", "Not applicable on this vehicle type")
ANSWER = Message("demo.words.answer", "answered in the learner's own words")
HAZARD_REASON = Message("demo.words.hazard_reason",
                        "Demo: found at this step; vehicle made safe, quarantined and escalated")
HAZARD_NOTE = Message("demo.words.hazard_note", "Demo: hazard at step {step} on purpose")
FAIL_REASON = Message("demo.words.fail_reason", "Out of range in the demo")
FAIL_NOTE = Message("demo.words.fail_note", "Demo: step {step} failed on purpose")
ASSESSOR_STATEMENT = Message("demo.words.assessor_statement", "I observed this assessment.")
CANDIDATE_STATEMENT = Message("demo.words.candidate_statement", "I did this assessment myself.")
#: the texts the demo's trainer types into a step's text fields, by the field's id
FIELD_TEXTS = {
    "oem_procedure": Message("demo.words.oem_procedure",
                             "OEM workshop manual, HV disconnect procedure, revision 2025-03"),
    "scan_tool": Message("demo.words.scan_tool", "Demo scan tool"),
    "result_values": Message("demo.words.result_values", "yaw 0.1°, pitch 0.0°, roll 0.1°: calibration OK"),
    "topology": Message("demo.words.topology", "two 120 Ω terminators at the ends of the powertrain bus"),
    "decision_reason": Message("demo.words.decision_reason", "all values within the OEM limits"),
}
FIELD_TEXT = Message("demo.words.field_text", "recorded by the assessor")
#: the demo assessor's qualification, as the training provider records it
QUALIFICATION = Message("demo.words.qualification", "SFS 6002 electrical safety card, EV high-voltage work")

# ---------------------------------------------------------------- a moderation panel's feedback (screenshots)
# TRANSLATORS: a moderation panel's comment to the workshop on an assessment it overturned
MODERATION_COMMENT = Message("demo.moderation.comment",
                             "The record does not show that the meter was checked before use. Repeat the "
                             "test equipment step with the learner, and keep the calibration label in view.")
MODERATION_REASON_METER = Message("demo.moderation.reason_meter",
                                  "The calibration label on the video belongs to another meter.")
MODERATION_REASON_HANDOVER = Message("demo.moderation.reason_handover",
                                     "The handover to the responsible person is not on the video.")
