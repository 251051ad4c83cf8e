"""A credential's files: ``/console/credentials/{id}/download/{kind}``.

``ob3``: the Open Badge as issued (``<id>.ob3.jwt``); ``edc``: the European Digital Credential as
issued (``<id>.edc.json``); ``edc-upload``: the form the EU's issuing service takes,
``{"credential": ...}`` (``<id>.edc-upload.json``); ``pdf``: the certificate in ``?language=``
(``<id>.<language>.pdf``); ``learner``: all of them in one .zip for the learner (the certificate in
the learner's language). Each download is in the audit log.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from starlette.responses import Response

from assessor_app.i18n import LANGUAGES
from assessor_app.provider.console import credential_messages as C
from assessor_app.provider.console.bundle_files import content_disposition
from assessor_app.provider.console.credential_pages import credential_row
from assessor_app.provider.console.errors import ConsoleError
from assessor_app.provider.console.web import ConsoleContext, console_view
from assessor_app.provider.credentials.restate import stated

KINDS = ("ob3", "edc", "edc-upload", "pdf", "learner")
JWT_TYPE = "application/jwt"
EDC_TYPE = "application/ld+json"


def _stored_edc(row: Any) -> dict[str, Any]:
    try:
        found = json.loads(row.edc_json)
    except ValueError:
        raise ConsoleError(404, C.EDC_UNREADABLE(credential=row.id)) from None
    if not isinstance(found, dict):
        raise ConsoleError(404, C.EDC_UNREADABLE(credential=row.id))
    return found


def _wrapped(found: dict[str, Any]) -> bool:
    return set(found) == {"credential"} and isinstance(found["credential"], dict)


def edc_document(row: Any) -> dict[str, Any]:
    """The EDC as issued (a stored uploadable form is unwrapped)."""
    found = _stored_edc(row)
    return found["credential"] if _wrapped(found) else found


def _without(node: Any, key: str) -> Any:
    if isinstance(node, dict):
        return {k: _without(v, key) for k, v in node.items() if k != key}
    if isinstance(node, list):
        return [_without(v, key) for v in node]
    return node


def upload_form(row: Any) -> dict[str, Any]:
    """What the EU's issuing service takes: ``{"credential": ...}`` without what it adds when it seals
    (``issued``, the issuer's eIDAS identifier), as ``edc.uploadable`` makes it."""
    found = _stored_edc(row)
    if _wrapped(found):
        return found
    credential = {k: v for k, v in found.items() if k != "issued"}
    return {"credential": _without(credential, "eIDASIdentifier")}


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def certificate(ctx: ConsoleContext, row: Any, language: str) -> bytes:
    """The PDF certificate in ``language``."""
    try:
        from assessor_app.credentials.certificate_pdf import certificate_pdf
    except ImportError:
        raise ConsoleError(503, C.PDF_UNAVAILABLE()) from None
    data = stated(ctx.service.store, ctx.service.credentials.rules, row)
    if data is None:
        raise ConsoleError(404, C.CANNOT_STATE())
    pdf: bytes = certificate_pdf(data, language)
    return pdf


def learner_zip(ctx: ConsoleContext, row: Any, language: str) -> bytes:
    edc = edc_document(row)
    files = {f"{row.id}.ob3.jwt": row.ob3_jwt.encode("ascii"), f"{row.id}.edc.json": _json(edc),
             f"{row.id}.edc-upload.json": _json(upload_form(row)),
             f"{row.id}.{language}.pdf": certificate(ctx, row, language)}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), body,
                             compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


@console_view("credentials.download")
def download(ctx: ConsoleContext) -> Response:
    row = credential_row(ctx)
    kind = str(ctx.request.path_params.get("kind", ""))
    if kind not in KINDS:
        raise ConsoleError(404, C.NO_SUCH_DOWNLOAD(kind=kind[:40]))
    language = ctx.query("language", longest=5) or (row.language if row.language in LANGUAGES else "en")
    if language not in LANGUAGES:
        raise ConsoleError(400, C.BAD_LANGUAGE(language=language[:5]))
    if kind == "ob3":
        body, media, name = row.ob3_jwt.encode("ascii"), JWT_TYPE, f"{row.id}.ob3.jwt"
    elif kind == "edc":
        body, media, name = _json(edc_document(row)), EDC_TYPE, f"{row.id}.edc.json"
    elif kind == "edc-upload":
        body, media, name = _json(upload_form(row)), "application/json", f"{row.id}.edc-upload.json"
    elif kind == "pdf":
        body, media, name = certificate(ctx, row, language), "application/pdf", f"{row.id}.{language}.pdf"
    else:
        body, media, name = learner_zip(ctx, row, language), "application/zip", f"{row.id}.zip"
    ctx.audit("credentials.download", target=row.id, detail={"what": kind, "language": language})
    return Response(body, media_type=media, headers={"Content-Disposition": content_disposition(name),
                                                     "X-Content-Type-Options": "nosniff"})
