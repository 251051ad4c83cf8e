"""A moderator's verdict on one sampled assessment, as the plain data that is signed and stored.

Pure: no database, no keys. The canonical JSON (sorted keys, no spaces, UTF-8) is what the
moderator's key signs and what ``moderation_verdicts.document`` holds; ``from_canonical`` reads a
stored or received one back and refuses anything misshapen with a message naming the field.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

FORMAT = 1
#: the decision for the assessment as a whole
DECISIONS: tuple[str, ...] = ("confirm", "overturn", "refer_back")
#: the results a step can have, as the record and the engine name them
STEP_RESULTS: tuple[str, ...] = ("passed", "failed", "na", "hazard", "pending")


class VerdictError(ValueError):
    """A verdict document that cannot be accepted; the message names the field."""


def _text(where: str, value: Any, *, empty: bool = False, limit: int = 4000) -> str:
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise VerdictError(f"{where} must be a {'' if empty else 'non-empty '}string, got {value!r}")
    if len(value) > limit:
        raise VerdictError(f"{where} is longer than {limit} characters")
    return value


def _score(where: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise VerdictError(f"{where} must be an integer or null, got {value!r}")
    return value


@dataclass(frozen=True)
class StepVerdict:
    """The moderator on one step: agree with the assessor's result, or their own result with a reason."""

    step: str
    critical: bool  # the checklist marks the step critical (a disagreement here is never tolerated)
    assessor_result: str
    moderator_result: str  # equal to assessor_result when the moderator agrees
    reason: str = ""  # required when the moderator's result differs

    def __post_init__(self) -> None:
        _text("step", self.step, limit=100)
        if not isinstance(self.critical, bool):
            raise VerdictError(f"step {self.step}: critical must be true or false")
        for name in ("assessor_result", "moderator_result"):
            if getattr(self, name) not in STEP_RESULTS:
                raise VerdictError(f"step {self.step}: {name} must be one of {', '.join(STEP_RESULTS)}, "
                                   f"got {getattr(self, name)!r}")
        _text(f"step {self.step}: reason", self.reason, empty=True)
        if not self.agrees and not self.reason.strip():
            raise VerdictError(f"step {self.step}: a result other than the assessor's needs a reason")

    @property
    def agrees(self) -> bool:
        return self.assessor_result == self.moderator_result

    def canonical(self) -> dict[str, Any]:
        return {"step": self.step, "critical": self.critical, "assessor_result": self.assessor_result,
                "moderator_result": self.moderator_result, "reason": self.reason}


@dataclass(frozen=True)
class RubricVerdict:
    """The moderator's own score for one rubric criterion (None: not scored by that side)."""

    criterion: str
    assessor_score: int | None
    moderator_score: int | None

    def __post_init__(self) -> None:
        _text("criterion", self.criterion, limit=100)
        _score(f"criterion {self.criterion}: assessor_score", self.assessor_score)
        _score(f"criterion {self.criterion}: moderator_score", self.moderator_score)

    def canonical(self) -> dict[str, Any]:
        return {"criterion": self.criterion, "assessor_score": self.assessor_score,
                "moderator_score": self.moderator_score}


