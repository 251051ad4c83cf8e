"""The words the provider demo's people type (notes, reasons) and what the provider demo says, in five
languages."""

from __future__ import annotations

from assessor_app.i18n import Message

# ---------------------------------------------------------------- the words the cohort's trainers type
# TRANSLATORS: the first note of an assessment of the provider demo; {checklist} is its identifier
NOTE_START = Message(
    "demo.cohort.note_start", "Provider demo cohort: {checklist}, simulated clock and vehicle"
)
MISTAKEN_FAIL = Message("demo.cohort.mistaken_fail", "Not done as required")
CORRECTION_REASON = Message(
    "demo.cohort.correction_reason",
    "Pressed Fail by mistake: the candidate did the step as required, as the video shows",
)

# ---------------------------------------------------------------- what `assessor provider demo` says
PROVIDER = Message("demo.cohort.provider", "Provider on {url}, data in {folder}, key {key}")
WORKSHOP = Message("demo.cohort.workshop", "workshop {id}: {name} ({country}), {address}")
# TRANSLATORS: {expires} is a date
ASSESSOR = Message(
    "demo.cohort.assessor", "assessor {id}: {name}, {qualification} until {expires}, assesses for {workshop}"
)
BUILDING = Message(
    "demo.cohort.building",
    "Recording the cohort: {count} assessments on {workstations} workstations (simulated clock, "
    "vehicle and camera)...",
)
BUILT = Message("demo.cohort.built", "recorded and sealed in {seconds} s")
REUSED = Message("demo.cohort.reused", "the cohort recorded before in {folder} is used again")
DELIVERING = Message(
    "demo.cohort.delivering",
    "Delivering over HTTP: enrollment codes, assessor keys, uploads, signed receipts",
)
ENROLLED = Message("demo.cohort.enrolled", "{workstation} enrolled for {workshop} with a one-time code")
BOUND = Message("demo.cohort.bound", "{assessor} bound their PIN-protected key with a one-time assessor code")
DELIVERED = Message(
    "demo.cohort.delivered", "{workstation}: {delivered} bundle(s) delivered with a signed receipt"
)
NOT_DELIVERED = Message("demo.cohort.not_delivered", "bundle {bundle}: {status}: {error}")
QUARANTINED = Message("demo.cohort.quarantined", "quarantined: bundle {bundle}: {reason}")
ROGUE = Message(
    "demo.cohort.rogue",
    "a bundle sealed with a copy of an enrolled workstation's key and an assessor key made on the spot",
)
TAMPERED = Message("demo.cohort.tampered", "a bundle whose photo was changed after it was sealed")
HELD = Message(
    "demo.cohort.held", "Held: {held} bundle(s) from {workstations} workstations; quarantined: {quarantined}"
)
LOOK = Message("demo.cohort.look", "Look at the provider's records: assessor provider list --folder {folder}")
