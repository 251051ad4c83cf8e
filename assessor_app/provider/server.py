"""Running the provider: uvicorn on a socket we bind ourselves (so port 0 picks a free port).

uvicorn's httptools protocol (the fast one, which the sync throughput relies on) puts no bound
on a request head: llhttp has none, and httptools joins a header's pieces as they come, so a
stranger trickling one endless header grows the provider's memory, and a connection that never
finishes its head is held for ever (uvicorn's only timeout is for idle keep-alive connections).
h11 bounds the head (``h11_max_incomplete_event_size``), but answers a plain 400 and has no head
timeout either. So the provider runs httptools with a small subclass (``BoundedHttpProtocol``):
the bytes of a request head on the wire and the number of its headers are counted, and a head
that passes ``max_request_head_bytes`` or ``max_request_headers`` is answered 431 (414 for the
URL alone) and the connection closed; a head not complete ``request_head_timeout_s`` after the
connection opened (or its first byte arrived, on a kept-alive connection) is answered 408 and
closed. Memory per connection stays within the head limit plus one socket read. A refused
connection is closed after a short linger (reading and dropping at most 16 head limits' worth),
so that a client still sending receives the answer instead of a reset.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import socket
import threading
import time
from pathlib import Path
from typing import Any, ClassVar

import uvicorn
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from assessor_app.provider.api import create_app
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig, ProviderError

log = logging.getLogger(__name__)


class _HeadRefused(Exception):
    """Raised from a parser callback to stop parsing a head that passed a limit."""


class BoundedHttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with bounds on the request head's size, headers and time."""

    max_head_bytes: ClassVar[int] = 16 * 1024
    max_headers: ClassVar[int] = 64
    head_timeout_s: ClassVar[float] = 20.0
    linger_s: ClassVar[float] = 2.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._in_head = True  # until the head of the first request is complete
        self._wire_bytes = self._parsed_bytes = self._header_count = 0
        self._refusal: tuple[int, str] | None = None
        self._discard_left: int | None = None  # while lingering after a refusal
        self._linger_timer: asyncio.TimerHandle | None = None
        self._head_timer: asyncio.TimerHandle | None = self.loop.call_later(
            self.head_timeout_s, self._head_timed_out)

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_timer()
        if self._linger_timer is not None:
            self._linger_timer.cancel()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._discard_left is not None:  # refused: what still comes is dropped, within a bound
            self._discard_left -= len(data)
            if self._discard_left < 0:
                self.transport.close()
            return
        if self._in_head:
            self._wire_bytes += len(data)
        super().data_received(data)  # a parser error (ours included) ends in send_400_response
        if self._in_head and self._wire_bytes > self.max_head_bytes and not self.transport.is_closing():
            # a head still incomplete past the limit: httptools would keep joining it in memory
            self._refuse(431, f"the request head is larger than {self.max_head_bytes} bytes")

    # parser callbacks: count, then let uvicorn do what it does
    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._in_head = True
        self._parsed_bytes = self._header_count = 0
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.head_timeout_s, self._head_timed_out)

    def on_url(self, url: bytes) -> None:
        self._parsed_bytes += len(url)
        if self._parsed_bytes > self.max_head_bytes:
            self._stop(414, f"the request URL is longer than {self.max_head_bytes} bytes")
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._header_count += 1
        self._parsed_bytes += len(name) + len(value) + 4
        if self._header_count > self.max_headers:
            self._stop(431, f"the request has more than {self.max_headers} headers")
        if self._parsed_bytes > self.max_head_bytes:
            self._stop(431, f"the request head is larger than {self.max_head_bytes} bytes")
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._wire_bytes = 0
        self._cancel_head_timer()
        super().on_headers_complete()

    # refusing
    def _stop(self, status: int, reason: str) -> None:
        self._refusal = (status, reason)
        raise _HeadRefused(reason)  # httptools stops parsing and raises a parser error

    def send_400_response(self, msg: str) -> None:
        if self._refusal is not None:
            self._refuse(*self._refusal)
        else:
            super().send_400_response(msg)

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self._in_head and not self.transport.is_closing():
            self._refuse(408, f"the request head was not complete within {self.head_timeout_s:g} s")

    def _cancel_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _refuse(self, status: int, reason: str) -> None:
        """Answer ``status`` with the reason and close; cut the line if a response is under way."""
        self._in_head = False
        self._cancel_head_timer()
        client = f"{self.client[0]}:{self.client[1]}" if self.client else "a client"
        log.info("refused the request head from %s: %s", client, reason)
        if self.cycle is not None and not self.cycle.response_complete:
            self.transport.close()  # a pipelined head: an answer now would land inside another
            return
        body = json.dumps({"error": reason}).encode("ascii")
        head = [STATUS_LINE[status]]
        for name, value in self.server_state.default_headers:
            head += [name, b": ", value, b"\r\n"]
        head += [b"content-type: application/json\r\n",
                 b"content-length: " + str(len(body)).encode("ascii") + b"\r\n",
                 b"connection: close\r\n\r\n", body]
        self.transport.write(b"".join(head))
        self._linger()

    def _linger(self) -> None:
        """Close after the answer, but first read and drop what the client is still sending, for a
        moment: closing a socket with unread bytes resets the connection, and the reset can destroy
        the answer before the client reads it (a lingering close, as other servers do)."""
        if not self.transport.can_write_eof():
            self.transport.close()
            return
        self.transport.write_eof()  # the answer, then the end of it
        self._discard_left = 16 * self.max_head_bytes
        self._linger_timer = self.loop.call_later(self.linger_s, self.transport.close)


