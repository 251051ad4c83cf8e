"""The README's recipe for checking a bundle without this app works, as written."""

import re
import subprocess
import sys
from pathlib import Path

from assessor_app.core.specs.library import load_library
from assessor_app.demo import run_demo
from assessor_app.paths import checklists_dir

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_recipe_verifies_a_demo_bundle(tmp_path: Path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = re.search(r"python3 - BUNDLE <<'EOF'\n(.*?)\nEOF\n", readme, re.S)
    assert snippet, "the README's verification snippet is missing"
    bundle = run_demo(load_library(checklists_dir()), tmp_path, say=lambda _l: None, video=False).bundle
    result = subprocess.run(
        [sys.executable, "-", str(bundle)], input=snippet.group(1), capture_output=True, text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "the seal names exactly the bag's payload" in result.stdout
    identity = r"^identity: (present|withheld|embedded in the record)$"
    assert re.search(identity, result.stdout, re.M), result.stdout
    bag = subprocess.run(
        [str(Path(sys.executable).with_name("bagit.py")), "--validate", str(bundle)],
        capture_output=True, text=True, timeout=120,
    )
    assert bag.returncode == 0 and "is valid" in bag.stderr, bag.stderr
