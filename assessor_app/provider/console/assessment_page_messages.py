"""The words of the assessment page, its forms and its downloads."""

from __future__ import annotations

from assessor_app.i18n import Message

TITLE = Message("console.assessment.title", "Assessment {bundle}")
CANDIDATE = Message("console.assessment.candidate", "Candidate")
PSEUDONYM = Message("console.assessment.pseudonym", "(pseudonym)")
SHOW_NAME = Message("console.assessment.show_name", "Show the candidate's name")
SHOW_NAME_HINT = Message("console.assessment.show_name_hint",
                         "Showing the name is recorded in the audit log.")
WORKSHOP = Message("console.assessment.workshop", "Workshop")
ASSESSOR = Message("console.assessment.assessor", "Assessor")
VEHICLE = Message("console.assessment.vehicle", "Vehicle")
CHECKLIST = Message("console.assessment.checklist", "Checklist")
PARAMETERS = Message("console.assessment.parameters", "Parameter set")
GENERIC = Message("console.assessment.generic", "generic values, not the manufacturer's data")
OUTCOME = Message("console.assessment.outcome", "Outcome")
WHY = Message("console.assessment.why", "Why")
TIMES = Message("console.assessment.times", "Recorded")
TIMES_VALUE = Message("console.assessment.times_value", "{started} – {finished} (UTC); received {received}")
IDENTITY = Message("console.assessment.identity", "Identity")
NOTES = Message("console.assessment.notes", "Notes")
VERIFICATION = Message("console.assessment.verification", "Verification")
REVERIFY = Message("console.assessment.reverify", "Verify again now")
REVERIFY_HINT = Message("console.assessment.reverify_hint",
                        "Reads every file of the bundle again and checks the seal and the event chain.")
DOWNLOADS = Message("console.assessment.downloads", "Downloads")
DL_PDF = Message("console.assessment.dl_pdf", "PDF record")
DL_PDF_NAMES = Message("console.assessment.dl_pdf_names", "PDF record with names")
DL_ARCHIVE = Message("console.assessment.dl_archive", "Sealed archive (.tar)")
DL_ARCHIVE_ANON = Message("console.assessment.dl_archive_anon", "Sealed archive without identity (.tar)")
DL_ARCHIVE_NAMES = Message("console.assessment.dl_archive_names", "Sealed archive with identity (.tar)")
DL_CSV = Message("console.assessment.dl_csv", "Steps as CSV")
STEPS = Message("console.assessment.steps", "Steps")
STEP_HEADING = Message("console.assessment.step_heading", "{step} {title}")
RESULT = Message("console.assessment.result", "Result")
RISK = Message("console.assessment.risk", "Risk")
PERSON = Message("console.assessment.person", "Person")
ATTEMPTS = Message("console.assessment.attempts", "Attempts")
STARTED_AT = Message("console.assessment.started_at", "Started")
RESULT_AT = Message("console.assessment.result_at", "Result recorded")
MOMENT = Message("console.assessment.moment", "{clock} on the assessment clock, {wall} UTC")
READINGS = Message("console.assessment.readings", "Readings")
READING = Message("console.assessment.reading", "Measurement")
VALUE = Message("console.assessment.value", "Value")
ENTERED = Message("console.assessment.entered", "As entered")
RANGE = Message("console.assessment.range", "Pass range")
IN_RANGE = Message("console.assessment.in_range", "in range")
OUT_OF_RANGE = Message("console.assessment.out_of_range", "OUT OF RANGE")
ATTEMPT = Message("console.assessment.attempt", "Attempt")
INSTRUMENT = Message("console.assessment.instrument", "Instrument")
DATA = Message("console.assessment.data", "Recorded data")
CORRECTIONS = Message("console.assessment.corrections", "Corrections")
INTERVENTIONS = Message("console.assessment.interventions", "Interventions")
PHOTOS = Message("console.assessment.photos", "Photos")
PHOTO_ALT = Message("console.assessment.photo_alt", "Photo {name} of step {step}")
SNAPSHOTS = Message("console.assessment.snapshots", "DTC snapshots")
SNAPSHOT_LINE = Message("console.assessment.snapshot_line",
                        "{label} at {clock}: DTCs {dtcs}; HV DTCs {hv}; {vin}")
CHECKS = Message("console.assessment.checks", "Signal checks")
CHECK_LINE = Message("console.assessment.check_line", "{condition} ({expression}) at {clock}: {said}")
NOT_AVAILABLE = Message("console.assessment.not_available", "Not available")
MISSING_EVIDENCE = Message("console.assessment.missing_evidence", "Missing evidence")
VIDEO = Message("console.assessment.video", "Video")
VIDEO_LABEL = Message("console.assessment.video_label", "Video of step {step}, segment {segment}")
VIDEO_FROM = Message("console.assessment.video_from", "Segment {segment}: the step starts at {offset} s")
SEEK = Message("console.assessment.seek", "To the start of step {step}")
PROXY_PENDING = Message("console.assessment.proxy_pending",
                        "The playable copy of this video is being prepared; reload the page later.")
PROXY_FAILED = Message("console.assessment.proxy_failed",
                       "The playable copy of this video could not be prepared: {reason}")
PROXY_MISSING = Message("console.assessment.proxy_missing",
                        "No playable copy of this video has been made yet; download the original.")
DL_VIDEO = Message("console.assessment.dl_video", "Download the sealed original ({segment})")
CAN = Message("console.assessment.can", "CAN data")
DL_CAN = Message("console.assessment.dl_can", "CAN segment {segment} (BLF)")
NAME_SHOWN = Message("console.assessment.name_shown", "The candidate's name is shown; this was recorded.")
REVERIFIED = Message("console.assessment.reverified", "Verified again now; this was recorded.")
NO_NAMES_ARCHIVE = Message(
    "console.assessment.no_names_archive",
    "This bundle was sealed with the names in its record, so it cannot be handed out without them: "
    "ask an administrator or coordinator.")
ARCHIVE_REFUSED = Message("console.assessment.archive_refused",
                          "The archive without identity cannot be made: {reason}")
NO_PDF = Message("console.assessment.no_pdf", "The bundle holds no PDF record.")
NAMES_NOT_ALLOWED = Message("console.assessment.names_not_allowed",
                            "Your role does not see candidates' names.")
