"""What the provider demo's scripted moderator writes, and what the demo says about its moderation cycle."""

from __future__ import annotations

from assessor_app.i18n import Message

# ---------------------------------------------------------------- the words the demo's moderator types
REASON_GLOVES = Message(
    "demo.moderation.reason_gloves",
    "The video shows the insulating gloves put on without the air test or the visual check",
)
REASON_CRITICAL = Message(
    "demo.moderation.reason_critical",
    "The video does not show the step done as the checklist requires",
)
REASON_NOT_SHOWN = Message(
    "demo.moderation.reason_not_shown",
    "The video and photos do not show this step done; the record alone does not prove it",
)
REASON_PART_NOT_SHOWN = Message(
    "demo.moderation.reason_part_not_shown",
    "Part of the step is out of the camera's view; the rest of the record supports the outcome",
)
# TRANSLATORS: {step} is a checklist step's number, e.g. 04
COMMENT_OVERTURN = Message(
    "demo.moderation.comment_overturn",
    "Step {step} is critical and the video does not show it done as required: the outcome cannot stand.",
)
COMMENT_REFER_BACK = Message(
    "demo.moderation.comment_refer_back",
    "Please add evidence of the step marked and look again at the first rubric score, which seems one "
    "level high for what the video shows.",
)

# ---------------------------------------------------------------- what `assessor provider demo` says
# TRANSLATORS: {seed} is a number; "verdicts" are a moderator's signed judgements of sampled assessments
CYCLE = Message(
    "demo.moderation.cycle",
    "Moderation cycle {cycle}: {sampled} of {frame} assessments sampled (seed {seed}), {verdicts} verdict(s) "
    "on {judged} of them, {pending} waiting for a moderator",
)
REPORT = Message("demo.moderation.report", "The cycle's agreement report: {url}")
ANONYMISING = Message(
    "demo.moderation.anonymising",
    "Face-blurred video and photos of the {count} sampled assessment(s) are being made in the background",
)
# TRANSLATORS: shown with the console's other sign-in details
MODERATOR_LOGIN = Message(
    "demo.moderation.login",
    "Moderator of cycle {cycle}: user {user} password {password}",
)
