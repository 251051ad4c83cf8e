"""Generated corruptions of a sealed bundle: every one is refused, for the reason it deserves.

One demo bundle is built per module; each example corrupts a fresh writable copy of it.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor_app.core.specs.library import load_library
from assessor_app.demo import run_demo
from assessor_app.evidence.verify import verify_bundle
from assessor_app.paths import checklists_dir

SEAL = "seal/statement.dsse.json"
NAME = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=12)


@pytest.fixture(scope="module")
def sealed(tmp_path_factory) -> Path:
    result = run_demo(load_library(checklists_dir()), tmp_path_factory.mktemp("demo"),
                      say=lambda _line: None, video=False)
    assert result.bundle is not None
    return result.bundle


def _copy(sealed: Path, into: Path) -> Path:
    target = into / sealed.name
    shutil.copytree(sealed, target)
    for path in target.rglob("*"):
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return target


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def _rehash(root: Path, manifest: str) -> None:
    lines = []
    for line in (root / manifest).read_text(encoding="utf-8").splitlines():
        _digest, name = line.split("  ", 1)
        lines.append(f"{hashlib.sha256((root / name).read_bytes()).hexdigest()}  {name}\n")
    (root / manifest).write_text("".join(lines), encoding="utf-8")


def _modified(name: str) -> str:
    if name == "tagmanifest-sha256.txt":  # nothing hashes it: any line it no longer states right
        return r"tagmanifest-sha256\.txt|tag file|bundle's layout"
    return re.escape(f"{name} was modified")


def _flip(root: Path, draw) -> str:  # type: ignore[no-untyped-def]
    name = draw(st.sampled_from(_files(root)))
    data = bytearray((root / name).read_bytes())
    data[draw(st.integers(0, len(data) - 1))] ^= draw(st.integers(1, 255))
    (root / name).write_bytes(bytes(data))
    return _modified(name)


def _truncate(root: Path, draw) -> str:  # type: ignore[no-untyped-def]
    name = draw(st.sampled_from(_files(root)))
    data = (root / name).read_bytes()
    (root / name).write_bytes(data[: draw(st.integers(0, len(data) - 1))])
    return _modified(name)


def _delete(root: Path, draw) -> str:  # type: ignore[no-untyped-def]
    name = draw(st.sampled_from(_files(root)))
    (root / name).unlink()
    return re.escape(f"{name} is missing")


def _add(root: Path, draw) -> str:  # type: ignore[no-untyped-def]
    folder = draw(st.sampled_from(["", "data/", "data/video/", "seal/", "extra/"]))
    name = folder + draw(NAME.filter(lambda n: not (root / folder / n).exists()))
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_bytes(draw(st.binary(max_size=64)))
    return re.escape(name) + r" is not (in the manifest|part of the bundle's layout)"


def _rename(root: Path, draw) -> str:  # type: ignore[no-untyped-def]
    name = draw(st.sampled_from(_files(root)))
    new = str(Path(name).with_name(draw(NAME.filter(lambda n: not (root / name).with_name(n).exists()))))
    (root / name).rename(root / new)
    return re.escape(f"{name} is missing")


def _swap_events(root: Path, draw) -> str:  # type: ignore[no-untyped-def]
    """A consistent forgery: manifests rehashed, so only the seal and the chain can tell."""
    record = json.loads((root / "data/record.json").read_text(encoding="utf-8"))
    events = record["events"]
    i = draw(st.integers(0, len(events) - 2))
    j = draw(st.integers(i + 1, len(events) - 1))
    events[i], events[j] = events[j], events[i]
    (root / "data/record.json").write_text(
        json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    _rehash(root, "manifest-sha256.txt")
    _rehash(root, "tagmanifest-sha256.txt")
    return r"seal|event chain"


def _tamper_signatures(root: Path, draw) -> str:  # type: ignore[no-untyped-def]
    envelope = json.loads((root / SEAL).read_text(encoding="utf-8"))
    sigs = envelope["signatures"]
    if draw(st.booleans()):  # each signature moved to the other key
        sigs[0]["sig"], sigs[1]["sig"] = sigs[1]["sig"], sigs[0]["sig"]
    else:
        del sigs[draw(st.integers(0, 1))]
    (root / SEAL).write_text(json.dumps(envelope, indent=1), encoding="utf-8")
    _rehash(root, "tagmanifest-sha256.txt")  # so that only the signatures can catch it
    return r"^seal: .*signatures do not verify"


CORRUPTIONS = {
    "flip": _flip, "truncate": _truncate, "delete": _delete, "add": _add, "rename": _rename,
    "swap events": _swap_events, "signatures": _tamper_signatures,
}


def test_an_untouched_copy_verifies(sealed: Path):
    with tempfile.TemporaryDirectory() as tmp:
        result = verify_bundle(_copy(sealed, Path(tmp)))
    assert result.ok, result.problems


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(CORRUPTIONS)), data=st.data())
def test_every_corruption_is_refused_for_its_reason(sealed: Path, kind: str, data: st.DataObject):
    with tempfile.TemporaryDirectory() as tmp:
        root = _copy(sealed, Path(tmp))
        reason = CORRUPTIONS[kind](root, data.draw)
        result = verify_bundle(root)
    assert not result.ok, f"{kind}: not caught"
    assert any(re.search(reason, p) for p in result.problems), (kind, reason, result.problems)
