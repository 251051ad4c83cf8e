"""The anonymised package a moderator gets for one sampled assessment of a cycle.

The package is a folder:

- ``bundle/``: the sealed bundle as ``evidence.anonymise`` copies it (identity withheld, verified,
  every file searched for the candidate's name and the VIN), less its raw video segments and photos:
  the record, the manifest and tag files with the seal, the checklist and parameter set, the CAN data,
  the anonymised PDF records (``assessment-record.<language>.pdf``). The manifest still lists the
  sealed hash of every file, the media left out included.
- ``media/video/<segment>.webm`` and ``media/photos/<photo>.jpg``: the face-blurred derivatives
  (media.anonymised), in place of the raw media.
- ``package.json``: every file with its SHA-256 and size, and for each derivative the sealed source
  it was made from and that source's SHA-256 as the manifest lists it, so a moderator can follow the
  chain from a blurred proxy to the seal.

Before the folder is put in place, every file in it is searched for the names in the identity file
(candidate, assessor, responsible person, signers) and the VIN; a match refuses the package. The
folder appears whole or not at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select

from assessor_app.durable import fsync_dir, private_dir
from assessor_app.evidence.anonymise import anonymise_bundle
from assessor_app.evidence.bundle import BundleError
from assessor_app.evidence.folder import open_regular, remove_tree
from assessor_app.evidence.identity import IDENTITY_JSON, read_identity_document
from assessor_app.evidence.strict_json import JsonError
from assessor_app.i18n import Msg
from assessor_app.provider.media.anonymised import (
    ANON_PROXY,
    AnonymisedMedia,
    AnonymisedMediaError,
    media_sources,
)
from assessor_app.provider.media.bundle_video import MANIFEST, BundleVideoError, read_manifest
from assessor_app.provider.models import ReceivedBundle
from assessor_app.provider.moderation import package_messages as M
from assessor_app.provider.moderation.models import ModerationCycle, SampledAssessmentRow
from assessor_app.provider.store import ProviderStore, Refused

FORMAT = "assessor-moderation-package/1"
PACKAGE_JSON = "package.json"
_CHUNK = 1 << 20
_MIN_SEARCH_CHARS = 4  # as evidence.anonymise: shorter texts match by chance


@dataclass(frozen=True)
class SampledBundle:
    cycle: str
    bundle_id: str
    device: str
    assessment_id: str


@dataclass
class PackageResult:
    path: Path
    bundle: SampledBundle
    files: int = 0
    media: int = 0
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (source name, why)


def sampled_bundle(store: ProviderStore, cycle: str, assessment: str) -> SampledBundle:
    """The sampled bundle of ``cycle`` that ``assessment`` (an assessment id or a bundle id) names;
    Refused says why there is none (no such cycle, not held, not in the sample)."""
    with store.engine.connect() as conn:
        if conn.execute(select(ModerationCycle.name).where(ModerationCycle.name == cycle)).first() is None:
            raise Refused(404, M.NO_CYCLE(cycle=cycle[:64]))
        named = or_(ReceivedBundle.bundle_id == assessment, ReceivedBundle.assessment_id == assessment)
        held = conn.execute(select(ReceivedBundle.bundle_id, ReceivedBundle.device,
                                   ReceivedBundle.assessment_id).where(named)).all()
        sampled = conn.execute(
            select(ReceivedBundle.bundle_id, ReceivedBundle.device, ReceivedBundle.assessment_id)
            .join(SampledAssessmentRow, (SampledAssessmentRow.bundle_id == ReceivedBundle.bundle_id)
                  & (SampledAssessmentRow.device == ReceivedBundle.device))
            .where(SampledAssessmentRow.cycle == cycle, named)
            .order_by(ReceivedBundle.bundle_id, ReceivedBundle.device)).all()
    if not held:
        raise Refused(404, M.NOT_HELD(assessment=assessment[:64]))
    if not sampled:
        raise Refused(403, M.NOT_SAMPLED(assessment=assessment[:64], cycle=cycle))
    if len(sampled) > 1:
        raise Refused(409, M.AMBIGUOUS(assessment=assessment[:64], cycle=cycle,
                                       bundles=[row.bundle_id for row in sampled]))
    row = sampled[0]
    return SampledBundle(cycle, row.bundle_id, row.device, row.assessment_id)


def write_package(store: ProviderStore, cycle: str, assessment: str, out: Path,
                  media: AnonymisedMedia | None = None) -> PackageResult:
    """Write the anonymised package of a sampled assessment to the new (or empty) folder ``out``."""
    sampled = sampled_bundle(store, cycle, assessment)
    if out.is_symlink() or (out.exists() and not (out.is_dir() and not any(out.iterdir()))):
        raise Refused(409, M.OUT_EXISTS(path=str(out)))
    media = media or AnonymisedMedia(store)
    root = media.held_root(sampled.bundle_id, sampled.device)
    try:
        sources = media_sources(root)
        manifest = read_manifest(root)
    except (AnonymisedMediaError, BundleVideoError) as exc:
        raise Refused(409, M.BAD_SOURCE(bundle=sampled.bundle_id, reason=str(exc))) from None
    private_dir(out.parent, tighten_existing=False)
    work = out.parent / f".{out.name}.partial-{secrets.token_hex(6)}"
    result = PackageResult(out, sampled)
    with tempfile.TemporaryDirectory(prefix="moderation-package-", dir=store.staging_dir) as tmp:
        try:
            copy = anonymise_bundle(root, Path(tmp)).path
        except BundleError as exc:
            raise Refused(409, M.NOT_ANONYMISED(bundle=sampled.bundle_id, reason=str(exc))) from None
        private_dir(work)
        try:
            raw = {s.name for s in sources}
            _copy_tree(copy, work / "bundle", skip=raw)
            derived = _add_media(media, sampled, sources, manifest, work, result)
            listing = _listing(work)
            _search(root, work)
            document = {"format": FORMAT, "cycle": cycle, "bundle_id": sampled.bundle_id,
                        "assessment_id": sampled.assessment_id, "identity": "withheld",
                        "manifest_sha256": listing.get(f"bundle/{MANIFEST}", {}).get("sha256"),
                        "face_blur": {"settings": media.fingerprint,
                                      "threshold": media.faces.threshold, "enlarge": media.faces.enlarge},
                        "files": [{"path": path, **facts} for path, facts in listing.items()],
                        "derivatives": derived,
                        "left_out": [{"source": name, "source_sha256": manifest.get(name), "reason": why}
                                     for name, why in result.left_out]}
            (work / PACKAGE_JSON).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
            result.files = len(listing) + 1
            if out.is_dir():
                out.rmdir()  # empty, checked above
            os.rename(work, out)
            fsync_dir(out.parent)
        except BaseException:
            remove_tree(work)
            raise
    return result


def _add_media(media: AnonymisedMedia, sampled: SampledBundle, sources: list[Any], manifest: dict[str, str],
               work: Path, result: PackageResult) -> list[dict[str, Any]]:
    derived = []
    for source in sources:
        made = media.derivative(sampled.bundle_id, sampled.device, source.name)
        if made.status != "done" or made.path is None:
            result.left_out.append((source.name, made.error or "not made"))
            continue
        if manifest.get(source.name) != source.sha256:  # media_sources read the same manifest
            raise Refused(409, M.BAD_SOURCE(bundle=sampled.bundle_id, reason=f"{source.name} changed"))
        stem = Path(source.name).stem
        relative = (f"media/video/{stem}.webm" if source.kind == ANON_PROXY else f"media/photos/{stem}.jpg")
        target = work / relative
        private_dir(target.parent)
        shutil.copyfile(made.path, target)
        os.chmod(target, 0o400)
        derived.append({"path": relative, "kind": source.kind, "sha256": _sha256(target),
                        "source": source.name, "source_sha256": source.sha256})
        result.media += 1
    return derived


def _copy_tree(src: Path, dst: Path, *, skip: set[str]) -> None:
    """Copy the verified anonymised copy ``src`` to ``dst``, leaving out the payload names in ``skip``."""
    for path in sorted(src.rglob("*")):
        relative = path.relative_to(src).as_posix()
        if path.is_symlink():
            raise Refused(409, M.BAD_SOURCE(bundle=src.name, reason=f"{relative} is a link"))
        if path.is_dir() or relative in skip:
            continue
        target = dst / relative
        private_dir(target.parent)
        shutil.copyfile(path, target)
        os.chmod(target, 0o400)


def _listing(work: Path) -> dict[str, dict[str, Any]]:
    return {path.relative_to(work).as_posix(): {"sha256": _sha256(path), "size": path.stat().st_size}
            for path in sorted(work.rglob("*")) if path.is_file()}


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def identifying_names(root: Path) -> dict[str, Msg]:
    """What must not appear in a package (the people's names in the bundle's identity file and the
    VIN), each with what it is."""
    try:
        with os.fdopen(open_regular(root / IDENTITY_JSON, IDENTITY_JSON), "rb") as f:
            document = read_identity_document(f.read(16 * 1024 * 1024))
    except FileNotFoundError:
        return {}  # the bundle came without its identity: nothing of it to search for
    except (BundleError, JsonError) as exc:
        raise Refused(409, M.BAD_SOURCE(bundle=root.name, reason=str(exc))) from None
    people = [(M.CANDIDATE_NAME, document["candidate"].get("name")),
              (M.ASSESSOR_NAME, document["assessor"].get("name")),
              (M.RESPONSIBLE_NAME, (document.get("responsible_person") or {}).get("name")),
              (M.VIN, document["vehicle"].get("vin"))]
    people += [(M.SIGNER_NAME, s.get("name")) for s in document.get("signatures") or []]
    found: dict[str, Msg] = {}
    for what, text in people:
        if isinstance(text, str) and len(text.strip()) >= _MIN_SEARCH_CHARS:
            found.setdefault(text.strip(), what())
    return found


def _search(root: Path, work: Path) -> None:
    """Refuse the package if a name or the VIN is in any of its files (ASCII case ignored, raw bytes)."""
    needles = {text.encode("utf-8").lower(): what for text, what in identifying_names(root).items()}
    if not needles:
        return
    overlap = max(len(n) for n in needles) - 1
    for path in sorted(work.rglob("*")):
        if not path.is_file():
            continue
        with path.open("rb") as f:
            tail = b""
            while chunk := f.read(_CHUNK):
                window = tail + chunk.lower()
                for needle, what in needles.items():
                    if needle in window:
                        raise Refused(409, M.NAME_FOUND(what=what, file=path.relative_to(work).as_posix()))
                tail = window[-overlap:] if overlap else b""
