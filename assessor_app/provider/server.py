"""Running the provider: uvicorn on a socket we bind ourselves (so port 0 picks a free port)."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import uvicorn

from assessor_app.provider.api import create_app
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig, ProviderError


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
    # httptools parses faster than h11 when it is installed; uvicorn falls back to h11
    return uvicorn.Config(create_app(service), http="auto", lifespan="off", access_log=access_log,
                          log_config=None, timeout_keep_alive=30)


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
        sock = bind(self.host, self._port)
        self._port = sock.getsockname()[1]  # keep the port: a restart comes back on it
        self.url = f"http://{self.host}:{self._port}"
        server = uvicorn.Server(uvicorn_config(self.service))
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
