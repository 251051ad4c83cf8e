"""What a stranger can send the provider: strict numbers, bounded bodies, counted attempts, limits
per workstation, abandoned uploads, and the provider's own faults, each answered with its reason."""

from __future__ import annotations

import base64
import logging
import re
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from raw_http import exchange, host
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError
from sync_support import Workstation, enroll

from assessor_app.provider.limits import AttemptLimiter, address_key
from assessor_app.provider.models import Upload
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig, now_us
from assessor_app.sync.upload import TUS

OFFSET_TYPE = "application/offset+octet-stream"
TOO_LARGE_JSON = {"error": "a JSON request body may be at most 65536 bytes", "code": "body_too_large"}
HOW = ("finish or terminate (DELETE) one of them first; an upload with no new bytes for 7 day(s) is removed "
       "by the provider")
NUMBER = "must be a whole number written with the digits 0-9 only (at most 19 of them)"
# header values as bytes on the wire: b"\xb2" is '²' once decoded (as Latin-1), which
# str.isdigit accepts and int() does not; the rest are numbers int() takes but a client never sends
HOSTILE_HEADER_NUMBERS = [b"\xb2", b"1\xb2", b"\xb9", b"+5", b"-1", b"5 5", b"0x10", b"1_000", b"1e3",
                          b"", b"1.0", b"9" * 20, b"9" * 10_000]
# query values as sent (percent-encoded): '²', Arabic-Indic three, fullwidth five (int() takes the
# last two), signs, a space, an underscore, an exponent, nothing, and far too many digits
HOSTILE_QUERY_NUMBERS = ["%C2%B2", "%D9%A3", "%EF%BC%95", "+5", "%2B5", "-1", "%205", "1_0", "1e3", "",
                         "0x1", "9" * 20, "9" * 10_000]


def _auth(ws: Workstation) -> dict[str, str]:
    return {"Authorization": f"Bearer {ws.client.token()}"}


def _meta(bundle_id: str, manifest: str = "a" * 64) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}"
                    for k, v in (("bundle_id", bundle_id), ("manifest_sha256", manifest)))


def _create(url: str, ws: Workstation, length: int | bytes, bundle_id: str | None = None) -> httpx.Response:
    return httpx.post(f"{url}/files", headers={
        **_auth(ws), **TUS, "Upload-Length": length if isinstance(length, bytes) else str(length),
        "Upload-Metadata": _meta(bundle_id or str(uuid.uuid4()))})


def _server(tmp_path: Path, **limits: object) -> ProviderServer:
    """A provider with these limits, started by ``with``."""
    return ProviderServer(config=ProviderConfig(tmp_path / "provider", **limits))  # type: ignore[arg-type]


@pytest.fixture
def upload_url(provider: ProviderServer, workstation: Workstation) -> str:
    created = _create(provider.url, workstation, 1000)
    assert created.status_code == 201, created.text
    return created.headers["location"]


# ---------------------------------------------------------------- strict numbers
@pytest.mark.parametrize("value", HOSTILE_HEADER_NUMBERS, ids=repr)
def test_a_malformed_upload_length_is_400_naming_the_header(provider: ProviderServer,
                                                            workstation: Workstation, value: bytes):
    answer = _create(provider.url, workstation, value)
    assert answer.status_code == 400
    assert answer.json() == {"error": f"the Upload-Length header {NUMBER}", "code": "malformed_number"}


@pytest.mark.parametrize("value", HOSTILE_HEADER_NUMBERS, ids=repr)
def test_a_malformed_upload_offset_is_400_naming_the_header(provider: ProviderServer,
                                                            workstation: Workstation, upload_url: str,
                                                            value: bytes):
    answer = httpx.patch(upload_url, content=b"x", headers={
        **_auth(workstation), **TUS, "Upload-Offset": value, "Content-Type": OFFSET_TYPE})
    assert answer.status_code == 400
    assert answer.json() == {"error": f"the Upload-Offset header {NUMBER}", "code": "malformed_number"}


def test_a_numeric_header_sent_twice_is_refused(provider: ProviderServer, workstation: Workstation):
    answer = httpx.post(f"{provider.url}/files", headers=[
        *_auth(workstation).items(), *TUS.items(), ("Upload-Length", "10"), ("Upload-Length", "20"),
        ("Upload-Metadata", _meta("b-1"))])
    assert answer.status_code == 400
    assert answer.json() == {"error": "the Upload-Length header is given 2 times: send it once",
                             "code": "duplicate_header"}


