"""Load specification files and report every problem as ``file:line: field: message``."""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assessor_app.core.specs import checks
from assessor_app.core.specs.models import (
    ESCO_PATTERN,
    ID_PATTERN,
    SEMVER_PATTERN,
    ChecklistSpec,
)
from assessor_app.core.specs.parameters import ParameterSet
from assessor_app.core.specs.yamlsource import YamlDocument, decode, field_name, parse
from assessor_app.errors import AssessorError

KINDS = ("checklist", "parameter-set")
SPEC_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


def problem_lines(problems: Iterable[Problem]) -> list[str]:
    """Problems as ``assessor checklist validate`` prints them: ``file:line: field: message`` each."""
    return [str(p) for p in problems]


class SpecError(AssessorError):
    """A specification file could not be loaded; ``problems`` says every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class LoadedChecklist:
    spec: ChecklistSpec
    path: str
    sha256: str
    source: str


@dataclass(frozen=True)
class LoadedParameterSet:
    params: ParameterSet
    path: str
    sha256: str
    source: str


_PATTERNS = {
    ID_PATTERN: "is not a valid id: use letters, digits, '_', '.' and '-', "
    "starting with a letter or digit",
    SEMVER_PATTERN: "is not a version such as 1.2.0 (major.minor.patch)",
    ESCO_PATTERN: "is not an ESCO URI (http://data.europa.eu/esco/...)",
}
_BOUNDS = {
    "greater_than": ("gt", "above"),
    "greater_than_equal": ("ge", "at least"),
    "less_than": ("lt", "below"),
    "less_than_equal": ("le", "at most"),
}


def _show(value: Any, limit: int = 60) -> str:
    try:
        text = repr(value)
    except ValueError:  # an integer too long to print
        text = type(value).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _describe(value: Any) -> str:
    """A value as the author of a file would name it, e.g. ``the number 7`` or ``a list``."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {_show(value)}"
    if isinstance(value, str):
        return f"the text {_show(value)}"
    if isinstance(value, dict):
        return "a mapping (key: value)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    return type(value).__name__


def _friendly(error: dict[str, Any]) -> str:
    kind = error["type"]
    got = error.get("input")
    ctx = error.get("ctx", {})
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '')} (got {_show(got)})"
    if kind == "string_type":
        hint = ""
        if isinstance(got, int | float | bool | datetime.date):
            hint = ": put it in quotes to keep it as text"
        return f"expected text, got {_describe(got)}{hint}"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        return f"{_show(got)} {_PATTERNS.get(pattern, f'does not match the pattern {pattern}')}"
    if kind == "string_too_long":
        return f"{_show(got)} is too long (at most {ctx.get('max_length')} characters)"
    if kind == "float_type":
        return f"expected a number, got {_describe(got)}"
    if kind == "int_type":
        return f"expected a whole number, got {_describe(got)}"
    if kind == "bool_type":
        return f"expected true or false, got {_describe(got)}"
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        limit = ctx.get(key)
        limit = f"{limit:g}" if isinstance(limit, int | float) else limit
        return f"must be {words} {limit} (got {_show(got)})"
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        return f"needs at least {n} {'entry' if n == 1 else 'entries'}"
    if kind in ("dict_type", "model_type"):
        return f"expected a mapping (key: value), got {_describe(got)}"
    if kind == "list_type":
        hint = f" (write [{got}] for a list of one)" if isinstance(got, str) else ""
        return f"expected a list, got {_describe(got)}{hint}"
    return str(error["msg"])


_FIELD = re.compile(r"^[a-z_][a-z0-9_]*$")
_TYPE_TAGS = {"float", "int", "str", "bool", "none", "list", "dict"}


