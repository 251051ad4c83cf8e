"""Checklist specifications and procedure parameter sets: models, loading and validation."""

from assessor_app.core.specs.loader import (
    LoadedChecklist,
    LoadedParameterSet,
    Problem,
    SpecError,
    load_checklist,
    load_parameter_set,
    validate_paths,
)
from assessor_app.core.specs.models import ChecklistSpec, Step
from assessor_app.core.specs.parameters import ParameterSet, ResolvedParameters

__all__ = [
    "ChecklistSpec",
    "LoadedChecklist",
    "LoadedParameterSet",
    "ParameterSet",
    "Problem",
    "ResolvedParameters",
    "SpecError",
    "Step",
    "load_checklist",
    "load_parameter_set",
    "validate_paths",
]
