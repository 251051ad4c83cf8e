"""Texts the console shows in place of words the layers below it keep in English: where a quarantined
bundle came from, a video proxy that could not be made, and the names of the audit log's actions."""

from __future__ import annotations

import re

from assessor_app.i18n import Message, format_quantity, render, render_stored

SOURCE_UPLOAD = Message("console.screens.source_upload", "upload {upload}")
SOURCE_FILE = Message("console.screens.source_file", "file {path}")
PROXY_NOT_MADE = Message(
    "console.screens.proxy_not_made",
    "The playable copy of this video could not be made; download the sealed original. The provider's "
    "log names the reason.")
ARCHIVE_REFUSED = Message(
    "console.screens.archive_refused",
    "The copy without personal data could not be made: the stored bundle no longer verifies, or it "
    "holds a name outside its identity folder. The provider's log names the reason.")

#: a kind of diagnostic a step's record says was not available
DIAGNOSTICS = {
    "snapshot": Message("console.screens.diagnostic_snapshot", "diagnostic snapshot"),
    "condition": Message("console.screens.diagnostic_condition", "signal check"),
}

#: why a signal check was not available, in the words the workstation records (its CAN layer,
#: devices/can/signals.py, writes these English reasons into the sealed record)
BUS_SILENT_RECORDED = "bus silent: 12 V off?"
_NO_VALUE_RECORDED = re.compile(r"no value of (.+) in the last ([0-9.]+) s")
BUS_SILENT = Message("console.screens.bus_silent", "nothing heard on the CAN bus: is the 12 V supply off?")
NO_VALUE = Message("console.screens.no_value", "no value of {signals} in the last {age}")


def recorded_reason(reason: object, language: str) -> str:
    """A reason the record keeps (a stored message, or the CAN layer's English words) in ``language``;
    a reason a person typed stays as they wrote it."""
    if reason == BUS_SILENT_RECORDED:
        return render(BUS_SILENT(), language)
    found = _NO_VALUE_RECORDED.fullmatch(reason) if isinstance(reason, str) else None
    if found:
        age = format_quantity(float(found.group(2)), "s", language)
        return render(NO_VALUE(signals=found.group(1), age=age), language)
    return render_stored(reason, language)


#: an audit log action (its code, shown beside it) in words
ACTIONS = {
    "assessment.candidate_name": Message("console.screens.action.candidate_name", "candidate's name shown"),
    "assessment.download": Message("console.screens.action.download", "file downloaded"),
    "assessment.reverify": Message("console.screens.action.reverify", "assessment verified again"),
    "assessment.view": Message("console.screens.action.view", "assessment viewed"),
    "directory.assessor_add": Message("console.screens.action.assessor_add", "assessor added"),
    "directory.assessor_code": Message("console.screens.action.assessor_code", "assessor code issued"),
    "directory.assessor_key_revoke": Message("console.screens.action.assessor_key_revoke",
                                             "assessor's key revoked"),
    "directory.assessor_revoke": Message("console.screens.action.assessor_revoke", "assessor revoked"),
    "directory.enrollment_code": Message("console.screens.action.enrollment_code", "enrollment code issued"),
    "directory.qualification": Message("console.screens.action.qualification", "qualification renewed"),
    "directory.workshop_add": Message("console.screens.action.workshop_add", "workshop added"),
    "moderation.report.download": Message("console.screens.action.moderation_report_download",
                                          "moderation report downloaded"),
    "directory.workstation_revoke": Message("console.screens.action.workstation_revoke",
                                            "workstation revoked"),
    "quarantine.import_upload": Message("console.screens.action.import_upload", "waiting upload imported"),
    "quarantine.retry": Message("console.screens.action.retry", "quarantined bundle retried"),
    "session.login": Message("console.screens.action.login", "signed in"),
    "session.login_failed": Message("console.screens.action.login_failed", "sign-in failed"),
    "session.login_refused": Message("console.screens.action.login_refused", "sign-in refused"),
    "session.logout": Message("console.screens.action.logout", "signed out"),
    "users.add": Message("console.screens.action.users_add", "console user added"),
    "users.disable": Message("console.screens.action.users_disable", "console user disabled"),
    "users.passwd": Message("console.screens.action.users_passwd", "password set"),
}


def source_words(source: str) -> object:
    """Where a quarantined bundle came from, as a message: an upload's id, or the file it was read from."""
    kind, _, rest = source.partition(" ")
    if kind == "upload" and rest:
        return SOURCE_UPLOAD(upload=rest)
    return SOURCE_FILE(path=source)
