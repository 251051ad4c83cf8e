"""The credential figures on a known set (and undefined where they cannot be computed, never NaN), on
the console's page in five languages and on the command line; and the public page a certificate's QR
code opens: valid (signature verified), revoked (when, never why), unknown, tampered, not a UUID (no
look-up), counted per client address."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from console_assessment_support import DEMO_CANDIDATE
from console_support import Clock, client_for, make_service
from credential_console_support import HeldSet, insert_credential, ready, shared_held_set
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, insert, select, update

from assessor_app.cli import main
from assessor_app.credentials import vc_jwt
from assessor_app.i18n import LANGUAGES, render
from assessor_app.provider import credentials_page
from assessor_app.provider.credentials import kpi_messages as K
from assessor_app.provider.credentials.kpis import credential_kpis, figure_text, kpi_lines
from assessor_app.provider.credentials.models import CredentialRow, VerificationLog
from assessor_app.provider.credentials.participation import set_participation
from assessor_app.provider.credentials.restate import stated
from assessor_app.provider.service import ProviderService

DAY_US = 86_400 * 10**6
T0 = 1_790_000_000 * 10**6


@pytest.fixture(scope="module")
def held(tmp_path_factory: pytest.TempPathFactory) -> HeldSet:
    return shared_held_set(tmp_path_factory)


def _service(held: HeldSet, where: Path, clock: Clock, **config: object) -> ProviderService:
    folder = where / "provider"
    shutil.copytree(held.folder, folder)
    service = make_service(folder, clock, **config)
    ready(service)
    return service


@pytest.fixture
def service(held: HeldSet, tmp_path: Path, console_clock: Clock) -> Iterator[ProviderService]:
    service = _service(held, tmp_path, console_clock)
    yield service
    service.close()


@pytest.fixture
def known(service: ProviderService, held: HeldSet) -> ProviderService:
    """Four credentials with known lags (2, 4, 9 and 1 days), one revoked, four learners who gave
    different figures, and five checks on the public page (three valid)."""
    plan = {"passed": ("L1", 2, "ws-demo", "FI"), "failed": ("L2", 4, "ws-b", "ES"),
            "hazard": ("L3", 9, "ws-demo", "FI"), "battery": ("L4", 1, "ws-demo", "")}
    for name, (learner, days, workshop, region) in plan.items():
        insert_credential(service, *held.keys[name], signed=False, learner_id=learner, completed_us=T0,
                          issued_us=T0 + days * DAY_US, workshop_id=workshop, region=region,
                          revoked_us=T0 + 10 * DAY_US if name == "hazard" else None,
                          revoked_by="coordinator" if name == "hazard" else None)
    set_participation(service.store, "L1", gender="woman", age_band="25-34", by="test")
    set_participation(service.store, "L2", gender="man", age_band=None, by="test")
    set_participation(service.store, "L3", gender=None, age_band="55+", by="test")
    with service.store.writer.begin() as conn:
        for result in ("valid", "valid", "valid", "revoked", "unknown"):
            conn.execute(insert(VerificationLog).values(credential_id="x", checked_us=T0, result=result))
    return service


def test_the_figures_of_a_known_set(known):
    k = credential_kpis(known.store)
    assert (k.issued, k.revoked) == (4, 1)
    assert (k.lag.n, k.lag.median.value, k.lag.mean.value, k.lag.longest.value) == (4, 3.0, 4.0, 9.0)
    iso, battery = k.lag_by_checklist["hv-isolation-series"], k.lag_by_checklist["hv-battery-diagnostics"]
    assert (iso.median.value, iso.mean.value, iso.longest.value, iso.n) == (4.0, 5.0, 9.0, 3)
    assert (battery.median.value, battery.longest.value, battery.n) == (1.0, 1.0, 1)
    assert (k.verification.checks, k.verification.valid, k.verification.share.value) == (5, 3, 0.6)
    assert k.by_checklist == {"hv-isolation-series": 3, "hv-battery-diagnostics": 1}
    assert k.by_workshop == {"ws-demo": 3, "ws-b": 1}
    assert k.by_region == {"FI": 2, "": 1, "ES": 1}
    p = k.participation
    assert p.learners == 4 and p.by_gender == {"woman": 1, "man": 1, "other": 0, None: 2}
    assert p.by_age == {"under-25": 0, "25-34": 1, "35-44": 0, "45-54": 0, "55+": 1, None: 2}
    assert (p.gave_none, p.gave_gender, p.women_share.value, p.women_target_met) == (1, 2, 0.5, True)
    lines = "\n".join(kpi_lines(k, "en", "now"))
    assert "median 3.0 days, mean 4.0 days, longest 9.0 days (n = 4)" in lines
    assert "60.0 % of 5 checks" in lines and "women among those who gave a gender: 50.0 % (n = 2" in lines


def test_figures_that_cannot_be_computed_say_why(service):
    with service.store.writer.begin() as conn:
        conn.execute(CredentialRow.__table__.delete())
    k = credential_kpis(service.store)
    assert k.issued == 0 and k.lag.n == 0 and k.lag.median.value is None
    assert figure_text(k.lag.median, "en") == "undefined: no credential has been issued yet"
    assert figure_text(k.verification.share, "en") == \
        "undefined: nobody has checked a credential on the public page yet"
    assert figure_text(k.participation.women_share, "en") == "undefined: no learner has given a gender"
    assert k.participation.women_target_met is None
    for language in LANGUAGES:
        text = "\n".join(kpi_lines(k, language, "now"))
        assert "nan" not in re.findall(r"\w+", text.lower()), language
        for why in (K.NO_CREDENTIALS(), K.NO_CHECKS(), K.NO_GENDER()):
            assert render(why, language) in text, (language, why)
    page = client_for(service, "auditor").get("/console/credentials/kpis")
    assert page.status_code == 200 and "nan" not in page.text.lower().split()
    for where in ("lag-undefined", "verify-undefined"):
        assert f'id="{where}"' in page.text
    assert "no learner has given a gender" in page.text


def test_the_figures_page_in_five_languages_and_who_may_see_it(known):
    auditor = client_for(known, "auditor")
    for language in LANGUAGES:
        auditor.cookies.set("lang", language, path="/console")
        page = auditor.get("/console/credentials/kpis")
        assert page.status_code == 200 and f'<html lang="{language}">' in page.text
        assert re.search(r'<tr data-checklist="" class="total"><th scope="row">[^<]+</th><td>3[.,]0</td>'
                         r'<td>4[.,]0</td><td>9[.,]0</td><td>4</td>', page.text), language
        assert 'data-met="yes"' in page.text and '<tr data-gender="woman"><th scope="row">' in page.text
    assert client_for(known, "moderator").get("/console/credentials/kpis").status_code == 403
    assert client_for(known, "coordinator").get("/console/credentials/kpis").status_code == 200


def test_the_command_line_prints_the_same_figures(known, capsys):
    folder = known.store.config.folder
    known.close()  # the command opens the folder itself
    assert main(["provider", "credentials", "kpis", "--folder", str(folder), "--language", "en"]) == 0
    out = capsys.readouterr().out
    assert "4 credentials issued, 1 revoked" in out and "hv-battery-diagnostics: median 1.0 days" in out
    assert "  another gender: 0" in out and "  gave neither gender nor age band: 1" in out


# ---------------------------------------------------------------- the public page
def _checks(service: ProviderService) -> list[tuple[str, str]]:
    with service.store.engine.connect() as conn:
        return [(r.credential_id, r.result) for r in conn.execute(
            select(VerificationLog).order_by(VerificationLog.id)).all()]


def test_a_valid_credential_is_checked_with_the_issuers_key_and_shown_without_signing_in(service, held):
    row = insert_credential(service, *held.keys["passed"])
    anyone = client_for(service)
    page = anyone.get(f"/credentials/{row.id}")
    assert page.status_code == 200 and 'data-result="valid"' in page.text
    assert 'data-signature="verified"' in page.text
    for said in ("HV isolation and re-energisation", DEMO_CANDIDATE, "Autoala Koulutus Oy",
                 row.manifest_sha256,
                 'href="http://127.0.0.1:8443/credentials/issuer"', "/credentials/issuer/jwks.json",
                 "shares their name"):
        assert said in page.text, said
    assert "content-security-policy" in page.headers and page.headers["cache-control"] == "no-store"
    finnish = anyone.get(f"/credentials/{row.id}?lang=fi")
    assert '<html lang="fi">' in finnish.text and "Voimassa" in finnish.text
    assert _checks(service) == [(row.id, "valid"), (row.id, "valid")]


def test_a_revoked_credential_says_when_never_why(service, held):
    row = insert_credential(service, *held.keys["passed"])
    service.credentials.revoke(row.id, reason="identity mixed up at the workshop", by="coordinator")
    page = client_for(service).get(f"/credentials/{row.id}")
    assert page.status_code == 200 and 'data-result="revoked"' in page.text and "Revoked:" in page.text
    assert "identity mixed up" not in page.text and "coordinator" not in page.text
    assert _checks(service) == [(row.id, "revoked")]


def test_an_unknown_a_tampered_and_a_malformed_id(service, held, monkeypatch):
    anyone = client_for(service)
    unknown = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
    page = anyone.get(f"/credentials/{unknown}")
    assert page.status_code == 404 and 'data-result="unknown"' in page.text and unknown in page.text
    row = insert_credential(service, *held.keys["passed"])
    forged = vc_jwt.signed_credential(stated(service.store, service.credentials.rules, row),
                                      Ed25519PrivateKey.generate())
    with service.store.writer.begin() as conn:
        conn.execute(update(CredentialRow).where(CredentialRow.id == row.id).values(ob3_jwt=forged))
    tampered = anyone.get(f"/credentials/{row.id}")
    assert 'data-result="invalid"' in tampered.text and 'data-signature="failed"' in tampered.text
    assert _checks(service) == [(unknown, "unknown"), (row.id, "invalid")]

    def no_lookup(*args, **kwargs):
        raise AssertionError("a malformed id was looked up")

    monkeypatch.setattr(credentials_page, "check_credential", no_lookup)
    for bad in ("x", "issuer-profile", f"{unknown}0", unknown.replace("-", ""), "%27%20OR%201=1"):
        answer = anyone.get(f"/credentials/{bad}")
        assert answer.status_code == 404 and 'data-result="not-found"' in answer.text, bad
    assert len(_checks(service)) == 2


def test_checks_are_counted_per_client_address(held, tmp_path, console_clock):
    service = _service(held, tmp_path, console_clock, console_login_burst=3, console_login_per_minute=0.01)
    try:
        anyone = client_for(service)
        answers = [anyone.get(f"/credentials/7c9e6679-7425-40de-944b-e07fc1f9{n:04d}") for n in range(5)]
        assert [a.status_code for a in answers] == [404, 404, 404, 429, 429]
        assert int(answers[3].headers["retry-after"]) > 0 and "Too many checks" in answers[3].text
        with service.store.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(VerificationLog)).scalar_one() == 3
    finally:
        service.close()
