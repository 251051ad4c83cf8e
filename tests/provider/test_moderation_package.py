"""The anonymised package a moderator gets: `assessor provider moderation package CYCLE ASSESSMENT`.

A real sealed bundle whose identity file holds the candidate's and assessor's names and the VIN,
with a video segment and a photo showing a real face, imported by a provider and sampled in a
cycle. Every file of the package, and the text of its PDF records, is searched for the names and
the VIN; the media show no face; package.json lists every file and the chain to the sealed hashes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import cv2
import pytest
from face_support import PHOTO_NAME, decoded_frames, face_bundle
from helpers import ASSESSMENT_ID, ASSESSOR, CANDIDATE, VEHICLE
from pypdf import PdfReader
from sqlalchemy import insert
from sync_support import Sealed, Workstation

from assessor_app.cli import main
from assessor_app.provider.media.bundle_video import read_manifest
from assessor_app.provider.media.faces import FaceDetector
from assessor_app.provider.media.settings import FaceBlurSettings
from assessor_app.provider.moderation.models import ModerationCycle, SampledAssessmentRow
from assessor_app.provider.server import ProviderServer

CYCLE = "2027-H1"
SEGMENT = "data/captures/video/seg-000001.ts"


def _sample(provider: ProviderServer, *bundles: tuple[str, str]) -> None:
    """A cycle whose stored sample holds ``bundles`` (what `moderation sample` records)."""
    with provider.service.store.writer.begin() as conn:
        conn.execute(insert(ModerationCycle).values(name=CYCLE, period_from_us=0, period_to_us=2**62,
                                                    enhanced_control=False, created_us=1, created_by="cli",
                                                    closed_us=None))
        for bundle_id, device in bundles:
            conn.execute(insert(SampledAssessmentRow).values(cycle=CYCLE, bundle_id=bundle_id, device=device,
                                                             weight=1.0, reasons="[]"))


@pytest.fixture
def held(provider: ProviderServer, workstation: Workstation, tmp_path: Path) -> tuple[Sealed, Sealed]:
    """A sampled bundle with its identity file (real PDF records), and one held but not sampled."""
    provider.service.derivations.stop()  # the web proxies are not what this is about
    sampled = face_bundle(tmp_path / "ws", workstation.key, apart=True)
    other = face_bundle(tmp_path / "ws", workstation.key, frames=8, apart=True)
    for sealed in (sampled, other):
        assert [r.status for r in provider.service.import_path(sealed.archive)] == ["imported"]
    _sample(provider, (sampled.bundle_id, workstation.key.fingerprint))
    return sampled, other


def _package(provider: ProviderServer, assessment: str, out: Path, *extra: str) -> int:
    return main(["provider", "moderation", "package", CYCLE, assessment, "--folder",
                 str(provider.service.store.config.folder), "--out", str(out), *extra])


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_the_package_holds_no_name_no_vin_and_no_face_and_lists_the_chain_to_the_seal(
        provider: ProviderServer, held: tuple[Sealed, Sealed], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]):
    sealed, _ = held
    secrets = [CANDIDATE.name, ASSESSOR.name, VEHICLE.vin]
    # the sealed bundle does hold them: in its identity file and the full PDF records
    identity = json.loads((sealed.folder / "identity" / "identity.json").read_text(encoding="utf-8"))
    assert {identity["candidate"]["name"], identity["assessor"]["name"], identity["vehicle"]["vin"]} == set(
        secrets)
    assert CANDIDATE.name in _pdf_text(sealed.folder / "identity" / "assessment-record.en.pdf")

    out = tmp_path / "package"
    assert _package(provider, ASSESSMENT_ID, out) == 0  # named by its assessment id
    printed = capsys.readouterr().out
    assert f"Anonymised package of bundle {sealed.bundle_id} (cycle {CYCLE}) written to {out}" in printed
    assert "2 video segments and photos with faces blurred" in printed

    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert "package.json" in files and "media/video/seg-000001.webm" in files
    assert "media/photos/step-1-photo-1.jpg" in files
    assert "bundle/data/record.json" in files and "bundle/manifest-sha256.txt" in files
    assert "bundle/assessment-record.en.pdf" in files and "bundle/seal/statement.dsse.json" in files
    assert not any(f.startswith("bundle/identity") for f in files)
    assert f"bundle/{SEGMENT}" not in files and f"bundle/data/{PHOTO_NAME}" not in files  # no raw media

    # no name and no VIN in any byte of any file, nor in the text of any PDF
    pdfs = 0
    for name in files:
        data = (out / name).read_bytes().lower()
        texts = [data.decode("utf-8", "replace")]
        if name.endswith(".pdf"):
            texts.append(_pdf_text(out / name).lower())
            assert "withheld" in texts[-1] or len(texts[-1]) > 200  # the text was read
            pdfs += 1
        for secret in secrets:
            assert all(secret.lower() not in text for text in texts), f"{secret} is in {name}"
    assert pdfs == len(list(sealed.folder.glob("assessment-record.*.pdf"))) >= 1  # each language's record

    # package.json: every other file with its hash and size; each derivative with its sealed source
    document = json.loads((out / "package.json").read_text(encoding="utf-8"))
    assert (document["cycle"], document["bundle_id"], document["identity"]) == (
        CYCLE, sealed.bundle_id, "withheld")
    listed = {f["path"]: f for f in document["files"]}
    assert sorted(listed) == [f for f in files if f != "package.json"]
    for name, facts in listed.items():
        body = (out / name).read_bytes()
        assert (facts["sha256"], facts["size"]) == (hashlib.sha256(body).hexdigest(), len(body))
    manifest = read_manifest(out / "bundle")  # the sealed manifest, handed on as it is
    assert document["manifest_sha256"] == hashlib.sha256(
        (out / "bundle" / "manifest-sha256.txt").read_bytes()).hexdigest()
    assert manifest == read_manifest(sealed.folder)
    chain = {d["path"]: d for d in document["derivatives"]}
    assert {p: (d["kind"], d["source"]) for p, d in chain.items()} == {
        "media/video/seg-000001.webm": ("anon-proxy", SEGMENT),
        "media/photos/step-1-photo-1.jpg": ("anon-photo", f"data/{PHOTO_NAME}")}
    for path, d in chain.items():
        assert d["source_sha256"] == manifest[d["source"]]
        assert d["sha256"] == listed[path]["sha256"]
    assert document["face_blur"]["threshold"] == FaceBlurSettings().threshold
    assert document["left_out"] == []

    detector = FaceDetector(FaceBlurSettings().threshold)
    frames = decoded_frames(out / "media/video/seg-000001.webm")
    assert len(frames) == 24 and not any(detector.detect(f) for f in frames)
    assert detector.detect(cv2.imread(str(out / "media/photos/step-1-photo-1.jpg"))) == []


def test_only_a_sampled_assessment_is_packaged_and_refusals_say_why(
        provider: ProviderServer, held: tuple[Sealed, Sealed], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]):
    sealed, other = held
    out = tmp_path / "package"
    assert _package(provider, other.bundle_id, out) == 1
    err = capsys.readouterr().err
    assert f"assessment '{other.bundle_id}' is not in the sample of cycle {CYCLE}" in err
    assert "Traceback" not in err and not out.exists()

    assert main(["provider", "moderation", "package", "2031-H2", sealed.bundle_id, "--folder",
                 str(provider.service.store.config.folder), "--out", str(out)]) == 1
    assert "there is no moderation cycle '2031-H2'" in capsys.readouterr().err

    assert _package(provider, "no-such-bundle", out) == 1
    assert "the provider holds no assessment or bundle 'no-such-bundle'" in capsys.readouterr().err

    out.mkdir()
    (out / "notes.txt").write_text("mine")
    assert _package(provider, sealed.bundle_id, out) == 1
    assert "already exists and is not an empty folder" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    assert not [p for p in tmp_path.iterdir() if ".partial-" in p.name]  # nothing half-made left


def test_the_command_speaks_the_language_asked_for(
        provider: ProviderServer, held: tuple[Sealed, Sealed], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]):
    _, other = held
    assert _package(provider, other.bundle_id, tmp_path / "p", "--language", "fi") == 1
    err = capsys.readouterr().err
    assert f"arviointi '{other.bundle_id}' ei ole kierroksen {CYCLE} otoksessa" in err


def test_derive_makes_the_anonymised_media_of_a_cycles_sample_only(
        provider: ProviderServer, held: tuple[Sealed, Sealed], capsys: pytest.CaptureFixture[str]):
    from sqlalchemy import select

    from assessor_app.provider.models import Derivative

    sealed, other = held
    folder = str(provider.service.store.config.folder)
    assert main(["provider", "derive", "--anonymised", CYCLE, "--folder", folder]) == 0
    printed = capsys.readouterr().out
    assert f"Faces blurred in the video and photos of 1 sampled assessment of cycle {CYCLE}" in printed
    assert f"  done    {sealed.bundle_id}  {SEGMENT}" in printed
    assert "2 made or already made, 0 failed" in printed
    with provider.service.store.engine.connect() as conn:
        rows = conn.execute(select(Derivative.kind, Derivative.bundle_id, Derivative.status).where(
            Derivative.kind.in_(["anon-proxy", "anon-photo"]))).all()
    assert sorted(rows) == [("anon-photo", sealed.bundle_id, "done"),
                            ("anon-proxy", sealed.bundle_id, "done")]
    assert other.bundle_id not in {r.bundle_id for r in rows}  # not sampled: not derived
    assert main(["provider", "derive", "--anonymised", "1999-H1", "--folder", folder]) == 1
    assert "there is no moderation cycle '1999-H1'" in capsys.readouterr().err
