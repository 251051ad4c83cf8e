"""JSON from outside, read strictly: bounded nesting and numbers, no duplicate keys, shapes checked.

A bundle's seal and record come from a workstation the reader does not control. ``json.loads``
alone accepts NaN, repeated keys and integers too long for ``int``, and raises RecursionError on
deep nesting; here each of those is refused with a reason that names the file and the place.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from assessor_app.errors import AssessorError

#: A JSON string token (escapes included) or one bracket; everything else is skipped when counting depth.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.S)
_HEX64 = re.compile(r"[0-9a-f]{64}")


class JsonError(AssessorError):
    """JSON that is malformed or not of the expected shape; the message names the file and field."""


@dataclass(frozen=True)
class JsonLimits:
    """What JSON from outside may hold before it is refused."""

    max_depth: int = 64  # nested arrays and objects
    max_number_chars: int = 40  # digits (and sign, point, exponent) of one number


class _Refused(ValueError):
    """Raised from inside ``json.loads`` hooks; carries the reason."""


def shown(text: str, limit: int = 200) -> str:
    """``text`` quoted for a message, shortened when long (a hostile name can be kilobytes)."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}... ({len(text.encode('utf-8', 'surrogateescape'))} bytes)"


def _depth(text: str) -> int:
    depth = deepest = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def loads(data: bytes, what: str, limits: JsonLimits | None = None) -> Any:
    """Parse ``data`` (the file ``what``) as strict JSON, or raise JsonError saying why not."""
    limits = limits or JsonLimits()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JsonError(f"{what} is not UTF-8 text (byte {exc.start})") from None
    if _depth(text) > limits.max_depth:
        raise JsonError(f"{what} is nested more than {limits.max_depth} levels deep")

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise _Refused(f"{what} has the key {shown(key)} twice in one object")
            out[key] = value
        return out

    def number(token: str) -> None:
        if len(token) > limits.max_number_chars:
            raise _Refused(f"{what} holds a number longer than {limits.max_number_chars} characters")

    def integer(token: str) -> int:
        number(token)
        return int(token)

    def real(token: str) -> float:
        number(token)
        value = float(token)
        if not math.isfinite(value):
            raise _Refused(f"{what} holds a number too large for a float ({token})")
        return value

    def constant(token: str) -> None:
        raise _Refused(f"{what} holds {token}, which is not a JSON number")

    try:
        value = json.loads(text, object_pairs_hook=pairs, parse_int=integer, parse_float=real,
                           parse_constant=constant)
    except _Refused as exc:
        raise JsonError(str(exc)) from None
    except ValueError as exc:  # json.JSONDecodeError: names line and column
        raise JsonError(f"{what} is not valid JSON: {exc}") from None
    _check_strings(value, what)
    return value


def _check_strings(value: Any, what: str) -> None:
    """Every string (keys too) is valid Unicode: a lone surrogate escape cannot be written as UTF-8."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise JsonError(f"{what} holds a string with a lone surrogate escape "
                                f"(not valid Unicode)") from None


# ---------------------------------------------------------------- shapes

def kind_of(value: Any) -> str:
    """The JSON name of a value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def need_object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise JsonError(f"{where} must be an object, not {kind_of(value)}")
    return value


def need_list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise JsonError(f"{where} must be a list, not {kind_of(value)}")
    return value


def need_str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise JsonError(f"{where} must be a string, not {kind_of(value)}")
    return value


def need_int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise JsonError(f"{where} must be an integer, not {kind_of(value)}")
    return value


def need_sha256(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _HEX64.fullmatch(value):
        raise JsonError(f"{where} must be a SHA-256 (64 lowercase hex digits), not "
                        f"{shown(value) if isinstance(value, str) else kind_of(value)}")
    return value


def need_field(obj: dict[str, Any], name: str, where: str) -> Any:
    """``obj[name]``, or JsonError naming the missing field."""
    if name not in obj:
        raise JsonError(f"{where} has no field {shown(name)}")
    return obj[name]


def only_fields(obj: dict[str, Any], allowed: set[str] | frozenset[str], where: str) -> None:
    extra = sorted(set(obj) - allowed)
    if extra:
        raise JsonError(f"{where} has an unexpected field {shown(extra[0])}")
