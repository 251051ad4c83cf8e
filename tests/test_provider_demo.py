"""``assessor provider demo``: the provider's records, a delivered bundle, a quarantined one."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor_app.cli import main
from assessor_app.demo.provider_demo import run_provider_demo
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig


def test_the_provider_demo_sets_up_delivers_and_quarantines(tmp_path: Path):
    lines: list[str] = []
    result, server = run_provider_demo(tmp_path, say=lines.append)
    try:
        assert server.url.startswith("http://127.0.0.1:")
        assert len(result.delivered) == 1
        assert len(result.quarantined) == 1
        assert "is not registered with this provider" in result.quarantined[0]
    finally:
        server.close()
    text = "\n".join(lines)
    assert "workshop garage-nord: Autokorjaamo Pohjola (FI)" in text
    assert "workshop taller-sur: Taller Eléctrico Sur (ES)" in text
    assert "assessor-03 bound their PIN-protected key" in text
    service = ProviderService(ProviderConfig(result.folder))
    try:
        held = service.importer.bundles()
        assert [b.bundle_id for b in held] == result.delivered
        assert held[0].workshop_id == "garage-nord" and held[0].assessor_id == "assessor-03"
        assert len(service.importer.quarantined()) == 1
    finally:
        service.close()


def test_the_command_sets_it_up_and_stops_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["provider", "demo", "--folder", str(tmp_path), "--port", "0", "--no-serve"]) == 0
    out = capsys.readouterr().out
    assert "Held: 1 bundle(s) from the demo workstation; quarantined: 1" in out
    assert f"assessor provider list --folder {tmp_path / 'provider'}" in out
    assert (tmp_path / "provider.log").stat().st_size > 0
