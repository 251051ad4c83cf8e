"""Fuzz every operation of the provider's OpenAPI description: no server errors, answers as described."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
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
