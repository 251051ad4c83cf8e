"""The provider's records of who is who: workshops, and assessors with their qualifications and keys.

Workshops and assessors are created by the provider only. An assessor binds a personal
(PIN-protected) key to their record once, with a one-time assessor code, from a workstation of a
workshop they assess for; from then on a bundle they co-sign is accepted only while that key and
their record stand and their qualification was valid on the assessment date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from assessor_app.evidence.seal import SealError, public_key
from assessor_app.i18n import Message, Msg
from assessor_app.provider import directory_messages as say
from assessor_app.provider import quarantine_reasons as reasons
from assessor_app.provider.models import (
    Assessor,
    AssessorCode,
    AssessorKey,
    AssessorWorkshop,
    Device,
    Workshop,
)
from assessor_app.provider.registry import (
    KEY_ID,
    WORKSHOP_ID,
    DeviceInfo,
    IssuedCode,
    check_signature,
    new_code,
    normalize_code,
    sha256_text,
)
from assessor_app.provider.store import ProviderStore, Refused

ASSESSOR_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
COUNTRY = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True)
class WorkshopInfo:
    id: str
    name: str
    country: str
    address: str
    created_us: int

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "country": self.country, "address": self.address}


@dataclass(frozen=True)
class AssessorKeyInfo:
    key_id: str
    bound_us: int
    bound_by_device: str
    revoked_us: int | None
    revoked_reason: str | None


@dataclass(frozen=True)
class AssessorInfo:
    id: str
    name: str
    qualification: str
    qualification_ref: str
    qualification_expires: str  # ISO date; the qualification is valid through that day
    workshops: tuple[str, ...]
    created_us: int
    revoked_us: int | None
    revoked_reason: str | None
    keys: tuple[AssessorKeyInfo, ...]

    def valid_on(self, day: dt.date) -> bool:
        return day <= dt.date.fromisoformat(self.qualification_expires)

    def days_left(self, today: dt.date) -> int:
        """Days the qualification is still valid after ``today`` (0: its last day; negative: expired)."""
        return (dt.date.fromisoformat(self.qualification_expires) - today).days

    def to_json(self) -> dict[str, object]:
        """What a workstation of one of the assessor's workshops may know and show."""
        return {
            "id": self.id, "name": self.name, "qualification": self.qualification,
            "qualification_ref": self.qualification_ref,
            "qualification_expires": self.qualification_expires, "workshops": list(self.workshops),
            "revoked": self.revoked_us is not None, "revoked_reason": self.revoked_reason,
            "keys": [{"key_id": k.key_id, "revoked": k.revoked_us is not None,
                      "revoked_reason": k.revoked_reason} for k in self.keys],
        }


def bind_message(provider_key_id: str, assessor_id: str, code: str, assessor_key_id: str,
                 device_key_id: str) -> bytes:
    """What an assessor's key signs to be bound: this provider, this record, this code, this device."""
    return (f"assessor-bind-v1\n{provider_key_id}\n{assessor_id}\n{sha256_text(normalize_code(code))}\n"
            f"{assessor_key_id}\n{device_key_id}").encode()


_text = say.checked_text


def _date(value: str | dt.date, what: Message) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise Refused(422, say.DATE(what=what(), value=value[:40])) from None


