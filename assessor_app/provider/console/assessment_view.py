"""One held assessment as the console shows it: plain data made from the sealed bundle, no web in it.

``assessment_view`` reads the bundle the provider holds (its record, checklist and identity file)
and gives the header, the verification and the step timeline in the page's language. The
candidate is named by the pseudonymous id the record keeps, unless the asker may see names
(``show_names``): then the name comes from the bundle's identity file, checked against the
record's commitment. Verification is the one of the import unless asked for again (``reverify``):
then the whole bundle is verified now, every hash read again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from typing import Any

from assessor_app.core.specs.loader import checklist_from_source
from assessor_app.core.specs.models import ChecklistSpec
from assessor_app.core.terms import term
from assessor_app.evidence.identity import IDENTITY_JSON, identity_problem, read_identity_document
from assessor_app.evidence.record_shape import RECORD_JSON
from assessor_app.evidence.strict_json import JsonError
from assessor_app.evidence.verify import finding_text, verify_bundle
from assessor_app.i18n import Msg, format_datetime, format_quantity, render, render_stored
from assessor_app.provider.console import assessment_messages as m_
from assessor_app.provider.console.assessment_steps import StepView, WallClock, build_steps
from assessor_app.provider.console.bundle_files import HeldBundle, NotHeld, held_bundle
from assessor_app.provider.store import Refused

_MAX_RECORD = 256 * 1024**2
_MAX_SPEC = 16 * 1024**2
#: checklists parsed, by the SHA-256 the bundles' manifests give them (a version is parsed once)
_SPECS: dict[str, ChecklistSpec | None] = {}


@dataclass(frozen=True)
class Header:
    bundle_id: str
    device_key_id: str
    assessment_id: str
    candidate: str  # the pseudonymous id, or the name (show_names)
    candidate_is_name: bool
    candidate_id: str  # the pseudonymous id, always
    workshop: str  # "name (id)" as the provider knows it
    assessor: str
    vehicle: str  # description and working voltage; the VIN only with names
    checklist: str  # title, id and version
    parameter_set: str
    generic_parameters: bool  # values not from the manufacturer: marked on the page
    outcome: str
    outcome_code: str | None
    reasons: tuple[str, ...]
    phase: str
    started: str  # wall clock, UTC
    finished: str
    received: str
    identity: str  # present / withheld / embedded, as a word
    notes: tuple[str, ...]  # notes not tied to a step


@dataclass(frozen=True)
class VerificationView:
    ok: bool
    fresh: bool  # verified now, on request (else: as verified at import)
    summary: str
    proved: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class AssessmentView:
    key: str  # <workstation key id>/<bundle id>
    language: str
    show_names: bool
    header: Header
    verification: VerificationView
    steps: tuple[StepView, ...]
    pdf: str | None  # the PDF record's name in the bundle, for this asker and language
    files: dict[str, str] = field(default_factory=dict)  # manifest: name -> sha256


def _load_json(bundle: HeldBundle, name: str, limit: int) -> Any:
    try:
        return json.loads(bundle.read(name, show_names=True, limit=limit))
    except (ValueError, UnicodeDecodeError):
        raise NotHeld(m_.RECORD_UNREADABLE(file=name)) from None


def _identity(bundle: HeldBundle, started: dict[str, Any]) -> dict[str, Any] | None:
    """The bundle's identity document if it holds one that fits the record; None otherwise."""
    if not bundle.has_identity():
        return None
    try:
        fd, _ = bundle.open(IDENTITY_JSON, show_names=True)
    except NotHeld:
        return None
    with os.fdopen(fd, "rb") as f:
        data = f.read(16 * 1024**2)
    try:
        document = read_identity_document(data)
    except JsonError:
        return None
    return document if identity_problem(document, started) is None else None


def _wall(us: int | None, language: str) -> str:
    if us is None:
        return ""
    return format_datetime(dt.datetime.fromtimestamp(us / 1e6, tz=dt.UTC), language)


