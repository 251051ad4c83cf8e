"""Workstation settings: one JSON file, defaults when missing or damaged, atomic writes."""

import json
from dataclasses import fields
from pathlib import Path

from assessor_app import paths
from assessor_app.settings import CHECKS, Settings, load_settings, save_settings, settings_path


def test_missing_file_gives_defaults(tmp_path: Path):
    assert load_settings(tmp_path / "none.json") == Settings()


def test_round_trip(tmp_path: Path):
    path = save_settings(Settings("fi", str(tmp_path / "data")), tmp_path / "s.json")
    assert load_settings(path) == Settings("fi", str(tmp_path / "data"))
    assert not path.with_suffix(".tmp").exists()


def test_damaged_or_odd_values_fall_back(tmp_path: Path):
    path = tmp_path / "s.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    path.write_text('{"language": "xx", "data_dir": 5, "extra": 1}', encoding="utf-8")
    assert load_settings(path) == Settings()


def test_data_folder_chosen_in_settings_applies_without_the_override(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "override"))
    assert settings_path() == tmp_path / "override" / "settings.json"
    save_settings(Settings("en", str(tmp_path / "chosen")))
    assert paths.data_dir() == tmp_path / "override"  # the environment wins


def test_delivery_settings_round_trip_and_default_to_keeping_copies(tmp_path: Path):
    assert Settings().sync_prune_after_receipt is False and Settings().sync_bandwidth_limit_kbps is None
    chosen = Settings(sync_prune_after_receipt=True, sync_bandwidth_limit_kbps=250)
    assert load_settings(save_settings(chosen, tmp_path / "s.json")) == chosen


def test_a_setting_of_the_wrong_type_falls_back_alone(tmp_path: Path, caplog):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"language": "fi", "sync_prune_after_receipt": "yes",
                                "sync_bandwidth_limit_kbps": True, "camera": 0}), encoding="utf-8")
    assert load_settings(path) == Settings(language="fi")  # the good value stays
    for name in ("sync_prune_after_receipt", "sync_bandwidth_limit_kbps", "camera"):
        assert name in caplog.text
    for limit in (0, -5, 2.5, "100"):
        path.write_text(json.dumps({"sync_bandwidth_limit_kbps": limit}), encoding="utf-8")
        assert load_settings(path).sync_bandwidth_limit_kbps is None
    path.write_text(json.dumps({"sync_bandwidth_limit_kbps": None, "sync_prune_after_receipt": False}),
                    encoding="utf-8")
    assert load_settings(path) == Settings()
    path.write_text("[1, 2]", encoding="utf-8")  # JSON, but not a settings object
    assert load_settings(path) == Settings()


def test_every_setting_has_a_type_check():
    assert {str(f.type) for f in fields(Settings)} <= set(CHECKS)
