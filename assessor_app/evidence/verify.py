"""Independent verification of a sealed bundle: what it proves, or the precise reason it fails.

Nothing in the bundle is executed or trusted before it is checked. The folder is inspected
(lstat only) before any file is opened, and a file is opened only if it is still a plain file;
every JSON file is read strictly and its shape checked before a field is used; the record is only
parsed after its hash matched and the seal verified. Each key must play the role the signed
statement gives it, and everything that speaks about the assessment is either covered by the
seal or reported as not trusted. Every malformed bundle gives a reason, never an exception; an
OSError is this machine's fault (``verify_bundle`` raises it, ``verify_path`` reports it).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from securesystemslib.signer import Key

from assessor_app.core.engine import ReplayError, replay
from assessor_app.core.events import ChainError, verify_chain
from assessor_app.core.specs.loader import checklist_from_source, content_hash, parameter_set_from_source
from assessor_app.core.terms import term
from assessor_app.evidence.archive import open_archive
from assessor_app.evidence.bundle import (
    ASSESSOR_PUB,
    BAGIT_TXT,
    DEVICE_PUB,
    RECORD_PDF,
    SEAL_FILE,
    BundleError,
    BundleLimits,
)
from assessor_app.evidence.folder import inspect_folder, name_problem, open_regular
from assessor_app.evidence.identity import IDENTITY_DIR, IDENTITY_JSON, identity_problem, keeps_identity_apart
from assessor_app.evidence.record_shape import RECORD_JSON, payload_problem, read_events
from assessor_app.evidence.seal import SealError, SealPredicate, public_key, read_seal, seal_predicate
from assessor_app.evidence.strict_json import (
    JsonError,
    loads,
    need_int,
    need_list,
    need_object,
    need_str,
    shown,
)
from assessor_app.i18n import Message, Msg, Plural, render

RECORD_NAME = re.compile(r"assessment-record\.[a-z]{2}\.pdf")
#: Every tag file a bundle has, besides the PDF records the seal names; nothing else may be there.
TAG_FILES = {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", SEAL_FILE,
             DEVICE_PUB, ASSESSOR_PUB}

# what a verified bundle proves, and what it does not
SEALED_BY = Message("verify.sealed_by", "bundle {bundle} sealed by workstation {key}")
BAG_COMPLETE = Plural("verify.bag_complete",
                      "bag complete: {n} payload file, {size} bytes, every SHA-256 correct",
                      "bag complete: {n} payload files, {size} bytes, every SHA-256 correct")
CO_SIGNED = Message("verify.co_signed", "co-signed by assessor {assessor} with key {key}; each key file "
                    "holds the key of the role the seal gives it")
BAG_INFO_COVERED = Message("verify.bag_info_covered",
                           "bag-info.txt is covered by the seal: its fields are as sealed")
BAG_INFO_NOT_COVERED = Message(
    "verify.bag_info_not_covered",
    "bag-info.txt is not covered by the seal (a bundle sealed before it was): its fields are NOT trusted")
RECORDS_SEALED = Message("verify.records_sealed", "PDF records sealed with it: {records}")
CHAIN_INTACT = Plural("verify.chain_intact",
                      "event chain intact: {n} event, head {head}; every rule decision replays",
                      "event chain intact: {n} events, head {head}; every rule decision replays")
CHECKLIST_OUTCOME = Message("verify.checklist_outcome",
                            "checklist {checklist} {version}, parameters {parameters} {parameters_version}; "
                            "outcome {outcome}")
CAPTURE = Message("verify.capture", "capture gaps recorded: {gaps}; dropped frames: {dropped}")
IDENTITY_EMBEDDED = Message("verify.identity_embedded",
                            "identity: embedded in the record (sealed before identity was kept apart)")
IDENTITY_WITHHELD = Plural(
    "verify.identity_withheld",
    "identity: withheld (kept apart from the record; the seal names {n} identity file, which this copy "
    "does not hold)",
    "identity: withheld (kept apart from the record; the seal names {n} identity files, which this copy "
    "does not hold)")
IDENTITY_PRESENT = Plural(
    "verify.identity_present",
    "identity: present ({file} and {n} full PDF record, as sealed; the record's commitments to the "
    "candidate and the VIN are made from it)",
    "identity: present ({file} and {n} full PDF records, as sealed; the record's commitments to the "
    "candidate and the VIN are made from it)")
ARCHIVE_OPENED = Message("verify.archive_opened",
                         "archive {archive}: plain files under {folder}/ only, opened without trusting it")
#: The word for each state of a bundle's identity files (``Verification.identity``).
IDENTITY = {
    "present": Message("verify.identity.present", "present"),
    "withheld": Message("verify.identity.withheld", "withheld"),
    "embedded": Message("verify.identity.embedded", "embedded"),
}


class Finding(str):
    """A line of a verification: the English text (what the lists have always held, for logs and
    scripts), carrying the message it says, for the command line and the window to render in their
    language (:meth:`text`)."""

    message: Msg

    def __new__(cls, message: Msg) -> Finding:
        line = super().__new__(cls, render(message, "en"))
        line.message = message
        return line

    def text(self, language: str) -> str:
        return render(self.message, language)


def finding_text(line: str, language: str) -> str:
    """A line of a verification in a language: a :class:`Finding` rendered, any other line as it is."""
    return line.text(language) if isinstance(line, Finding) else line


@dataclass
class Verification:
    """What a bundle proves (``proved``), why it fails (``problems``), what it does not prove (``warnings``).

    The facts below are set only from data that was checked (signed, well formed, consistent);
    each is None when verification did not establish it. ``ok`` says whether all of it verified.
    """

    proved: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    bundle_id: str | None = None
    device_key_id: str | None = None  # the sealing workstation's key
    assessor_id: str | None = None
    assessor_key_id: str | None = None
    manifest_sha256: str | None = None
    outcome: str | None = None
    assessment_id: str | None = None
    first_event_wall_us: int | None = None
    last_event_wall_us: int | None = None
    #: "present" (the identity files are here as sealed), "withheld" (kept apart and not in this
    #: copy), or "embedded" (the record's events hold the names: sealed before identity was kept apart)
    identity: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def _read(root: Path, name: str, limit: int) -> bytes:
    """The bytes of the plain file ``name``; BundleError if it is not one any more, or too large."""
    with os.fdopen(open_regular(root / name, name), "rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise BundleError(f"{name} is larger than {limit} bytes")
    return data


def _sha256(root: Path, name: str) -> str:
    with os.fdopen(open_regular(root / name, name), "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()  # no per-chunk copies


def _read_manifest(data: bytes, what: str, out: Verification, limits: BundleLimits) -> dict[str, str]:
    entries: dict[str, str] = {}
    try:
        text = data.decode("utf-8")
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
        elif problem := name_problem(name.split("/"), limits):  # the rules a folder's own names follow
            out.problems.append(f"{what} line {n} names the path {shown(name)}, which {problem}")
        elif name in entries:
            out.problems.append(f"{what} lists {name} twice")
        else:
            entries[name] = digest
    return entries


def verify_bundle(root: Path, limits: BundleLimits | None = None) -> Verification:
    """Check a bundle folder completely; never stops at the first problem it can report.

    Every malformed bundle gives problems, never an exception; an OSError (this machine could not
    read the folder) is raised as it is.
    """
    out = Verification()
    try:
        _verify(root, limits or BundleLimits(), out)
    except BundleError as exc:  # an entry that is not a plain file or folder, or over a limit
        out.problems.append(str(exc))
    return out


def _verify(root: Path, limits: BundleLimits, out: Verification) -> None:
    files = set(inspect_folder(root, limits))
    manifest = _check_bag(root, files, limits, out)
    if out.problems:
        return
    out.proved.append(Finding(BAG_COMPLETE(n=len(manifest),
                                           size=sum((root / n).lstat().st_size for n in manifest))))
    checked = _check_seal(root, limits, out)
    if checked is None:
        return
    predicate, sealed_files = checked
    _check_sealed_files(root, files, manifest, predicate, sealed_files, out)
    started = _check_record(root, files, predicate, limits, out)
    _check_identity(root, files, predicate, started, limits, out)


def _check_bag(root: Path, files: set[str], limits: BundleLimits, out: Verification) -> dict[str, str]:
    """The BagIt layer: complete, nothing outside the layout, every hash right; returns the manifest."""
    for name in ("bagit.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", "bag-info.txt"):
        if name not in files:
            out.problems.append(f"{name} is missing: not a complete BagIt bag")
    if out.problems:
        return {}
    if _read(root, "bagit.txt", limits.max_tag_file_bytes) != BAGIT_TXT.encode():
        out.problems.append("bagit.txt is not a BagIt 1.0 declaration")
    payload = {f for f in files if f.startswith("data/")}
    # the identity files are outside the bag (a copy may leave them out): the seal covers them
    others = {f for f in files - payload if not f.startswith(f"{IDENTITY_DIR}/")}
    for name in sorted(others):
        # the tag manifest is not signed: a file it lists is not part of the bundle for that
        if name not in TAG_FILES and not RECORD_NAME.fullmatch(name):
            out.problems.append(f"file {name} is not part of the bundle's layout")
    manifest = _read_manifest(_read(root, "manifest-sha256.txt", limits.max_tag_file_bytes),
                              "manifest-sha256.txt", out, limits)
    for name in sorted(set(manifest) - payload):
        out.problems.append(f"payload file {name} is missing")
    for name in sorted(payload - set(manifest)):
        out.problems.append(f"payload file {name} is not in the manifest (added or renamed)")
    present = sorted(set(manifest) & payload)
    # hashlib releases the GIL on large buffers: one thread per core hashes files side by side
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        digests = dict(zip(present, pool.map(lambda n: _sha256(root, n), present), strict=True))
    for name in present:
        if digests[name] != manifest[name]:
            out.problems.append(f"payload file {name} was modified (SHA-256 differs)")
    tags = _read_manifest(_read(root, "tagmanifest-sha256.txt", limits.max_tag_file_bytes),
                          "tagmanifest-sha256.txt", out, limits)
    for name in sorted(n for n in tags if n.startswith(f"{IDENTITY_DIR}/")):
        out.problems.append(f"tagmanifest-sha256.txt lists the identity file {name}: identity files are "
                            f"outside the bag, so that a copy without them is still a complete bag")
        del tags[name]
    listed = others - {"tagmanifest-sha256.txt"}
    for name in sorted(listed - set(tags)):
        if name in TAG_FILES or RECORD_NAME.fullmatch(name):
            out.problems.append(f"tag file {name} is not listed in tagmanifest-sha256.txt")
    for name in sorted(set(tags) - listed):
        if name.startswith("data/"):
            out.problems.append(f"tagmanifest-sha256.txt lists the payload file {name}")
        else:
            out.problems.append(f"tag file {name} is missing")
    for name in sorted(set(tags) & listed):
        if _sha256(root, name) != tags[name]:
            out.problems.append(f"tag file {name} was modified (SHA-256 differs)")
    for name in sorted(TAG_FILES - files):
        out.problems.append(f"{name} is missing")
    return manifest


def _key(root: Path, name: str, limits: BundleLimits) -> Key:
    try:
        pem = _read(root, name, limits.max_tag_file_bytes).decode("utf-8")
    except UnicodeDecodeError:
        raise SealError(f"{name} is not a PEM text file") from None
    try:
        key = public_key(pem)
    except SealError as exc:
        raise SealError(f"{name}: {exc}") from None
    if key.keytype != "ed25519":
        raise SealError(f"{name} holds a {shown(str(key.keytype))} key, not an Ed25519 key")
    return key


def _check_seal(root: Path, limits: BundleLimits,
                out: Verification) -> tuple[SealPredicate, dict[str, str]] | None:
    """Signatures, statement and the role of each key; returns the checked predicate and sealed files."""
    try:
        keys = [_key(root, DEVICE_PUB, limits), _key(root, ASSESSOR_PUB, limits)]
        if keys[0].keyid == keys[1].keyid:
            raise SealError(f"{DEVICE_PUB} and {ASSESSOR_PUB} hold the same key: the seal needs the "
                            f"workstation's and the assessor's")
        sealed = read_seal(_read(root, SEAL_FILE, limits.max_tag_file_bytes), keys, 2, limits=limits.json)
        predicate = seal_predicate(sealed.statement)
    except SealError as exc:
        out.problems.append(f"seal: {exc}")
        return None
    device, assessor = keys[0].keyid, keys[1].keyid
    if (device, assessor) == (predicate.assessor_key_id, predicate.device_key_id):
        out.problems.append(f"the key files are swapped: {DEVICE_PUB} holds the key of assessor "
                            f"{predicate.assessor_id} and {ASSESSOR_PUB} the workstation's, but the seal "
                            f"gives each file its role")
    else:
        if device != predicate.device_key_id:
            out.problems.append(f"{DEVICE_PUB} holds key {device}, not the workstation key "
                                f"{predicate.device_key_id} the seal names")
        if assessor != predicate.assessor_key_id:
            out.problems.append(f"{ASSESSOR_PUB} holds key {assessor}, not the key "
                                f"{predicate.assessor_key_id} of assessor {predicate.assessor_id} "
                                f"the seal names")
    if set(sealed.signed_by) != {device, assessor}:
        out.problems.append("the seal is not signed by both the workstation and the assessor")
    out.bundle_id = predicate.bundle_id
    if root.name != predicate.bundle_id:
        out.problems.append(f"the seal names bundle {predicate.bundle_id} but the bundle folder is "
                            f"named {shown(root.name)}")
    if out.problems:
        return None
    out.device_key_id, out.assessor_id, out.assessor_key_id = device, predicate.assessor_id, assessor
    out.proved.insert(0, Finding(SEALED_BY(bundle=predicate.bundle_id, key=device)))
    out.proved.append(Finding(CO_SIGNED(assessor=predicate.assessor_id, key=assessor)))
    return predicate, sealed.files


def _check_sealed_files(root: Path, files: set[str], manifest: dict[str, str], predicate: SealPredicate,
                        sealed_files: dict[str, str], out: Verification) -> None:
    """The seal names exactly the payload, the PDF records and the manifest; bag-info.txt if covered."""
    sealed_payload = {n: d for n, d in sealed_files.items() if n.startswith("data/")}
    sealed_records = {n: d for n, d in sealed_files.items() if not n.startswith("data/")}
    if sealed_payload != manifest:
        out.problems.append("the seal names other files or hashes than the manifest")
    present_records = {n for n in files if RECORD_NAME.fullmatch(n)}
    for name in sorted(set(sealed_records) | present_records):
        if not RECORD_NAME.fullmatch(name):
            out.problems.append(f"the seal names {shown(name)}, which is not a payload file or a PDF record")
        elif name not in present_records:
            out.problems.append(f"the PDF record {name} named by the seal is missing")
        elif name not in sealed_records:
            out.problems.append(f"the PDF record {name} is not named by the seal")
        elif sealed_records[name] != _sha256(root, name):
            out.problems.append(f"the PDF record {name} is not the one that was sealed")
    if RECORD_PDF.format(language="en") not in present_records:
        out.problems.append("the English PDF record is missing")
    manifest_sha256 = _sha256(root, "manifest-sha256.txt")
    if predicate.manifest_sha256 != manifest_sha256:
        out.problems.append("the seal was made for another manifest")
    else:
        out.manifest_sha256 = manifest_sha256
    bag_info = _sha256(root, "bag-info.txt")
    if predicate.bag_info_sha256 is None:
        out.warnings.append(Finding(BAG_INFO_NOT_COVERED()))
    elif predicate.bag_info_sha256 != bag_info:
        out.problems.append("bag-info.txt was changed after sealing (its SHA-256 is not the one the seal "
                            "names)")
    else:
        out.proved.append(Finding(BAG_INFO_COVERED()))
    records = sorted(sealed_records)
    if records and not out.problems:
        out.proved.append(Finding(RECORDS_SEALED(records=", ".join(records))))  # file names, as they are


def _text(root: Path, name: str, limits: BundleLimits) -> str:
    try:
        return _read(root, name, limits.max_record_bytes).decode("utf-8")
    except UnicodeDecodeError:
        raise JsonError(f"{name} is not UTF-8 text") from None


def _check_record(root: Path, files: set[str], predicate: SealPredicate, limits: BundleLimits,
                  out: Verification) -> dict[str, object] | None:
    """The record: well formed, its chain intact and named by the seal, every decision replayed.

    Returns the replayed first event's payload, or None if the record could not be replayed.
    """
    for name in (RECORD_JSON, "data/checklist.yaml", "data/parameters.yaml"):
        if name not in files:
            out.problems.append(f"the assessment record cannot be read: {name} is missing")
            return None
    try:
        record = need_object(loads(_read(root, RECORD_JSON, limits.max_record_bytes), RECORD_JSON,
                                   limits.json), RECORD_JSON)
        events = read_events(record)
        outcome = record.get("outcome")
        if outcome is not None:
            need_str(outcome, f"{RECORD_JSON}: outcome")
        capture = need_object(record.get("capture", {}), f"{RECORD_JSON}: capture")
        gaps = need_list(capture.get("gaps", []), f"{RECORD_JSON}: capture.gaps")
        dropped = need_int(capture.get("dropped_frames", 0), f"{RECORD_JSON}: capture.dropped_frames")
        checklist, parameters = _text(root, "data/checklist.yaml", limits), _text(
            root, "data/parameters.yaml", limits)
    except JsonError as exc:
        out.problems.append(f"the assessment record cannot be read: {exc}")
        return None
    for i, event in enumerate(events):
        problem = payload_problem(i, event)
        if problem:
            out.problems.append(f"the assessment record cannot be replayed: {problem}")
            return None
    try:
        head = verify_chain(events)
        if head != predicate.event_chain_head:
            out.problems.append("the event chain's head is not the one the seal names")
        spec = checklist_from_source(checklist)
        params = parameter_set_from_source(parameters)
        engine = replay(spec, params, events)
    except (ChainError, ReplayError) as exc:
        out.problems.append(f"event chain: {exc}")
        return None
    except (KeyError, TypeError, ValueError) as exc:  # a spec that does not validate (pydantic)
        out.problems.append(f"the assessment record cannot be read: {_first_line(exc)}")
        return None
    state = engine.state
    for key, text, name in (("checklist", checklist, "data/checklist.yaml"),
                            ("parameter_set", parameters, "data/parameters.yaml")):
        pinned = state.started.get(key)
        if not isinstance(pinned, dict) or pinned.get("sha256") != content_hash(text):
            out.problems.append(f"{name} is not the version the assessment started with (its SHA-256 is "
                                f"not the one the first event pins)")
    if outcome != state.outcome or predicate.outcome != state.outcome:
        out.problems.append("the recorded outcome is not the one the rules give")
    else:
        out.outcome = state.outcome
    if predicate.assessment_id != state.assessment_id:
        out.problems.append(f"the seal names assessment {shown(predicate.assessment_id)} but the record "
                            f"is of assessment {shown(state.assessment_id)}")
    else:
        out.assessment_id = state.assessment_id
    out.first_event_wall_us, out.last_event_wall_us = events[0].wall_us, events[-1].wall_us
    out.proved.append(Finding(CHAIN_INTACT(n=len(events), head=head)))
    out.proved.append(Finding(CHECKLIST_OUTCOME(
        checklist=spec.id, version=spec.version, parameters=params.id, parameters_version=params.version,
        outcome=term(state.outcome) or str(state.outcome))))
    out.proved.append(Finding(CAPTURE(gaps=len(gaps), dropped=dropped)))
    return state.started


def _check_identity(root: Path, files: set[str], predicate: SealPredicate, started: dict[str, object] | None,
                    limits: BundleLimits, out: Verification) -> None:
    """The identity files: all there as sealed (present), none there (withheld), or none sealed (embedded).

    A record whose first event holds the names cannot have its identity kept apart; an identity
    file that is there must be the one sealed, and the record's commitments must be made from it.
    """
    present = {n for n in files if n.startswith(f"{IDENTITY_DIR}/")}
    sealed = predicate.identity
    if sealed is None:
        for name in sorted(present):
            out.problems.append(f"file {name} is not named by the seal (the seal says the identity is "
                                f"embedded in the record)")
        if started is not None and keeps_identity_apart(started):
            out.problems.append("the seal says the identity is embedded in the record, but the record's "
                                "first event keeps it apart (it holds no names)")
        elif not present:
            out.identity = "embedded"
            out.proved.append(Finding(IDENTITY_EMBEDDED()))
        return
    if started is not None and not keeps_identity_apart(started):
        out.problems.append("the seal says the identity is kept apart, but the record's first event holds "
                            "the names and the VIN")
        return
    problems = [f"identity file {name} is not named by the seal" for name in sorted(present - set(sealed))]
    held = present & set(sealed)
    if held:
        problems += [f"identity file {name} is missing (the seal names it: the identity folder must be "
                     f"whole, or left out altogether)" for name in sorted(set(sealed) - held)]
        problems += [f"identity file {name} was modified (SHA-256 differs from the one the seal names)"
                     for name in sorted(held) if _sha256(root, name) != sealed[name]]
    out.problems += problems
    if problems:
        return
    if not held:
        out.identity = "withheld"
        out.proved.append(Finding(IDENTITY_WITHHELD(n=len(sealed))))
        return
    if started is None:  # the record did not replay: its commitments are not established
        return
    try:
        document = loads(_read(root, IDENTITY_JSON, limits.max_tag_file_bytes), IDENTITY_JSON, limits.json)
    except JsonError as exc:
        out.problems.append(f"the identity file cannot be read: {exc}")
        return
    problem = identity_problem(document, started)
    if problem is not None:
        out.problems.append(f"the identity file does not fit the record: {problem}")
        return
    out.identity = "present"
    out.proved.append(Finding(IDENTITY_PRESENT(file=IDENTITY_JSON, n=len(sealed) - 1)))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def verify_path(path: Path, limits: BundleLimits | None = None) -> Verification:
    """Verify a bundle folder, or a bundle archive opened (after inspection) into a temporary folder.

    A path given as a link is followed (it is the caller's choice); nothing inside the bundle is.
    An OSError (this machine could not read or unpack it) is reported as a problem, not raised.
    """
    limits = limits or BundleLimits()
    try:
        if path.is_dir():
            return verify_bundle(path.resolve(), limits)
        if not path.is_file():
            return Verification(problems=[f"{path} is neither a bundle folder nor a bundle archive"])
        with tempfile.TemporaryDirectory(prefix="assessor-verify-") as tmp:
            try:
                root = open_archive(path, Path(tmp), limits=limits, durable=False)
            except BundleError as exc:
                return Verification(problems=[f"archive: {exc}"])
            result = verify_bundle(root, limits)
            if result.ok:
                result.proved.insert(1, Finding(ARCHIVE_OPENED(archive=path.name, folder=root.name)))
            return result
    except OSError as exc:
        return Verification(problems=[f"this machine could not read {path}: {exc}"])
