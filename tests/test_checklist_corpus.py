"""Malformed checklist and parameter-set files: every problem as ``file:line: field: message``.

The corpus in tests/corpus/malformed holds one kind of mistake per file; malformed-expected.yaml
beside it lists,
for each file, the line and field a reader must be sent to and a part of the message. The
validator may report more (a consequence of the same mistake), never less, never a traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from assessor_app.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "malformed"
EXPECTED: dict[str, list[dict]] = yaml.safe_load(
    (CORPUS.parent / "malformed-expected.yaml").read_text(encoding="utf-8")
)
#: Wording a trainer or checklist author cannot act on: pydantic's own messages.
INTERNAL = ("Input should", "pydantic", "after validation", "Extra inputs", "Field required")


def _problem_line(path: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(path)}:\d+: .+?: .+$")


def _reported(lines: list[str], path: str, expected: dict) -> bool:
    prefix = f"{path}:{expected['line']}: {expected['field']}: "
    return any(
        line.startswith(prefix) and expected["message"] in line[len(prefix):] for line in lines
    )


def test_corpus_and_expectations_match():
    files = {
        p.name for p in CORPUS.iterdir()
        if p.suffix in (".yaml", ".yml")
    }
    assert files == set(EXPECTED)
    assert len(files) >= 35
    assert all(EXPECTED[name] for name in files), "every file expects at least one problem"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_is_reported_line_by_line(name: str, capsys):
    path = str(CORPUS / name)
    code = main(["checklist", "validate", path])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    lines = err.splitlines()
    assert lines, "no problem reported"
    pattern = _problem_line(path)
    assert all(pattern.match(line) for line in lines), err
    for expected in EXPECTED[name]:
        assert _reported(lines, path, expected), f"missing {expected} in:\n{err}"
    assert not [word for word in INTERNAL if word in err], err
    assert "0 of 1 file(s) valid" in out


@pytest.mark.slow
def test_console_command_over_the_whole_folder():
    folder = "tests/corpus/malformed"
    result = subprocess.run(
        [sys.executable, "-m", "assessor_app.cli", "checklist", "validate", folder],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) >= sum(len(problems) for problems in EXPECTED.values())
    for name, problems in EXPECTED.items():
        path = f"{folder}/{name}"
        for expected in problems:
            assert _reported(lines, path, expected), f"missing {path}: {expected}"
    assert re.search(r"^0 of \d+ file\(s\) valid$", result.stdout, re.M), result.stdout


@pytest.mark.parametrize("missing", ["no-such-checklist.yaml", "no-such-folder"])
def test_missing_path_is_a_clear_message(missing: str, tmp_path: Path, capsys):
    path = tmp_path / missing
    code = main(["checklist", "validate", str(path)])
    out, err = capsys.readouterr()
    assert code != 0
    assert f"{path}:1: (file): no such file or directory" in err.splitlines()
    assert "Traceback" not in out + err


def test_folder_without_specifications_is_a_clear_message(tmp_path: Path, capsys):
    (tmp_path / "notes.txt").write_text("not a specification\n", encoding="utf-8")
    code = main(["checklist", "validate", str(tmp_path)])
    _, err = capsys.readouterr()
    assert code != 0
    assert "no checklist or parameter-set files found" in err
