"""Offline validation of a European Digital Credential: the ELM v3 SHACL shapes (``elm/``, vendored
unmodified) plus the product's own IRI and duration checks (``edc_rules.ttl``), with pyshacl over
rdflib. JSON-LD contexts are never fetched: each ``@context`` URL is replaced by the vendored copy before
parsing, and a context without one is a problem, not a download. The shapes are parsed once."""

from __future__ import annotations

import copy
import json
import logging
import warnings
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import pyshacl
import rdflib
from rdflib.namespace import SH

from assessor_app.credentials.edc_annex import ISO_DURATION, annex_i_missing, walk
from assessor_app.credentials.edc_parts import duration_hours

__all__ = ["EdcReport", "Problem", "annex_i_missing", "validate_edc", "to_graph"]

log = logging.getLogger(__name__)


class _IllTypedLiterals(logging.Filter):
    """rdflib logs a traceback for each literal it cannot convert (a duration "8 hours"); the
    validation reports those literals itself, in words."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Failed to convert Literal lexical form")


logging.getLogger("rdflib.term").addFilter(_IllTypedLiterals())

#: context URL -> the vendored file that is its content
CONTEXTS = {
    "https://www.w3.org/2018/credentials/v1": "credentials-v1.jsonld",
    "http://data.europa.eu/snb/model/context/edc-ap": "edc-ap-context.jsonld",
}
SHAPE_FILES = ("EDC-generic-no-cv.ttl", "EDC-generic-full.ttl")
PREFIXES = {
    "elm": "http://data.europa.eu/snb/model/elm/", "cred": "https://www.w3.org/2018/credentials#",
    "dc": "http://purl.org/dc/terms/", "skos": "http://www.w3.org/2004/02/skos/core#",
    "adms": "http://www.w3.org/ns/adms#", "foaf": "http://xmlns.com/foaf/0.1/",
    "rov": "http://www.w3.org/ns/regorg#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "edc": "http://data.europa.eu/snb/model/ap/edc-generic-no-cv/",
}
#: what the EU issuing service adds when it seals: an unsigned upload may lack them
ADDED_AT_SEALING = ("cred:issued", "elm:eidasLegalIdentifier")


class EdcDocumentError(ValueError):
    """The document cannot be read as JSON-LD (its message names what and where)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong: the node it is about, the property (prefixed), and what is wrong in words."""

    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}" if self.path else f"{self.focus}: {self.message}"


@dataclass(frozen=True)
class EdcReport:
    conforms: bool
    problems: tuple[Problem, ...]  # violations: the credential is not valid while there are any
    warnings: tuple[Problem, ...] = ()  # doubtful but valid (e.g. a workload in months)

    def __str__(self) -> str:
        lines = [str(p) for p in self.problems] + [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines) or "conforms"


def _elm_file(name: str) -> str:
    return resources.files("assessor_app.credentials").joinpath("elm", name).read_text(encoding="utf-8")


@cache
def _context(url: str) -> Any:
    return json.loads(_elm_file(CONTEXTS[url]))["@context"]


@cache
def shapes() -> rdflib.Graph:
    """The ELM shapes (EDC-generic-full and what it imports) and the product's rules, parsed once."""
    graph = rdflib.Graph()
    for name in SHAPE_FILES:
        graph.parse(data=_elm_file(name), format="turtle")
    rules = resources.files("assessor_app.credentials").joinpath("edc_rules.ttl").read_text(encoding="utf-8")
    return graph.parse(data=rules, format="turtle")


def _local_contexts(value: Any, where: str) -> Any:
    """``value`` with every context URL replaced by its vendored content."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            out[key] = _context_value(item, f"{where}.@context") if key == "@context" \
                else _local_contexts(item, f"{where}.{key}")
        return out
    if isinstance(value, list):
        return [_local_contexts(item, f"{where}[{n}]") for n, item in enumerate(value)]
    return value


def _context_value(value: Any, where: str) -> Any:
    if isinstance(value, list):
        return [_context_value(item, where) for item in value]
    if isinstance(value, str):
        if value not in CONTEXTS:
            raise EdcDocumentError(f"{where}: context {value!r} is not one this validator has a copy of "
                                   f"({', '.join(CONTEXTS)}); contexts are never fetched")
        return _context(value)
    return copy.deepcopy(value)


def to_graph(document: dict[str, Any]) -> rdflib.Graph:
    """The document's RDF graph, its contexts read from the vendored copies (never the network)."""
    if not isinstance(document, dict):
        raise EdcDocumentError(f"document: a JSON object expected, got {type(document).__name__}")
    if "@context" not in document:
        raise EdcDocumentError("document: no @context; an EDC names the W3C credentials and ELM contexts")
    local = _local_contexts(document, "document")
    try:
        with warnings.catch_warnings():  # rdflib's own parser still uses its deprecated ConjunctiveGraph
            warnings.simplefilter("ignore", DeprecationWarning)
            return rdflib.Graph().parse(data=json.dumps(local), format="json-ld")
    except (ValueError, TypeError, KeyError) as error:
        raise EdcDocumentError(f"document: not readable as JSON-LD ({error})") from error


