"""Uploads any API process can go on receiving: tus chunks as an object store's multipart parts.

Where import workers import and bundles live in an object store, API processes may run on several
machines with no shared ``uploads/`` folder. There an upload's bytes are in the store before its
offset is confirmed:

* every whole part (``part_bytes``, fixed for the upload when it is created) is part *n* of a
  multipart upload to ``uploads/<id>``;
* the bytes past the last whole part (the tail) are pieces, ``uploads/<id>.tail/<start>``, each
  one PATCH's bytes from the offset it started at.

The process that confirmed the last chunk keeps the tail in its spool (the upload's file in
``uploads/``) and writes the next chunk after it; any other process first rebuilds the spool from
the pieces. The last chunk joins the parts: ``uploads/<id>`` is then the whole archive, which an
import worker on any machine fetches. An attempt that failed before its offset was confirmed may
leave a part or piece behind: the retry sends the same part number or piece key again, and reads
follow only confirmed offsets, so nothing unconfirmed is ever read.

Uploads created before (no ``part_bytes``), and every upload where the API imports in process,
keep their bytes in the receiving process's file until complete (and, for import workers on other
machines, are put whole at ``uploads/<id>`` then).
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import update

from assessor_app.i18n import Message
from assessor_app.provider.models import Upload
from assessor_app.provider.objects import ObjectStoreUnavailable, S3Store

if TYPE_CHECKING:
    from assessor_app.provider.store import ProviderStore

log = logging.getLogger(__name__)

#: S3's smallest part but the last (AWS refuses a smaller one when the parts are joined)
MIN_PART_BYTES = 5 * 1024 * 1024
COPY_BYTES = 1024 * 1024

PIECE_MISSING = Message(
    "provider.upload.piece_missing",
    "the bytes of upload {upload} from offset {start} are not in the object store {store}, though the "
    "database confirmed them: the store lost them; terminate the upload (DELETE) and send the bundle again")


PART_TOO_SMALL = Message(
    "provider.upload.part_too_small",
    "uploads are received into the object store in parts of {size} bytes, smaller than the {least} bytes "
    "S3 allows for a part: give --upload-part-mib (or ASSESSOR_UPLOAD_PART_MIB) 5 or more")


NEEDS_STORE = Message(
    "provider.upload.needs_store",
    "this upload was begun in parts in an S3 bucket, and the provider now keeps its bundles in {store}: "
    "serve it with the same --object-store again to finish the upload, or terminate it (DELETE)")


def upload_key(upload_id: str) -> str:
    """Where a completed upload waits in the object store for an import worker on any machine."""
    return f"uploads/{upload_id}"


def piece_prefix(upload_id: str) -> str:
    return f"uploads/{upload_id}.tail"


def piece_key(upload_id: str, start: int) -> str:
    return f"{piece_prefix(upload_id)}/{start:015d}"


class SharedUploads:
    """Uploads in the object store, for import workers on any machine (see the module's text)."""

    def __init__(self, store: ProviderStore, *, active: bool):
        if active and store.config.upload_part_bytes < MIN_PART_BYTES:
            from assessor_app.provider.store import ProviderError

            raise ProviderError(PART_TOO_SMALL(size=store.config.upload_part_bytes, least=MIN_PART_BYTES))
        self.store = store
        #: import workers import and the bundles live in an object store
        self.active = active
        #: upload id -> (first offset in the local spool, the confirmed offset it runs to)
        self._spools: dict[str, tuple[int, int]] = {}

    @property
    def objects(self) -> S3Store:
        objects = self.store.objects
        if not isinstance(objects, S3Store):  # begun in a bucket, served since without one
            raise ObjectStoreUnavailable(NEEDS_STORE(store=objects.describe()))
        return objects

    def part_bytes_for_new(self) -> int | None:
        """The part size a new upload is received in, or None (received in the process's file)."""
        return self.store.config.upload_part_bytes if self.active else None

    @staticmethod
    def in_parts(upload: Upload) -> bool:
        """Received into the object store in parts (whatever this process's own settings now)."""
        return upload.part_bytes is not None

    # ------------------------------------------------------------ receiving in parts
    def spool_start(self, upload: Upload) -> int:
        """Make the local spool hold the upload's confirmed tail; the offset the spool starts at."""
        assert upload.part_bytes is not None
        tail = upload.offset % upload.part_bytes
        start = upload.offset - tail
        path = self.store.upload_path(upload.id)
        if self._spools.get(upload.id) == (start, upload.offset) and _size(path) >= tail:
            return start
        self._spools.pop(upload.id, None)
        part = path.with_name(f"{path.name}.rebuilding-{secrets.token_hex(4)}")
        try:
            with open(part, "wb") as out:
                if tail:
                    self._read_pieces(upload, start, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(part, path)
        finally:
            part.unlink(missing_ok=True)
        if tail:
            log.info("upload %s: %d bytes of its tail fetched from the object store", upload.id, tail)
        self._spools[upload.id] = (start, upload.offset)
        return start

    def _read_pieces(self, upload: Upload, start: int, out: object) -> None:
        sizes = dict(self.objects.keys(piece_prefix(upload.id)))
        at = start
        while at < upload.offset:
            size = sizes.get(piece_key(upload.id, at), 0)
            if size <= 0:
                raise ObjectStoreUnavailable(PIECE_MISSING(upload=upload.id, start=at,
                                                           store=self.objects.describe()))
            take = min(size, upload.offset - at)
            for chunk in self.objects.iter_range(piece_key(upload.id, at), 0, take - 1):
                out.write(chunk)  # type: ignore[attr-defined]
            at += take

    def put_received(self, upload: Upload, start: int, spool_len: int,
                     confirm: Callable[[int], None]) -> None:
        """The spool holds the upload's bytes ``start``..``start + spool_len``: put every whole part
        and the rest as a piece, then ``confirm`` the new offset (the database), then drop from the
        spool what went up in parts."""
        assert upload.part_bytes is not None
        size, path = upload.part_bytes, self.store.upload_path(upload.id)
        end = start + spool_len
        if end == upload.offset:
            confirm(end)
            return
        complete = end == upload.length
        whole = spool_len // size
        if complete and self._joined(upload):
            pass  # an attempt that died before its confirmation had joined the parts already
        elif complete and start == 0:  # all of it in one spool: one object, no parts needed
            self.objects.put_file(upload_key(upload.id), path)
            if upload.parts_id:  # started by an attempt that was never confirmed
                self._abort_parts(upload)
        else:
            parts_id = upload.parts_id
            if whole or complete:
                parts_id = parts_id or self._start_parts(upload)
            with open(path, "rb") as spool:
                for i in range(whole + (1 if complete and spool_len % size else 0)):
                    spool.seek(i * size)
                    self.objects.put_part(upload_key(upload.id), parts_id or "", start // size + i + 1,
                                          spool.read(size))
                rest_at = start + whole * size
                if not complete and end > rest_at:
                    piece_at = max(upload.offset, rest_at)  # this PATCH's bytes, or the rest after parts
                    spool.seek(piece_at - start)
                    self.objects.put_bytes(piece_key(upload.id, piece_at), spool.read(end - piece_at))
            if complete:
                count = -(-upload.length // size)
                sizes = [size] * (count - 1) + [upload.length - (count - 1) * size]
                self.objects.finish_parts(upload_key(upload.id), parts_id or "", sizes)
        if complete:
            self._spools.pop(upload.id, None)
            path.unlink(missing_ok=True)  # a worker on this machine fetches the joined object instead
        confirm(end)
        if complete:
            self._drop_pieces(upload.id, below=None)
        elif whole:
            self._keep_after(upload.id, path, whole * size, start + whole * size, end)
        else:
            self._spools[upload.id] = (start, end)

    def _joined(self, upload: Upload) -> bool:
        try:
            return self.objects.size(upload_key(upload.id)) == upload.length
        except FileNotFoundError:
            return False

    def _start_parts(self, upload: Upload) -> str:
        parts_id = self.objects.start_parts(upload_key(upload.id))
        with self.store.writer.begin() as conn:  # under the upload's lock: nobody else starts one
            conn.execute(update(Upload).where(Upload.id == upload.id).values(parts_id=parts_id))
        return parts_id

    def _keep_after(self, upload_id: str, path: Path, cut: int, start: int, end: int) -> None:
        """The spool keeps only its bytes from ``cut`` on (the rest went up in parts)."""
        part = path.with_name(f"{path.name}.cut-{secrets.token_hex(4)}")
        try:
            with open(path, "rb") as old, open(part, "wb") as new:
                old.seek(cut)
                while chunk := old.read(COPY_BYTES):
                    new.write(chunk)
            os.replace(part, path)
            self._spools[upload_id] = (start, end)
        except OSError as exc:  # the next chunk rebuilds the spool from the pieces
            self._spools.pop(upload_id, None)
            part.unlink(missing_ok=True)
            log.warning("upload %s: its spool is rebuilt for the next chunk (%s)", upload_id, exc)
        self._drop_pieces(upload_id, below=start)

    def _drop_pieces(self, upload_id: str, below: int | None) -> None:
        """Pieces now inside a part (or all, ``below`` None); only a copy: a failure is logged."""
        try:
            for key, _ in list(self.objects.keys(piece_prefix(upload_id))):
                if below is None or int(key.rsplit("/", 1)[1]) < below:
                    self.objects.delete(key)
        except (OSError, ValueError) as exc:
            log.warning("pieces of upload %s stay in the object store (%s)", upload_id, exc)

    def forget(self, upload: Upload) -> None:
        """An upload terminated or expired: its parts and pieces go (a failure is logged)."""
        self._spools.pop(upload.id, None)
        if not self.in_parts(upload):
            return
        if upload.parts_id:
            self._abort_parts(upload)
        self._drop_pieces(upload.id, below=None)

    def _abort_parts(self, upload: Upload) -> None:
        try:
            self.objects.abort_parts(upload_key(upload.id), upload.parts_id or "")
        except OSError as exc:  # a store's lifecycle rule for incomplete multipart uploads takes them
            log.warning("the parts of upload %s stay in the object store (%s)", upload.id, exc)

    # ------------------------------------------------------------ a completed upload, for any machine
    def share(self, upload: Upload) -> None:
        """An upload received in the process's file: put it whole at ``uploads/<id>`` before its job
        is queued (received in parts, it is there already)."""
        if self.active and upload.part_bytes is None:
            self.objects.put_file(upload_key(upload.id), self.store.upload_path(upload.id))

    def fetch(self, upload: Upload, path: Path) -> None:
        """The completed upload into ``path`` for an import, unless this machine received it whole.
        An upload received in parts is always fetched: a file of its name here is a spool this API
        process kept when another one received the last chunk."""
        if not self.in_parts(upload) and (not self.active or path.exists()):
            return
        upload_id = upload.id
        part = path.with_name(f"{path.name}.fetching-{secrets.token_hex(4)}")
        try:
            self.objects.get_file(upload_key(upload_id), part)
            os.replace(part, path)
        finally:
            part.unlink(missing_ok=True)
        log.info("upload %s fetched from the object store", upload_id)

    def unshare(self, upload: Upload) -> None:
        if not (self.active or self.in_parts(upload)):
            return
        try:
            self.objects.delete(upload_key(upload.id))
        except OSError as exc:  # it is only a copy: the job is done
            log.warning("the copy of upload %s stays in the object store (%s)", upload.id, exc)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return -1
