"""Workstation settings: one JSON file, defaults when missing or damaged, atomic writes."""

from pathlib import Path

from assessor_app import paths
from assessor_app.settings import Settings, load_settings, save_settings, settings_path


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
