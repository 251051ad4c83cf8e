"""What ``assessor feedback`` prints: the moderation feedback this workstation has received, in the
language chosen with ``--language`` (codes ``cli.feedback.*``)."""

from __future__ import annotations

from collections.abc import Sequence

from assessor_app.cli_output import Printer
from assessor_app.i18n import Message, Plural, format_date
from assessor_app.sync.feedback_view import FeedbackView

NONE = Message("cli.feedback.none", "No moderation feedback has arrived yet: it comes with a sync after a "
                                    "moderation panel has looked at an assessment of this workstation.")
HEADING = Plural("cli.feedback.heading", "{n} item of moderation feedback, {unread} not read yet:",
                 "{n} items of moderation feedback, {unread} not read yet:")
NEW = Message("cli.feedback.new", "NEW")
# TRANSLATORS: {when} is the assessment's date, or the words of cli.feedback.not_here
ITEM = Message("cli.feedback.item", "Assessment {assessment} ({when}), {checklist}")
NOT_HERE = Message("cli.feedback.not_here", "not in this workstation's list")
DECISION = Message("cli.feedback.decision", "The panel's decision: {decision} (moderation cycle {cycle})")
CONFIRM = Message("cli.feedback.confirm", "confirmed: the assessor's decision stands")
OVERTURN = Message("cli.feedback.overturn", "overturned: the panel reached a different outcome")
REFER_BACK = Message("cli.feedback.refer_back", "referred back to the workshop")
COMMENT = Message("cli.feedback.comment", "The panel's comment: {comment}")
AGREES = Message("cli.feedback.agrees", "The moderator's result agrees with the assessor's at every step.")
STEP = Message("cli.feedback.step", "Step {step} {title}: the assessor's result {assessor}, the "
                                    "moderator's {moderator}. Reason: {reason}")
CRITICAL_STEP = Message("cli.feedback.critical_step",
                        "Critical step {step} {title}: the assessor's result {assessor}, the moderator's "
                        "{moderator}. Reason: {reason}")
DECISIONS = {"confirm": CONFIRM, "overturn": OVERTURN, "refer_back": REFER_BACK}


def feedback_listing(p: Printer, views: Sequence[FeedbackView]) -> None:
    """Every item received, unread first: its assessment, the decision, the comment, the steps that differ."""
    if not views:
        p(NONE())
        return
    p(HEADING(n=len(views), unread=sum(not v.item.read for v in views)))
    for view in views:
        item = view.item
        when = format_date(view.assessment_date, p.language) if view.assessment_date else p.text(NOT_HERE())
        mark = p.text(NEW()) + " " if not item.read else ""
        p("")
        p(mark + p.text(ITEM(assessment=item.assessment_id, when=when, checklist=view.checklist_title)),
          indent="  ")
        decision = DECISIONS.get(item.decision)
        p(DECISION(decision=decision() if decision else item.decision, cycle=item.cycle), indent="    ")
        if item.comment.strip():
            p(COMMENT(comment=item.comment), indent="    ")
        if not item.steps:
            p(AGREES(), indent="    ")
        for step in item.steps:
            line = CRITICAL_STEP if step.critical else STEP
            title = view.step_titles.get(step.step, "")
            p(line(step=step.step, title=title, assessor=p.term(step.assessor_result),
                   moderator=p.term(step.moderator_result), reason=step.reason), indent="    ")
