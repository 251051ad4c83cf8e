"""tus 1.0 resumable upload (core, creation, checksum, termination) of bundle archives.

Upload-Metadata must carry ``bundle_id`` and ``manifest_sha256``. Creation is idempotent by
bundle id: a bundle already held answers with a finished upload (offset = length), so any tus
client stops there; an unfinished upload of the same bundle by the same workstation is handed
back, so it resumes. A chunk with an Upload-Checksum is kept whole or not at all; without one,
the bytes that arrived before a cut are kept (tus core). The offset is confirmed only after
the bytes are fsynced. The last PATCH is answered as soon as its bytes are confirmed; the import
runs on in the background (however large the bundle, no request waits for it), and
GET /files/{id}/result?wait=N gives the receipt or the reason for quarantine when it is done.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from assessor_app.provider.chunks import CHECKSUMS, receive_chunk
from assessor_app.provider.importer import BUNDLE_ID
from assessor_app.provider.limits import (
    RetryLater,
    fault_sentence,
    header_count,
    optional_header_count,
    query_count,
    storage_fault,
)
from assessor_app.provider.models import Upload
from assessor_app.provider.registry import DeviceInfo
from assessor_app.provider.store import Refused

if TYPE_CHECKING:
    from assessor_app.provider.service import ProviderService

TUS_VERSION = "1.0.0"
EXTENSIONS = "creation,checksum,termination"
MAX_RESULT_WAIT_S = 60
RESULT_POLL_S = 0.5  # how often ?wait=N reads a job's state where import workers import
OFFSET_TYPE = "application/offset+octet-stream"
HEX64 = re.compile(r"[0-9a-f]{64}")
BUSY = "this upload is being written by another request: ask its offset (HEAD) and try again"
LOCK_LOST = ("the provider lost its hold on this upload while the chunk arrived (its database connection "
             "dropped): nothing of the chunk was confirmed; ask the offset (HEAD) and send it again")


def tus_headers(**extra: str) -> dict[str, str]:
    return {"Tus-Resumable": TUS_VERSION, **extra}


def _service(request: Request) -> ProviderService:
    service: ProviderService = request.app.state.service
    return service


def _check_version(request: Request) -> None:
    if request.headers.get("tus-resumable") != TUS_VERSION:
        raise Refused(412, f"this server speaks tus {TUS_VERSION}: send Tus-Resumable: {TUS_VERSION}")


def parse_metadata(header: str) -> dict[str, str]:
    """``key base64value`` pairs separated by commas (tus creation), decoded as UTF-8."""
    out: dict[str, str] = {}
    for pair in filter(None, (p.strip() for p in header.split(","))):
        key, _, value = pair.partition(" ")
        try:
            out[key] = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise Refused(400, f"Upload-Metadata value of {key!r} is not base64 of UTF-8 text") from None
    return out


async def _owned(request: Request) -> tuple[DeviceInfo, Upload]:
    service = _service(request)
    return await run_in_threadpool(service.owned_upload, request.headers.get("authorization"),
                                   request.path_params["upload_id"])


async def options(request: Request) -> Response:
    max_size = str(_service(request).store.config.max_upload_bytes)
    return Response(status_code=204, headers=tus_headers(
        **{"Tus-Version": TUS_VERSION, "Tus-Extension": EXTENSIONS, "Tus-Max-Size": max_size,
           "Tus-Checksum-Algorithm": ",".join(CHECKSUMS)}))


async def create(request: Request) -> Response:
    _check_version(request)
    service = _service(request)
    device = await run_in_threadpool(service.registry.authenticate, request.headers.get("authorization"))
    if "upload-defer-length" in request.headers:
        raise Refused(400, "Upload-Defer-Length is not supported: send Upload-Length")
    length = header_count(request, "Upload-Length")
    limit = service.store.config.max_upload_bytes
    if length > limit:
        raise Refused(413, f"the upload of {length} bytes is larger than this provider's limit of "
                           f"{limit} bytes")
    meta = parse_metadata(request.headers.get("upload-metadata", ""))
    bundle_id, manifest = meta.get("bundle_id", ""), meta.get("manifest_sha256", "")
    if not BUNDLE_ID.fullmatch(bundle_id) or not HEX64.fullmatch(manifest):
        raise Refused(400, "Upload-Metadata must carry bundle_id (letters, digits, '.', '_', '-') and "
                           "manifest_sha256 (64 lowercase hex digits)")
    # one creation per workstation at a time, so two cannot both pass its limits at the last place
    async with service.lock(f"device:{device.key_id}"):
        await run_in_threadpool(service.check_upload_room, device, bundle_id, manifest, length)
        async with service.lock(f"bundle:{bundle_id}"):
            upload_id = await run_in_threadpool(service.create_upload, device, bundle_id, manifest, length)
    location = f"{str(request.base_url).rstrip('/')}/files/{upload_id}"
    return Response(status_code=201, headers=tus_headers(Location=location))


async def head(request: Request) -> Response:
    try:
        _check_version(request)
        _, upload = await _owned(request)
    except Refused as exc:  # a HEAD answer has no body: the reason goes in a header
        return Response(status_code=exc.status, headers=tus_headers(**{"Assessor-Error": str(exc)}))
    return Response(status_code=200, headers=tus_headers(**{
        "Upload-Offset": str(upload.offset), "Upload-Length": str(upload.length),
        "Cache-Control": "no-store"}))


async def patch(request: Request) -> Response:
    _check_version(request)
    service = _service(request)
    lock = service.lock(f"upload:{request.path_params['upload_id']}")
    if lock.locked():
        await _owned(request)  # only the owner learns that the upload is busy
        raise Refused(423, BUSY)
    async with lock, _across_processes(service, request) as still_held:
        device, upload = await _owned(request)  # read under the locks: its offset is the one to write at
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != OFFSET_TYPE:
            raise Refused(415, f"a PATCH body must be sent as Content-Type: {OFFSET_TYPE}")
        offset = header_count(request, "Upload-Offset")
        checksum = _parse_checksum(request.headers.get("upload-checksum"))
        declared = optional_header_count(request, "Content-Length")
        if declared is not None and offset + declared > upload.length:
            raise Refused(413, f"the chunk would take the upload past its length of {upload.length} bytes")
        if upload.status != "receiving":
            raise Refused(409, f"upload {upload.id} is complete ({upload.status}): "
                               f"GET /files/{upload.id}/result")
        if offset != upload.offset:
            raise Refused(409, f"Upload-Offset is {offset} but the provider holds {upload.offset} bytes")
        new_offset = await _receive(service, request, upload, checksum, still_held)
        headers = tus_headers(**{"Upload-Offset": str(new_offset)})
        if new_offset == upload.length:
            # tus answers the last PATCH like any other: the import runs on (here, or in an import
            # worker that takes the job from the database), and its result (the receipt, or the
            # reason for quarantine) is asked for with GET .../result
            if service.imports_in_process:
                service.start_import(upload.id, device, claimed=True)
                headers["Assessor-Import"] = "started"
            else:
                headers["Assessor-Import"] = "queued"
        return Response(status_code=204, headers=headers)


async def _receive(service: ProviderService, request: Request, upload: Upload,
                   checksum: tuple[str, bytes] | None, still_held: Callable[[], bool]) -> int:
    """The chunk written, checked, kept (the process's file, or the object store's parts) and its
    offset confirmed; the new offset."""
    retry_after_s = service.store.config.fault_retry_after_s

    def confirm_offset(new_offset: int) -> None:
        if not still_held():
            raise RetryLater(503, LOCK_LOST, retry_after_s, "upload_lock_lost")
        complete = new_offset == upload.length
        service.confirm_offset(upload.id, upload.offset, new_offset, complete=complete)

    room = upload.length - upload.offset
    if service.shared.in_parts(upload):
        start = await _spool_start(service, upload, retry_after_s)

        def confirm(spool_len: int) -> None:  # on the chunk's thread: the parts up, then the offset
            service.shared.put_received(upload, start, spool_len, confirm_offset)

        got = await receive_chunk(
            request.stream(), service.store.upload_path(upload.id), offset=upload.offset - start,
            room=room, checksum=checksum, pool=service.io_pool, confirm=confirm,
            retry_after_s=retry_after_s)
        return start + got

    def confirm_whole(new_offset: int) -> None:
        if new_offset == upload.length:  # for import workers on other machines: before the job is queued
            service.shared.share(upload)
        confirm_offset(new_offset)

    return await receive_chunk(
        request.stream(), service.store.upload_path(upload.id), offset=upload.offset, room=room,
        checksum=checksum, pool=service.io_pool, confirm=confirm_whole, retry_after_s=retry_after_s)


async def _spool_start(service: ProviderService, upload: Upload, retry_after_s: int) -> int:
    """The spool ready for the chunk (its tail fetched from the object store if another process
    received the last one); a fault of the store or disk is a 503 with Retry-After."""
    try:
        return await run_in_threadpool(service.shared.spool_start, upload)
    except OSError as exc:
        fault = storage_fault(exc)
        what = fault[0] if fault else f"its file system failed ({exc.strerror})"
        raise RetryLater(503, fault_sentence(what, "resume this upload"), retry_after_s,
                         "provider_storage") from exc


@asynccontextmanager
async def _across_processes(service: ProviderService, request: Request) -> AsyncIterator[Callable[[], bool]]:
    """On PostgreSQL, one PATCH of an upload at a time across every API process sharing the
    database: a session advisory lock keyed by the upload id on the process's own lock connection
    (upload_locks.py: no pooled connection is held while the body streams), released when the PATCH
    ends or with the connection if the process dies. Yields the check made before the offset is
    confirmed: is the lock still held? SQLite's provider is one process, whose own lock
    (``service.lock``) already does this."""
    locks = service.upload_locks
    if locks is None:
        yield lambda: True
        return
    upload_id = request.path_params["upload_id"]
    key = await run_in_threadpool(locks.acquire, upload_id)
    if key is None:
        await _owned(request)  # only the owner learns that the upload is busy
        raise Refused(423, BUSY)
    try:
        yield lambda: locks.still_held(key)
    finally:
        await run_in_threadpool(locks.release, key)


def _parse_checksum(header: str | None) -> tuple[str, bytes] | None:
    if header is None:
        return None
    algorithm, _, value = header.strip().partition(" ")
    if algorithm not in CHECKSUMS:
        raise Refused(400, f"checksum algorithm {algorithm!r} is not supported (use sha256 or sha1)")
    try:
        return algorithm, base64.b64decode(value.strip(), validate=True)
    except binascii.Error:
        raise Refused(400, "the Upload-Checksum value is not base64") from None


async def terminate(request: Request) -> Response:
    _check_version(request)
    service = _service(request)
    _, upload = await _owned(request)
    async with service.lock(f"upload:{upload.id}"):
        await run_in_threadpool(service.terminate_upload, upload.id)
    return Response(status_code=204, headers=tus_headers())


async def result(request: Request) -> Response:
    """What became of a finished upload: the signed receipt, or why it was quarantined.

    ``?wait=N`` (at most 60 s) holds the answer while the import is still running here.
    """
    service = _service(request)
    wait = query_count(request, "wait", default=0, low=0, high=MAX_RESULT_WAIT_S)
    device, upload = await _owned(request)
    if not service.imports_in_process:
        return await _queued_result(service, upload, wait)
    running = service.running_import(upload.id)
    if running is None and upload.status in ("receiving", "importing") and upload.offset == upload.length:
        running = service.start_import(upload.id, device, claimed=False)  # e.g. after a restart
    if running is not None:
        if not running.done() and wait:
            waiter = asyncio.wrap_future(running)
            waiter.add_done_callback(_retrieved)  # the outcome is read from `running` below
            await asyncio.wait([waiter], timeout=wait)
        failure = running.exception() if running.done() else None
        if failure is not None:
            raise _import_failed(upload.id, failure, service.store.config.fault_retry_after_s)
        fresh = await run_in_threadpool(service.upload, upload.id)
        if fresh is None:
            raise Refused(404, "no such upload for this workstation")
        upload = fresh
    return await _outcome(service, upload, waited=running is not None and wait > 0)


async def _outcome(service: ProviderService, upload: Upload, *, waited: bool,
                   retry_after_s: int | None = None) -> Response:
    body = {"upload_id": upload.id, "status": upload.status, "bundle_id": upload.bundle_id,
            "manifest_sha256": upload.manifest_sha256, "offset": upload.offset, "length": upload.length}
    if upload.status == "quarantined":
        return JSONResponse({**body, "reason": upload.reason}, status_code=422)
    if upload.status == "imported":
        held = await run_in_threadpool(service.importer.held, upload.bundle_id, upload.device)
        body["receipt"] = json.loads(held.receipt) if held else None
        return JSONResponse(body)
    # receiving or importing: ask again (at once after a long poll here, else in a second)
    after = retry_after_s if retry_after_s is not None else 0 if waited else 1
    return JSONResponse(body, headers={"Retry-After": str(after)})


async def _queued_result(service: ProviderService, upload: Upload, wait: int) -> Response:
    """The result where import workers import: read from the database, which ``?wait=N`` polls
    until the job is done or the wait is over."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while upload.status in ("receiving", "importing") and loop.time() < deadline:
        await asyncio.sleep(min(RESULT_POLL_S, max(0.0, deadline - loop.time())))
        fresh = await run_in_threadpool(service.upload, upload.id)
        if fresh is None:
            raise Refused(404, "no such upload for this workstation")
        upload = fresh
    retry_after_s = None
    if upload.status == "receiving" and upload.offset == upload.length and upload.lease_until_us:
        # its import failed on the provider's side and waits before a worker tries it again
        left_us = upload.lease_until_us - service.store.clock()
        retry_after_s = max(1, -(-left_us // 10**6))
    return await _outcome(service, upload, waited=wait > 0, retry_after_s=retry_after_s)


def _import_failed(upload_id: str, failure: BaseException, retry_after_s: int) -> RetryLater:
    """The import failed on the provider's side (it was logged there): the bundle is not at fault."""
    fault = storage_fault(failure)
    what = fault[0] if fault else (f"it met an unexpected error ({type(failure).__name__}, recorded in "
                                   "the provider's log)")
    reason = fault_sentence(what, f"import upload {upload_id}", "the bundle's")
    return RetryLater(503, f"{reason} Asking for the result again tries the import again.", retry_after_s,
                      "import_failed")


def _retrieved(future: asyncio.Future[object]) -> None:
    if not future.cancelled():
        future.exception()