def bounded_protocol(config: ProviderConfig) -> type[BoundedHttpProtocol]:
    """The HTTP protocol class for uvicorn, with this provider's head limits."""
    return type("ProviderHttpProtocol", (BoundedHttpProtocol,), {
        "max_head_bytes": config.max_request_head_bytes, "max_headers": config.max_request_headers,
        "head_timeout_s": config.request_head_timeout_s, "linger_s": config.refusal_linger_s})


def trusted_proxies(config: ProviderConfig) -> list[str]:
    """The configured proxy addresses, each checked: a typo must not trust the wrong host."""
    for entry in config.trusted_proxies:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise ProviderError(f"trusted proxy {entry!r} is not an IP address or network "
                                "(e.g. 127.0.0.1 or 10.0.0.0/24)") from None
    return list(config.trusted_proxies)


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ProviderError(f"the provider cannot listen on {host}:{port}: {exc.strerror}") from exc
    sock.listen(128)
    return sock


def uvicorn_config(service: ProviderService, *, access_log: bool = False) -> uvicorn.Config:
    """uvicorn for this service: bounded request heads, and proxy headers only from trusted proxies.

    The app's lifespan starts the periodic removal of abandoned uploads and stops it.
    """
    config = service.store.config
    proxies = trusted_proxies(config)
    options: dict[str, Any] = {"proxy_headers": bool(proxies), "forwarded_allow_ips": proxies}
    return uvicorn.Config(create_app(service), http=bounded_protocol(config), lifespan="on",
                          access_log=access_log, log_config=None, timeout_keep_alive=30, **options)


class ProviderServer:
    """A provider in a background thread, for the demo and the tests; ``url`` once started."""

    def __init__(self, folder: Path | None = None, *, service: ProviderService | None = None,
                 host: str = "127.0.0.1", port: int = 0, config: ProviderConfig | None = None):
        if service is None:
            if config is None:
                assert folder is not None, "give a folder, a config or a service"
                config = ProviderConfig(folder)
            service = ProviderService(config)
        self.service = service
        self.host, self._port = host, port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._sock: socket.socket | None = None
        self.url = ""

    def start(self, timeout: float = 20.0) -> ProviderServer:
        config = uvicorn_config(self.service)  # a configuration mistake before any socket is bound
        sock = bind(self.host, self._port)
        self._port = sock.getsockname()[1]  # keep the port: a restart comes back on it
        self.url = f"http://{self.host}:{self._port}"
        server = uvicorn.Server(config)
        self._server = server
        self._thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]},
                                        name="provider-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:  # uvicorn offers no event for this: a bounded poll
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise ProviderError(f"the provider did not start on {self.url}")
            time.sleep(0.005)
        self._sock = sock  # uvicorn serves on this very socket: closed after it stops
        return self

    def stop(self, timeout: float = 20.0) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout)
            self._server = self._thread = None
            if self._sock is not None:
                self._sock.close()

    def close(self) -> None:
        self.stop()
        self.service.close()

    def __enter__(self) -> ProviderServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
