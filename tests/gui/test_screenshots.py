"""The screenshot tool runs end to end and writes a real, distinct picture of every screen it shows."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from assessor_app.gui.screenshots import HEIGHT, SHOTS, WIDTH

ROOT = Path(__file__).resolve().parents[2]


def distinct_colours(image: QImage, step: int = 8) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step)
                for y in range(0, image.height(), step)})


def test_screenshots_of_the_main_screens(tmp_path: Path):
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "assessor_app.gui.screenshots", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(SHOTS)
    digests = set()
    for name in SHOTS:
        path = out / name
        image = QImage(str(path))
        assert not image.isNull(), name
        assert (image.width(), image.height()) == (WIDTH, HEIGHT), name
        assert distinct_colours(image) >= 8, f"{name} is (nearly) a single colour"
        digests.add(hashlib.sha256(path.read_bytes()).hexdigest())
    assert len(digests) == len(SHOTS), "two screenshots are identical"
