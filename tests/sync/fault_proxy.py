"""A loopback HTTP proxy that misbehaves on purpose: cuts, delays, 5xx, duplicated requests.

One request per connection (it asks both sides to close), so every request is handled alone and
the faults are decided per request from a seeded random generator.
"""

from __future__ import annotations

import asyncio
import random
import threading
from collections import Counter

FAULTS = ("cut_request", "cut_response", "error_503", "duplicate", "delay")


class FaultProxy:
    def __init__(self, upstream_port: int, *, fault_rate: float, seed: int):
        self.upstream_port = upstream_port
        self.fault_rate = fault_rate
        self.rng = random.Random(seed)
        self.counts: Counter[str] = Counter()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the fault proxy did not start")
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()
        server.close()
        self._loop.run_until_complete(server.wait_closed())
        self._loop.close()

    def _choose(self) -> str:
        fault = self.rng.choice(FAULTS) if self.rng.random() < self.fault_rate else "pass"
        self.counts[fault] += 1
        return fault

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await _read_request(reader)
            if request is None:
                return
            fault = self._choose()
            if fault == "error_503":
                writer.write(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                             b"Connection: close\r\n\r\n")
                await writer.drain()
                return
            if fault == "cut_request":
                await self._forward(request[: self.rng.randint(1, max(1, len(request) - 1))], wait=False)
                return
            if fault == "delay":
                await asyncio.sleep(self.rng.uniform(0, 0.02))
            if fault == "duplicate":
                first, second = await asyncio.gather(self._forward(request), self._forward(request))
                response = second if self.rng.random() < 0.5 else first
            else:
                response = await self._forward(request)
            if fault == "cut_response":
                writer.write(response[: self.rng.randint(0, max(0, len(response) // 2))])
                await writer.drain()
                return
            writer.write(response)
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            return  # the client went away: nothing to relay
        finally:
            writer.close()

    async def _forward(self, request: bytes, wait: bool = True) -> bytes:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        try:
            up_writer.write(request)
            await up_writer.drain()
            return await up_reader.read(-1) if wait else b""
        finally:
            up_writer.close()


async def _read_request(reader: asyncio.StreamReader) -> bytes | None:
    """One whole request (head + Content-Length body), rewritten to ``Connection: close``."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError:
        return None
    lines = head[:-4].split(b"\r\n")
    length = 0
    kept = [lines[0]]
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        if name.strip().lower() != b"connection":
            kept.append(line)
    kept.append(b"Connection: close")
    body = await reader.readexactly(length) if length else b""
    return b"\r\n".join(kept) + b"\r\n\r\n" + body
