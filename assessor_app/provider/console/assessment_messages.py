"""What the console's assessment page says, in the catalogs' five languages."""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

# ---------------------------------------------------------------- finding the bundle and its files
NO_SUCH_BUNDLE = Message("console.assessment.no_such_bundle", "This provider holds no such assessment.")
BUNDLE_FOLDER_MISSING = Message("console.assessment.folder_missing",
                                "The files of bundle {bundle} are not in the provider's folder.")
FILE_NOT_LISTED = Message("console.assessment.file_not_listed",
                          "The bundle lists no file {name} that you may open.")
FILE_TOO_LARGE = Message("console.assessment.file_too_large", "The file {name} is too large to show here.")
RECORD_UNREADABLE = Message("console.assessment.record_unreadable",
                            "The bundle's {file} cannot be read, so the assessment cannot be shown.")

# ---------------------------------------------------------------- header and verification
VIN = Message("console.assessment.vin", "VIN {vin}")
IDENTITY_EMBEDDED = Message("console.assessment.identity_embedded",
                            "in the record (sealed before identity was kept apart)")
IDENTITY_WITHHELD = Message("console.assessment.identity_withheld", "withheld: not delivered to the provider")
IDENTITY_HELD_SHOWN = Message("console.assessment.identity_shown", "held apart; shown to you")
IDENTITY_HELD_HIDDEN = Message("console.assessment.identity_hidden",
                               "held apart; not shown to your role")
VERIFIED_AT_IMPORT = Message("console.assessment.verified_at_import",
                             "Verified when received on {when} (manifest {manifest}); receipt signed with "
                             "key {receipt}.")
VERIFIED_NOW = Message("console.assessment.verified_now",
                       "Verified again now: every file, the seal and the event chain are as sealed.")
NOT_VERIFIED_NOW = Plural("console.assessment.not_verified_now",
                          "Verification now FAILED: {n} problem.", "Verification now FAILED: {n} problems.")
VERIFY_OTHER_MANIFEST = Message("console.assessment.other_manifest",
                                "The bundle in the folder is not the one received (its manifest differs).")

# ---------------------------------------------------------------- steps
YES = Message("console.assessment.yes", "yes")
NO = Message("console.assessment.no", "no")
NONE = Message("console.assessment.none", "none")
NOTE = Message("console.assessment.note", "{clock} {text}")
CORRECTION = Message("console.assessment.correction",
                     "{clock}: corrected from {old} to {new} by {person}: {reason}")
INTERVENTION = Message("console.assessment.intervention", "{clock}: assessor intervened ({kind}): {note}")
UNAVAILABLE = Message("console.assessment.unavailable", "{what} not available: {why}")
DIAGNOSTIC_SNAPSHOT = Message("console.assessment.diagnostic_snapshot", "DTC snapshot")
DIAGNOSTIC_CONDITION = Message("console.assessment.diagnostic_condition", "signal check")
MISSING = Message("console.assessment.missing", "{kind} missing: {why}")
VIN_MATCHES = Message("console.assessment.vin_matches", "VIN read matches the recorded vehicle")
VIN_DIFFERS = Message("console.assessment.vin_differs", "VIN read DIFFERS from the recorded vehicle")
VIN_NOT_READ = Message("console.assessment.vin_not_read", "VIN not read")
CHECK_MET = Message("console.assessment.check_met", "met")
CHECK_NOT_MET = Message("console.assessment.check_not_met", "NOT met")
CHECK_NOT_AVAILABLE = Message("console.assessment.check_not_available", "not available: {reason}")

# ---------------------------------------------------------------- the CAN plot
PLOT_TITLE = Message("console.assessment.plot_title",
                     "CAN signals of step {step}: HV bus and pack voltage, contactors and service plug")
PLOT_DESC = Plural("console.assessment.plot_desc",
                   "From {start} to {end} on the assessment clock; {frames} frame decoded. Dashed lines "
                   "mark the step's start, readings and result.",
                   "From {start} to {end} on the assessment clock; {frames} frames decoded. Dashed lines "
                   "mark the step's start, readings and result.", count="frames")
PLOT_VOLTS = Message("console.assessment.plot_volts", "voltage (V)")
PLOT_NO_SIGNALS = Message("console.assessment.plot_no_signals",
                          "No HV signals in this step's CAN log (the bus was silent or another vehicle).")
MARK_STARTED = Message("console.assessment.mark_started", "step {step} started")
MARK_RESULT = Message("console.assessment.mark_result", "step {step} result")
SIGNAL_HV_BUS = Message("console.assessment.signal_hv_bus", "HV bus voltage")
SIGNAL_PACK = Message("console.assessment.signal_pack", "pack voltage")
SIGNAL_CONTACTOR_POS = Message("console.assessment.signal_contactor_pos", "contactor +")
SIGNAL_CONTACTOR_NEG = Message("console.assessment.signal_contactor_neg", "contactor −")
SIGNAL_SERVICE_PLUG = Message("console.assessment.signal_service_plug", "service plug")
STATE_CLOSED = Message("console.assessment.state_closed", "closed")
STATE_OPEN = Message("console.assessment.state_open", "open")
STATE_FITTED = Message("console.assessment.state_fitted", "fitted")
STATE_PULLED = Message("console.assessment.state_pulled", "pulled")
PLOT_SEGMENT_UNREADABLE = Message("console.assessment.segment_unreadable",
                                  "CAN segment {segment} cannot be opened.")
PLOT_SEGMENT_DAMAGED = Message("console.assessment.segment_damaged",
                               "CAN segment {segment} is damaged ({reason}); the frames before are shown.")
PLOT_SEGMENT_CUT = Message("console.assessment.segment_cut",
                           "CAN segment {segment} is longer than {frames} frames; only those are shown.")
