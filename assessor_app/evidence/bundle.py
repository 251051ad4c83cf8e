"""The evidence bundle: a BagIt (RFC 8493) directory holding the record, sealed.

Payload hashes are computed while each file is written (or handed over by the capture that
wrote it), never by reading the payload back, so sealing costs the same for 1 MB or 1 GB.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessor_app.core.engine import AssessmentEngine
from assessor_app.core.events import Event, canonical_json, verify_chain
from assessor_app.durable import private_dir
from assessor_app.errors import AssessorError
from assessor_app.evidence.identity import (
    FULL_RECORD_PDF,
    IDENTITY_JSON,
    identity_problem,
    keeps_identity_apart,
)
from assessor_app.evidence.keys import SigningKey
from assessor_app.evidence.record import assessment_record
from assessor_app.evidence.seal import IDENTITY_EMBEDDED, seal, statement
from assessor_app.evidence.strict_json import JsonLimits
from assessor_app.reports.pdf import EvidenceItem, SealFacts, render_record

BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
SEAL_FILE = "seal/statement.dsse.json"
DEVICE_PUB = "seal/device.pub.pem"
ASSESSOR_PUB = "seal/assessor.pub.pem"
#: The PDF record in one language: a tag file (it carries the manifest hash), named by the seal.
RECORD_PDF = "assessment-record.{language}.pdf"


class BundleError(AssessorError):
    """A bundle cannot be written, or one from outside is refused; the message says why."""


@dataclass(frozen=True)
class BundleLimits:
    """What a bundle from outside (archive or folder) may hold before it is refused unopened.

    The path limits keep every path of an accepted bundle well inside what any file system takes,
    so extracting or copying it can never fail on a name that is too long or too deep.
    """

    max_members: int = 100_000  # files and folders
    max_bytes: int = 64 * 1024**3  # 64 GiB of file data
    max_depth: int = 16  # folders below the bundle folder
    max_component_bytes: int = 255  # one file or folder name, UTF-8
    max_path_bytes: int = 1024  # a path inside the bundle folder, UTF-8
    max_pax_header_bytes: int = 64 * 1024  # one PAX extended header of an archive
    max_tag_file_bytes: int = 16 * 1024**2  # each tag file: manifests, bag-info, seal, keys
    max_record_bytes: int = 256 * 1024**2  # data/record.json
    json: JsonLimits = JsonLimits()


@dataclass(frozen=True)
class PayloadFile:
    """A file already written by a capture, with the SHA-256 it computed while writing."""

    source: Path
    name: str  # path inside data/, with forward slashes
    sha256: str
    size: int
    seconds: float | None = None  # recording length, for the evidence index


@dataclass(frozen=True)
class SealedBundle:
    path: Path
    bundle_id: str
    manifest_sha256: str  # hash of manifest-sha256.txt: names the whole payload
    files: int
    payload_bytes: int
    records: tuple[str, ...] = ()  # the PDF records, one per language of the checklist
    identity: tuple[str, ...] = ()  # the identity files (identity/...), if identity is kept apart


class _HashingWriter:
    """Write bytes to a new file, hashing on the way, fsynced when closed."""

    def __init__(self, path: Path):
        _make_folders(path.parent)
        # owner-only from the first byte; made read-only (0o400) once the bundle is sealed
        self._file = os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
        self._hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self._file.write(data)
        self._hash.update(data)
        self.size += len(data)

    def close(self) -> str:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        return self._hash.hexdigest()


def _write(path: Path, data: bytes) -> tuple[str, int]:
    writer = _HashingWriter(path)
    writer.write(data)
    return writer.close(), writer.size


def write_bundle(
    folder: Path, *, bundle_id: str, engine: AssessmentEngine, events: list[Event],
    checklist_source: str, parameters_source: str, keys: list[SigningKey],
    payload: Sequence[PayloadFile] = (),
    capture: Mapping[str, Any] | None = None,
    extra_info: Mapping[str, str] | None = None,
    identity: Mapping[str, Any] | None = None,
) -> SealedBundle:
    """Write and seal the bundle in ``folder/bundle_id``; the result is read-only.

    ``identity`` is the assessment's identity document, for an assessment that keeps identity
    apart (its first event has format 2; such an assessment needs it): it is sealed as
    ``identity/identity.json`` with the full PDF records ``identity/assessment-record.<lang>.pdf``,
    and the PDF records at the top are anonymised. Without it (an assessment whose events hold
    the names) the seal says the identity is embedded: such a bundle cannot be anonymised.
    """
    if engine.state.phase not in ("finished", "abandoned"):
        raise BundleError("only a finished or abandoned assessment can be sealed")
    started = engine.state.started
    if identity is not None:
        problem = identity_problem(identity, started)
        if problem is not None:
            raise BundleError(f"the identity of assessment {engine.state.assessment_id} cannot be sealed: "
                              f"{problem}")
    elif keeps_identity_apart(started):
        raise BundleError(f"assessment {engine.state.assessment_id} keeps its identity apart from the "
                          f"record: seal it with its identity document")
    head = verify_chain(events)
    root = folder / bundle_id
    if root.exists():
        raise BundleError(f"{root} already exists")
    private_dir(folder)
    root.mkdir(mode=0o700)
    data = root / "data"
    manifest: dict[str, str] = {}
    total = 0
    record_data = assessment_record(engine, events, capture)
    record = json.dumps(record_data, indent=1, sort_keys=True, ensure_ascii=False).encode()
    sizes: dict[str, int] = {}
    lengths = {f"data/{item.name}": item.seconds for item in payload}
    for name, content in (("record.json", record),
                          ("checklist.yaml", checklist_source.encode()),
                          ("parameters.yaml", parameters_source.encode())):
        digest, size = _write(data / name, content)
        manifest[f"data/{name}"] = digest
        sizes[f"data/{name}"] = size
        total += size
    for item in payload:
        target = data / item.name
        _make_folders(target.parent)
        os.link(item.source, target) if _same_device(item.source, target.parent) else _copy(item, target)
        manifest[f"data/{item.name}"] = item.sha256
        sizes[f"data/{item.name}"] = item.size
        total += item.size
    manifest_text = "".join(f"{manifest[n]}  {n}\n" for n in sorted(manifest)).encode()
    tags: dict[str, str] = {}
    tags["bagit.txt"] = _write(root / "bagit.txt", BAGIT_TXT.encode())[0]
    tags["manifest-sha256.txt"], _ = _write(root / "manifest-sha256.txt", manifest_text)
    info = {
        "Bagging-Date": time.strftime("%Y-%m-%d"),
        "External-Identifier": bundle_id,
        "Payload-Oxum": f"{total}.{len(manifest)}",
        "Bag-Software-Agent": "assessor-app",
        **(extra_info or {}),
    }
    tags["bag-info.txt"] = _write(
        root / "bag-info.txt", "".join(f"{k}: {v}\n" for k, v in info.items()).encode())[0]
    facts = SealFacts(bundle_id, tags["manifest-sha256.txt"], head,
                      {k.owner: k.fingerprint for k in keys})
    evidence = [EvidenceItem(n, sizes[n], manifest[n], lengths.get(n)) for n in sorted(manifest)]
    records: dict[str, str] = {}
    for language in engine.spec.languages:
        name = RECORD_PDF.format(language=language)
        pdf = render_record(record_data, engine.spec, language, evidence=evidence, seal=facts)
        records[name] = tags[name] = _write(root / name, pdf)[0]
    identity_files = _write_identity(root, identity, record_data, engine, evidence, facts)
    st = engine.state
    sealed = seal(statement({**manifest, **records}, bundle_id=bundle_id, chain_head=head, assessment={
        "assessment_id": st.assessment_id, "outcome": st.outcome,
        "checklist": st.started["checklist"], "parameter_set": st.started["parameter_set"],
        "manifest_sha256": tags["manifest-sha256.txt"],
        # bag-info.txt speaks about the assessment (who, where): signed, so verify can trust it
        "bag_info_sha256": tags["bag-info.txt"],
        "keys": {k.owner: k.fingerprint for k in keys},
        # outside the payload and the tag manifest: a copy without them still verifies
        "identity": identity_files or IDENTITY_EMBEDDED,
    }), keys)
    tags[SEAL_FILE] = _write(root / SEAL_FILE, json.dumps(sealed, indent=1).encode())[0]
    for key, name in zip(keys, (DEVICE_PUB, ASSESSOR_PUB), strict=False):
        tags[name] = _write(root / name, key.public_pem().encode())[0]
    _write(root / "tagmanifest-sha256.txt",
           "".join(f"{tags[n]}  {n}\n" for n in sorted(tags)).encode())
    _make_read_only(root)
    return SealedBundle(root, bundle_id, tags["manifest-sha256.txt"], len(manifest), total,
                        tuple(sorted(records)), tuple(sorted(identity_files)))


def _write_identity(root: Path, identity: Mapping[str, Any] | None, record: Mapping[str, Any],
                    engine: AssessmentEngine, evidence: Sequence[EvidenceItem],
                    facts: SealFacts) -> dict[str, str]:
    """The identity file and the full PDF records (names shown) under identity/; their hashes by name."""
    if identity is None:
        return {}
    files = {IDENTITY_JSON: _write(root / IDENTITY_JSON, canonical_json(dict(identity)))[0]}
    for language in engine.spec.languages:
        pdf = render_record(record, engine.spec, language, evidence=evidence, seal=facts, identity=identity)
        name = FULL_RECORD_PDF.format(language=language)
        files[name] = _write(root / name, pdf)[0]
    return files


def _same_device(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_dev == b.stat().st_dev
    except OSError:
        return False


def _copy(item: PayloadFile, target: Path) -> None:
    """Copy a capture file that lives on another disk, checking it against its capture hash."""
    writer = _HashingWriter(target)
    with open(item.source, "rb") as src:
        while chunk := src.read(1 << 20):
            writer.write(chunk)
    if writer.close() != item.sha256:
        raise BundleError(f"{item.source} changed since it was captured (hash differs)")


def _make_folders(folder: Path) -> None:
    """Create ``folder`` and any missing parents inside the bundle, owner-only (0o700)."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700)
        path.chmod(0o700)  # whatever the umask


def _make_read_only(root: Path) -> None:
    """Sealed: files owner-read-only (0o400), folders owner-only (0o700), nothing for group or others."""
    root.chmod(0o700)
    for folder, dirs, files in os.walk(root):  # the bundle was just written here: no links in it
        for name in dirs:
            os.chmod(os.path.join(folder, name), 0o700)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o400)
