"""tus 1.0 resumable upload (core, creation, checksum, termination) of bundle archives.

Upload-Metadata must carry ``bundle_id`` and ``manifest_sha256``. Creation is idempotent by
bundle id: a bundle already held answers with a finished upload (offset = length), so any tus
client stops there; an unfinished upload of the same bundle by the same workstation is handed
back, so it resumes. A chunk with an Upload-Checksum is kept whole or not at all; without one,
the bytes that arrived before a cut are kept (tus core). The offset is confirmed only after
the bytes are fsynced.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response

from assessor_app.provider.importer import BUNDLE_ID
from assessor_app.provider.models import Upload
from assessor_app.provider.registry import DeviceInfo
from assessor_app.provider.store import Refused

if TYPE_CHECKING:
    from assessor_app.provider.service import ProviderService

TUS_VERSION = "1.0.0"
EXTENSIONS = "creation,checksum,termination"
CHECKSUMS = {"sha256": hashlib.sha256, "sha1": hashlib.sha1}  # sha1 for clients (tuspy) fixed on it
OFFSET_TYPE = "application/offset+octet-stream"
HEX64 = re.compile(r"[0-9a-f]{64}")


def tus_headers(**extra: str) -> dict[str, str]:
    return {"Tus-Resumable": TUS_VERSION, **extra}


def _service(request: Request) -> ProviderService:
    service: ProviderService = request.app.state.service
    return service


def _check_version(request: Request) -> None:
    if request.headers.get("tus-resumable") != TUS_VERSION:
        raise Refused(412, f"this server speaks tus {TUS_VERSION}: send Tus-Resumable: {TUS_VERSION}")


def _int_header(request: Request, name: str) -> int:
    value = request.headers.get(name, "")
    if not value.isdigit() or len(value) > 19:
        raise Refused(400, f"the {name} header must be a non-negative integer")
    return int(value)


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
    device = await run_in_threadpool(service.registry.authenticate, request.headers.get("authorization"))
    upload = await run_in_threadpool(service.upload, request.path_params["upload_id"])
    if upload is None or upload.device != device.key_id:
        raise Refused(404, "no such upload for this workstation")
    return device, upload


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
    length = _int_header(request, "upload-length")
    limit = service.store.config.max_upload_bytes
    if length > limit:
        raise Refused(413, f"the upload of {length} bytes is larger than this provider's limit of "
                           f"{limit} bytes")
    meta = parse_metadata(request.headers.get("upload-metadata", ""))
    bundle_id, manifest = meta.get("bundle_id", ""), meta.get("manifest_sha256", "")
    if not BUNDLE_ID.fullmatch(bundle_id) or not HEX64.fullmatch(manifest):
        raise Refused(400, "Upload-Metadata must carry bundle_id (letters, digits, '.', '_', '-') and "
                           "manifest_sha256 (64 lowercase hex digits)")
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
    device, upload = await _owned(request)
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != OFFSET_TYPE:
        raise Refused(415, f"a PATCH body must be sent as Content-Type: {OFFSET_TYPE}")
    offset = _int_header(request, "upload-offset")
    checksum = _parse_checksum(request.headers.get("upload-checksum"))
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and offset + int(declared) > upload.length:
        raise Refused(413, f"the chunk would take the upload past its length of {upload.length} bytes")
    lock = service.lock(f"upload:{upload.id}")
    if lock.locked():
        raise Refused(423, "this upload is being written by another request: ask its offset (HEAD) "
                           "and try again")
    async with lock:
        fresh = await run_in_threadpool(service.upload, upload.id)  # re-read under the lock
        if fresh is None:
            raise Refused(404, "no such upload for this workstation")
        upload = fresh
        if upload.status != "receiving":
            raise Refused(409, f"upload {upload.id} is complete ({upload.status}): "
                               f"GET /files/{upload.id}/result")
        if offset != upload.offset:
            raise Refused(409, f"Upload-Offset is {offset} but the provider holds {upload.offset} bytes")
        new_offset = await _receive(request, service, upload, checksum)
        headers = tus_headers(**{"Upload-Offset": str(new_offset)})
        if new_offset == upload.length:
            result = await run_in_threadpool(service.finish_upload, upload.id, device)
            headers["Assessor-Import"] = result.status
        return Response(status_code=204, headers=headers)


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


async def _receive(request: Request, service: ProviderService, upload: Upload,
                   checksum: tuple[str, bytes] | None) -> int:
    """Append the body at the upload's offset; returns the confirmed offset."""
    path = service.store.upload_path(upload.id)
    hasher = CHECKSUMS[checksum[0]]() if checksum else None
    room = upload.length - upload.offset
    written = 0
    with open(path, "r+b") as f:
        f.seek(upload.offset)
        f.truncate()  # bytes past the confirmed offset were never confirmed
        try:
            async for piece in request.stream():
                written += len(piece)
                if written > room:
                    f.truncate(upload.offset)
                    raise Refused(413, f"the chunk takes the upload past its length of {upload.length} "
                                       "bytes")
                f.write(piece)
                if hasher is not None:
                    hasher.update(piece)
        except ClientDisconnect:
            if hasher is not None:  # a checksummed chunk counts whole or not at all
                f.truncate(upload.offset)
                raise Refused(400, "the connection closed before the chunk was complete") from None
        if checksum is not None and hasher is not None and hasher.digest() != checksum[1]:
            f.truncate(upload.offset)
            raise Refused(460, f"Checksum Mismatch: the chunk at offset {upload.offset} does not match its "
                               f"{checksum[0]} Upload-Checksum")
        f.flush()
        os.fsync(f.fileno())
    new_offset = upload.offset + written
    await run_in_threadpool(service.confirm_offset, upload.id, upload.offset, new_offset)
    return new_offset


async def terminate(request: Request) -> Response:
    _check_version(request)
    service = _service(request)
    _, upload = await _owned(request)
    async with service.lock(f"upload:{upload.id}"):
        await run_in_threadpool(service.terminate_upload, upload.id)
    return Response(status_code=204, headers=tus_headers())


async def result(request: Request) -> Response:
    """What became of a finished upload: the signed receipt, or why it was quarantined."""
    service = _service(request)
    device, upload = await _owned(request)
    if upload.status == "receiving" and upload.offset == upload.length:
        async with service.lock(f"upload:{upload.id}"):  # e.g. the provider stopped mid-import
            await run_in_threadpool(service.finish_upload, upload.id, device)
        fresh = await run_in_threadpool(service.upload, upload.id)
        if fresh is None:
            raise Refused(404, "no such upload for this workstation")
        upload = fresh
    body = {"upload_id": upload.id, "status": upload.status, "bundle_id": upload.bundle_id,
            "manifest_sha256": upload.manifest_sha256, "offset": upload.offset, "length": upload.length}
    if upload.status == "quarantined":
        return JSONResponse({**body, "reason": upload.reason}, status_code=422)
    if upload.status == "imported":
        held = await run_in_threadpool(service.importer.held, upload.bundle_id)
        body["receipt"] = json.loads(held.receipt) if held else None
    return JSONResponse(body)
