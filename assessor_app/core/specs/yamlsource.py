"""Read a YAML file into plain data, remembering the line each value came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

try:  # the C loader is several times faster; fall back where libyaml is missing
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:
    _Loader = yaml.SafeLoader


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
        return None, SourceProblem(line, "(file)", "contains a NUL byte: not a text file")
    return text, None


def parse(text: str) -> YamlDocument:
    if not text.strip():
        return YamlDocument(None, problems=[SourceProblem(1, "(file)", "the file is empty")])
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(p for p in (exc.context, exc.problem) if p)
        return YamlDocument(None, problems=[SourceProblem(line, "(yaml)", f"not valid YAML: {what}")])
    except yaml.YAMLError as exc:
        return YamlDocument(None, problems=[SourceProblem(1, "(yaml)", f"not valid YAML: {exc}")])
    if node is None:
        return YamlDocument(None, problems=[SourceProblem(1, "(file)", "the file holds no YAML document")])
    doc = YamlDocument(None)
    constructor = yaml.SafeLoader("")
    doc.data = _build(node, (), doc, constructor)
    return doc


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
            key = constructor.construct_object(key_node)
            if key == "<<":
                doc.problems.append(
                    SourceProblem(key_node.start_mark.line + 1, _field_name(path), "YAML merge keys (<<) are not supported")
                )
                continue
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
    return constructor.construct_object(node)


field_name = _field_name
