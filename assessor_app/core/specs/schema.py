"""The published JSON Schemas, so providers can author checklists in their own editors."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from assessor_app.core.specs.models import ChecklistSpec
from assessor_app.core.specs.parameters import ParameterSet

SCHEMA_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "checklist.schema.json": (ChecklistSpec, "Assessor checklist specification"),
    "parameter-set.schema.json": (ParameterSet, "Assessor procedure parameter set"),
}


def json_schema(model: type[BaseModel], title: str, name: str) -> dict[str, Any]:
    schema = model.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:assessor-app:schema:{name}",
        **schema,
        "title": title,
    }


def schema_texts() -> dict[str, str]:
    """File name -> JSON text, exactly as shipped in resources/."""
    return {
        name: json.dumps(json_schema(model, title, name), indent=2, ensure_ascii=False) + "\n"
        for name, (model, title) in SCHEMA_FILES.items()
    }
