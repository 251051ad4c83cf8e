"""Independent verification of a sealed bundle: what it proves, or the precise reason it fails.

Nothing in the bundle is executed or trusted before it is checked: paths are validated before
any file is opened, links are refused, and the record is only parsed after its hash matched.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from assessor_app.core.engine import ReplayError, replay
from assessor_app.core.events import ChainError, Event, verify_chain
from assessor_app.core.specs.loader import checklist_from_source, parameter_set_from_source
from assessor_app.evidence.archive import open_archive
from assessor_app.evidence.bundle import (
    ASSESSOR_PUB,
    BAGIT_TXT,
    DEVICE_PUB,
    RECORD_PDF,
    SEAL_FILE,
    BundleError,
)
from assessor_app.evidence.seal import SealError, public_key, verify_seal

RECORD_NAME = re.compile(r"assessment-record\.[a-z]{2}\.pdf")
TAG_FILES = {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", SEAL_FILE, DEVICE_PUB, ASSESSOR_PUB}


@dataclass
class Verification:
    proved: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()  # no per-chunk copies


def _safe_name(name: str) -> bool:
    p = PurePosixPath(name)
    return (bool(name) and not p.is_absolute() and ".." not in p.parts and "\\" not in name
            and not any(ord(c) < 32 or ord(c) == 127 for c in name))


def _read_manifest(path: Path, what: str, out: Verification) -> dict[str, str]:
    entries: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        out.problems.append(f"{what} is not UTF-8 text")
        return entries
    if text and not text.endswith("\n"):
        out.problems.append(f"{what} does not end with a newline")
    # lines end with LF only: CR, VT, FF and the like are not line breaks but unsafe characters
    for n, line in enumerate(text.split("\n")[:-1] if text else [], 1):
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
            out.problems.append(f"{what} line {n} is malformed")
        elif not _safe_name(name):
            out.problems.append(f"{what} line {n} names an unsafe path {name!r}")
        elif name in entries:
            out.problems.append(f"{what} lists {name} twice")
        else:
            entries[name] = digest
    return entries


def verify_bundle(root: Path) -> Verification:
    """Check a bundle directory completely; never stops at the first problem it can report."""
    out = Verification()
    if not root.is_dir():
        out.problems.append(f"{root} is not a bundle folder")
        return out
    files: set[str] = set()
    for path in root.rglob("*"):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            out.problems.append(f"{rel} is a link: bundles hold plain files only")
        elif path.is_file():
            files.add(rel)
    if out.problems:
        return out
    for name in ("bagit.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", "bag-info.txt"):
        if name not in files:
            out.problems.append(f"{name} is missing: not a complete BagIt bag")
    if out.problems:
        return out
    if (root / "bagit.txt").read_bytes() != BAGIT_TXT.encode():
        out.problems.append("bagit.txt is not a BagIt 1.0 declaration")

    manifest = _read_manifest(root / "manifest-sha256.txt", "manifest-sha256.txt", out)
    payload = {f for f in files if f.startswith("data/")}
    for name in sorted(set(manifest) - payload):
        out.problems.append(f"payload file {name} is missing")
    for name in sorted(payload - set(manifest)):
        out.problems.append(f"payload file {name} is not in the manifest (added or renamed)")
    present = sorted(set(manifest) & payload)
    # hashlib releases the GIL on large buffers: one thread per core hashes files side by side
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        digests = dict(zip(present, pool.map(lambda n: _sha256(root / n), present), strict=True))
    for name in present:
        if digests[name] != manifest[name]:
            out.problems.append(f"payload file {name} was modified (SHA-256 differs)")
    tags = _read_manifest(root / "tagmanifest-sha256.txt", "tagmanifest-sha256.txt", out)
    others = files - payload - {"tagmanifest-sha256.txt"}
    for name in sorted(others - set(tags)):
        out.problems.append(f"file {name} is not part of the bundle's layout")
    for name in sorted(set(tags) - others):
        out.problems.append(f"tag file {name} is missing")
    for name in sorted(set(tags) & others):
        if _sha256(root / name) != tags[name]:
            out.problems.append(f"tag file {name} was modified (SHA-256 differs)")
    for name in sorted(TAG_FILES - files):
        out.problems.append(f"{name} is missing")
    if out.problems:
        return out
    size = sum((root / n).stat().st_size for n in manifest)
    out.proved.append(f"bag complete: {len(manifest)} payload files, {size} bytes, every SHA-256 correct")

    try:
        keys = [public_key((root / n).read_text(encoding="utf-8")) for n in (DEVICE_PUB, ASSESSOR_PUB)]
        sealed = verify_seal(json.loads((root / SEAL_FILE).read_text(encoding="utf-8")), keys, 2)
    except (SealError, ValueError) as exc:
        out.problems.append(f"seal: {exc}")
        return out
    device_fp, assessor_fp = keys[0].keyid, keys[1].keyid
    out.proved.append(f"sealed by workstation key {device_fp} and assessor key {assessor_fp}")
    records = sorted(n for n in sealed.files if RECORD_NAME.fullmatch(n))
    sealed_payload = {n: d for n, d in sealed.files.items() if n.startswith("data/")}
    sealed_records = {n: d for n, d in sealed.files.items() if not n.startswith("data/")}
    if sealed_payload != manifest:
        out.problems.append("the seal names other files or hashes than the manifest")
    present_records = {n for n in tags if RECORD_NAME.fullmatch(n)}
    for name in sorted(set(sealed_records) | present_records):
        if not RECORD_NAME.fullmatch(name):
            out.problems.append(f"the seal names {name}, which is not a payload file or a PDF record")
        elif name not in present_records:
            out.problems.append(f"the PDF record {name} named by the seal is missing")
        elif name not in sealed_records:
            out.problems.append(f"the PDF record {name} is not named by the seal")
        elif sealed_records[name] != tags[name]:
            out.problems.append(f"the PDF record {name} is not the one that was sealed")
    if RECORD_PDF.format(language="en") not in present_records:
        out.problems.append("the English PDF record is missing")
    predicate = sealed.statement["predicate"]
    if predicate.get("manifest_sha256") != _sha256(root / "manifest-sha256.txt"):
        out.problems.append("the seal was made for another manifest")

    try:
        record = json.loads((root / "data/record.json").read_text(encoding="utf-8"))
        events = [Event(**{k: v for k, v in e.items()}) for e in record["events"]]
        head = verify_chain(events)
        if head != predicate.get("event_chain_head"):
            out.problems.append("the event chain's head is not the one the seal names")
        spec = checklist_from_source((root / "data/checklist.yaml").read_text(encoding="utf-8"))
        params = parameter_set_from_source((root / "data/parameters.yaml").read_text(encoding="utf-8"))
        engine = replay(spec, params, events)
    except (ChainError, ReplayError) as exc:
        out.problems.append(f"event chain: {exc}")
        return out
    except (KeyError, TypeError, ValueError) as exc:
        out.problems.append(f"the assessment record cannot be read: {exc}")
        return out
    if record.get("outcome") != engine.state.outcome or predicate.get("outcome") != engine.state.outcome:
        out.problems.append("the recorded outcome is not the one the rules give")
    out.proved.append(
        f"event chain intact: {len(events)} events, head {head}; every rule decision replays"
    )
    out.proved.append(f"checklist {spec.id} {spec.version}, parameters {params.id} {params.version}; "
                      f"outcome {engine.state.outcome}")
    if records:
        out.proved.append("PDF records sealed with it: " + ", ".join(records))
    capture = record.get("capture", {})
    out.proved.append(f"capture gaps recorded: {len(capture.get('gaps', []))}; dropped frames: "
                      f"{capture.get('dropped_frames', 0)}")
    return out


def verify_path(path: Path) -> Verification:
    """Verify a bundle folder, or a bundle archive opened (after inspection) into a temporary folder."""
    if path.is_dir():
        return verify_bundle(path)
    if not path.is_file():
        return Verification(problems=[f"{path} is neither a bundle folder nor a bundle archive"])
    with tempfile.TemporaryDirectory(prefix="assessor-verify-") as tmp:
        try:
            root = open_archive(path, Path(tmp))
        except BundleError as exc:
            return Verification(problems=[f"archive: {exc}"])
        result = verify_bundle(root)
        if result.ok:
            result.proved.insert(0, f"archive {path.name}: plain files under {root.name}/ only, "
                                    f"opened without trusting it")
        return result
