"""``assessor provider codes|import|list|revoke`` through their own argument parser."""

from __future__ import annotations

import argparse
import re
import shutil
import stat
from pathlib import Path

import pytest
from sync_support import bind_test_assessor, make_bundle, workstation_key

from assessor_app.errors import AssessorError
from assessor_app.provider.commands import register
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig
from assessor_app.sync.protocol import enroll_message


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="assessor")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return int(args.func(args))


def _enroll_directly(folder: Path, code: str, key_folder: Path) -> None:
    """As the workstation would: enroll with the code, bind the assessor's key (their code)."""
    service = ProviderService(ProviderConfig(folder))
    key = workstation_key(key_folder)
    service.registry.enroll(code=code, public_pem=key.public_pem(),
                            signature=key.signer.sign(enroll_message(code, key.fingerprint)).signature)
    bind_test_assessor(service, key.fingerprint)
    service.close()


def test_an_air_gapped_workshop_imports_from_a_usb_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    prov = tmp_path / "provider"
    assert run("provider", "workshops", "add", "ws-usb", "--folder", str(prov), "--name", "Rural Workshop",
               "--country", "pt", "--address", "Rua do Campo 3, Viseu") == 0
    assert "Added workshop ws-usb  Rural Workshop (PT)" in capsys.readouterr().out
    assert run("provider", "assessors", "add", "assr-1", "--folder", str(prov), "--name", "Ana Assessora",
               "--qualification", "DGUV 209-093 level 3S", "--expires", "2099-12-31",
               "--workshop", "ws-usb") == 0
    assert run("provider", "codes", "--folder", str(prov), "--workshop", "ws-usb", "--count", "2",
               "--label", "rural") == 0
    out = capsys.readouterr().out
    codes = re.findall(r"[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}", out)
    assert len(codes) == 2 and "fingerprint" in out and "workshop ws-usb (Rural Workshop)" in out
    _enroll_directly(prov, codes[0], tmp_path / "ws" / "keys")
    key = workstation_key(tmp_path / "ws" / "keys")
    usb = tmp_path / "usb"
    usb.mkdir()
    as_folder = make_bundle(tmp_path / "ws", key)
    as_tar = make_bundle(tmp_path / "ws", key)
    tampered = make_bundle(tmp_path / "ws", key)
    shutil.copytree(as_folder.folder, usb / as_folder.bundle_id)
    shutil.copy(as_tar.archive, usb / as_tar.archive.name)
    shutil.copytree(tampered.folder, usb / tampered.bundle_id)
    record = usb / tampered.bundle_id / "data/record.json"
    record.chmod(record.stat().st_mode | stat.S_IWUSR)
    record.write_text(record.read_text().replace('"seq": 1', '"seq": 9', 1))

    assert run("provider", "import", "--folder", str(prov), str(usb)) == 1  # one quarantined
    out = capsys.readouterr().out
    assert f"imported    {as_folder.bundle_id}" in out and f"imported    {as_tar.bundle_id}" in out
    assert f"QUARANTINED {tampered.bundle_id}" not in out  # the id is only known once verified
    assert "data/record.json was modified" in out and "2 of 3 bundle(s) held; 1 quarantined" in out
    assert run("provider", "import", "--folder", str(prov), str(usb / as_tar.archive.name)) == 0
    assert f"already had {as_tar.bundle_id}" in capsys.readouterr().out
    assert (usb / tampered.bundle_id).exists()  # the source is left as it was

    assert run("provider", "list", "--folder", str(prov)) == 0
    listing = capsys.readouterr().out
    assert "Received bundles (2)" in listing and "Quarantined (1)" in listing and "ws-usb" in listing
    assert run("provider", "revoke", "--folder", str(prov), key.fingerprint[:10], "--reason", "sold") == 0
    assert "Revoked workstation" in capsys.readouterr().out
    later = make_bundle(tmp_path / "ws", key)
    assert run("provider", "import", "--folder", str(prov), str(later.archive)) == 1
    assert "revoked by the provider: sold" in capsys.readouterr().out


def test_mistakes_are_expected_errors_with_a_sentence(tmp_path: Path):
    with pytest.raises(AssessorError, match="at least 8 characters"):
        run("provider", "revoke", "--folder", str(tmp_path / "p"), "abc")
    with pytest.raises(AssessorError, match="nothing cannot be read"):
        run("provider", "import", "--folder", str(tmp_path / "p"), str(tmp_path / "nothing"))
    with pytest.raises(AssessorError, match="without --public"):
        run("provider", "serve", "--folder", str(tmp_path / "p"), "--host", "0.0.0.0")
