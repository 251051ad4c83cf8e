"""The verdict form: what it asks about one assessment, and reading a posted form into a draft.

The steps and rubric criteria come from the sealed record (the assessor's results and scores)
and its checklist (titles, the rubric's scale). Every problem is a message naming the step or
field; a form with problems is shown again with what was entered, never half recorded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from assessor_app.core.specs.models import ChecklistSpec
from assessor_app.core.terms import term
from assessor_app.evidence.record_shape import RECORD_JSON
from assessor_app.i18n import Msg, render
from assessor_app.provider.console import moderation_messages as MM
from assessor_app.provider.console.bundle_files import HeldBundle, NotHeld
from assessor_app.provider.moderation.verdict_document import (
    DECISIONS,
    STEP_RESULTS,
    RubricVerdict,
    StepVerdict,
)

AGREE = "agree"
REASON_LONGEST = 2000
COMMENT_LONGEST = 4000


@dataclass(frozen=True)
class StepQuestion:
    id: str
    title: str
    assessor_result: str  # one of STEP_RESULTS
    result_word: str
    critical: bool


@dataclass(frozen=True)
class CriterionQuestion:
    id: str
    title: str
    assessor_score: int | None
    low: int
    high: int


@dataclass(frozen=True)
class VerdictQuestions:
    steps: tuple[StepQuestion, ...]
    criteria: tuple[CriterionQuestion, ...]


@dataclass
class FormAnswers:
    """What was posted (or the defaults), for showing the form again; ``problems`` when refused."""

    steps: dict[str, str] = field(default_factory=dict)  # step -> "agree" or a result
    reasons: dict[str, str] = field(default_factory=dict)
    scores: dict[str, str] = field(default_factory=dict)
    decision: str = "confirm"
    comment: str = ""
    problems: list[Msg] = field(default_factory=list)


@dataclass(frozen=True)
class ReadVerdict:
    steps: tuple[StepVerdict, ...]
    rubric: tuple[RubricVerdict, ...]
    decision: str
    comment: str


def result_word(code: str, language: str) -> str:
    return render(term(code) or code, language)


def questions(bundle: HeldBundle, spec: ChecklistSpec | None, language: str) -> VerdictQuestions:
    """The steps and criteria of the sealed record, with the assessor's results and scores."""
    try:
        record = json.loads(bundle.read(RECORD_JSON, show_names=False, limit=256 * 1024**2))
    except (NotHeld, ValueError, UnicodeDecodeError):
        record = {}
    record = record if isinstance(record, dict) else {}
    step_specs = {s.id: s for s in spec.steps} if spec is not None else {}
    steps = []
    for step_id, s in (record.get("steps") or {}).items():
        if not isinstance(s, dict):
            continue
        status = str(s.get("status") or "")
        result = status if status in STEP_RESULTS else "pending"
        found = step_specs.get(step_id)
        title = found.title.get_text(language) if found is not None else str(s.get("title", ""))
        steps.append(StepQuestion(str(step_id), title, result, result_word(result, language),
                                  s.get("risk") == "critical"))
    rubric = spec.rubric if spec is not None else None
    scores = record.get("rubric") if isinstance(record.get("rubric"), dict) else {}
    criteria = []
    if rubric is not None:
        for c in rubric.criteria:
            given = scores.get(c.id)
            criteria.append(CriterionQuestion(c.id, c.title.get_text(language),
                                              given if isinstance(given, int) and not isinstance(given, bool)
                                              else None, rubric.scale.min, rubric.scale.max))
    else:
        for cid, given in scores.items():
            if isinstance(given, int) and not isinstance(given, bool):
                criteria.append(CriterionQuestion(str(cid), str(cid), given, min(0, given), max(4, given)))
    return VerdictQuestions(tuple(steps), tuple(criteria))


def defaults(q: VerdictQuestions) -> FormAnswers:
    return FormAnswers(steps={s.id: AGREE for s in q.steps}, scores={c.id: "" for c in q.criteria})


def read_form(q: VerdictQuestions, get: Any) -> tuple[FormAnswers, ReadVerdict | None]:
    """The posted form (``get(name)`` gives a field's text) as answers, and the verdict when it has
    no problems."""
    answers = FormAnswers(decision=get("decision"), comment=get("comment"))
    step_items = []
    for s in q.steps:
        chosen = get(f"step-{s.id}") or AGREE
        reason = get(f"reason-{s.id}")
        answers.steps[s.id], answers.reasons[s.id] = chosen, reason
        if chosen != AGREE and chosen not in STEP_RESULTS:
            answers.problems.append(MM.ERR_STEP_RESULT(step=s.id))
            continue
        own = s.assessor_result if chosen == AGREE else chosen
        if len(reason) > REASON_LONGEST:
            answers.problems.append(MM.ERR_TOO_LONG(field=s.id, n=REASON_LONGEST))
        elif own != s.assessor_result and not reason.strip():
            answers.problems.append(MM.ERR_STEP_REASON(step=s.id))
        else:
            step_items.append(StepVerdict(s.id, s.critical, s.assessor_result, own,
                                          reason.strip() if own != s.assessor_result else ""))
    rubric_items = []
    for c in q.criteria:
        text = get(f"score-{c.id}").strip()
        answers.scores[c.id] = text
        if not text:
            rubric_items.append(RubricVerdict(c.id, c.assessor_score, None))
        elif text.isascii() and text.isdigit() and c.low <= int(text) <= c.high:
            rubric_items.append(RubricVerdict(c.id, c.assessor_score, int(text)))
        else:
            answers.problems.append(MM.ERR_SCORE(criterion=c.id, low=c.low, high=c.high))
    if answers.decision not in DECISIONS:
        answers.problems.append(MM.ERR_DECISION())
    if len(answers.comment) > COMMENT_LONGEST:
        answers.problems.append(MM.ERR_TOO_LONG(field="comment", n=COMMENT_LONGEST))
    elif answers.decision in DECISIONS and answers.decision != "confirm" and not answers.comment.strip():
        answers.problems.append(MM.ERR_COMMENT())
    if answers.problems:
        return answers, None
    return answers, ReadVerdict(tuple(step_items), tuple(rubric_items), answers.decision,
                                answers.comment.strip())
