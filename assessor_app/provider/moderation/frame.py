"""The sampling frame's entries: one imported assessment of a cycle with the signals the sampler needs."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Every signal a frame entry carries that may raise its chance of being drawn.
BOOLEAN_SIGNALS: tuple[str, ...] = (
    "critical_step_failed_or_stopped",
    "no_video",
    "diagnostics_unavailable",
    "generic_parameter_set",
    "short_duration",
    "first_bundle_of_workshop",
    "first_bundle_of_assessor",
)
COUNT_SIGNALS: tuple[str, ...] = (
    "critical_corrections",
    "capture_gaps",
    "not_applicable_steps",
)
RISK_SIGNALS: tuple[str, ...] = BOOLEAN_SIGNALS + COUNT_SIGNALS
#: What else a panel reads of each entry (stored with the frame, never weighted): the checklist's
#: progression gateway ("" for none), the step that stopped the task ("" for none), all corrections,
#: consent to video, and the duration in whole seconds.
CONTEXT_FIELDS: tuple[str, ...] = ("gateway", "stop_step", "corrections", "video_consent", "duration_s")


def _require_text(owner: str, name: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{owner}.{name} must be a non-empty string, got {value!r}")


@dataclass(frozen=True, order=True)
class AssessmentKey:
    """Identifies an assessment across the provider: the workstation and its bundle."""

    device: str
    bundle_id: str

    def __post_init__(self) -> None:
        _require_text("AssessmentKey", "device", self.device)
        _require_text("AssessmentKey", "bundle_id", self.bundle_id)

    def __str__(self) -> str:
        return f"{self.device}/{self.bundle_id}"


@dataclass(frozen=True, order=True)
class Stratum:
    """A checklist at one version: floors apply per stratum."""

    checklist_id: str
    checklist_version: str

    def __str__(self) -> str:
        return f"{self.checklist_id}@{self.checklist_version}"


@dataclass(frozen=True)
class FrameEntry:
    """One imported assessment of the period with the signals the sampler needs."""

    key: AssessmentKey
    checklist_id: str
    checklist_version: str
    workshop: str
    assessor: str
    outcome: str
    critical_step_failed_or_stopped: bool = False
    critical_corrections: int = 0
    no_video: bool = False
    capture_gaps: int = 0
    diagnostics_unavailable: bool = False
    generic_parameter_set: bool = False
    short_duration: bool = False
    first_bundle_of_workshop: bool = False
    first_bundle_of_assessor: bool = False
    not_applicable_steps: int = 0
    gateway: str = ""
    stop_step: str = ""
    corrections: int = 0
    video_consent: bool = False
    duration_s: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.key, AssessmentKey):
            raise ValueError(f"FrameEntry.key must be an AssessmentKey, got {self.key!r}")
        for name in ("checklist_id", "checklist_version", "workshop", "assessor", "outcome"):
            _require_text("FrameEntry", name, getattr(self, name))
        for name in BOOLEAN_SIGNALS:
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"FrameEntry.{name} must be a bool, got {getattr(self, name)!r}")
        for name in COUNT_SIGNALS:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"FrameEntry.{name} must be a non-negative integer, got {value!r}")
        for name in ("gateway", "stop_step"):
            if not isinstance(getattr(self, name), str):
                raise ValueError(f"FrameEntry.{name} must be a string, got {getattr(self, name)!r}")
        for name in ("corrections", "duration_s"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"FrameEntry.{name} must be a non-negative integer, got {value!r}")
        if not isinstance(self.video_consent, bool):
            raise ValueError(f"FrameEntry.video_consent must be a bool, got {self.video_consent!r}")

    @property
    def stratum(self) -> Stratum:
        return Stratum(self.checklist_id, self.checklist_version)

    def present_signals(self) -> tuple[str, ...]:
        """The risk signals this entry shows, in the fixed signal order."""
        # A count counts as present once: one correction on a critical step is worth a look,
        # five are not worth five looks, and weights stay bounded.
        return tuple(name for name in RISK_SIGNALS if getattr(self, name))

    def canonical(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "device": self.key.device,
            "bundle_id": self.key.bundle_id,
            "checklist_id": self.checklist_id,
            "checklist_version": self.checklist_version,
            "workshop": self.workshop,
            "assessor": self.assessor,
            "outcome": self.outcome,
        }
        for name in RISK_SIGNALS + CONTEXT_FIELDS:
            data[name] = getattr(self, name)
        return data

    @classmethod
    def from_canonical(cls, data: Mapping[str, Any]) -> FrameEntry:
        """The entry back from its canonical form (as stored with a sample)."""
        values = dict(data)
        key = AssessmentKey(values.pop("device", ""), values.pop("bundle_id", ""))
        unknown = sorted(set(values) - {f.name for f in dataclasses.fields(cls)})
        if unknown:
            raise ValueError(f"frame entry has unknown fields: {', '.join(unknown)}")
        return cls(key=key, **values)
