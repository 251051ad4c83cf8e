"""Request heads from strangers, over raw sockets: too many headers, too many bytes, too slow."""

from __future__ import annotations

import select
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from raw_http import connect, exchange, host, read_answer

from assessor_app.provider.server import ProviderServer
from assessor_app.provider.store import ProviderConfig


def _get(server: ProviderServer, headers: bytes, target: str = "/health") -> bytes:
    return f"GET {target} HTTP/1.1\r\nHost: {host(server.url)}\r\n".encode() + headers + b"\r\n"


@pytest.fixture
def slow_heads(tmp_path: Path) -> Iterator[ProviderServer]:
    server = ProviderServer(config=ProviderConfig(tmp_path / "provider", request_head_timeout_s=0.5)).start()
    yield server
    server.close()


def test_a_head_within_the_limits_is_answered(provider: ProviderServer):
    headers = b"".join(f"X-Note-{i}: {'v' * 100}\r\n".encode() for i in range(60))
    answer = exchange(provider.url, _get(provider, headers + b"Connection: close\r\n"))
    assert answer.status == 200 and answer.json()["status"] == "ok"


def test_too_many_headers_are_431(provider: ProviderServer):
    headers = b"".join(f"X-Note-{i}: 1\r\n".encode() for i in range(65))
    answer = exchange(provider.url, _get(provider, headers))
    assert (answer.status, answer.closed) == (431, True)
    assert answer.json() == {"error": "the request has more than 64 headers"}


def test_a_head_too_large_in_one_piece_is_431(provider: ProviderServer):
    answer = exchange(provider.url, _get(provider, b"X-Note: " + b"v" * 20_000 + b"\r\n"))
    assert (answer.status, answer.closed) == (431, True)
    assert answer.json() == {"error": "the request head is larger than 16384 bytes"}


def test_a_url_too_long_is_414(provider: ProviderServer):
    answer = exchange(provider.url, _get(provider, b"", target="/health?x=" + "y" * 20_000))
    assert (answer.status, answer.closed) == (414, True)
    assert answer.json() == {"error": "the request URL is longer than 16384 bytes"}


def test_an_endless_header_is_cut_at_the_limit_not_held_in_memory(provider: ProviderServer):
    sock = connect(provider.url)
    with sock:
        sock.sendall(f"GET /health HTTP/1.1\r\nHost: {host(provider.url)}\r\nX-Endless: ".encode())
        sent = 0
        try:
            while sent < 64 * 1024 * 1024:  # never ending the header; the provider must stop first
                sock.sendall(b"v" * 4096)
                sent += 4096
                if select.select([sock], [], [], 0)[0]:
                    break  # the provider answered
        except (BrokenPipeError, ConnectionResetError):
            pass  # it closed the connection under us: its answer may still be readable
        answer = read_answer(sock)
    assert (answer.status, answer.closed) == (431, True)
    assert answer.json() == {"error": "the request head is larger than 16384 bytes"}
    assert sent < 64 * 1024 * 1024


def test_a_head_trickled_a_byte_at_a_time_is_cut_after_the_timeout(slow_heads: ProviderServer):
    head = _get(slow_heads, b"X-Padding: " + b"p" * 400 + b"\r\n")
    sent = 0
    with connect(slow_heads.url) as sock:
        while sent < len(head):
            sock.sendall(head[sent:sent + 1])
            sent += 1
            if select.select([sock], [], [], 0.05)[0]:  # one byte per 50 ms unless the provider speaks
                break
        answer = read_answer(sock)
    assert sent < len(head)  # cut before the head was complete
    assert (answer.status, answer.closed) == (408, True)
    assert answer.json() == {"error": "the request head was not complete within 0.5 s"}


def test_a_connection_that_sends_nothing_is_closed_after_the_timeout(slow_heads: ProviderServer):
    with connect(slow_heads.url) as sock:
        answer = read_answer(sock)
    assert (answer.status, answer.closed) == (408, True)


def test_a_kept_alive_connection_is_not_cut_between_requests(slow_heads: ProviderServer):
    with connect(slow_heads.url) as sock:
        sock.sendall(_get(slow_heads, b""))
        assert read_answer(sock).status == 200
        # idle for longer than the head timeout (keep-alive governs this, not the head timer)
        assert select.select([sock], [], [], 1.0)[0] == []
        sock.sendall(_get(slow_heads, b"Connection: close\r\n"))
        answer = read_answer(sock)
    assert answer.status == 200 and answer.json()["status"] == "ok"


def test_a_malformed_request_line_is_still_a_plain_400(provider: ProviderServer):
    answer = exchange(provider.url, b"GET /health HTTP/1.1\r\nHost x\r\n\r\n")
    assert (answer.status, answer.body, answer.closed) == (400, b"Invalid HTTP request received.", True)
    with socket.create_connection(tuple(host(provider.url).split(":"))) as sock:  # type: ignore[arg-type]
        sock.sendall(_get(provider, b"Connection: close\r\n"))
        assert read_answer(sock).status == 200  # and the provider serves on
