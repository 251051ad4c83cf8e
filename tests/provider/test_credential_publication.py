"""What a verifier meets: the issuer's Profile, keys and status lists served over real HTTP, a
credential verified by an independent library (PyJWT) from the served keys, `assessor credential
verify --online` before and after a revocation, `assessor provider credentials export`, and the
eligibility list the workstations get."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import jwt
import pytest
from provider_copy import copy_provider
from securesystemslib.dsse import Envelope
from sqlalchemy import delete

from assessor_app.cli import main
from assessor_app.credentials.edc_validate import annex_i_missing, validate_edc
from assessor_app.credentials.status_list import decode_list, is_set
from assessor_app.demo.credentials_demo import demo_body
from assessor_app.provider.credentials.awarding import set_awarding_body
from assessor_app.provider.credentials.eligibility import ELIGIBILITY_PAYLOAD_TYPE
from assessor_app.provider.credentials.models import CredentialRow
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.store import ProviderConfig


@pytest.fixture(scope="module")
def served(provider_cohort: dict[str, Any],
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ProviderServer, Any]]:
    """A copy of the demo provider, serving on loopback, its credentials issued anew under its address
    (shared by this module's tests: each revokes a credential of its own)."""
    folder = tmp_path_factory.mktemp("published") / "provider"
    copy_provider(provider_cohort["result"].folder, folder)
    server = ProviderServer(config=ProviderConfig(folder), port=0).start()
    try:
        service = server.service
        with service.store.writer.begin() as conn:
            conn.execute(delete(CredentialRow))
        set_awarding_body(service.store, demo_body(server.url), by="test")
        run = service.credentials.issue_eligible(by="test")
        assert len(run.issued) >= 3
        yield server, run
    finally:
        server.close()


SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "ob3" / "ob_v3p0_achievementcredential_schema.json")
                    .read_text(encoding="utf-8"))


def _jwks_client_key(jwks: dict[str, Any], token: str) -> Any:
    kid = jwt.get_unverified_header(token)["kid"].rsplit("#", 1)[-1]
    return jwt.PyJWK(next(k for k in jwks["keys"] if k["kid"] == kid)).key


def test_the_served_keys_verify_every_credential_with_pyjwt(served):
    server, run = served
    profile = httpx.get(f"{server.url}/credentials/issuer").json()
    assert profile["id"] == f"{server.url}/credentials/issuer" and profile["name"]
    jwks = httpx.get(f"{server.url}/credentials/issuer/jwks.json").json()
    for issued in run.issued:
        token = issued.row.ob3_jwt
        claims = jwt.decode(token, _jwks_client_key(jwks, token), algorithms=["EdDSA"],
                            options={"verify_aud": False})
        assert claims["iss"] == profile["id"]
        assert claims["credentialSubject"]["achievement"]["achievementType"] == "MicroCredential"
        evidence = json.dumps(claims["evidence"])
        assert issued.row.bundle_id in evidence
        assert issued.row.learner_id not in json.dumps(claims)  # the learner only as a salted hash
        jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(claims)


def test_each_issued_edc_passes_the_elm_shapes_with_every_annex_i_element(served):
    _, run = served
    for issued in run.issued[:4]:  # a few: each validation takes a fifth of a second
        edc = json.loads(issued.row.edc_json)["credential"]
        report = validate_edc(edc, before_sealing=True)
        assert report.conforms, str(report)
        assert annex_i_missing(edc) == []
        assert issued.row.manifest_sha256 in json.dumps(edc)


def test_verify_online_says_valid_then_revoked(served, tmp_path: Path, capsys):
    server, run = served
    issued = run.issued[0].row
    path = tmp_path / f"{issued.id}.ob3.jwt"
    path.write_text(issued.ob3_jwt, encoding="utf-8")
    assert main(["credential", "verify", str(path), "--online", "--learner-id", issued.learner_id]) == 0
    out = capsys.readouterr().out
    assert issued.bundle_id in out and issued.manifest_sha256 in out

    server.service.credentials.revoke(issued.id, reason="assessment found invalid", by="test")
    listed = httpx.get(f"{server.url}/credentials/status/{issued.status_list}")
    assert listed.headers["content-type"].startswith("application/vc+jwt")
    claims = jwt.decode(listed.text, options={"verify_signature": False})
    bits = decode_list(claims["credentialSubject"]["encodedList"])
    assert is_set(bits, issued.status_index)
    assert main(["credential", "verify", str(path), "--online", "--language", "fi"]) == 1
    assert "assessment found invalid" not in capsys.readouterr().out  # why is never published
    assert httpx.get(f"{server.url}/credentials/status/99").status_code == 404


