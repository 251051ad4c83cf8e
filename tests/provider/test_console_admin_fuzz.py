"""Every form and filter of the quarantine, workshops and assessors pages, fuzzed: random, missing,
extra and huge field values and path parts, posted with a valid CSRF token by a coordinator (who may
change things) and an auditor (who may not). The app never answers with a server error, and every
refusal is a page that names the problem, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from console_support import csrf_token, make_service
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient
from sync_support import TEST_ASSESSOR, provider_code

from assessor_app.provider.api import create_app
from assessor_app.provider.service import ProviderService

EXAMPLES = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# printable and not, every script, control characters and the odd surrogate-free astral character
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
    st.sampled_from(["", " ", "ws-1", TEST_ASSESSOR, "FI", "fi", "2030-01-31", "31.12.2030", "0", "-1",
                     "99999999999999999999", "../..", "%00", "<script>x</script>", "'; DROP TABLE x; --",
                     "\x00", "\u202e", "ｗｓ−１", "2030-02-30", "+002030-01-01"]),
    st.text(min_size=300, max_size=600).map(lambda s: s * 20),  # beyond every field's limit
)
PATH = st.one_of(TEXT.filter(lambda s: len(s) < 300), st.sampled_from(["ws-1", TEST_ASSESSOR, "1", "0" * 64]))


def _fields(names: list[str]) -> st.SearchStrategy[dict[str, object]]:
    """A form with any of ``names`` present or missing, a repeated field now and then, and extras."""
    values = st.one_of(TEXT, st.lists(TEXT, max_size=3))
    return st.fixed_dictionaries({}, optional={name: values for name in names}).flatmap(
        lambda form: st.dictionaries(TEXT.filter(lambda k: 0 < len(k) < 30), TEXT, max_size=2).map(
            lambda extra: {**extra, **form}))


@pytest.fixture(scope="module")
def fuzz_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProviderService]:
    service = make_service(Path(tmp_path_factory.mktemp("fuzz")) / "provider")
    provider_code(service, "ws-1")  # a workshop, the test assessor, an enrollment code
    yield service
    service.close()


def _client(service: ProviderService, role: str) -> tuple[TestClient, str]:
    from console_support import sign_in

    client = TestClient(create_app(service), follow_redirects=False)
    assert sign_in(client, role).status_code == 303
    return client, csrf_token(client.get("/console/workshops"))


@pytest.fixture(scope="module")
def coordinator(fuzz_service: ProviderService) -> tuple[TestClient, str]:
    return _client(fuzz_service, "coordinator")


@pytest.fixture(scope="module")
def auditor(fuzz_service: ProviderService) -> tuple[TestClient, str]:
    return _client(fuzz_service, "auditor")


def _no_server_error(answer) -> None:  # type: ignore[no-untyped-def]
    assert answer.status_code < 500, (answer.status_code, answer.text[:2000])
    assert "Traceback" not in answer.text


FORMS = {
    "/console/workshops": ["id", "name", "country", "address"],
    "/console/workshops/{}/code": ["label"],
    "/console/workstations/{}/revoke": ["reason"],
    "/console/assessors": ["id", "name", "qualification", "qualification_ref", "expires", "workshops"],
    "/console/assessors/{}/qualification": ["qualification", "qualification_ref", "expires"],
    "/console/assessors/{}/code": [],
    "/console/assessors/{}/revoke": ["reason"],
    "/console/assessor-keys/{}/revoke": ["reason"],
    "/console/quarantine/{}/retry": [],
    "/console/uploads/{}/import": [],
}


@pytest.mark.parametrize("action", sorted(FORMS))
@EXAMPLES
@given(data=st.data())
def test_every_form_answers_without_a_server_error(coordinator, auditor, action: str,  # type: ignore[no-untyped-def]
                                                   data: st.DataObject):
    form = data.draw(_fields(FORMS[action]), label="form")
    path = action.format(quote(data.draw(PATH, label="path"), safe="")) if "{}" in action else action
    client, token = data.draw(st.sampled_from([coordinator, auditor]), label="who")
    answer = client.post(path, data={**form, "csrf_token": token})
    _no_server_error(answer)
    if client is auditor[0]:
        assert answer.status_code in (403, 404, 405), answer.status_code  # never a change
    elif answer.status_code in (400, 409, 422):
        assert 'role="alert"' in answer.text  # the problem is named on the page


@pytest.mark.parametrize("page, names", [
    ("/console/quarantine", ["state", "kind", "workshop", "from", "to", "page", "retried"]),
    ("/console/assessors", ["within", "done", "name"]),
    ("/console/workshops", ["done", "name"]),
])
@EXAMPLES
@given(data=st.data())
def test_every_filter_answers_without_a_server_error(coordinator, page: str, names: list[str],  # type: ignore[no-untyped-def]
                                                     data: st.DataObject):
    query = data.draw(st.fixed_dictionaries({}, optional={n: TEXT for n in names}), label="query")
    answer = coordinator[0].get(page, params={k: v[:2000] for k, v in query.items()})
    _no_server_error(answer)
    assert answer.status_code in (200, 400), answer.status_code
    if answer.status_code == 400:
        assert 'role="alert"' in answer.text
