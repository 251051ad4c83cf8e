"""Messages: a stable code with values, rendered in any language from the catalogs.

A :class:`Message` is a definition (a code, and its English text with ``{name}`` placeholders) made once
at module level, where ``pybabel extract`` finds it (keywords ``Message:1c,2`` and ``Plural:1c,2,3``: the
code is the catalog context, the English text the message id). Calling it with values gives a
:class:`Msg`, which layers pass around and the store keeps as ``{"code", "args", "text"}`` (the English
text for readers without the catalogs). Values are formatted for the language at render time: numbers
with its separators, ``*_s`` values as durations, lists in its list pattern, nested messages rendered.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assessor_app.i18n.catalog import translations
from assessor_app.i18n.formatting import format_duration, format_list, format_number

log = logging.getLogger(__name__)

_REGISTRY: dict[str, Message] = {}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Message:
    """A message definition: ``Message("rule.after", "{step} must be passed first")``."""

    code: str
    template: str

    def __post_init__(self) -> None:
        known = _REGISTRY.get(self.code)
        if known is not None and known != self:
            raise ValueError(f"message code {self.code!r} is defined twice with different texts")
        _REGISTRY[self.code] = self

    def placeholders(self) -> set[str]:
        return _fields(self.template)

    def __call__(self, **args: Any) -> Msg:
        missing = self.placeholders() - set(args)
        if missing:
            raise TypeError(f"message {self.code!r} needs values for {', '.join(sorted(missing))}")
        return Msg(self.code, dict(args), self)

    def template_for(self, language: str, args: Mapping[str, Any]) -> str:
        return translations(language).pgettext(self.code, self.template)


@dataclass(frozen=True)
class Plural(Message):
    """A message whose words depend on a count (``count`` names the value): ``Plural("x", "{n} step
    left", "{n} steps left")``; each language's catalog has its own plural forms."""

    plural: str = ""
    count: str = "n"

    def placeholders(self) -> set[str]:
        return _fields(self.template) | _fields(self.plural) | {self.count}

    def template_for(self, language: str, args: Mapping[str, Any]) -> str:
        n = args.get(self.count, 0)
        n = int(n) if isinstance(n, (int, float)) else 0
        return translations(language).npgettext(self.code, self.template, self.plural, n)


@dataclass(frozen=True)
class Msg:
    """A message with its values, ready to be rendered in any language."""

    code: str
    args: dict[str, Any] = field(default_factory=dict)
    definition: Message | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        return render(self, "en")

    def to_dict(self) -> dict[str, Any]:
        """The stored form: code, values (nested messages stored the same way) and the English text."""
        return {"code": self.code, "args": {k: _stored(v) for k, v in self.args.items()},
                "text": render(self, "en")}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Msg:
        raw = data.get("args")
        args: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
        return cls(str(data.get("code", "")), {k: _loaded(v) for k, v in args.items()},
                   _REGISTRY.get(str(data.get("code", ""))))


def _stored(value: Any) -> Any:
    if isinstance(value, Msg):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_stored(v) for v in value]
    return value


def _loaded(value: Any) -> Any:
    if isinstance(value, Mapping) and "code" in value:
        return _StoredMsg(Msg.from_dict(value), str(value.get("text", "")))
    if isinstance(value, list):
        return [_loaded(v) for v in value]
    return value


@dataclass(frozen=True)
class _StoredMsg:
    """A nested message read from the store, with its English text for when its code is unknown."""

    msg: Msg
    text: str


def _value(name: str, value: Any, language: str) -> str:
    if isinstance(value, Msg):
        return render(value, language)
    if isinstance(value, _StoredMsg):
        return render(value.msg, language, fallback=value.text)
    if isinstance(value, Mapping) and "code" in value:  # a message as the store keeps it
        return render_stored(value, language)
    if isinstance(value, Mapping) and "en" in value:  # a checklist's own text in its languages
        return str(value.get(language) or value["en"])
    if isinstance(value, (list, tuple)):
        return format_list([_value("", v, language) for v in value], language)
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, (int, float)):
        if name.endswith("_s"):
            return format_duration(value, language)
        return format_number(value, language)
    return str(value)


def render(msg: Msg | str, language: str, fallback: str = "") -> str:
    """The message in a language. A code this version does not know (a record from a newer one) shows
    its stored English text; a broken translation (wrong placeholder) shows the English one, logged."""
    if isinstance(msg, str):  # a plain text (a person's own words, or an older record's)
        return msg
    definition = msg.definition or _REGISTRY.get(msg.code)
    if definition is None:
        log.warning("unknown message code %r: its stored text is shown", msg.code)
        return fallback or msg.code
    values = {k: _value(k, v, language) for k, v in msg.args.items()}
    template = definition.template_for(language, msg.args)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        log.error("the %s translation of message %r is broken (%s): English is shown",
                  language, msg.code, exc)
        return definition.template_for("en", msg.args).format(**values)


def render_stored(data: Any, language: str) -> str:
    """A message as the store keeps it (``{"code", "args", "text"}``), or a plain text written by an
    earlier version (shown as it is)."""
    if isinstance(data, Mapping) and "code" in data:
        return render(Msg.from_dict(data), language, fallback=str(data.get("text", "")))
    return "" if data is None else str(data)


def known_codes() -> dict[str, Message]:
    """Every message defined by the modules imported so far."""
    return dict(_REGISTRY)