class Directory:
    def __init__(self, store: ProviderStore):
        self.store = store

    # ------------------------------------------------------------ workshops
    def add_workshop(self, workshop_id: str, *, name: str, country: str, address: str = "") -> WorkshopInfo:
        if not WORKSHOP_ID.fullmatch(workshop_id):
            raise Refused(422, say.WORKSHOP_ID())
        country = country.strip().upper()
        if not COUNTRY.fullmatch(country):
            raise Refused(422, say.COUNTRY(value=country[:20]))
        values = {"name": _text(name, say.WORKSHOP_NAME, 200),
                  "address": _text(address, say.ADDRESS, 500, required=False)}
        exists = Refused(409, say.WORKSHOP_EXISTS(workshop=workshop_id))
        try:
            with self.store.writer.begin() as conn:
                if conn.execute(select(Workshop.id).where(Workshop.id == workshop_id)).first() is not None:
                    raise exists
                conn.execute(insert(Workshop).values(id=workshop_id, country=country,
                                                     created_us=self.store.clock(), **values))
        except IntegrityError:  # PostgreSQL: added a moment ago by a writer beside this one
            raise exists from None
        return self.workshop(workshop_id)

    def update_workshop(self, workshop_id: str, *, name: str | None = None, country: str | None = None,
                        address: str | None = None) -> WorkshopInfo:
        values: dict[str, str] = {}
        if name is not None:
            values["name"] = _text(name, say.WORKSHOP_NAME, 200)
        if address is not None:
            values["address"] = _text(address, say.ADDRESS, 500, required=False)
        if country is not None:
            if not COUNTRY.fullmatch(country.strip().upper()):
                raise Refused(422, say.COUNTRY(value=country.strip()[:20]))
            values["country"] = country.strip().upper()
        self.workshop(workshop_id)
        if values:
            with self.store.writer.begin() as conn:
                conn.execute(update(Workshop).where(Workshop.id == workshop_id).values(**values))
        return self.workshop(workshop_id)

    def workshop(self, workshop_id: str) -> WorkshopInfo:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(Workshop).where(Workshop.id == workshop_id)).first()
        if row is None:
            raise Refused(404, say.NO_WORKSHOP(workshop=workshop_id[:100]))
        return WorkshopInfo(row.id, row.name, row.country, row.address, row.created_us)

    def workshops(self) -> list[WorkshopInfo]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(Workshop).order_by(Workshop.id)).all()
        return [WorkshopInfo(r.id, r.name, r.country, r.address, r.created_us) for r in rows]

    # ------------------------------------------------------------ assessors
    def add_assessor(self, assessor_id: str, *, name: str, qualification: str, expires: str | dt.date,
                     workshops: list[str], qualification_ref: str = "") -> AssessorInfo:
        if not ASSESSOR_ID.fullmatch(assessor_id):
            raise Refused(422, say.ASSESSOR_ID())
        if not workshops:
            raise Refused(422, say.NO_WORKSHOPS())
        values = {"name": _text(name, say.ASSESSOR_NAME, 200),
                  "qualification": _text(qualification, say.QUALIFICATION, 200),
                  "qualification_ref": _text(qualification_ref, say.QUALIFICATION_REF, 100, required=False),
                  "qualification_expires": _date(expires, say.EXPIRY)}
        exists = Refused(409, say.ASSESSOR_EXISTS(assessor=assessor_id))
        try:
            with self.store.writer.begin() as conn:
                if conn.execute(select(Assessor.id).where(Assessor.id == assessor_id)).first() is not None:
                    raise exists
                conn.execute(insert(Assessor).values(id=assessor_id, created_us=self.store.clock(),
                                                     revoked_us=None, revoked_reason=None, **values))
                self._add_workshops(conn, assessor_id, workshops)
        except IntegrityError:
            # PostgreSQL: added a moment ago by a writer beside this one (else: a workshop went away)
            with self.store.engine.connect() as conn:
                if conn.execute(select(Assessor.id).where(Assessor.id == assessor_id)).first() is not None:
                    raise exists from None
            raise
        return self.assessor(assessor_id)

    def update_assessor(self, assessor_id: str, *, name: str | None = None, qualification: str | None = None,
                        qualification_ref: str | None = None, expires: str | dt.date | None = None,
                        add_workshops: list[str] | None = None,
                        remove_workshops: list[str] | None = None) -> AssessorInfo:
        """Renew a qualification, correct a name, or change the workshops an assessor assesses for."""
        current = self.assessor(assessor_id)
        values: dict[str, str] = {}
        if name is not None:
            values["name"] = _text(name, say.ASSESSOR_NAME, 200)
        if qualification is not None:
            values["qualification"] = _text(qualification, say.QUALIFICATION, 200)
        if qualification_ref is not None:
            values["qualification_ref"] = _text(qualification_ref, say.QUALIFICATION_REF, 100, required=False)
        if expires is not None:
            values["qualification_expires"] = _date(expires, say.EXPIRY)
        remaining = (set(current.workshops) | set(add_workshops or ())) - set(remove_workshops or ())
        if not remaining:
            raise Refused(422, say.KEEP_A_WORKSHOP())
        with self.store.writer.begin() as conn:
            if values:
                conn.execute(update(Assessor).where(Assessor.id == assessor_id).values(**values))
            added = [w for w in add_workshops or () if w not in current.workshops]
            self._add_workshops(conn, assessor_id, added)
            for workshop_id in remove_workshops or ():
                conn.execute(delete(AssessorWorkshop).where(AssessorWorkshop.assessor_id == assessor_id,
                                                            AssessorWorkshop.workshop_id == workshop_id))
        return self.assessor(assessor_id)

    def _add_workshops(self, conn: Connection, assessor_id: str, workshops: list[str]) -> None:
        for workshop_id in dict.fromkeys(workshops):
            if conn.execute(select(Workshop.id).where(Workshop.id == workshop_id)).first() is None:
                raise Refused(404, say.NO_WORKSHOP_ADD(workshop=workshop_id[:100]))
            conn.execute(insert(AssessorWorkshop).values(assessor_id=assessor_id, workshop_id=workshop_id))

    def assessor(self, assessor_id: str) -> AssessorInfo:
        found = self._assessors(select(Assessor).where(Assessor.id == assessor_id))
        if not found:
            raise Refused(404, say.NO_ASSESSOR(assessor=assessor_id[:64]))
        return found[0]

    def assessors(self, workshop_id: str | None = None) -> list[AssessorInfo]:
        query = select(Assessor).order_by(Assessor.id)
        if workshop_id is not None:
            query = query.where(Assessor.id.in_(
                select(AssessorWorkshop.assessor_id).where(AssessorWorkshop.workshop_id == workshop_id)))
        return self._assessors(query)

    def _assessors(self, query: object) -> list[AssessorInfo]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(query).all()  # type: ignore[call-overload]
            ids = [r.id for r in rows]
            links = conn.execute(select(AssessorWorkshop).where(AssessorWorkshop.assessor_id.in_(ids))
                                 .order_by(AssessorWorkshop.workshop_id)).all()
            keys = conn.execute(select(AssessorKey).where(AssessorKey.assessor_id.in_(ids))
                                .order_by(AssessorKey.bound_us)).all()
        return [AssessorInfo(
            r.id, r.name, r.qualification, r.qualification_ref, r.qualification_expires,
            tuple(link.workshop_id for link in links if link.assessor_id == r.id), r.created_us,
            r.revoked_us, r.revoked_reason,
            tuple(AssessorKeyInfo(k.key_id, k.bound_us, k.bound_by_device, k.revoked_us, k.revoked_reason)
                  for k in keys if k.assessor_id == r.id)) for r in rows]

    def create_assessor_code(self, assessor_id: str) -> str:
        """A one-time code with which the assessor binds a key to their record; shown only now."""
        return self.issue_assessor_code(assessor_id).code

    def issue_assessor_code(self, assessor_id: str) -> IssuedCode:
        """The same, with when it expires (the code is shown only now; only its hash is kept)."""
        assessor = self.assessor(assessor_id)
        if assessor.revoked_us is not None:
            raise Refused(409, say.ASSESSOR_REVOKED_NO_CODE(assessor=assessor_id))
        shown, digest = new_code()
        now = self.store.clock()
        expires = now + self.store.config.code_ttl_s * 10**6
        with self.store.writer.begin() as conn:
            conn.execute(insert(AssessorCode).values(
                code_sha256=digest, assessor_id=assessor_id, created_us=now, expires_us=expires, used_us=None,
                used_by=None))
        return IssuedCode(shown, expires, assessor_id)

    def bind_key(self, device: DeviceInfo, *, assessor_id: str, code: str, public_pem: str,
                 signature: str) -> AssessorInfo:
        """Bind an assessor's key to their record (asked by an enrolled device of their workshop).

        Asking again with the same code and key after a lost answer gives the same answer.
        """
        if not ASSESSOR_ID.fullmatch(assessor_id):
            raise Refused(422, "assessor_id must be 1-64 letters, digits, '.', '_' or '-'")
        try:
            key = public_key(public_pem)
        except SealError as exc:
            raise Refused(422, f"public_key is not a usable public key: {exc}") from None
        if key.keytype != "ed25519" or not KEY_ID.fullmatch(key.keyid):
            raise Refused(422, "public_key must be an Ed25519 key")
        check_signature(key, signature, [bind_message(self.store.key.fingerprint, assessor_id, code,
                                                      key.keyid, device.key_id)],
                        "the binding signature does not verify with public_key")
        now = self.store.clock()
        refused = Refused(403, "the assessor code is unknown, expired or already used")
        with self.store.writer.begin() as conn:
            assessor = conn.execute(select(Assessor).where(Assessor.id == assessor_id)).first()
            if assessor is None:
                raise refused  # the same answer as a wrong code: ids are not probed this way
            issued = conn.execute(select(AssessorCode).where(
                AssessorCode.code_sha256 == sha256_text(normalize_code(code)),
                AssessorCode.assessor_id == assessor_id)).first()
            if issued is None or issued.expires_us <= now:
                raise refused
            if issued.used_us is not None:
                if issued.used_by != key.keyid:
                    raise refused
                return self.assessor(assessor_id)  # a retry of a binding that was made
            if assessor.revoked_us is not None:
                raise Refused(403, f"assessor {assessor_id} was revoked: {assessor.revoked_reason}")
            assesses_here = conn.execute(select(AssessorWorkshop).where(
                AssessorWorkshop.assessor_id == assessor_id,
                AssessorWorkshop.workshop_id == device.workshop_id)).first()
            if assesses_here is None:
                raise Refused(403, f"assessor {assessor_id} does not assess for workshop "
                                   f"{device.workshop_id}: the provider adds the workshop to the assessor's "
                                   "record first")
            if conn.execute(select(Device.key_id).where(Device.key_id == key.keyid)).first() is not None:
                raise Refused(409, "this key is a workstation's key: an assessor binds a personal key")
            held = conn.execute(select(AssessorKey).where(AssessorKey.key_id == key.keyid)).first()
            if held is not None:
                raise Refused(409, f"key {key.keyid[:16]} is already bound to assessor {held.assessor_id}")
            spent = conn.execute(update(AssessorCode).where(
                AssessorCode.code_sha256 == issued.code_sha256, AssessorCode.used_us.is_(None),
            ).values(used_us=now, used_by=key.keyid))
            if spent.rowcount != 1:
                raise refused
            conn.execute(insert(AssessorKey).values(
                key_id=key.keyid, assessor_id=assessor_id, public_pem=public_pem, bound_us=now,
                bound_by_device=device.key_id, revoked_us=None, revoked_reason=None))
        return self.assessor(assessor_id)

    def revoke_assessor(self, assessor_id: str, reason: str) -> AssessorInfo:
        """Revoke an assessor: no bundle they co-sign is accepted from now on. A revocation stands as
        it was made: revoking again is refused, so its day and reason are never overwritten."""
        reason = _text(reason, say.REASON, 500)
        current = self.assessor(assessor_id)
        if current.revoked_us is not None:
            raise Refused(409, say.ASSESSOR_REVOKED_ALREADY(assessor=assessor_id,
                                                            day=_day(current.revoked_us)))
        with self.store.writer.begin() as conn:
            conn.execute(update(Assessor).where(Assessor.id == assessor_id, Assessor.revoked_us.is_(None))
                         .values(revoked_us=self.store.clock(), revoked_reason=reason))
        return self.assessor(assessor_id)

    def revoke_assessor_key(self, key_id_prefix: str, reason: str) -> AssessorInfo:
        """Revoke one assessor key (a lost laptop): the assessor binds a new one with a new code."""
        reason = _text(reason, say.REASON, 500)
        prefix = key_id_prefix.strip().lower()
        if len(prefix) < 8:
            raise Refused(422, say.KEY_PREFIX())
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(AssessorKey.key_id, AssessorKey.assessor_id, AssessorKey.revoked_us)
                                .where(AssessorKey.key_id.startswith(prefix))).all()
        if len(rows) != 1:
            raise Refused(404, say.KEY_MATCHES(count=len(rows), prefix=prefix[:64]))
        if rows[0].revoked_us is not None:
            raise Refused(409, say.KEY_REVOKED_ALREADY(key=rows[0].key_id[:16], day=_day(rows[0].revoked_us)))
        with self.store.writer.begin() as conn:
            conn.execute(update(AssessorKey).where(AssessorKey.key_id == rows[0].key_id,
                                                   AssessorKey.revoked_us.is_(None))
                         .values(revoked_us=self.store.clock(), revoked_reason=reason))
        return self.assessor(rows[0].assessor_id)

    # ------------------------------------------------------------ the co-signature of a bundle
    def cosigner_problem(self, *, assessor_id: str, key_id: str, workshop_id: str,
                         assessed_on: dt.date) -> Msg | None:
        """Why a bundle's assessor co-signature is not acceptable (a quarantine reason), or None."""
        with self.store.engine.connect() as conn:
            key = conn.execute(select(AssessorKey).where(AssessorKey.key_id == key_id)).first()
        if key is None:
            return reasons.ASSESSOR_KEY_UNKNOWN(key=key_id[:16])
        assessor = self.assessor(key.assessor_id)
        if key.assessor_id != assessor_id:
            return reasons.ASSESSOR_KEY_MISMATCH(assessor=assessor_id, key=key_id[:16], owner=key.assessor_id)
        if assessor.revoked_us is not None:
            return reasons.ASSESSOR_REVOKED(assessor=assessor.id, day=_day(assessor.revoked_us),
                                            detail=str(assessor.revoked_reason))
        if key.revoked_us is not None:
            return reasons.ASSESSOR_KEY_REVOKED(assessor=assessor.id, key=key_id[:16],
                                                day=_day(key.revoked_us),
                                                detail=str(key.revoked_reason))
        if workshop_id not in assessor.workshops:
            return reasons.NOT_IN_WORKSHOP(assessor=assessor.id, workshop=workshop_id)
        if not assessor.valid_on(assessed_on):
            return reasons.QUALIFICATION_EXPIRED(
                assessor=assessor.id, qualification=assessor.qualification,
                expired=assessor.qualification_expires, assessed=assessed_on.isoformat())
        return None


def _day(us: int) -> str:
    return dt.datetime.fromtimestamp(us / 1e6, tz=dt.UTC).date().isoformat()
