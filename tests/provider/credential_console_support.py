"""Assessments for the credential pages: one provider holding a competent isolation, a failed one, a
hazard stop and a battery diagnosis (whose prerequisite is the isolation), recorded by the workstation
demo and delivered through the real upload; issuance rules that need neither the manufacturer's data
nor a moderation cycle; an awarding body; and credentials rows written straight into the table (for
the pages that need an issued credential, whatever made its documents)."""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import insert, select, update

from assessor_app.core.specs.library import load_library
from assessor_app.credentials.data import AwardingBody
from assessor_app.credentials.edc import edc_credential
from assessor_app.credentials.vc_jwt import signed_credential
from assessor_app.demo import run_demo
from assessor_app.paths import checklists_dir
from assessor_app.provider.credentials.awarding import set_awarding_body
from assessor_app.provider.credentials.models import CredentialRow
from assessor_app.provider.credentials.restate import stated
from assessor_app.provider.models import AssessmentIndexRow, ReceivedBundle
from assessor_app.provider.service import ProviderService

BODY = AwardingBody(name="Autoala Koulutus Oy", legal_id="FI12345678", legal_id_type="vat",
                    address="Korjaamotie 1, 00100 Helsinki", country="FI", url="http://127.0.0.1:8443",
                    email="credentials@example.org")
#: the assessments held: name -> (checklist, the step that goes wrong)
PLANS = {"passed": ("hv-isolation-series", None), "failed": ("hv-isolation-series", "09"),
         "hazard": ("hv-isolation-series", "12"), "battery": ("hv-battery-diagnostics", None)}


@dataclass(frozen=True)
class HeldSet:
    folder: Path  # the provider's folder
    keys: dict[str, tuple[str, str]]  # plan name -> (device, bundle id)

    def url(self, name: str) -> str:
        device, bundle = self.keys[name]
        return f"/console/assessments/{device}/{bundle}"


def held_set(where: Path) -> HeldSet:
    """Record and deliver every assessment of PLANS from one workstation (no video: quicker)."""
    library = load_library(checklists_dir())
    keys = {}
    for name, (checklist, fail) in PLANS.items():
        result = run_demo(library, where, checklist_id=checklist, say=lambda _line: None, video=False,
                          sync=True, fail_step=fail)
        assert result.delivery is not None and result.delivery.import_status == "imported"
        keys[name] = result.assessment_id
    from assessor_app.evidence.keys import device_key

    device = device_key(where / "keys").fingerprint
    return HeldSet(where / "provider", {name: (device, bundle) for name, bundle in keys.items()})


_SHARED: list[HeldSet] = []


def shared_held_set(factory: Any) -> HeldSet:
    """``held_set`` recorded once per test run (half a minute): every user copies its provider folder."""
    if not _SHARED:
        _SHARED.append(held_set(factory.mktemp("held-set")))
    return _SHARED[0]


def relaxed_rules(folder: Path) -> None:
    """The shipped issuance rules without the manufacturer's data and with no wait for moderation."""
    text = resources.files("assessor_app.provider.credentials").joinpath("issuance_rules.yaml").read_text(
        encoding="utf-8")
    rules = yaml.safe_load(text)
    for rule in rules["checklists"].values():
        rule["requires_oem_data"] = False
        rule["moderation"] = "none"
    (folder / "issuance-rules.yaml").write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")


def ready(service: ProviderService) -> None:
    """Relaxed rules and the awarding body set."""
    relaxed_rules(service.store.config.folder)
    set_awarding_body(service.store, BODY, by="test")


def _b64(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


def insert_credential(service: ProviderService, device: str, bundle_id: str, *, signed: bool = True,
                      **changes: Any) -> Any:
    """A credentials row for a held assessment, as issuing writes it: issued now (unless ``changes`` say
    otherwise), its Open Badge signed with the provider's issuing key and its EDC made from the same
    data (``signed=False``: documents shaped as issued, not signed)."""
    with service.store.engine.connect() as conn:
        index = conn.execute(select(AssessmentIndexRow).where(
            AssessmentIndexRow.device == device, AssessmentIndexRow.bundle_id == bundle_id)).one()
        manifest = conn.execute(select(ReceivedBundle.manifest_sha256).where(
            ReceivedBundle.device == device, ReceivedBundle.bundle_id == bundle_id)).scalar_one()
        count = len(conn.execute(select(CredentialRow.id)).all())
    ident = str(uuid.uuid4())
    edc = {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": f"urn:uuid:{ident}",
           "type": ["VerifiableCredential", "EuropeanDigitalCredential"]}
    values = dict(
        id=ident, bundle_id=bundle_id, device=device, assessment_id=index.assessment_id,
        learner_id=index.candidate, checklist_id=index.checklist_id,
        checklist_version=index.checklist_version,
        workshop_id=index.workshop_id, assessor_id=index.assessor_id or "", region="FI",
        manifest_sha256=manifest,
        completed_us=index.ended_us, issued_us=service.store.clock(), issued_by="coordinator",
        moderation_basis=json.dumps({"state": "no_cycle", "cycle": None}), status_list=1, status_index=count,
        ob3_jwt=f"{_b64({'alg': 'EdDSA', 'typ': 'JWT'})}.{_b64({'id': f'urn:uuid:{ident}'})}.c2ln",
        edc_json=json.dumps(edc), language="en", revoked_us=None, revoked_by=None, revoked_reason=None)
    values.update(changes)
    with service.store.writer.begin() as conn:
        conn.execute(insert(CredentialRow).values(**values))
    row = service.credentials.get(values["id"])
    if signed:
        data = stated(service.store, service.credentials.rules, row)
        assert data is not None, "the held assessment cannot state a credential"
        jwt = signed_credential(data, service.credentials.key())
        with service.store.writer.begin() as conn:
            conn.execute(update(CredentialRow).where(CredentialRow.id == row.id).values(
                ob3_jwt=jwt, edc_json=json.dumps(edc_credential(data), ensure_ascii=False)))
        row = service.credentials.get(values["id"])
    return row


def real_documents(data: Any, key: Any) -> tuple[str, dict[str, Any]]:
    """The two documents of a credential made by the format modules (for issuing before the
    provider's own call to them is there)."""
    return signed_credential(data, key), edc_credential(data)
