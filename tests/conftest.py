"""Fixtures shared by the engine and store tests (helpers live in tests/helpers.py)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Once, for the whole suite: Qt draws offscreen, no display needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from helpers import Driver, Mini, load_mini  # noqa: E402

from assessor_app.core.clock import ManualClock  # noqa: E402


@pytest.fixture(scope="session")
def mini() -> Mini:
    """The mini checklist and its parameter set, loaded and validated once."""
    return load_mini()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def driver(mini: Mini, clock: ManualClock) -> Driver:
    """A fresh assessment on the mini checklist, driven through the pure engine."""
    return Driver(mini, clock)


@pytest.fixture(scope="session")
def demo_with_video(tmp_path_factory):
    """One scripted assessment with simulated camera, sealed: shared, so never modify its files."""
    from assessor_app.core.specs.library import load_library
    from assessor_app.demo import run_demo
    from assessor_app.paths import checklists_dir

    result = run_demo(load_library(checklists_dir()), tmp_path_factory.mktemp("demo-video"),
                      say=lambda _line: None)
    assert result.bundle is not None and result.archive is not None and result.video_segments > 0
    return result


@pytest.fixture(scope="session")
def provider_cohort(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """``assessor provider demo``'s folder, built once for the run (minutes): its cohort delivered, its
    moderation cycle with verdicts; the server is closed. Shared: add to it only what a test expects."""
    from assessor_app.demo.provider_demo import run_provider_demo
    from assessor_app.provider.service import ProviderService
    from assessor_app.provider.store import ProviderConfig

    folder = tmp_path_factory.mktemp("provider-cohort")
    lines: list[str] = []
    result, server = run_provider_demo(folder, port=0, say=lines.append)
    server.close()
    service = ProviderService(ProviderConfig(result.folder))
    try:
        held = service.importer.bundles()
        quarantined = service.importer.quarantined()
    finally:
        service.close()
    records = {}
    for row in held:
        path = Path(row.stored_path)
        records[row.bundle_id] = (
            path,
            json.loads((path / "data" / "record.json").read_text(encoding="utf-8")),
        )
    return {
        "folder": folder,
        "result": result,
        "lines": lines,
        "held": held,
        "quarantined": quarantined,
        "records": records,
    }


#: Debian's chromium, which Playwright drives through executable_path (never a downloaded browser)
CHROMIUM = os.environ.get("ASSESSOR_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless chromium for the whole run: Playwright's sync API allows one at a time per thread."""
    if not Path(CHROMIUM).is_file():
        reason = f"no chromium at {CHROMIUM} (apt install chromium; .ci/run does)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser tests must run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            yield launched
        finally:
            launched.close()
