"""Read a YAML file into plain data, remembering the line each value came from."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

# The C loader is several times faster; fall back where libyaml is missing.
_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


#: Byte-order marks of encodings other than UTF-8 (UTF-32 first: its LE mark starts like UTF-16's).
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
#: Errors whose context mark is where the fix belongs: the opening of something never closed.
_UNCLOSED = {
    "while parsing a flow sequence": "the '[' opened on this line is not closed",
    "while parsing a flow mapping": "the '{' opened on this line is not closed",
    "while scanning a quoted scalar": "the quote opened on this line is not closed",
}
_SCALAR_KINDS = {
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:bool": "true or false",
}


@dataclass
class SourceProblem:
    line: int
    field: str
    message: str


@dataclass
class YamlDocument:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[SourceProblem] = field(default_factory=list)

    def line_of(self, path: Path_) -> int:
        """Line of the deepest part of ``path`` that exists in the file."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


def decode(raw: bytes) -> tuple[str | None, SourceProblem | None]:
    """Decode UTF-8 (a BOM is tolerated); name the first bad byte otherwise."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for bom, name in _OTHER_BOMS:
        if raw.startswith(bom):
            return None, SourceProblem(1, "(file)", f"the file is {name} text; save it as UTF-8")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, SourceProblem(
            line,
            "(file)",
            f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start}; "
            "save the file as UTF-8",
        )
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        if raw[0::2].count(0) > len(raw) // 4 or raw[1::2].count(0) > len(raw) // 4:
            message = "the file looks like UTF-16 text; save it as UTF-8"
            return None, SourceProblem(1, "(file)", message)
        return None, SourceProblem(line, "(file)", "contains a NUL byte: not a text file")
    return text, None


def parse(text: str) -> YamlDocument:
    if not text.strip():
        return YamlDocument(None, problems=[SourceProblem(1, "(file)", "the file is empty")])
    try:
        problems = _check_events(text)
        if problems:
            return YamlDocument(None, problems=problems)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return YamlDocument(None, problems=[_syntax_problem(exc)])
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        message = f"not valid YAML: character U+{exc.character:04X} ({exc.reason})"
        return YamlDocument(None, problems=[SourceProblem(line, "(yaml)", message)])
    except yaml.YAMLError as exc:
        message = "not valid YAML: " + " ".join(str(exc).split())
        return YamlDocument(None, problems=[SourceProblem(1, "(yaml)", message)])
    except RecursionError:
        return YamlDocument(None, problems=[SourceProblem(1, "(yaml)", "nested too deeply")])
    if node is None:
        return YamlDocument(None, problems=[SourceProblem(1, "(file)", "the file holds no YAML document")])
    doc = YamlDocument(None)
    constructor = yaml.SafeLoader("")
    try:
        doc.data = _build(node, (), doc, constructor)
    except RecursionError:
        return YamlDocument(None, problems=[SourceProblem(1, "(yaml)", "nested too deeply")])
    return doc


def _check_events(text: str) -> list[SourceProblem]:
    """What the parser accepts but a specification may not hold: aliases, several documents."""
    problems: list[SourceProblem] = []
    documents = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents == 2:
                problems.append(SourceProblem(
                    _line(event.start_mark), "(yaml)",
                    "a second YAML document starts here: "
                    "a file holds one checklist or parameter set",
                ))
        elif isinstance(event, yaml.AliasEvent):
            problems.append(SourceProblem(
                _line(event.start_mark), "(yaml)",
                f"YAML aliases (*{event.anchor}) are not supported: write the value out in full",
            ))
    return problems


def _line(mark: Any) -> int:
    return mark.line + 1 if mark is not None else 1


def _syntax_problem(exc: yaml.MarkedYAMLError) -> SourceProblem:
    """A parser error at the line where it can be fixed, in the parser's own words."""
    problem = exc.problem or "unreadable"
    here, there = exc.problem_mark, exc.context_mark
    opened = _UNCLOSED.get(exc.context or "")
    if opened and there is not None:
        where = f" (line {here.line + 1}: {problem})" if here is not None else f" ({problem})"
        return SourceProblem(there.line + 1, "(yaml)", f"not valid YAML: {opened}{where}")
    message = f"not valid YAML: {problem}"
    if exc.context:
        started = ""
        if there is not None and (here is None or there.line != here.line):
            started = f" that starts on line {there.line + 1}"
        message += f" ({exc.context}{started})"
    if "tab" in problem or "\t" in problem or "'\\t'" in problem:
        message += ": indent with spaces, not tabs"
    line = here.line + 1 if here is not None else (there.line + 1 if there is not None else 1)
    return SourceProblem(line, "(yaml)", message)


def _field_name(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def _build(node: yaml.Node, path: Path_, doc: YamlDocument, constructor: yaml.SafeLoader) -> Any:
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                doc.problems.append(
                    SourceProblem(key_node.start_mark.line + 1, _field_name(path), "a key must be plain text")
                )
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                doc.problems.append(
                    SourceProblem(
                        key_node.start_mark.line + 1, _field_name(path),
                        "YAML merge keys (<<) are not supported",
                    )
                )
                continue
            key = _scalar(key_node, path, doc, constructor)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                first = doc.lines.get((*path, key), 0)
                doc.problems.append(
                    SourceProblem(
                        key_node.start_mark.line + 1,
                        _field_name((*path, key)),
                        f"duplicate key (first given on line {first})",
                    )
                )
                continue
            doc.lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, (*path, key), doc, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), doc, constructor) for i, item in enumerate(node.value)]
    return _scalar(node, path, doc, constructor)


def _scalar(node: yaml.Node, path: Path_, doc: YamlDocument, constructor: yaml.SafeLoader) -> Any:
    """A scalar's value; one YAML cannot read, or an infinite or NaN number, is a problem."""
    line = node.start_mark.line + 1
    shown = node.value if len(node.value) <= 40 else node.value[:40] + "..."
    try:
        value = constructor.construct_object(node)
    except (ValueError, yaml.YAMLError):
        kind = _SCALAR_KINDS.get(node.tag)
        if kind is None:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
            message = f"unsupported YAML tag {tag}"
        else:
            message = f"cannot read {shown!r} as {kind}: put it in quotes if it is meant as text"
        doc.problems.append(SourceProblem(line, _field_name(path), message))
        return node.value
    if isinstance(value, float) and not math.isfinite(value):
        message = f"{shown!r} is not a finite number"
        doc.problems.append(SourceProblem(line, _field_name(path), message))
    return value


field_name = _field_name
