"""What the red-team tests share besides fixtures: the genuine bundle's record and the command."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from assessor_app.evidence.keys import SigningKey


def stub_pdf(*_args: object, **_kwargs: object) -> bytes:
    return b"%PDF-1.4\n% the record's rendering is not what these tests are about\n%%EOF\n"


@dataclass(frozen=True)
class Genuine:
    folder: Path
    archive: Path
    device: SigningKey
    assessor: SigningKey

    @property
    def bundle_id(self) -> str:
        return self.folder.name


def run_verify(path: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``assessor verify PATH`` as a person runs it."""
    return subprocess.run([str(Path(sys.executable).with_name("assessor")), "verify", str(path)],
                          capture_output=True, text=True, timeout=120, env=env)


def assert_refused_by_command(path: Path, reason: str) -> None:
    """The command fails (status 1) printing the reason, and nothing anywhere is a traceback."""
    done = run_verify(path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"FAIL {reason}" in done.stderr.splitlines(), done.stderr
    assert "NOT VERIFIED" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