def verification_now(bundle: HeldBundle, language: str) -> VerificationView:
    """Verify the held bundle again, completely (every hash, the seal, the replay)."""
    v = verify_bundle(bundle.root)
    same = v.manifest_sha256 == bundle.row.manifest_sha256
    problems = [finding_text(p, language) for p in v.problems]
    if v.ok and not same:
        problems.append(render(m_.VERIFY_OTHER_MANIFEST(), language))
    ok = v.ok and same
    summary = m_.VERIFIED_NOW() if ok else m_.NOT_VERIFIED_NOW(n=len(problems))
    return VerificationView(ok, True, render(summary, language),
                            tuple(finding_text(p, language) for p in v.proved), tuple(problems),
                            tuple(finding_text(p, language) for p in v.warnings))


def _at_import(bundle: HeldBundle, language: str) -> VerificationView:
    receipt = ""
    try:
        receipt = str(json.loads(bundle.row.receipt).get("signatures", [{}])[0].get("keyid", ""))[:16]
    except (ValueError, AttributeError, IndexError, TypeError):
        receipt = ""
    return VerificationView(True, False, render(m_.VERIFIED_AT_IMPORT(
        when=_wall(bundle.row.received_us, language), manifest=bundle.row.manifest_sha256[:16],
        receipt=receipt or "-"), language))


def _directory_name(service: Any, kind: str, ident: str | None) -> str:
    if not ident:
        return ""
    try:
        found = service.directory.workshop(ident) if kind == "workshop" else service.directory.assessor(ident)
    except Refused:
        return ident
    return f"{found.name} ({ident})"


def assessment_view(service: Any, device_key_id: str, bundle_id: str, *, show_names: bool, language: str,
                    reverify: bool = False, plots: bool = True,
                    may_show_names: bool = False) -> AssessmentView:
    """The page of one held assessment; NotHeld (with a message for a person) if it is not held.
    ``may_show_names``: the reader's role may ask for the name (the identity line says so)."""
    bundle = held_bundle(service, device_key_id, bundle_id)
    record = _load_json(bundle, RECORD_JSON, _MAX_RECORD)
    if not isinstance(record, dict) or not isinstance(record.get("steps"), dict):
        raise NotHeld(m_.RECORD_UNREADABLE(file=RECORD_JSON))
    spec = _spec(bundle)
    started = record.get("started") or {}
    identity = _identity(bundle, started) if show_names else None
    names: dict[str, str] = {}
    candidate_id = str((started.get("candidate") or {}).get("id", ""))
    candidate, is_name = candidate_id, False
    if show_names:
        embedded = (started.get("candidate") or {}).get("name")
        name = (identity or {}).get("candidate", {}).get("name") or embedded
        if name:
            candidate, is_name = str(name), True
            names[candidate_id] = candidate
    assessor_id = bundle.row.assessor_id or str((started.get("assessor") or {}).get("id", ""))
    assessor = _directory_name(service, "assessor", assessor_id)
    if assessor_id:
        names.setdefault(assessor_id, assessor)
    clock = WallClock.of(record.get("events") or [])
    header = Header(
        bundle_id=bundle.row.bundle_id, device_key_id=bundle.row.device,
        assessment_id=str(record.get("assessment_id", "")), candidate=candidate, candidate_is_name=is_name,
        candidate_id=candidate_id,
        workshop=_directory_name(service, "workshop", bundle.row.workshop_id), assessor=assessor,
        vehicle=_vehicle(started, identity, show_names, language),
        checklist=_checklist(spec, started, language), parameter_set=_parameters(record),
        generic_parameters=bool((record.get("parameter_set") or {}).get("generic")),
        outcome=render(term(record.get("outcome")) or str(record.get("outcome") or ""), language),
        outcome_code=record.get("outcome"), reasons=_reasons(record, language),
        phase=render(term(record.get("phase")) or str(record.get("phase") or ""), language),
        started=_wall(clock.first_wall_us, language), finished=_wall(clock.last_wall_us, language),
        received=_wall(bundle.row.received_us, language),
        identity=render(_identity_word(bundle, record, show_names, may_show_names), language),
        notes=tuple(str(n.get("text", "")) for n in record.get("notes") or []
                    if isinstance(n, dict) and not n.get("step")),
    )
    steps = build_steps(bundle, record, spec, clock, names=names, language=language, plots=plots)
    verification = verification_now(bundle, language) if reverify else _at_import(bundle, language)
    return AssessmentView(bundle.key, language, show_names, header, verification, steps,
                          bundle.record_pdf(language, show_names=show_names), dict(bundle.manifest))


