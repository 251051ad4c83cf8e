"""``assessor credential verify``: a valid, a tampered, a revoked (its status list served by a real
loopback HTTP server) and a garbage file, in English and Finnish; exit 0 valid, 1 not, 2 bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from signing_support import jwks, provider_site, signed, unb64, with_parts

from assessor_app.cli import main
from assessor_app.credentials.verify import FetchError, verify_credential_file


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    found = {"keys": tmp_path / "issuer.jwks.json", "valid": tmp_path / "valid.ob3.jwt",
             "tampered": tmp_path / "tampered.ob3.jwt", "garbage": tmp_path / "garbage.ob3.jwt"}
    found["keys"].write_text(json.dumps(jwks()), encoding="utf-8")
    token = signed()
    found["valid"].write_text(token + "\n", encoding="utf-8")
    payload = unb64(token.split(".")[1])
    payload["credentialSubject"]["result"][0]["value"] = "distinction"
    found["tampered"].write_text(with_parts(token, payload=payload), encoding="utf-8")
    found["garbage"].write_bytes(b"this is not a credential\n")
    return found


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["credential", "verify", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_valid_credential_offline_with_the_issuers_keys(capsys, files):
    code, out, _ = _run(capsys, str(files["valid"]), "--jwks", str(files["keys"]), "--learner-id", "L-0042",
                        "--language", "en")
    assert code == 0
    assert "Issued by: Ammattiopisto Esimerkki Oy (https://provider.example.fi/credentials/issuer)" in out
    assert "Micro-credential: HV isolation and re-energisation (series vehicle) (https://provider.example.fi/"\
           "credentials/achievements/hv-isolation-series/1.3.0)" in out
    assert "Learner id L-0042: matches the credential's identifier" in out
    assert "Evidence: bundle b-20261120-0001, manifest SHA-256 " + "e" * 64 in out
    assert "Issued: 29 Nov 2024, 09:15:00" in out
    assert "Signature: valid (issuer key" in out
    assert "Revocation: could not be checked: offline (check online with --online)" in out
    assert out.rstrip().endswith("VALID") and "NOT VALID" not in out
    code, out, _ = _run(capsys, str(files["valid"]), "--jwks", str(files["keys"]), "--language", "fi")
    assert code == 0
    assert "Myöntäjä: Ammattiopisto Esimerkki Oy" in out
    assert "Allekirjoitus: kelvollinen" in out
    assert "Myönnetty: 29.11.2024" in out
    assert out.rstrip().endswith("KELVOLLINEN") and "EI KELVOLLINEN" not in out


def test_another_learners_id_does_not_match(capsys, files):
    code, out, _ = _run(capsys, str(files["valid"]), "--jwks", str(files["keys"]), "--learner-id", "L-0043",
                        "--language", "en")
    assert code == 1
    assert "Learner id L-0043: does NOT match the credential's identifier" in out and "NOT VALID" in out


def test_a_tampered_credential(capsys, files):
    code, out, _ = _run(capsys, str(files["tampered"]), "--jwks", str(files["keys"]), "--language", "en")
    assert code == 1
    assert "Signature: INVALID: the signature does not match the content" in out
    assert out.rstrip().endswith("NOT VALID")
    code, out, _ = _run(capsys, str(files["tampered"]), "--jwks", str(files["keys"]), "--language", "fi")
    assert code == 1
    assert "Allekirjoitus: EI KELVOLLINEN: allekirjoitus ei vastaa sisältöä" in out
    assert out.rstrip().endswith("EI KELVOLLINEN")


def test_without_keys_the_signature_cannot_be_checked(capsys, files):
    code, out, _ = _run(capsys, str(files["valid"]), "--language", "en")
    assert code == 1
    assert "Signature: could not be checked: the issuer's published keys are needed" in out


@pytest.mark.parametrize(("language", "said"), [
    ("en", "not a JWT: a signed credential is three base64url parts joined by dots, this has 1"),
    ("fi", "ei ole JWT: allekirjoitettu mikrotutkinto on kolme pisteillä yhdistettyä base64url-osaa, "
           "tässä on 1"),
])
def test_a_garbage_file_is_bad_input(capsys, files, language, said):
    code, out, err = _run(capsys, str(files["garbage"]), "--jwks", str(files["keys"]), "--language", language)
    assert code == 2 and out == ""
    assert err.strip() == f"assessor: {said}"


def test_other_bad_input_names_the_problem(capsys, files, tmp_path):
    missing = tmp_path / "missing.ob3.jwt"
    assert _run(capsys, str(missing), "--language", "en") == (2, "", f"assessor: {missing}: no such file\n")
    code, _, err = _run(capsys, str(files["valid"]), "--jwks", str(files["garbage"]), "--language", "en")
    assert code == 2 and "not the issuer's keys (a JWKS JSON file)" in err
    unsigned = tmp_path / "unsigned.json"
    unsigned.write_text(json.dumps(unb64(signed().split(".")[1])), encoding="utf-8")
    code, _, err = _run(capsys, str(unsigned), "--language", "en")
    assert code == 2 and "an unsigned credential (JSON without a proof)" in err
    binary = tmp_path / "binary.ob3.jwt"
    binary.write_bytes(b"\xff\xfe\x00")
    code, _, err = _run(capsys, str(binary), "--language", "en")
    assert code == 2 and "not a text file" in err


def test_a_json_file_holding_the_jwt_string(capsys, files, tmp_path):
    wrapped = tmp_path / "credential.json"
    wrapped.write_text(json.dumps(files["valid"].read_text().strip()), encoding="utf-8")
    code, out, _ = _run(capsys, str(wrapped), "--jwks", str(files["keys"]), "--language", "en")
    assert code == 0 and "Signature: valid" in out


@pytest.mark.parametrize(("language", "revoked_line", "verdict"), [
    ("en", "Revocation: REVOKED by the issuer (status list ", "NOT VALID"),
    ("fi", "Peruutus: myöntäjä on PERUUTTANUT mikrotutkinnon (tilalista ", "EI KELVOLLINEN"),
])
def test_a_revoked_credential_online(capsys, tmp_path, language, revoked_line, verdict):
    with provider_site(revoked=(3, 17)) as (url, data):
        path = tmp_path / "revoked.ob3.jwt"
        path.write_text(signed(data), encoding="utf-8")
        # online: the issuer's keys from <iss>/jwks.json, the status list from the credential
        code, out, _ = _run(capsys, str(path), "--online", "--language", language)
    assert code == 1
    assert revoked_line + f"{url}/credentials/status/1)" in out
    assert out.rstrip().endswith(verdict)


def test_a_credential_not_revoked_online_and_as_json(capsys, tmp_path):
    with provider_site(revoked=(3, 16, 18)) as (url, data):
        path = tmp_path / "fine.ob3.jwt"
        path.write_text(signed(data), encoding="utf-8")
        code, out, _ = _run(capsys, str(path), "--online", "--json", "--language", "en")
    assert code == 0
    report = json.loads(out)
    assert report["valid"] is True
    assert report["revocation"] == {"result": "not_revoked", "statusList": f"{url}/credentials/status/1",
                                    "reason": None}
    assert report["signature"]["result"] == "valid"
    assert report["evidence"] == {"bundleId": "b-20261120-0001", "manifestSha256": "e" * 64}


def test_an_unreachable_provider_leaves_the_status_unknown(capsys, tmp_path):
    with provider_site() as (url, data):
        pass  # the server is gone once the block ends: its port refuses connections
    path = tmp_path / "c.ob3.jwt"
    path.write_text(signed(data), encoding="utf-8")
    keys = tmp_path / "issuer.jwks.json"
    keys.write_text(json.dumps(jwks()), encoding="utf-8")
    code, out, _ = _run(capsys, str(path), "--jwks", str(keys), "--online", "--language", "en")
    assert code == 0  # signed by the issuer; revocation said to be unknown, not a failure
    assert (f"Revocation: could not be checked: the status list {url}/credentials/status/1 could not be "
            "fetched") in out
    code, out, _ = _run(capsys, str(path), "--online", "--language", "en")
    assert code == 1
    assert f"Signature: could not be checked: the issuer's keys at {url}/credentials/issuer/jwks.json "\
           "could not be fetched" in out


def test_a_status_list_that_is_not_the_issuers_is_reported(tmp_path):
    with provider_site(revoked=(17,)) as (_url, data):
        path = tmp_path / "c.ob3.jwt"
        path.write_text(signed(data), encoding="utf-8")

        def fetch(url: str) -> bytes:
            if url.endswith("/jwks.json"):
                return json.dumps(jwks()).encode()
            if url.endswith("/status/1"):
                return b"not.a.list"
            raise FetchError("unexpected")

        report = verify_credential_file(path, fetch=fetch)
    assert report.signature == "valid" and report.status == "unknown"
    assert report.status_reason is not None and report.status_reason.code == "credential.list_invalid"
    assert report.exit_code == 0
