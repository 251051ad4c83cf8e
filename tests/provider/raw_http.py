"""HTTP/1.1 over a plain socket, for requests no well-behaved client would send."""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit


@dataclass
class RawAnswer:
    status: int
    headers: dict[str, str]
    body: bytes
    closed: bool  # the server closed the connection after this answer

    def json(self) -> Any:
        return json.loads(self.body)


def connect(url: str, timeout: float = 15.0) -> socket.socket:
    address = urlsplit(url)
    assert address.hostname is not None and address.port is not None
    return socket.create_connection((address.hostname, address.port), timeout=timeout)


def read_answer(sock: socket.socket) -> RawAnswer:
    """One response: its head, then Content-Length bytes of body (or all until the server closes)."""
    data = b""
    while b"\r\n\r\n" not in data:
        piece = sock.recv(65536)
        if not piece:
            raise ConnectionError(f"the server closed the connection without an answer (got {data!r})")
        data += piece
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    closed = False
    if "content-length" in headers:
        size = int(headers["content-length"])
        while len(rest) < size:
            piece = sock.recv(65536)
            if not piece:
                break
            rest += piece
    if headers.get("connection", "").lower() == "close":
        while piece := sock.recv(65536):
            rest += piece
        closed = True
    return RawAnswer(status, headers, rest, closed)


def exchange(url: str, request: bytes) -> RawAnswer:
    """Send ``request`` on a new connection and read the one answer."""
    with connect(url) as sock:
        sock.sendall(request)
        return read_answer(sock)


def host(url: str) -> str:
    return urlsplit(url).netloc
