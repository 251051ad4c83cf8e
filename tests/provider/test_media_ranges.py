"""Proxies and sealed segments are served with HTTP Range requests, over a real loopback server."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from assessor_app.provider.media.segments import WEBM, range_file_response
from assessor_app.provider.server import bind

SHA = "ab" * 32


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, bytes]]:
    """A file of 100,000 bytes served as a proxy is, and the URL of a server on loopback."""
    data = os.urandom(100_000)
    path = tmp_path / "proxy.webm"
    path.write_bytes(data)

    async def proxy(request: Request) -> Response:
        return range_file_response(request, path, WEBM, sha256=SHA)

    async def download(request: Request) -> Response:
        return range_file_response(request, path, "video/mp2t", filename="seg-000001.ts")

    app = Starlette(routes=[Route("/proxy", proxy, methods=["GET", "HEAD"]),
                            Route("/download", download, methods=["GET"])])
    sock = bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:  # uvicorn offers no event for this: a bounded poll
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.005)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", data
    server.should_exit = True
    thread.join(20)
    sock.close()


def test_a_whole_file_says_it_accepts_ranges(served: tuple[str, bytes]):
    url, data = served
    r = httpx.get(f"{url}/proxy")
    assert r.status_code == 200 and r.content == data
    assert r.headers["accept-ranges"] == "bytes" and r.headers["etag"] == f'"{SHA}"'
    assert r.headers["content-type"].startswith("video/webm") and r.headers["content-length"] == "100000"
    assert "attachment" not in r.headers.get("content-disposition", "")  # played inline
    head = httpx.head(f"{url}/proxy")
    assert head.status_code == 200 and head.content == b"" and head.headers["content-length"] == "100000"


def test_one_range_is_206_with_its_content_range(served: tuple[str, bytes]):
    url, data = served
    for asked, (start, end) in (("bytes=0-99", (0, 100)), ("bytes=99990-", (99990, 100000)),
                                ("bytes=-10", (99990, 100000)), ("bytes=50000-200000", (50000, 100000))):
        r = httpx.get(f"{url}/proxy", headers={"Range": asked})
        assert r.status_code == 206, asked
        assert r.headers["content-range"] == f"bytes {start}-{end - 1}/100000", asked
        assert r.content == data[start:end] and r.headers["content-length"] == str(end - start)


def test_a_range_past_the_end_is_416_saying_the_size(served: tuple[str, bytes]):
    url, _data = served
    r = httpx.get(f"{url}/proxy", headers={"Range": "bytes=100000-"})
    assert r.status_code == 416 and r.headers["content-range"] == "bytes */100000"


def test_if_range_gives_the_range_only_for_the_same_file(served: tuple[str, bytes]):
    url, data = served
    same = httpx.get(f"{url}/proxy", headers={"Range": "bytes=0-9", "If-Range": f'"{SHA}"'})
    assert same.status_code == 206 and same.content == data[:10]
    other = httpx.get(f"{url}/proxy", headers={"Range": "bytes=0-9", "If-Range": '"another"'})
    assert other.status_code == 200 and other.content == data


def test_several_ranges_come_as_multipart_byteranges(served: tuple[str, bytes]):
    url, data = served
    r = httpx.get(f"{url}/proxy", headers={"Range": "bytes=0-9,500-509"})
    assert r.status_code == 206 and r.headers["content-type"].startswith("multipart/byteranges; boundary=")
    assert b"Content-Range: bytes 0-9/100000" in r.content and data[500:510] in r.content
    assert b"Content-Range: bytes 500-509/100000" in r.content and data[:10] in r.content


def test_a_malformed_range_is_refused_with_a_sentence(served: tuple[str, bytes]):
    url, _data = served
    r = httpx.get(f"{url}/proxy", headers={"Range": "pages=1-2"})
    assert r.status_code == 400 and "range" in r.text.lower()


def test_the_sealed_original_downloads_as_an_attachment(served: tuple[str, bytes]):
    url, data = served
    r = httpx.get(f"{url}/download", headers={"Range": "bytes=10-19"})
    assert r.status_code == 206 and r.content == data[10:20]
    assert r.headers["content-disposition"] == 'attachment; filename="seg-000001.ts"'
    assert r.headers["content-type"] == "video/mp2t"
