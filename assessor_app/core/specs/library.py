"""The set of checklists and parameter sets found in a folder (the shipped ones by default)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assessor_app.core.specs.loader import (
    LoadedChecklist,
    LoadedParameterSet,
    Problem,
    SpecError,
    expand_paths,
    load_checklist,
    load_parameter_set,
)
from assessor_app.core.specs.yamlsource import decode, parse


@dataclass
class Library:
    checklists: dict[str, LoadedChecklist] = field(default_factory=dict)
    parameter_sets: dict[str, LoadedParameterSet] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def checklist(self, spec_id: str) -> LoadedChecklist:
        try:
            return self.checklists[spec_id]
        except KeyError:
            known = ", ".join(sorted(self.checklists)) or "none"
            raise KeyError(f"no checklist {spec_id!r} (available: {known})") from None

    def parameter_set(self, set_id: str) -> LoadedParameterSet:
        try:
            return self.parameter_sets[set_id]
        except KeyError:
            known = ", ".join(sorted(self.parameter_sets)) or "none"
            raise KeyError(f"no parameter set {set_id!r} (available: {known})") from None


def _kind(path: Path) -> str | None:
    text, _ = decode(path.read_bytes())
    if text is None:
        return None
    data = parse(text).data
    return data.get("kind") if isinstance(data, dict) else None


def load_library(folder: Path) -> Library:
    """Load every specification under ``folder``; bad files are kept as problems, not loaded."""
    lib = Library()
    for path in expand_paths([folder]):
        try:
            if _kind(path) == "parameter-set":
                ps = load_parameter_set(path)
                lib.parameter_sets[ps.params.id] = ps
            else:
                cl = load_checklist(path)
                lib.checklists[cl.spec.id] = cl
        except SpecError as exc:
            lib.problems.extend(exc.problems)
        except OSError as exc:
            lib.problems.append(Problem(str(path), 1, "(file)", f"cannot read: {exc}"))
    return lib
