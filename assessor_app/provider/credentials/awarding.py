"""The awarding body: the provider as a legal entity, set once and read by every credential it issues."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from babel import Locale
from sqlalchemy import select

from assessor_app.credentials.data import AwardingBody
from assessor_app.provider.credentials import messages as m_
from assessor_app.provider.credentials.models import AwardingBodyRow
from assessor_app.provider.database import upsert
from assessor_app.provider.store import ProviderStore, Refused, now_us

LEGAL_ID_TYPES = ("business", "vat", "eidas")
_LEGAL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ./:-]{1,99}")
_VAT = re.compile(r"([A-Z]{2})[A-Z0-9]{2,13}")
_EMAIL = re.compile(r"[^@\s]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,}")
_LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
#: Greece's VAT numbers start with EL, not GR
_VAT_PREFIX = {"GR": "EL"}


def _countries() -> frozenset[str]:
    return frozenset(code for code in Locale("en").territories if re.fullmatch(r"[A-Z]{2}", code))


def _refuse(message: object) -> Refused:
    return Refused(400, message)  # type: ignore[arg-type]


def checked(body: AwardingBody) -> AwardingBody:
    """``body`` with its fields tidied, or Refused naming the first field that is wrong."""
    name = " ".join(body.name.split())
    if not 1 <= len(name) <= 200:
        raise _refuse(m_.BODY_NAME(value=body.name[:60]))
    country = body.country.strip().upper()
    if country not in _countries():
        raise _refuse(m_.BODY_COUNTRY(value=body.country[:10]))
    kind = body.legal_id_type.strip().lower()
    if kind not in LEGAL_ID_TYPES:
        raise _refuse(m_.BODY_LEGAL_ID_TYPE(choices=", ".join(LEGAL_ID_TYPES), value=body.legal_id_type[:20]))
    legal_id = body.legal_id.strip()
    if not _LEGAL_ID.fullmatch(legal_id):
        raise _refuse(m_.BODY_LEGAL_ID(value=body.legal_id[:60]))
    if kind == "vat":
        legal_id = legal_id.replace(" ", "").upper()
        prefix = _VAT_PREFIX.get(country, country)
        match = _VAT.fullmatch(legal_id)
        if match is None or match.group(1) != prefix:
            raise _refuse(m_.BODY_VAT(country=prefix, value=body.legal_id[:40]))
    address = " ".join(body.address.split())
    if not 5 <= len(address) <= 500:
        raise _refuse(m_.BODY_ADDRESS())
    url = body.url.strip()
    parts = urlsplit(url)
    local = parts.scheme == "http" and parts.hostname in _LOCAL_HOSTS
    if (not (parts.scheme == "https" or local) or not parts.hostname or parts.query or parts.fragment
            or url.endswith("/") or parts.username or len(url) > 300):
        raise _refuse(m_.BODY_URL(value=body.url[:80]))
    email = body.email.strip()
    if email and not _EMAIL.fullmatch(email):
        raise _refuse(m_.BODY_EMAIL(value=body.email[:80]))
    return AwardingBody(name=name, legal_id=legal_id, legal_id_type=kind, address=address, country=country,
                        url=url, email=email)


def awarding_body(store: ProviderStore) -> AwardingBody | None:
    """The awarding body as set, or None when it has not been."""
    with store.engine.connect() as conn:
        row = conn.execute(select(AwardingBodyRow).where(AwardingBodyRow.id == 1)).first()
    if row is None:
        return None
    return AwardingBody(name=row.name, legal_id=row.legal_id, legal_id_type=row.legal_id_type,
                        address=row.address, country=row.country, url=row.url, email=row.email)


def required_body(store: ProviderStore) -> AwardingBody:
    body = awarding_body(store)
    if body is None:
        raise Refused(409, m_.BODY_NOT_SET())
    return body


def set_awarding_body(store: ProviderStore, body: AwardingBody, *, by: str) -> AwardingBody:
    """Check and store the awarding body (replacing the one set before); credentials issued before
    keep what they were issued with."""
    body = checked(body)
    values = {"name": body.name, "legal_id": body.legal_id, "legal_id_type": body.legal_id_type,
              "address": body.address, "country": body.country, "url": body.url, "email": body.email,
              "updated_us": now_us(), "updated_by": by}
    with store.writer.begin() as conn:  # one row, id 1: set whoever set it before (an upsert)
        upsert(conn, AwardingBodyRow, {"id": 1, **values}, ("id",))
    return body
