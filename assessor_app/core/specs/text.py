"""Text in several languages, English required, others falling back to English."""

from __future__ import annotations

from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

LANGUAGES = ("en", "fi", "sv", "es", "pt")
#: Put before a checklist's English text shown in place of a language it lacks.
FALLBACK_MARK = "[EN] "


class LocalizedText(dict[str, str]):
    """``{"en": ..., "fi": ...}``; a plain string in a file means English only."""

    def get_text(self, language: str) -> str:
        """The text in ``language``; where the checklist lacks it, the English text with a visible
        marker, so nobody takes a missing translation for the checklist's own words."""
        text = self.get(language)
        if text:
            return text
        return self["en"] if language == "en" or language not in LANGUAGES else FALLBACK_MARK + self["en"]

    def has(self, language: str) -> bool:
        return bool(self.get(language))

    @classmethod
    def _validate(cls, value: Any) -> LocalizedText:
        if isinstance(value, str):
            value = {"en": value}
        if not isinstance(value, dict):
            raise PydanticCustomError(
                "localized_text", "expected text, or a mapping of language codes to text"
            )
        for key, text in value.items():
            if key not in LANGUAGES:
                raise PydanticCustomError(
                    "localized_text",
                    "unknown language {key} (use one of: {langs})",
                    {"key": repr(key), "langs": ", ".join(LANGUAGES)},
                )
            if not isinstance(text, str) or not text.strip():
                raise PydanticCustomError(
                    "localized_text", "text for {key} must be non-empty text", {"key": repr(key)}
                )
        if "en" not in value:
            raise PydanticCustomError("localized_text", "English text ('en') is required")
        return cls(value)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate, serialization=core_schema.plain_serializer_function_ser_schema(dict)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "title": "LocalizedText",
            "oneOf": [
                {"type": "string", "minLength": 1, "description": "English text"},
                {
                    "type": "object",
                    "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES},
                    "required": ["en"],
                    "additionalProperties": False,
                },
            ],
        }


def localized(text: LocalizedText | None, language: str) -> str:
    return "" if text is None else text.get_text(language)
