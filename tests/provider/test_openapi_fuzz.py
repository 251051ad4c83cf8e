"""Fuzz every operation of the provider's OpenAPI description: no server errors, answers as described."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from raw_http import exchange, host
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance
from sync_support import Workstation, enroll

from assessor_app.provider.server import ProviderServer

# a tus chunk is raw bytes, as application/octet-stream is
schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")


@pytest.fixture
def fuzzed(tmp_path: Path) -> Iterator[tuple[ProviderServer, Workstation]]:
    server = ProviderServer(tmp_path / "provider").start()
    ws = enroll(server, tmp_path / "ws")
    yield server, ws
    ws.client.close()
    server.close()


@pytest.mark.slow
def test_no_operation_answers_with_a_server_error(fuzzed: tuple[ProviderServer, Workstation]):
    server, ws = fuzzed
    api = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 14
    statuses: list[int] = []

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def fuzz(case) -> None:  # type: ignore[no-untyped-def]
            headers = {"Authorization": f"Bearer {ws.client.token()}"}
            response = case.call_and_validate(base_url=server.url, headers=headers, timeout=10, checks=[
                not_a_server_error, status_code_conformance, response_schema_conformance])
            statuses.append(response.status_code)

        fuzz()
    assert len(statuses) >= 10 * len(operations) and max(statuses) < 500
    assert ws.client.health()["status"] == "ok"  # and the service is still up


# Numbers a stranger may write that are not ASCII digits, or are far too long. Headers travel as
# Latin-1 on the wire, so a character outside it is sent as its UTF-8 bytes (which the provider
# reads back as Latin-1): '²' as itself, the Arabic-Indic three and the fullwidth five as bytes.
HOSTILE_NUMBERS = ["²", "¹", "٣".encode().decode("latin-1"), "５".encode().decode("latin-1"), "+5", "-1",
                   "5 5", "0x10", "1_000", "1e3", "1.5", "", "9" * 20, "9" * 10_000]
HOSTILE_QUERY = ["²", "٣", "５", "+5", "-1", " 5", "1_000", "1e3", "", "9" * 20, "9" * 10_000]
NUMBER = "must be a whole number written with the digits 0-9 only (at most 19 of them)"


def _numeric_parameters(doc: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(method, path, where, name) of every integer header and query parameter the provider describes."""
    found = []
    for path, operations in doc["paths"].items():
        shared = operations.get("parameters", [])
        for method, operation in operations.items():
            if method == "parameters":
                continue
            for parameter in [*shared, *operation.get("parameters", [])]:
                if parameter["in"] in ("header", "query") and parameter["schema"].get("type") == "integer":
                    found.append((method.upper(), path, parameter["in"], parameter["name"]))
    return found


def _upload(server: ProviderServer, ws: Workstation) -> str:
    meta = ",".join(f"{k} {base64.b64encode(v.encode()).decode()}"
                    for k, v in (("bundle_id", "fuzz-1"), ("manifest_sha256", "c" * 64)))
    created = httpx.post(f"{server.url}/files", headers={
        "Authorization": f"Bearer {ws.client.token()}", "Tus-Resumable": "1.0.0", "Upload-Length": "100",
        "Upload-Metadata": meta})
    assert created.status_code == 201, created.text
    return created.headers["location"].rsplit("/", 1)[1]


def _valid(method: str, path: str, upload_id: str) -> dict[str, Any]:
    """A request to this operation that the provider would take, but for the number under test."""
    tus = {"Tus-Resumable": "1.0.0"}
    meta = ",".join(f"{k} {base64.b64encode(v).decode()}" for k, v in (("bundle_id", b"fuzz-2"),
                                                                         ("manifest_sha256", b"d" * 64)))
    return {
        ("POST", "/files"): {"headers": {**tus, "Upload-Metadata": meta}},
        ("PATCH", "/files/{upload_id}"): {"headers": tus, "path_parameters": {"upload_id": upload_id},
                                          "body": b"x", "media_type": "application/offset+octet-stream"},
        ("GET", "/files/{upload_id}/result"): {"path_parameters": {"upload_id": upload_id}},
    }.get((method, path), {})


def test_every_numeric_header_and_parameter_refuses_what_is_not_ascii_digits(
        fuzzed: tuple[ProviderServer, Workstation]):
    server, ws = fuzzed
    api = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    numeric = _numeric_parameters(httpx.get(f"{server.url}/openapi.json").json())
    assert {(m, p, n) for m, p, _w, n in numeric} >= {
        ("POST", "/files", "Upload-Length"), ("PATCH", "/files/{upload_id}", "Upload-Offset"),
        ("GET", "/bundles", "limit"), ("GET", "/files/{upload_id}/result", "wait")}
    upload_id = _upload(server, ws)
    checked = 0
    for method, path, where, name in numeric:
        operation = api[path][method]
        for value in HOSTILE_NUMBERS if where == "header" else HOSTILE_QUERY:
            spec = _valid(method, path, upload_id)
            headers = {**spec.get("headers", {}), "Authorization": f"Bearer {ws.client.token()}"}
            query = {}
            if where == "header":
                headers[name] = value
            else:
                query[name] = value
            kwargs = {k: v for k, v in spec.items() if k != "headers"}
            case = operation.Case(headers=headers, query=query, **kwargs)
            response = case.call_and_validate(base_url=server.url, timeout=10, checks=[
                not_a_server_error, status_code_conformance, response_schema_conformance])
            kind = "header" if where == "header" else "query parameter"
            assert response.status_code == 400, (method, path, name, value, response.text)
            assert response.json() == {"error": f"the {name} {kind} {NUMBER}", "code": "malformed_number"}
            checked += 1
    assert checked >= 2 * len(HOSTILE_NUMBERS) + 2 * len(HOSTILE_QUERY)
    assert ws.client.health()["status"] == "ok"


@pytest.mark.parametrize("value", [b"\xb2", "\u0663".encode(), b"+5", b"-1", b"5 5", b"9" * 20,
                                   b"9" * 10_000], ids=repr)
def test_every_operation_with_a_body_refuses_a_malformed_content_length(
        fuzzed: tuple[ProviderServer, Workstation], value: bytes):
    server, _ws = fuzzed
    doc = httpx.get(f"{server.url}/openapi.json").json()
    with_body = [(method.upper(), path.replace("{upload_id}", "a" * 32))
                 for path, operations in doc["paths"].items() for method, operation in operations.items()
                 if method != "parameters" and "requestBody" in operation]
    assert len(with_body) >= 4
    for method, path in with_body:
        request = (f"{method} {path} HTTP/1.1\r\nHost: {host(server.url)}\r\n".encode()
                   + b"Content-Length: " + value + b"\r\n\r\n{}")
        answer = exchange(server.url, request)  # the HTTP parser refuses it before any handler runs
        assert (answer.status, answer.body) == (400, b"Invalid HTTP request received."), (method, path)
