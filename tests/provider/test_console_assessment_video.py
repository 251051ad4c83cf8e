"""The video of each step on the assessment page: "being prepared" until the web proxy is made, then a
<video> per step opening at the step's start (a #t= fragment: no script needed), the proxy served
with Range, and in a real browser the video reaches loadedmetadata and the seek buttons move it to
another step's start."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from console_assessment_support import HeldDemo, held_demo
from console_support import PASSWORD, client_for, make_service

from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService

pytest.importorskip("assessor_app.provider.media.segments", reason="this build has no web proxies")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> HeldDemo:
    return held_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def served(demo: HeldDemo) -> Iterator[ProviderServer]:
    """The demo's provider, serving; the proxies of the first two segments made (not all: each
    minute of video costs seconds to derive), the background worker stopped."""
    server = ProviderServer(service=make_service(demo.folder)).start()
    server.service.derivations.stop()
    yield server
    server.close()


def _derive(service: ProviderService, segments: int) -> None:
    made: list[object] = []
    service.derivations.run_pending(on_item=made.append, should_stop=lambda: len(made) >= segments)


def _page(demo: HeldDemo) -> str:
    return f"/console/assessments/{demo.device}/{demo.bundle_id}"


def test_video_is_being_prepared_then_playable_at_each_steps_start(served: ProviderServer, demo: HeldDemo):
    service = served.service
    client = client_for(service, "auditor")
    service.derivations.enqueue_bundle(demo.bundle_id, demo.device)
    before = client.get(_page(demo)).text
    assert "being prepared" in before and "<video" not in before
    assert before.count('class="download-video"') == before.count("proxy-pending")
    _derive(service, 2)
    after = client.get(_page(demo)).text
    videos = re.findall(r'<video id="video-(\d+)-\d+"[^>]*\n?\s*src="([^"]+)"', after)
    assert videos, "the steps in the derived segments play"
    assert "proxy-pending" in after and "proxy-failed" not in after  # the later segments are still owed
    for _step, src in videos:
        assert re.search(r"/proxy/seg-\d{6}\.ts#t=\d+\.\d\d$", src), src
    first = videos[0][1].split("#", 1)[0]
    whole = client.get(first)
    assert whole.status_code == 200 and whole.headers["content-type"].startswith("video/webm")
    part = client.get(first, headers={"Range": "bytes=0-99"})
    assert part.status_code == 206 and part.content == whole.content[:100]
    assert 'data-seek="' in after and "hidden" in after  # seek buttons, shown by the script


def test_in_a_browser_a_steps_video_loads_and_the_seek_button_moves_it(served: ProviderServer,
                                                                       demo: HeldDemo, browser: Any):
    _derive(served.service, 2)
    context = browser.new_context()  # of the run's one chromium (tests/conftest.py)
    try:
        page = context.new_page()
        blocked: list[str] = []
        page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text
                else None)
        page.goto(f"{served.url}/console/login")
        page.fill("input[name=name]", "auditor")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.goto(served.url + _page(demo))
        button = page.locator("button[data-seek]").first
        button.wait_for(state="visible")  # the page's script ran (no inline script: the CSP allows it)
        step_start = float(button.get_attribute("data-seek") or "nan")
        page.wait_for_function("() => document.querySelector('video').readyState >= 1", timeout=60_000)
        video = "document.querySelector('video')"
        assert page.evaluate(f"() => {video}.duration") > step_start
        # the #t= fragment opened it at the step's start, without any script
        assert abs(page.evaluate(f"() => {video}.currentTime") - step_start) < 0.5
        page.evaluate(f"() => {{ {video}.currentTime = 0; }}")
        button.click()
        page.wait_for_function(f"() => Math.abs({video}.currentTime - {step_start}) < 0.5",
                               timeout=10_000)
        assert not blocked, blocked
    finally:
        context.close()