def _clean_path(data: Any, loc: Iterable[Any]) -> tuple[str | int, ...]:
    """Keep only the parts of a pydantic location that name places in the data."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and _FIELD.match(part) and (
            part not in _TYPE_TAGS
        ):
            path.append(part)  # a missing field: name it
            node = None
    return tuple(path)


def _validation_problems(file: str, doc: YamlDocument, exc: ValidationError) -> list[Problem]:
    problems: dict[tuple[str, str], Problem] = {}
    for error in exc.errors():
        path = _clean_path(doc.data, error["loc"])
        key = (field_name(path), _friendly(dict(error)))
        # a union reports each alternative; keep one message per place
        if (key[0], "") in problems:
            continue
        problems.setdefault(key, Problem(file, doc.line_of(path), key[0], key[1]))
    return _merge_union_messages(list(problems.values()))


def _merge_union_messages(problems: list[Problem]) -> list[Problem]:
    """Several alternatives failing at one place read better as one message."""
    by_place: dict[tuple[int, str], list[Problem]] = {}
    for p in problems:
        by_place.setdefault((p.line, p.field), []).append(p)
    merged: list[Problem] = []
    for (line, fld), group in by_place.items():
        if len(group) == 1:
            merged.append(group[0])
        else:
            merged.append(Problem(group[0].file, line, fld, "; or ".join(p.message for p in group)))
    return merged


def _read(path: Path) -> tuple[str | None, bytes | None, list[Problem]]:
    file = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, None, [Problem(file, 1, "(file)", f"cannot read: {exc.strerror or exc}")]
    text, problem = decode(raw)
    if problem:
        return None, raw, [Problem(file, problem.line, problem.field, problem.message)]
    return text, raw, []


def _load(path: Path, expected_kind: str | None) -> tuple[Any, str, str, list[Problem], YamlDocument | None]:
    file = str(path)
    text, raw, problems = _read(path)
    if text is None or raw is None:
        return None, "", "", problems, None
    doc = parse(text)
    problems = [Problem(file, p.line, p.field, p.message) for p in doc.problems]
    if doc.data is None and problems:
        return None, "", text, problems, None
    if not isinstance(doc.data, dict):
        problems.append(
            Problem(
                file, doc.line_of(()), "(document)",
                f"expected a mapping of fields, got {_describe(doc.data)}",
            )
        )
        return None, "", text, problems, None
    kind = doc.data.get("kind")
    if "kind" not in doc.data:
        problems.append(
            Problem(
                file, doc.line_of(()), "kind",
                "required field is missing (kind: checklist or kind: parameter-set)",
            )
        )
        return None, "", text, problems, None
    if kind not in KINDS:
        problems.append(
            Problem(
                file, doc.line_of(("kind",)), "kind",
                f"must be 'checklist' or 'parameter-set' (got {_describe(kind)})",
            )
        )
        return None, "", text, problems, None
    if expected_kind and kind != expected_kind:
        problems.append(
            Problem(file, doc.line_of(("kind",)), "kind", f"expected a {expected_kind} file, got {kind}")
        )
        return None, "", text, problems, None
    model = ChecklistSpec if kind == "checklist" else ParameterSet
    try:
        obj = model.model_validate(doc.data)
    except ValidationError as exc:
        return None, "", text, problems + _validation_problems(file, doc, exc), doc
    findings = (
        checks.check_checklist(obj) if isinstance(obj, ChecklistSpec)
        else checks.check_parameter_set(obj)
    )
    for path_, message in findings:
        problems.append(Problem(file, doc.line_of(path_), field_name(path_), message))
    return obj, content_hash(text), text, problems, doc


def load_checklist(path: str | Path) -> LoadedChecklist:
    """Load and validate one checklist file; raise SpecError with every problem."""
    obj, digest, text, problems, _ = _load(Path(path), "checklist")
    if problems or obj is None:
        raise SpecError(problems)
    return LoadedChecklist(obj, str(path), digest, text)


def load_parameter_set(path: str | Path) -> LoadedParameterSet:
    """Load and validate one procedure parameter set; raise SpecError with every problem."""
    obj, digest, text, problems, _ = _load(Path(path), "parameter-set")
    if problems or obj is None:
        raise SpecError(problems)
    return LoadedParameterSet(obj, str(path), digest, text)


def checklist_from_source(source: str, name: str = "<stored>") -> ChecklistSpec:
    """Rebuild a checklist from stored source text (for replaying a pinned version)."""
    doc = parse(source)
    return ChecklistSpec.model_validate(doc.data)


def parameter_set_from_source(source: str) -> ParameterSet:
    doc = parse(source)
    return ParameterSet.model_validate(doc.data)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.suffix in SPEC_SUFFIXES and f.is_file()))
        else:
            out.append(p)
    return out


def validate_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Validate files (directories are searched for .yaml/.yml); return files and problems."""
    files = expand_paths(paths)
    problems: list[Problem] = []
    for f in files:
        if not f.exists():
            problems.append(Problem(str(f), 1, "(file)", "no such file or directory"))
            continue
        problems.extend(_load(f, None)[3])
    return files, problems


def load_any(path: Path) -> Any:
    """The checklist or parameter set in a file, or None when the file has problems
    (:func:`validate_paths` names them)."""
    return _load(path, None)[0]


def content_hash(text: str) -> str:
    """SHA-256 of a specification's UTF-8 text (a byte-order mark is not part of it)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
