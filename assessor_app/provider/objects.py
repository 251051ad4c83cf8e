"""Where the provider keeps held bundles and derived media: its folder, or an S3 bucket.

Keys are paths: ``bundles/<workstation key id>/<bundle id>/<path inside the bundle>`` and
``derivatives/<kind>/<xx>/<file>``. :class:`FolderStore` (the default) maps a key to the same path
in the provider's folder, which is the layout the provider has always had. :class:`S3Store` keeps
them in one bucket of an S3-compatible store (boto3; credentials from the usual ``AWS_*``
variables, profile or instance role); large files go up in parts (boto3's managed transfer).

A fault of the store (unreachable, keys refused, bucket missing) is :class:`ObjectStoreUnavailable`,
an ``OSError``: wherever the provider meets a fault of its own disk (HTTP 503 with Retry-After, an
import left to run again, a derivation left pending) it meets the store's the same way.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assessor_app.i18n import Msg
from assessor_app.provider import object_messages as m_

CHUNK = 1024 * 1024
#: parts of 64 MiB: a segment of a few hundred MB goes up in a handful of parts
PART_BYTES = 64 * 1024 * 1024


class ObjectStoreUnavailable(OSError):
    """The store cannot do it now; ``msg`` says why in a sentence naming the endpoint and bucket."""

    def __init__(self, msg: Msg):
        super().__init__(errno.EIO, str(msg))
        self.msg = msg


class ObjectMissing(FileNotFoundError):
    """No object under that key."""


def check_key(key: str) -> str:
    """A key is a relative path of plain names (never ``..``, never absolute)."""
    parts = key.split("/")
    if not key or key.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"not an object key: {key[:200]!r}")
    return key


class ObjectStore:
    """What the provider asks of the place that keeps its bundles and derived media."""

    #: whether the bytes live elsewhere (then readers that need a path go through the read cache)
    remote = False

    def describe(self) -> str:
        raise NotImplementedError

    def check(self) -> None:
        """Raise ObjectStoreUnavailable if the store cannot be used now (at start)."""

    def put_file(self, key: str, path: Path) -> None:
        raise NotImplementedError

    def put_tree(self, prefix: str, folder: Path) -> int:
        """Put every plain file under ``folder`` at ``prefix/<relative path>``; returns how many.
        Idempotent: putting the same files again leaves the same objects."""
        count = 0
        for dirpath, _dirs, files in os.walk(folder):
            for name in sorted(files):
                path = Path(dirpath) / name
                if path.is_symlink() or not path.is_file():
                    continue
                self.put_file(f"{prefix}/{path.relative_to(folder).as_posix()}", path)
                count += 1
        return count

    def get_file(self, key: str, target: Path) -> None:
        raise NotImplementedError

    def read(self, key: str, limit: int) -> bytes:
        raise NotImplementedError

    def size(self, key: str) -> int:
        raise NotImplementedError

    def iter_range(self, key: str, start: int, end: int) -> Iterator[bytes]:
        """The bytes ``start`` to ``end`` (inclusive) of an object, in chunks."""
        raise NotImplementedError

    def keys(self, prefix: str) -> Iterator[tuple[str, int]]:
        """``(key, size)`` of every object under ``prefix/``."""
        raise NotImplementedError

    def delete(self, key: str) -> None:
        raise NotImplementedError


class FolderStore(ObjectStore):
    """The provider's own folder: a key is the same path under it."""

    def __init__(self, root: Path):
        self.root = root

    def describe(self) -> str:
        return str(self.root)

    def path(self, key: str) -> Path:
        return self.root / check_key(key)

    def put_file(self, key: str, path: Path) -> None:
        target = self.path(key)
        if target.exists() and os.path.samefile(target, path):
            return  # already in place (an imported bundle's folder is renamed there)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.tmp.", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out, open(path, "rb") as src:
                shutil.copyfileobj(src, out, CHUNK)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def get_file(self, key: str, target: Path) -> None:
        shutil.copyfile(self.path(key), target)

    def read(self, key: str, limit: int) -> bytes:
        with open(self.path(key), "rb") as f:
            return f.read(limit)

    def size(self, key: str) -> int:
        return self.path(key).stat().st_size

    def iter_range(self, key: str, start: int, end: int) -> Iterator[bytes]:
        with open(self.path(key), "rb") as f:
            f.seek(start)
            left = end - start + 1
            while left > 0 and (chunk := f.read(min(CHUNK, left))):
                left -= len(chunk)
                yield chunk

    def keys(self, prefix: str) -> Iterator[tuple[str, int]]:
        base = self.path(prefix)
        for dirpath, _dirs, files in os.walk(base):
            for name in sorted(files):
                path = Path(dirpath) / name
                yield path.relative_to(self.root).as_posix(), path.lstat().st_size

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)