@dataclass(frozen=True)
class VerdictDocument:
    """One verdict: per step, per rubric criterion, and the decision, by one moderator at one time."""

    cycle: str
    device: str
    bundle_id: str
    assessment_id: str
    checklist_id: str
    checklist_version: str
    workshop_id: str
    assessor_id: str
    assessment_ended_us: int  # the assessment's date (for the cycle time: days from assessment to audit)
    moderator: str
    recorded_us: int
    steps: tuple[StepVerdict, ...]
    rubric: tuple[RubricVerdict, ...]
    decision: str
    comment: str = ""  # feedback for the assessor, in the moderator's words
    previous_sha256: str | None = None  # this moderator's earlier verdict on the assessment, if any

    def __post_init__(self) -> None:
        for name in ("cycle", "device", "bundle_id", "assessment_id", "checklist_id", "checklist_version",
                     "moderator"):
            _text(name, getattr(self, name), limit=200)
        for name in ("workshop_id", "assessor_id"):
            _text(name, getattr(self, name), empty=True, limit=200)
        for name in ("assessment_ended_us", "recorded_us"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise VerdictError(f"{name} must be a non-negative integer, got {value!r}")
        if self.decision not in DECISIONS:
            raise VerdictError(f"decision must be one of {', '.join(DECISIONS)}, got {self.decision!r}")
        _text("comment", self.comment, empty=True)
        if self.decision != "confirm" and not self.comment.strip():
            raise VerdictError("a decision to overturn or refer back needs a comment for the assessor")
        if self.previous_sha256 is not None and (
                not isinstance(self.previous_sha256, str) or len(self.previous_sha256) != 64):
            raise VerdictError("previous_sha256 must be a SHA-256 in hex or null")
        seen: set[str] = set()
        for item in self.steps:
            if not isinstance(item, StepVerdict):
                raise VerdictError("steps must hold step verdicts")
            if item.step in seen:
                raise VerdictError(f"step {item.step} is given twice")
            seen.add(item.step)
        criteria: set[str] = set()
        for crit in self.rubric:
            if not isinstance(crit, RubricVerdict):
                raise VerdictError("rubric must hold rubric verdicts")
            if crit.criterion in criteria:
                raise VerdictError(f"criterion {crit.criterion} is given twice")
            criteria.add(crit.criterion)

    @property
    def disagreements(self) -> tuple[StepVerdict, ...]:
        return tuple(s for s in self.steps if not s.agrees)

    @property
    def critical_disagreements(self) -> tuple[StepVerdict, ...]:
        return tuple(s for s in self.steps if s.critical and not s.agrees)

    def canonical(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "cycle": self.cycle, "device": self.device, "bundle_id": self.bundle_id,
            "assessment_id": self.assessment_id, "checklist_id": self.checklist_id,
            "checklist_version": self.checklist_version, "workshop_id": self.workshop_id,
            "assessor_id": self.assessor_id, "assessment_ended_us": self.assessment_ended_us,
            "moderator": self.moderator, "recorded_us": self.recorded_us,
            "steps": [s.canonical() for s in self.steps], "rubric": [r.canonical() for r in self.rubric],
            "decision": self.decision, "comment": self.comment, "previous_sha256": self.previous_sha256,
        }

    def canonical_json(self) -> str:
        return json.dumps(self.canonical(), sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                          allow_nan=False)

    def canonical_bytes(self) -> bytes:
        return self.canonical_json().encode("utf-8")

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.canonical_bytes()).hexdigest()

    @classmethod
    def from_canonical(cls, data: Mapping[str, Any] | str) -> VerdictDocument:
        """A document back from its canonical form (a dict or the JSON text); VerdictError if misshapen."""
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except json.JSONDecodeError as exc:
                raise VerdictError(f"the verdict is not JSON: {exc}") from None
        if not isinstance(data, Mapping):
            raise VerdictError("the verdict must be a JSON object")
        if data.get("format") != FORMAT:
            raise VerdictError(f"the verdict's format must be {FORMAT}, got {data.get('format')!r}")
        expected = {"format", "cycle", "device", "bundle_id", "assessment_id", "checklist_id",
                    "checklist_version", "workshop_id", "assessor_id", "assessment_ended_us", "moderator",
                    "recorded_us", "steps", "rubric", "decision", "comment", "previous_sha256"}
        missing, unknown = sorted(expected - set(data)), sorted(set(data) - expected)
        if missing or unknown:
            raise VerdictError(f"the verdict lacks {missing or 'nothing'} "
                               f"and has unknown {unknown or 'nothing'}")
        steps, rubric = data["steps"], data["rubric"]
        if not isinstance(steps, list) or not isinstance(rubric, list):
            raise VerdictError("steps and rubric must be lists")
        try:
            step_items = tuple(StepVerdict(**s) for s in steps)
            rubric_items = tuple(RubricVerdict(**r) for r in rubric)
        except TypeError as exc:
            raise VerdictError(f"a step or criterion of the verdict is misshapen: {exc}") from None
        values = {k: v for k, v in data.items() if k not in ("format", "steps", "rubric")}
        return cls(steps=step_items, rubric=rubric_items, **values)


def feedback_document(verdict: VerdictDocument, verdict_sha256: str) -> dict[str, Any]:
    """What the workstation that sealed the assessment receives about a verdict (moderation_feedback).

    The moderator is not named to the workshop: the panel speaks, not a person. Steps are listed only
    where the moderator's result differs from the assessor's.
    """
    return {
        "format": FORMAT, "cycle": verdict.cycle, "bundle_id": verdict.bundle_id,
        "assessment_id": verdict.assessment_id, "checklist_id": verdict.checklist_id,
        "checklist_version": verdict.checklist_version, "decision": verdict.decision,
        "comment": verdict.comment, "recorded_us": verdict.recorded_us, "verdict_sha256": verdict_sha256,
        "steps": [{"step": s.step, "critical": s.critical, "assessor_result": s.assessor_result,
                   "moderator_result": s.moderator_result, "reason": s.reason}
                  for s in verdict.disagreements],
        "rubric": [r.canonical() for r in verdict.rubric if r.assessor_score != r.moderator_score],
    }
