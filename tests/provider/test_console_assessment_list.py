"""The console's list of assessments over the whole app (real SQLite, signed in through the real form):
a delivered bundle shows with its pseudonym, outcome word and date in the page's language; the form,
the column headers and the page links work as plain HTML; a bad value is a 400 page naming it."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from starlette.testclient import TestClient
from sync_support import Sealed, bind_test_assessor, make_bundle, provider_code, workstation_key

from assessor_app.provider.models import AssessmentIndexRow
from assessor_app.provider.registry import enroll_message
from assessor_app.provider.service import ProviderService
from benchmarks.console_data import fill

CANDIDATE_NAME = "Casey Candidate"  # the name the test assessment's identity file holds
ROW_LINK = re.compile(r'<a href="(/console/assessments/[0-9a-f]{64}/[^"]+)"')


def _delivered(service: ProviderService, folder: Path, *, apart: bool = True) -> Sealed:
    """A real sealed bundle from an enrolled workstation, imported by the provider."""
    key = workstation_key(folder / "keys")
    if key.fingerprint not in {d.key_id for d in service.registry.devices()}:
        code = provider_code(service)
        service.registry.enroll(code=code, public_pem=key.public_pem(),
                                signature=key.signer.sign(enroll_message(code, key.fingerprint)).signature)
        bind_test_assessor(service, key.fingerprint)
    sealed = make_bundle(folder, key, apart=apart)
    result = service.importer.import_archive(sealed.archive, source=str(sealed.archive))
    assert result.status == "imported", result.reason
    return sealed


def _links(page: str, ident: str) -> str | None:
    found = re.search(rf'<a href="([^"]+)"[^>]* id="{ident}"', page)
    return html.unescape(found.group(1)) if found else None


def _bundles(page: str) -> list[str]:
    return [html.unescape(link).rsplit("/", 1)[1] for link in ROW_LINK.findall(page)]


def test_a_delivered_assessment_is_listed_in_the_pages_language_and_links_to_its_page(
        console_service: ProviderService, console_as: Callable[..., TestClient], tmp_path: Path,
        fast_bundles: None):
    sealed = _delivered(console_service, tmp_path / "ws")
    device = workstation_key(tmp_path / "ws" / "keys").fingerprint
    assert console_as("moderator").get("/console/assessments").status_code == 403  # only their cycles
    for role in ("administrator", "coordinator", "auditor"):
        page = console_as(role).get("/console/assessments")
        assert page.status_code == 200, role
        assert f'href="/console/assessments/{device}/{sealed.bundle_id}"' in page.text
        assert "cand-1" in page.text and CANDIDATE_NAME not in page.text  # the pseudonym, never the name
    client = console_as("auditor")
    client.cookies.set("lang", "fi")
    page = client.get("/console/assessments").text
    assert "<h1>Arvioinnit</h1>" in page and "Kokelas (pseudonyymi)" in page
    assert '<span class="outcome outcome-open">kesken</span>' in page  # the term, not only a colour
    assert "9/10" in page  # steps passed, as Finnish writes it
    assert "Workshop ws-1" in page and "mini-isolation 1.2.0" in page
    # every text of the page is the catalog's (no Python object slipped into it)
    assert ">Tyhjennä haku ja suodattimet</a>" in page and "built-in method" not in page


def test_not_signed_in_the_list_sends_to_the_sign_in(console_as: Callable[..., TestClient]):
    answer = console_as(None).get("/console/assessments?q=x")
    assert answer.status_code == 303 and answer.headers["location"].startswith("/console/login")


def _all(service: ProviderService) -> list[Any]:
    with service.store.engine.connect() as conn:
        return list(conn.execute(select(AssessmentIndexRow)).all())


def test_the_form_the_headers_and_the_page_links_walk_the_whole_list_without_javascript(
        console_service: ProviderService, console_as: Callable[..., TestClient]):
    fill(console_service.store, 200, seed=3)
    rows = _all(console_service)
    client = console_as("coordinator")
    # a filter as the form sends it (every field, the empty ones too), then its pages by their links
    form = {"q": "", "workshop": "", "assessor": "", "checklist": "", "outcome": "not_yet_competent",
            "from": "", "to": "", "size": "25"}
    page = client.get("/console/assessments", params=form)
    assert page.status_code == 200
    pages = [_bundles(page.text)]
    while (nxt := _links(page.text, "page-next")) is not None:
        page = client.get(nxt)
        assert page.status_code == 200
        pages.append(_bundles(page.text))
    by_date = sorted(rows, key=lambda r: (r.ended_us, r.bundle_id, r.device), reverse=True)
    expected = [r.bundle_id for r in by_date if r.outcome == "not_yet_competent"]
    assert [b for p in pages for b in p] == expected and len(pages) > 1
    previous = _links(page.text, "page-previous")
    assert previous is not None and _bundles(client.get(previous).text) == pages[-2]
    assert _links(page.text, "page-first") is not None
    # the outcome header sorts by outcome, and again the other way round
    first = client.get("/console/assessments").text
    by_outcome = client.get(html.unescape(re.search(r'<a href="([^"]*sort=outcome[^"]*)"', first).group(1)))
    assert 'aria-sort="descending"' in by_outcome.text
    top = sorted(rows, key=lambda r: (r.outcome, r.ended_us, r.bundle_id, r.device), reverse=True)[:50]
    assert _bundles(by_outcome.text) == [r.bundle_id for r in top]
    ascending = re.search(r'<a href="([^"]*sort=outcome[^"]*order=asc[^"]*)"', by_outcome.text)
    assert ascending is not None
    assert 'aria-sort="ascending"' in client.get(html.unescape(ascending.group(1))).text


def test_a_search_finds_by_pseudonym_and_a_value_not_understood_is_a_400_page_naming_it(
        console_service: ProviderService, console_as: Callable[..., TestClient], tmp_path: Path,
        fast_bundles: None):
    sealed = _delivered(console_service, tmp_path / "ws")
    fill(console_service.store, 40, seed=5)
    client = console_as("auditor")
    assert _bundles(client.get("/console/assessments", params={"q": "cand-1"}).text) == [sealed.bundle_id]
    assert _bundles(client.get("/console/assessments", params={"q": sealed.bundle_id[:8]}).text) == [
        sealed.bundle_id]
    bad = client.get("/console/assessments", params={"outcome": "great", "sort": "name", "q": "cand-1"})
    assert bad.status_code == 400
    assert "&#39;great&#39; is not an outcome: the outcome filter was left out." in bad.text
    assert "The list cannot be sorted by &#39;name&#39;: it is sorted by date." in bad.text
    assert _bundles(bad.text) == [sealed.bundle_id]  # the rest of the query still applies
    nothing = client.get("/console/assessments", params={"q": "no such thing"})
    assert nothing.status_code == 200 and "No assessment matches the search and filters." in nothing.text


def test_the_quarantine_is_counted_with_a_link_to_it(console_service: ProviderService,
                                                     console_as: Callable[..., TestClient], tmp_path: Path):
    broken = tmp_path / "broken.tar"
    broken.write_bytes(b"this is not a tar archive")
    assert console_service.importer.import_archive(broken, source=str(broken)).status == "quarantined"
    page = console_as("auditor").get("/console/assessments").text
    assert "1 bundle is in quarantine (refused at import, with the reason)" in page
    assert 'href="/console/quarantine"' in page
    assert "No assessment has been received yet." in page


@pytest.fixture
def filled(console_service: ProviderService) -> ProviderService:
    fill(console_service.store, 60, seed=11)
    return console_service


NAMES = st.sampled_from(["q", "workshop", "assessor", "checklist", "outcome", "from", "to", "sort", "order",
                         "size", "after", "before", "lang", "x"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(st.tuples(NAMES, st.text(max_size=80)), max_size=6))
def test_any_url_values_give_the_page_or_a_400_naming_them_never_an_error(
        filled: ProviderService, console_as: Callable[..., TestClient], values: list[tuple[str, str]]):
    client = console_as("auditor")
    answer = client.get("/console/assessments", params=values)
    assert answer.status_code in (200, 400), answer.text[:500]
    assert "<h1>Assessments</h1>" in answer.text