def validate_edc(document: dict[str, Any], *, before_sealing: bool = False) -> EdcReport:
    """Validate an EDC offline. ``before_sealing`` accepts an upload that still lacks what the EU
    issuing service adds when it seals (``issued``, the issuer's eIDAS identifier)."""
    try:
        graph = to_graph(document)
    except EdcDocumentError as error:
        return EdcReport(False, (Problem("document", "", str(error).removeprefix("document: ")),))
    _, results, _ = pyshacl.validate(graph, shacl_graph=shapes(), inference="none", allow_warnings=True,
                                     advanced=True)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        problem = _problem(results, result)
        if before_sealing and any(problem.path.startswith(p) or p in problem.message
                                  for p in ADDED_AT_SEALING):
            continue
        severity = results.value(result, SH.resultSeverity)
        (warnings if severity in (SH.Warning, SH.Info) else problems).append(problem)
    flagged = {(p.focus, p.path) for p in problems}
    for problem, bad in _workloads(document):
        if not bad:
            warnings.append(problem)
        elif (problem.focus, problem.path) not in flagged:
            problems.append(problem)
    problems.sort(key=lambda p: (p.focus, p.path, p.message))
    warnings.sort(key=lambda p: (p.focus, p.path, p.message))
    return EdcReport(not problems, tuple(problems), tuple(warnings))


def _workloads(document: dict[str, Any]) -> list[tuple[Problem, bool]]:
    """Each volume of learning not in hours and minutes, and whether it is no ISO 8601 duration at all
    (a violation) rather than one in months, weeks or days (valid, but doubtful as a workload)."""
    found = []
    for node in walk(document):
        value = node.get("volumeOfLearning")
        if value is None or (isinstance(value, str) and duration_hours(value) is not None):
            continue
        where = str(node.get("id", "document"))
        if isinstance(value, str) and ISO_DURATION.match(value):
            found.append((Problem(where, "elm:volumeOfLearning",
                                  f"{value!r} is not in hours and minutes (PT8H, PT7H30M): a duration in "
                                  "months, weeks or days is ambiguous as a workload (P60M is sixty months)"),
                          False))
        else:
            found.append((Problem(where, "elm:volumeOfLearning",
                                  f"{value!r} is not a valid xsd:duration (ISO 8601, e.g. PT8H)"), True))
    return found


def _short(node: Any) -> str:
    text = str(node)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return text


def _problem(results: rdflib.Graph, result: Any) -> Problem:
    """A validation result in words a person reads; a nested shape's first detail says why."""
    focus = _short(results.value(result, SH.focusNode))
    path = results.value(result, SH.resultPath)
    component = _short(results.value(result, SH.sourceConstraintComponent) or "").rsplit("#", 1)[-1]
    value = results.value(result, SH.value)
    message = str(results.value(result, SH.resultMessage) or component)
    shape = results.value(result, SH.sourceShape)
    name = shapes().value(shape, SH.name) if shape is not None else None
    said = {
        "MinCountConstraintComponent": "missing",
        "MaxCountConstraintComponent": "more values than allowed",
        "DatatypeConstraintComponent": f"{str(value)!r} is not a valid "
                                       f"{_short(shapes().value(shape, SH.datatype) or '')}",
        "ClassConstraintComponent": f"{_short(value)} is not a "
                                    f"{_short(shapes().value(shape, SH['class']) or '')}",
    }.get(component)
    if component == "PatternConstraintComponent" or said is None:
        said = message
    if component == "NodeConstraintComponent":
        detail = results.value(result, SH.detail)
        if detail is not None:
            inner = _problem(results, detail)
            said = f"{_short(value)}: {inner.path} {inner.message}".strip()
    label = f" ({name})" if name is not None and str(name) not in said else ""
    return Problem(focus, _short(path) if path is not None else "", f"{said}{label}")