def test_export_writes_each_credential_and_the_issuer_keys(served, tmp_path: Path):
    server, run = served
    out = tmp_path / "out"
    folder = str(server.service.store.config.folder)
    assert main(["provider", "credentials", "export", "--folder", folder, "--out", str(out)]) == 0
    names = {p.name for p in out.iterdir()}
    for issued in run.issued:
        assert {f"{issued.row.id}.ob3.jwt", f"{issued.row.id}.edc.json"} <= names
        edc = json.loads((out / f"{issued.row.id}.edc.json").read_text(encoding="utf-8"))
        assert "credential" in edc  # the form the EU's issuing service takes
    jwks = json.loads((out / "issuer.jwks.json").read_text(encoding="utf-8"))
    token = (out / f"{run.issued[0].row.id}.ob3.jwt").read_text(encoding="utf-8").strip()
    jwt.decode(token, _jwks_client_key(jwks, token), algorithms=["EdDSA"])
    assert main(["credential", "verify", str(out / f"{run.issued[0].row.id}.ob3.jwt"), "--jwks",
                 str(out / "issuer.jwks.json")]) == 0


def test_the_eligibility_list_names_who_holds_what_and_drops_the_revoked(served):
    server, run = served
    service = server.service
    from assessor_app.provider.credentials.eligibility import eligibility_statement, signed_eligibility

    statement = eligibility_statement(service.store)
    envelope = Envelope.from_dict(signed_eligibility(service.store, statement))
    assert envelope.payload_type == ELIGIBILITY_PAYLOAD_TYPE
    envelope.verify([service.store.key.public], 1)
    first = run.issued[1].row
    assert statement["learners"][first.learner_id][first.checklist_id]["credential"] == f"urn:uuid:{first.id}"
    service.credentials.revoke(first.id, reason="issued in error", by="test")
    after = eligibility_statement(service.store)
    assert first.checklist_id not in after["learners"].get(first.learner_id, {}) or (
        after["learners"][first.learner_id][first.checklist_id]["credential"] != f"urn:uuid:{first.id}")
    assert after["as_of_us"] > statement["as_of_us"] - 1
    answer = httpx.get(f"{server.url}/credentials/eligibility")
    assert answer.status_code == 401  # only enrolled workstations read it


def test_the_command_line_checks_lists_and_revokes(served, capsys):
    server, run = served
    folder = str(server.service.store.config.folder)
    issued = run.issued[2].row
    assert main(["provider", "credentials", "check", issued.bundle_id, "--folder", folder]) == 0
    assert issued.id in capsys.readouterr().out
    assert main(["provider", "credentials", "list", "--folder", folder, "--learner", issued.learner_id,
                 "--language", "sv"]) == 0
    out = capsys.readouterr().out
    assert issued.id in out and "giltig" in out
    assert main(["provider", "credentials", "revoke", issued.id, "--reason", "no", "--folder", folder]) == 1
    assert "3-500" in capsys.readouterr().err
    assert main(["provider", "credentials", "revoke", issued.id, "--reason", "issued in error",
                 "--folder", folder]) == 0
    assert main(["provider", "credentials", "list", "--folder", folder, "--learner", issued.learner_id]) == 0
    assert "revoked" in capsys.readouterr().out
    assert main(["provider", "awarding-body", "show", "--folder", folder, "--language", "fi"]) == 0
    assert "myöntäjäprofiili" in capsys.readouterr().out
    assert main(["provider", "credentials", "check", "no-such-bundle", "--folder", folder]) == 1
    assert "no assessment named 'no-such-bundle'" in capsys.readouterr().err