def _spec(bundle: HeldBundle) -> ChecklistSpec | None:
    """The checklist the assessment pinned (parsed once per version: the manifest names its hash)."""
    digest = bundle.manifest.get("data/checklist.yaml")
    if digest is None:
        return None
    if digest in _SPECS:
        return _SPECS[digest]
    try:
        spec: ChecklistSpec | None = checklist_from_source(
            bundle.read("data/checklist.yaml", show_names=False, limit=_MAX_SPEC).decode("utf-8"))
    except (NotHeld, UnicodeDecodeError, KeyError, TypeError, ValueError):
        spec = None  # the record's own English titles are shown then
    if len(_SPECS) >= 32:
        _SPECS.pop(next(iter(_SPECS)))
    _SPECS[digest] = spec
    return spec


def _identity_word(bundle: HeldBundle, record: dict[str, Any], show_names: bool, may_show_names: bool) -> Msg:
    if (record.get("started") or {}).get("format") != 2:
        return m_.IDENTITY_EMBEDDED()
    if not bundle.has_identity():
        return m_.IDENTITY_WITHHELD()
    if show_names:
        return m_.IDENTITY_HELD_SHOWN()
    return m_.IDENTITY_HELD_ON_REQUEST() if may_show_names else m_.IDENTITY_HELD_HIDDEN()


def _vehicle(started: dict[str, Any], identity: dict[str, Any] | None, show_names: bool,
             language: str) -> str:
    vehicle = started.get("vehicle") or {}
    parts = [str(vehicle.get("description") or "")]
    voltage = vehicle.get("working_voltage_v", started.get("working_voltage_v"))
    if isinstance(voltage, (int, float)) and not isinstance(voltage, bool):
        parts.append(format_quantity(voltage, "V", language))
    vin = None
    if show_names:  # from the identity file, or the record's own events (sealed before it was kept apart)
        vin = (identity or {}).get("vehicle", {}).get("vin") or vehicle.get("vin")
    if vin:
        parts.append(render(m_.VIN(vin=vin), language))
    return ", ".join(p for p in parts if p)


def _checklist(spec: ChecklistSpec | None, started: dict[str, Any], language: str) -> str:
    pinned = started.get("checklist") or {}
    ident = f"{pinned.get('id', '')} {pinned.get('version', '')}".strip()
    return f"{spec.title.get_text(language)} ({ident})" if spec is not None else ident


def _parameters(record: dict[str, Any]) -> str:
    p = record.get("parameter_set") or {}
    return f"{p.get('id', '')} {p.get('version', '')}".strip()


def _reasons(record: dict[str, Any], language: str) -> tuple[str, ...]:
    for event in reversed(record.get("events") or []):
        if isinstance(event, dict) and event.get("kind") == "assessment_finished":
            reasons = (event.get("payload") or {}).get("reasons") or []
            return tuple(render_stored(r, language) for r in reasons)
    return ()


def checklist_spec(bundle: HeldBundle) -> ChecklistSpec | None:
    """The checklist the held assessment pinned, parsed (None when it cannot be read)."""
    return _spec(bundle)
