"""The sync tests share the provider tests' fixtures and bundle factory (tests/provider)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "provider"))

from sync_support import fast_bundles, provider, workstation  # noqa: E402,F401