def test_a_missing_upload_length_is_400(provider: ProviderServer, workstation: Workstation):
    answer = httpx.post(f"{provider.url}/files", headers={**_auth(workstation), **TUS,
                                                          "Upload-Metadata": _meta("b-1")})
    assert answer.status_code == 400
    assert answer.json() == {"error": "the Upload-Length header is missing", "code": "missing_header"}


@pytest.mark.parametrize("value", [b"\xb2", b"+5", b"-1", b"5 5", b"9" * 30, b"9" * 10_000], ids=repr)
def test_a_malformed_content_length_is_400_before_any_handler(provider: ProviderServer, value: bytes):
    request = (b"POST /auth/token HTTP/1.1\r\nHost: " + host(provider.url).encode() +
               b"\r\nContent-Type: application/json\r\nContent-Length: " + value + b"\r\n\r\n{}")
    answer = exchange(provider.url, request)
    assert (answer.status, answer.body, answer.closed) == (400, b"Invalid HTTP request received.", True)


@pytest.mark.parametrize("value", HOSTILE_QUERY_NUMBERS)
def test_a_malformed_limit_is_400_naming_the_parameter(provider: ProviderServer, workstation: Workstation,
                                                       value: str):
    answer = httpx.get(f"{provider.url}/bundles?limit={value}", headers=_auth(workstation))
    assert answer.status_code == 400
    assert answer.json() == {"error": f"the limit query parameter {NUMBER}", "code": "malformed_number"}


@pytest.mark.parametrize("value", HOSTILE_QUERY_NUMBERS)
def test_a_malformed_wait_is_400_naming_the_parameter(provider: ProviderServer, workstation: Workstation,
                                                      upload_url: str, value: str):
    answer = httpx.get(f"{upload_url}/result?wait={value}", headers=_auth(workstation))
    assert answer.status_code == 400
    assert answer.json() == {"error": f"the wait query parameter {NUMBER}", "code": "malformed_number"}


@pytest.mark.parametrize(("query", "reason"), [
    ("limit=0", "the limit query parameter must be from 1 to 1000"),
    ("limit=1001", "the limit query parameter must be from 1 to 1000"),
    ("limit=5&limit=6", "the limit query parameter is given 2 times: send it once"),
])
def test_a_limit_out_of_range_is_400(provider: ProviderServer, workstation: Workstation, query: str,
                                     reason: str):
    answer = httpx.get(f"{provider.url}/bundles?{query}", headers=_auth(workstation))
    assert answer.status_code == 400 and answer.json()["error"] == reason


def test_a_wait_out_of_range_is_400(provider: ProviderServer, workstation: Workstation, upload_url: str):
    answer = httpx.get(f"{upload_url}/result?wait=61", headers=_auth(workstation))
    assert answer.status_code == 400
    assert answer.json()["error"] == "the wait query parameter must be from 0 to 60"
    assert httpx.get(f"{upload_url}/result?wait=0", headers=_auth(workstation)).status_code == 200


# ---------------------------------------------------------------- JSON bodies
def test_deeply_nested_json_is_400(provider: ProviderServer):
    answer = httpx.post(f"{provider.url}/auth/token", content=b"[" * 60_000,
                        headers={"Content-Type": "application/json"})
    assert answer.status_code == 400
    assert answer.json() == {"error": "the request body's JSON is nested too deeply"}


def test_a_declared_oversize_json_body_is_413_before_it_is_read(provider: ProviderServer):
    request = (f"POST /auth/token HTTP/1.1\r\nHost: {host(provider.url)}\r\n"
               f"Content-Type: application/json\r\nContent-Length: {64 * 1024 + 1}\r\n\r\n").encode()
    answer = exchange(provider.url, request)  # and no body at all
    assert answer.status == 413 and answer.json() == TOO_LARGE_JSON


def test_an_oversize_chunked_json_body_is_413(provider: ProviderServer):
    def pieces() -> Iterator[bytes]:
        yield b'{"key_id": "'
        for _ in range(80):
            yield b"a" * 1024

    answer = httpx.post(f"{provider.url}/enroll", content=pieces(),
                        headers={"Content-Type": "application/json"})
    assert answer.status_code == 413 and answer.json() == TOO_LARGE_JSON


