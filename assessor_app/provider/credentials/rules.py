"""The awarding body's issuance rules per checklist (and version): what a credential says beyond its
checklist, whether it needs the manufacturer's data, and how far moderation must have gone.

Shipped rules (``issuance_rules.yaml``) cover the shipped checklists; ``issuance-rules.yaml`` in the
provider's folder replaces them whole. A checklist the rules do not name gives no credential.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from assessor_app.core.specs.models import ChecklistSpec
from assessor_app.credentials.data import NqfLevel, Texts
from assessor_app.provider.store import ProviderError

RULES_FILE = "issuance-rules.yaml"
Moderation = Literal["none", "drawn", "confirmed"]
Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class RulesError(ProviderError):
    """The issuance rules file cannot be used; the message names the file and the field."""


def _texts(value: object) -> dict[str, str]:
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict) or not isinstance(value.get("en"), str) or not value["en"].strip():
        raise ValueError("a text is a mapping of languages to texts with 'en' in it (or an English string)")
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError("every language's text must be a string")
    return {k: " ".join(v.split()) for k, v in value.items()}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NqfRule(_Strict):
    level: str = Field(min_length=1, max_length=20)
    framework: str = ""


class ChecklistRule(_Strict):
    issue: bool = True  # false: this checklist gives no credential
    title: dict[str, str] | None = None
    description: dict[str, str] | None = None
    requires_oem_data: bool = False
    moderation: Moderation | None = None
    nqf: dict[Country, NqfRule] = Field(default_factory=dict)
    ects: float | None = Field(default=None, gt=0, le=60)
    stackability: dict[str, str] | None = None
    further_information: dict[str, str] | None = None
    unit_codes: list[str] = Field(default_factory=list)

    @field_validator("title", "description", "stackability", "further_information", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        return None if value is None else _texts(value)


class RulesFile(_Strict):
    hours_per_ects: float = Field(default=25, gt=0, le=60)
    nqf_frameworks: dict[Country, str] = Field(default_factory=dict)
    assessment_type: dict[str, str]
    participation: dict[str, str]
    quality_assurance: dict[str, str]
    checklists: dict[str, ChecklistRule]

    @field_validator("assessment_type", "participation", "quality_assurance", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        return _texts(value)


@dataclass(frozen=True)
class CredentialRule:
    """What one checklist version's credential says and needs, all defaults resolved."""

    checklist_id: str
    version: str
    title: Texts
    description: Texts
    moderation: Moderation
    requires_oem_data: bool
    nqf_levels: tuple[NqfLevel, ...]
    workload_hours: float
    ects: float
    assessment_type: Texts
    participation: Texts
    quality_assurance: Texts
    stackability: Texts
    further_information: Texts
    unit_codes: tuple[str, ...]


def _spec_texts(text: object) -> dict[str, str]:
    return {k: " ".join(str(v).split()) for k, v in dict(text or {}).items() if v}  # type: ignore[call-overload]


class IssuanceRules:
    """The rules in force: the provider's file if it has one, else the shipped ones."""

    def __init__(self, rules: RulesFile, source: str):
        self.rules = rules
        self.source = source

    @classmethod
    def load(cls, folder: Path | None = None) -> IssuanceRules:
        path = folder / RULES_FILE if folder is not None else None
        if path is not None and path.is_file():
            return cls(_parse(path.read_text(encoding="utf-8", errors="replace"), str(path)), str(path))
        text = resources.files("assessor_app.provider.credentials").joinpath("issuance_rules.yaml").read_text(
            encoding="utf-8")
        return cls(_parse(text, "issuance_rules.yaml (shipped)"), "shipped")

    def names(self) -> list[str]:
        return sorted(self.rules.checklists)

    def rule_for(self, spec: ChecklistSpec) -> CredentialRule | None:
        """The resolved rule for ``spec``'s id and version; None when it gives no credential."""
        found = self.rules.checklists.get(f"{spec.id}@{spec.version}") or self.rules.checklists.get(spec.id)
        if found is None or not found.issue:
            return None
        credential = spec.credential
        moderation = found.moderation or ("drawn" if credential.gateway else "none")
        frameworks = self.rules.nqf_frameworks
        nqf = {c: NqfLevel(c, str(credential.eqf_level), frameworks.get(c, "")) for c in frameworks}
        nqf.update({c: NqfLevel(c, r.level, r.framework or frameworks.get(c, ""))
                    for c, r in found.nqf.items()})
        ects = found.ects if found.ects is not None else round(credential.workload_hours
                                                               / self.rules.hours_per_ects, 2)
        return CredentialRule(
            checklist_id=spec.id, version=spec.version,
            title=found.title or _spec_texts(spec.title),
            description=found.description or _outcomes_text(spec),
            moderation=moderation, requires_oem_data=found.requires_oem_data,
            nqf_levels=tuple(nqf[c] for c in sorted(nqf)),
            workload_hours=credential.workload_hours, ects=ects,
            assessment_type=self.rules.assessment_type, participation=self.rules.participation,
            quality_assurance=self.rules.quality_assurance,
            stackability=found.stackability or {}, further_information=found.further_information or {},
            unit_codes=tuple(found.unit_codes) + _country_codes(spec),
        )


def _outcomes_text(spec: ChecklistSpec) -> dict[str, str]:
    """The learning outcomes as one paragraph per language: the credential's default description."""
    outcomes = [_spec_texts(o) for o in spec.credential.learning_outcomes]
    languages = [lang for lang in outcomes[0] if all(lang in o for o in outcomes)]
    return {lang: " ".join(o[lang] for o in outcomes) for lang in languages}


def _country_codes(spec: ChecklistSpec) -> tuple[str, ...]:
    codes = spec.credential.country_codes
    return tuple([*(f"FI {c}" for c in codes.fi_qualification_unit),
                  *(f"ES {c}" for c in codes.es_grade_codes),
                  *(f"ES {c}" for c in codes.es_ecp_codes), *(f"PT UFCD {c}" for c in codes.pt_ufcd)])


def _parse(text: str, where: str) -> RulesFile:
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        raise RulesError(f"{where}{line}: not YAML ({getattr(error, 'problem', error)})") from None
    if not isinstance(document, dict):
        raise RulesError(f"{where}: the rules are a mapping with 'checklists' in it")
    try:
        return RulesFile.model_validate(document)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise RulesError(f"{where}: {field}: {first['msg']}") from None