class S3Store(ObjectStore):
    """One bucket of an S3-compatible store (AWS, SeaweedFS, MinIO, Ceph...)."""

    remote = True

    def __init__(self, bucket: str, endpoint: str | None = None, region: str | None = None):
        try:
            import boto3
            from boto3.s3.transfer import TransferConfig
            from botocore.config import Config
        except ImportError:
            from assessor_app.provider.store import ProviderError

            raise ProviderError(m_.NO_BOTO3()) from None
        self.bucket, self.endpoint = bucket, endpoint
        session = boto3.session.Session()
        credentials = session.get_credentials()
        self.access_key = credentials.access_key if credentials is not None else None
        self.client: Any = session.client(
            "s3", endpoint_url=endpoint, region_name=region or os.environ.get("AWS_REGION") or "us-east-1",
            config=Config(retries={"max_attempts": 3, "mode": "standard"}, connect_timeout=5,
                          read_timeout=60, s3={"addressing_style": "path" if endpoint else "auto"}))
        self.transfer = TransferConfig(multipart_threshold=PART_BYTES, multipart_chunksize=PART_BYTES,
                                       use_threads=True, max_concurrency=4)

    def describe(self) -> str:
        return f"s3://{self.bucket} at {self.endpoint or 'AWS'}"

    def _where(self) -> dict[str, str]:
        return {"endpoint": self.endpoint or "AWS", "bucket": self.bucket}

    def _fault(self, exc: Exception, action: str, key: str) -> OSError:
        """The boto3 error as ObjectMissing or ObjectStoreUnavailable (never naming a secret)."""
        from botocore.exceptions import ClientError, NoCredentialsError, PartialCredentialsError

        if isinstance(exc, (NoCredentialsError, PartialCredentialsError)):
            return ObjectStoreUnavailable(m_.NO_KEYS(**self._where()))
        if isinstance(exc, ClientError):
            error = exc.response.get("Error", {})
            code = str(error.get("Code", ""))
            status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
            if code == "NoSuchBucket" or (action == "check" and status == 404):
                return ObjectStoreUnavailable(m_.NO_BUCKET(**self._where()))
            if code in ("NoSuchKey", "404") or status == 404:
                return ObjectMissing(errno.ENOENT, f"{key} is not in {self.describe()}")
            if status == 403 or code in ("InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied"):
                return ObjectStoreUnavailable(m_.KEYS_REFUSED(**self._where(),
                                                              access_key=self.access_key or "?"))
            detail = f"{code} {error.get('Message', '')}".strip()[:200]
            return ObjectStoreUnavailable(m_.FAILED(**self._where(), action=action, key=key, detail=detail))
        detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        return ObjectStoreUnavailable(m_.UNREACHABLE(**self._where(), detail=detail))

    def _call(self, action: str, key: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return fn(*args, **kwargs)
        except (BotoCoreError, ClientError) as exc:
            raise self._fault(exc, action, key) from None

    def check(self) -> None:
        self._call("check", "", self.client.head_bucket, Bucket=self.bucket)

    def put_file(self, key: str, path: Path) -> None:
        from boto3.exceptions import S3UploadFailedError

        try:
            self._call("put", key, self.client.upload_file, str(path), self.bucket, check_key(key),
                       Config=self.transfer)
        except S3UploadFailedError as exc:  # the managed transfer wraps the ClientError
            cause = exc.__cause__ or exc.__context__
            raise self._fault(cause if isinstance(cause, Exception) else exc, "put", key) from None

    def get_file(self, key: str, target: Path) -> None:
        self._call("get", key, self.client.download_file, self.bucket, check_key(key), str(target),
                   Config=self.transfer)

    def read(self, key: str, limit: int) -> bytes:
        body = self._call("get", key, self.client.get_object, Bucket=self.bucket, Key=check_key(key))["Body"]
        try:
            return bytes(self._call("get", key, body.read, limit))
        finally:
            body.close()

    def size(self, key: str) -> int:
        head = self._call("get", key, self.client.head_object, Bucket=self.bucket, Key=check_key(key))
        return int(head["ContentLength"])

    def iter_range(self, key: str, start: int, end: int) -> Iterator[bytes]:
        answer = self._call("get", key, self.client.get_object, Bucket=self.bucket, Key=check_key(key),
                            Range=f"bytes={start}-{end}")
        body = answer["Body"]
        try:
            while chunk := self._call("get", key, body.read, CHUNK):
                yield chunk
        finally:
            body.close()

    def keys(self, prefix: str) -> Iterator[tuple[str, int]]:
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=check_key(prefix) + "/")
        iterator = iter(pages)
        while True:
            page = self._call("list", prefix, next, iterator, None)
            if page is None:
                return
            for item in page.get("Contents", ()):
                yield item["Key"], int(item["Size"])

    def delete(self, key: str) -> None:
        self._call("delete", key, self.client.delete_object, Bucket=self.bucket, Key=check_key(key))

    # ---------------------------------------------------------------- an object made of parts
    # (a tus upload received by several API processes: upload_parts.py)
    def put_bytes(self, key: str, data: bytes) -> None:
        self._call("put", key, self.client.put_object, Bucket=self.bucket, Key=check_key(key), Body=data)

    def start_parts(self, key: str) -> str:
        """A multipart upload to ``key``; its id."""
        answer = self._call("put", key, self.client.create_multipart_upload, Bucket=self.bucket,
                            Key=check_key(key))
        return str(answer["UploadId"])

    def put_part(self, key: str, parts_id: str, number: int, data: bytes) -> None:
        """Part ``number`` (from 1); sent again, the same number is replaced."""
        self._call("put", key, self.client.upload_part, Bucket=self.bucket, Key=check_key(key),
                   UploadId=parts_id, PartNumber=number, Body=data)

    def finish_parts(self, key: str, parts_id: str, sizes: list[int]) -> None:
        """Join parts 1..len(sizes) into the object, each checked to have the size expected of it."""
        listed: dict[int, tuple[str, int]] = {}
        marker = 0
        while True:
            page = self._call("list parts of", key, self.client.list_parts, Bucket=self.bucket,
                              Key=check_key(key), UploadId=parts_id, PartNumberMarker=marker)
            for part in page.get("Parts", ()):
                listed[int(part["PartNumber"])] = (str(part["ETag"]), int(part["Size"]))
            if not page.get("IsTruncated"):
                break
            marker = int(page["NextPartNumberMarker"])
        wrong = [n for n, size in enumerate(sizes, 1) if n not in listed or listed[n][1] != size]
        if wrong:
            raise ObjectStoreUnavailable(m_.FAILED(
                **self._where(), action="join the parts of", key=key,
                detail=f"part(s) {', '.join(map(str, wrong[:10]))} missing or of the wrong size"))
        self._call("put", key, self.client.complete_multipart_upload, Bucket=self.bucket,
                   Key=check_key(key), UploadId=parts_id, MultipartUpload={"Parts": [
                       {"PartNumber": n, "ETag": listed[n][0]} for n in range(1, len(sizes) + 1)]})

    def abort_parts(self, key: str, parts_id: str) -> None:
        self._call("delete", key, self.client.abort_multipart_upload, Bucket=self.bucket,
                   Key=check_key(key), UploadId=parts_id)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()