def test_a_json_body_that_trickles_is_408(tmp_path: Path):
    with _server(tmp_path, json_body_timeout_s=0.3) as server:
        request = (f"POST /auth/token HTTP/1.1\r\nHost: {host(server.url)}\r\n"
                   "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                   "{\"key_id\": ").encode()  # 11 of the 100 bytes, then nothing
        answer = exchange(server.url, request)
        assert answer.status == 408
        assert answer.json() == {"error": "the request body did not arrive within 0.3 s",
                                 "code": "body_timeout"}


# ---------------------------------------------------------------- the provider's own faults
def test_an_unexpected_error_is_a_503_with_an_incident_never_a_500(
        provider: ProviderServer, workstation: Workstation, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture):
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret detail of /srv/provider")

    monkeypatch.setattr(provider.service.importer, "set_digest", broken)
    with caplog.at_level(logging.ERROR, logger="assessor_app.provider.api"):
        answer = httpx.post(f"{provider.url}/reconcile", json={"digest": "x"}, headers=_auth(workstation))
    assert answer.status_code == 503 and answer.headers["retry-after"] == "60"
    body = answer.json()
    assert re.fullmatch(r"[0-9a-f]{12}", body["incident"]) and body["code"] == "provider_incident"
    assert body["error"] == (
        f"The provider met an unexpected error (incident {body['incident']}); it is recorded in the "
        "provider's log. This is the provider's fault, not the request's: try again later, and quote the "
        "incident to the provider if it persists.")
    assert "secret detail" not in answer.text and "Traceback" not in answer.text
    logged = [r for r in caplog.records if body["incident"] in r.getMessage()]
    assert len(logged) == 1 and logged[0].exc_info is not None
    assert logged[0].exc_info[0] is RuntimeError  # the traceback is in the provider's log
    assert httpx.get(f"{provider.url}/health").status_code == 200


def test_an_unexpected_error_on_head_puts_the_incident_in_a_header(
        provider: ProviderServer, workstation: Workstation, monkeypatch: pytest.MonkeyPatch):
    def broken(*_args: object) -> None:
        raise KeyError("bug")

    monkeypatch.setattr(provider.service, "owned_upload", broken)
    answer = httpx.head(f"{provider.url}/files/{'a' * 32}", headers={**_auth(workstation), **TUS})
    assert answer.status_code == 503 and answer.headers["retry-after"] == "60"
    assert answer.headers["tus-resumable"] == "1.0.0"
    assert re.fullmatch(r"The provider met an unexpected error \(incident [0-9a-f]{12}\); .* persists\.",
                        answer.headers["assessor-error"])


def test_a_database_fault_is_503_without_the_statement(provider: ProviderServer, workstation: Workstation,
                                                       monkeypatch: pytest.MonkeyPatch):
    def locked(*_args: object) -> None:
        raise OperationalError("SELECT device FROM access_tokens WHERE token = ?", ("tok-secret",),
                               sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(provider.service.registry, "authenticate", locked)
    answer = httpx.get(f"{provider.url}/bundles", headers=_auth(workstation))
    assert answer.status_code == 503 and answer.headers["retry-after"] == "60"
    assert answer.json() == {
        "error": "The provider cannot do this right now because its database is busy (database is locked). "
                 "This is the provider's fault, not the request's: try again later.",
        "code": "provider_storage"}


def test_a_refusal_with_a_code_carries_it(provider: ProviderServer, workstation: Workstation):
    answer = httpx.get(f"{provider.url}/bundles?limit=x", headers=_auth(workstation))
    assert answer.json()["code"] == "malformed_number"
    plain = httpx.post(f"{provider.url}/auth/token", content=b"not json")
    assert plain.status_code == 400 and plain.json() == {"error": "the request body is not JSON"}


# ---------------------------------------------------------------- attempts per address
TOO_MANY = "too many enrollment and sign-in attempts from this address: try again in {} s"


def _attempt(url: str, path: str = "/auth/token", forwarded: str | None = None) -> httpx.Response:
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return httpx.post(f"{url}{path}", json={}, headers=headers)


def test_sign_in_and_enrollment_attempts_are_counted_per_address(tmp_path: Path):
    with _server(tmp_path, auth_attempts_burst=3, auth_attempts_per_minute=1) as server:
        assert [_attempt(server.url).status_code for _ in range(3)] == [422, 422, 422]
        for path in ("/auth/token", "/enroll", "/assessors/bind"):  # one count for all three
            refused = _attempt(server.url, path)
            wait = int(refused.headers["retry-after"])
            assert refused.status_code == 429 and 1 <= wait <= 60
            assert refused.json() == {"error": TOO_MANY.format(wait), "code": "too_many_attempts"}
        # X-Forwarded-For from anyone is not believed: still this socket's address
        assert _attempt(server.url, forwarded="198.51.100.7").status_code == 429
        assert httpx.get(f"{server.url}/health").status_code == 200  # other requests are not counted


def test_a_trusted_proxy_names_the_client_address(tmp_path: Path):
    with _server(tmp_path, auth_attempts_burst=2, auth_attempts_per_minute=1,
                 trusted_proxies=("127.0.0.1",)) as server:
        first = "198.51.100.7"
        assert [_attempt(server.url, forwarded=first).status_code for _ in range(3)] == [422, 422, 429]
        assert _attempt(server.url, forwarded=f"203.0.113.9, {first}").status_code == 429  # the proxy's hop
        assert _attempt(server.url, forwarded="198.51.100.8").status_code == 422  # another client
        assert _attempt(server.url).status_code == 422  # the proxy itself, counted as itself


def test_an_untrusted_proxy_address_is_refused_at_start(tmp_path: Path):
    from assessor_app.provider.store import ProviderError

    server = _server(tmp_path, trusted_proxies=("proxy.local",))
    try:
        with pytest.raises(ProviderError, match=r"trusted proxy 'proxy\.local' is not an IP address "):
            server.start()
    finally:
        server.close()


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_attempt_limiter_refills_and_says_when():
    clock = _Clock()
    limiter = AttemptLimiter(burst=2, per_minute=6, max_addresses=100, clock=clock)
    assert [limiter.attempt("192.0.2.1") for _ in range(3)] == [0, 0, 10]
    clock.now += 5
    assert limiter.attempt("192.0.2.1") == 5  # half a token back: five more seconds
    clock.now += 5
    assert limiter.attempt("192.0.2.1") == 0
    assert limiter.attempt("192.0.2.2") == 0  # another address, its own bucket
    assert AttemptLimiter(burst=0, per_minute=0, max_addresses=1).attempt("192.0.2.1") == 0  # off


def test_the_attempt_limiter_keeps_a_bounded_number_of_addresses():
    limiter = AttemptLimiter(burst=1, per_minute=1, max_addresses=3, clock=_Clock())
    for i in range(1000):
        limiter.attempt(f"10.0.{i // 256}.{i % 256}")
    assert len(limiter) == 3


def test_ipv6_addresses_are_counted_by_their_64_prefix():
    assert address_key("2001:db8:1:2:aaaa::1") == address_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    assert address_key("::ffff:192.0.2.1") == "192.0.2.1"
    assert address_key(None) == "unknown" and address_key("testclient") == "testclient"


# ---------------------------------------------------------------- limits per workstation
def test_a_workstation_has_a_limited_number_of_unfinished_uploads(tmp_path: Path):
    with _server(tmp_path, max_open_uploads_per_device=2) as server:
        ws = enroll(server, tmp_path / "ws")
        first = _create(server.url, ws, 100, "bundle-1")
        assert first.status_code == 201 and _create(server.url, ws, 100, "bundle-2").status_code == 201
        refused = _create(server.url, ws, 100, "bundle-3")
        assert refused.status_code == 429 and refused.headers["retry-after"] == "3600"
        assert refused.json() == {
            "error": "this workstation has 2 unfinished uploads, the most this provider keeps open for one "
                     f"workstation: {HOW}", "code": "too_many_open_uploads"}
        again = _create(server.url, ws, 100, "bundle-1")  # resuming one already open always passes
        assert again.status_code == 201 and again.headers["location"] == first.headers["location"]
        assert httpx.delete(first.headers["location"], headers={**_auth(ws), **TUS}).status_code == 204
        assert _create(server.url, ws, 100, "bundle-3").status_code == 201
        other = enroll(server, tmp_path / "other")  # another workstation has its own count
        assert _create(server.url, other, 100, "bundle-9").status_code == 201
        ws.client.close()
        other.client.close()


def test_a_workstation_has_a_limited_number_of_open_bytes(tmp_path: Path):
    with _server(tmp_path, max_open_upload_bytes_per_device=1000) as server:
        ws = enroll(server, tmp_path / "ws")
        alone = _create(server.url, ws, 1001)
        assert alone.status_code == 413 and "retry-after" not in alone.headers
        assert alone.json() == {"error": "the upload of 1001 bytes is larger than the 1000 bytes this "
                                         "provider keeps open for one workstation",
                                "code": "upload_too_large"}
        assert _create(server.url, ws, 600).status_code == 201
        refused = _create(server.url, ws, 600)
        assert refused.status_code == 429 and refused.headers["retry-after"] == "3600"
        assert refused.json() == {
            "error": "this workstation's unfinished uploads already declare 600 bytes; with 600 more they "
                     f"would pass the 1000 bytes this provider keeps open for one workstation: {HOW}",
            "code": "open_upload_bytes"}
        ws.client.close()


# ---------------------------------------------------------------- abandoned uploads
class _WallClock:
    """The provider's clock (microseconds), moved on by the test."""

    def __init__(self) -> None:
        self.offset_us = 0

    def __call__(self) -> int:
        return now_us() + self.offset_us


DAY_US = 86_400 * 10**6


def _set_status(service: ProviderService, upload_id: str, status: str) -> None:
    with service.store.writer.begin() as conn:
        conn.execute(update(Upload).where(Upload.id == upload_id).values(status=status))


def _ids(service: ProviderService) -> set[str]:
    with service.store.engine.connect() as conn:
        return set(conn.execute(select(Upload.id)).scalars())


@pytest.fixture
def clocked(tmp_path: Path) -> Iterator[tuple[ProviderServer, _WallClock, Workstation]]:
    clock = _WallClock()
    # tokens that outlive the days the clock is moved on by: the workstation signs in once
    service = ProviderService(ProviderConfig(tmp_path / "provider", token_ttl_s=30 * 86_400), clock=clock)
    server = ProviderServer(service=service).start()
    ws = enroll(server, tmp_path / "ws")
    yield server, clock, ws
    ws.client.close()
    server.close()


def test_abandoned_uploads_expire_and_finished_ones_are_never_touched(
        clocked: tuple[ProviderServer, _WallClock, Workstation]):
    server, clock, ws = clocked
    service = server.service
    ids = [_create(server.url, ws, 100).headers["location"].rsplit("/", 1)[1] for _ in range(4)]
    abandoned, importing, imported, recent = ids
    _set_status(service, importing, "importing")
    _set_status(service, imported, "imported")
    orphan = service.store.upload_path("f" * 32)
    orphan.touch()  # a creation cut short between its file and its row
    stranger = service.store.uploads_dir / "notes.txt"
    stranger.write_text("not the provider's")
    clock.offset_us = 7 * DAY_US - 60 * 10**6
    assert service.expire_abandoned_uploads() == 0  # a day short of seven is not abandoned
    patched = httpx.patch(f"{server.url}/files/{recent}", content=b"x" * 10, headers={
        **_auth(ws), **TUS, "Upload-Offset": "0", "Content-Type": OFFSET_TYPE})
    assert patched.status_code == 204  # a confirmed byte: its seven days start again
    clock.offset_us = 7 * DAY_US + 60 * 10**6
    assert service.expire_abandoned_uploads() == 2  # the abandoned upload and the orphan file
    assert _ids(service) == {importing, imported, recent}
    assert not service.store.upload_path(abandoned).exists() and not orphan.exists()
    assert service.store.upload_path(importing).exists() and service.store.upload_path(recent).exists()
    assert stranger.exists()


def test_abandoned_uploads_are_removed_when_the_provider_starts(
        clocked: tuple[ProviderServer, _WallClock, Workstation]):
    server, clock, ws = clocked
    upload_id = _create(server.url, ws, 100).headers["location"].rsplit("/", 1)[1]
    server.stop()
    clock.offset_us = 8 * DAY_US
    server.start()  # the first cleanup runs before the provider answers anything
    assert _ids(server.service) == set() and not server.service.store.upload_path(upload_id).exists()


def test_abandoned_uploads_are_removed_periodically_and_the_cleanup_stops_with_the_server(tmp_path: Path):
    clock = _WallClock()
    config = ProviderConfig(tmp_path / "provider", upload_cleanup_interval_s=0.05)
    server = ProviderServer(service=ProviderService(config, clock=clock)).start()
    try:
        ws = enroll(server, tmp_path / "ws")
        upload_id = _create(server.url, ws, 100).headers["location"].rsplit("/", 1)[1]
        ws.client.close()
        clock.offset_us = 8 * DAY_US
        part = server.service.store.upload_path(upload_id)
        deadline = time.monotonic() + 20
        while (part.exists() or _ids(server.service)) and time.monotonic() < deadline:
            time.sleep(0.01)  # waiting for the cleanup thread's next pass, bounded
        assert _ids(server.service) == set() and not part.exists()
        server.stop()
        assert not any(t.name == "provider-cleanup" for t in threading.enumerate())
    finally:
        server.close()
