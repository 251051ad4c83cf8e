"""A derived proxy plays in Debian's Chromium: metadata loads and a seek lands, over Range requests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from video_support import SEGMENT_S, record_segments

from assessor_app.provider.media.proxy import derive_proxy
from assessor_app.provider.media.segments import WEBM, range_file_response
from assessor_app.provider.media.settings import ProxySettings
from assessor_app.provider.server import bind

PAGE = '<!doctype html><title>proxy</title><video id="v" preload="metadata" src="/proxy"></video>'


@pytest.fixture
def served_proxy(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    source = record_segments(tmp_path / "seg", 1)[0].path
    proxy = derive_proxy(source, tmp_path / "proxy.webm", ProxySettings())
    ranges: list[str] = []

    async def page(request: Request) -> Response:
        return HTMLResponse(PAGE)

    async def video(request: Request) -> Response:
        ranges.append(request.headers.get("range", ""))
        return range_file_response(request, proxy.path, WEBM, sha256=proxy.sha256)

    app = Starlette(routes=[Route("/", page), Route("/proxy", video, methods=["GET", "HEAD"])])
    sock = bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:  # uvicorn offers no event for this: a bounded poll
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.005)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/", ranges
    server.should_exit = True
    thread.join(20)
    sock.close()


def test_the_proxy_reaches_loadedmetadata_and_seeks_in_chromium(served_proxy: tuple[str, list[str]],
                                                                browser: Any):
    url, ranges = served_proxy
    context = browser.new_context()  # of the run's one chromium (tests/conftest.py)
    try:
        page = context.new_page()
        page.goto(url)
        kind = 'video/webm; codecs="vp9"'
        assert page.evaluate("k => document.getElementById('v').canPlayType(k)", kind)
        meta = page.evaluate("""() => new Promise((resolve, reject) => {
            const v = document.getElementById('v');
            const done = () => resolve(
                {duration: v.duration, width: v.videoWidth, height: v.videoHeight});
            if (v.readyState >= 1) done();
            v.addEventListener('loadedmetadata', done);
            v.addEventListener('error', () => reject(new Error('media error ' + v.error.code)));
        })""")
        assert meta["width"] == 320 and meta["height"] == 240
        assert meta["duration"] == pytest.approx(SEGMENT_S, abs=0.2)
        landed = page.evaluate("""() => new Promise((resolve, reject) => {
            const v = document.getElementById('v');
            v.addEventListener('seeked', () => resolve(v.currentTime), {once: true});
            v.addEventListener('error', () => reject(new Error('media error ' + v.error.code)));
            v.currentTime = 1.0;
        })""")
        assert landed == pytest.approx(1.0, abs=0.15)
    finally:
        context.close()
    assert any(r.startswith("bytes=") for r in ranges)  # the browser asked by range and was answered
