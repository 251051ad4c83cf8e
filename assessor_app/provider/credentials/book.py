"""Issuing, revoking and reading credentials: the provider's credential book.

A credential is stored with both documents as issued (the signed Open Badge, the validated EDC), in
one transaction with its status-list index; issuing again for the same assessment gives the same
credential. Revoking sets its bit in the status list the provider serves.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, update
from sqlalchemy.exc import IntegrityError

from assessor_app.credentials.data import CredentialData
from assessor_app.provider.credentials import documents
from assessor_app.provider.credentials import messages as m_
from assessor_app.provider.credentials.assemble import credential_data
from assessor_app.provider.credentials.awarding import required_body
from assessor_app.provider.credentials.checks import IssuanceCheck, check_assessment
from assessor_app.provider.credentials.issuer_key import issuer_key
from assessor_app.provider.credentials.models import CredentialRow
from assessor_app.provider.credentials.rules import IssuanceRules
from assessor_app.provider.database import exclusive, is_postgresql
from assessor_app.provider.models import AssessmentIndexRow, ReceivedBundle
from assessor_app.provider.store import ProviderStore, Refused

log = logging.getLogger(__name__)
#: bits per status list (the Bitstring Status List's minimum, 16 KiB): a new list starts when one is full
STATUS_LIST_SIZE = 131_072
#: the advisory lock PostgreSQL's issuers take in turn to number their credentials' status bits
STATUS_INDEX_LOCK = "credentials.status-index"


@dataclass(frozen=True)
class Issued:
    row: Any  # the credentials row
    data: CredentialData | None  # None when it had been issued before


@dataclass(frozen=True)
class IssueRun:
    issued: list[Issued]
    refused: list[IssuanceCheck]


class Refusal(Refused):
    """Issuance refused; ``reasons`` holds every reason, ``msg`` the first."""

    def __init__(self, check: IssuanceCheck):
        super().__init__(409, check.refusals[0])
        self.check = check
        self.reasons = check.refusals


class CredentialBook:
    def __init__(self, store: ProviderStore):
        self.store = store
        self._rules: tuple[float, IssuanceRules] | None = None

    # ------------------------------------------------------------------ rules and keys
    @property
    def rules(self) -> IssuanceRules:
        """The rules in force, read again when the provider's file changes."""
        path = Path(self.store.config.folder) / "issuance-rules.yaml"
        stamp = path.stat().st_mtime if path.is_file() else 0.0
        if self._rules is None or self._rules[0] != stamp:
            self._rules = (stamp, IssuanceRules.load(Path(self.store.config.folder)))
        return self._rules[1]

    def key(self) -> Any:
        return issuer_key(Path(self.store.config.folder) / "keys")

    # ------------------------------------------------------------------ issuing
    def check(self, device: str, bundle_id: str) -> IssuanceCheck:
        return check_assessment(self.store, self.rules, device, bundle_id)

    def issue(self, device: str, bundle_id: str, *, by: str) -> Issued:
        """Issue the assessment's credential, or return the one issued before; Refusal says why not."""
        check = self.check(device, bundle_id)
        if check.issued is not None:
            return Issued(self.get(check.issued), None)
        if check.refusals or check.considered is None or check.moderation is None:
            raise Refusal(check)
        body = required_body(self.store)
        with self.store.engine.connect() as conn:
            manifest = conn.execute(select(ReceivedBundle.manifest_sha256).where(
                ReceivedBundle.device == device, ReceivedBundle.bundle_id == bundle_id)).scalar_one()
        key = self.key()
        for attempt in range(3):  # SQLite: another issuer may take the same status index: take the next
            try:
                data = self._store_new(lambda status: self._documents(
                    check, body, key, manifest, status, by=by))
            except IntegrityError:
                again = self.check(device, bundle_id)
                if again.issued is not None:  # issued meanwhile by another request
                    return Issued(self.get(again.issued), None)
                if attempt == 2:
                    raise
                continue
            log.info("credential %s issued for %s/%s by %s", data.id, device[:16], bundle_id, by)
            return Issued(self.get(data.id), data)
        raise AssertionError("unreachable")

    def _store_new(self, make: Callable[[tuple[int, int]], tuple[CredentialData, dict[str, Any]]]
                   ) -> CredentialData:
        """Store the credential ``make`` signs for a status index (list, index) no other has.

        PostgreSQL runs issuers side by side: an advisory lock held to the commit makes them take
        status indexes in turn, the documents signed inside it (other writers are not held up).
        SQLite's writer holds the whole database from its first statement, so there the index is read
        and the documents signed before it, and the unique key (status list, index) catches a race.
        """
        if is_postgresql(self.store.engine):
            with self.store.writer.begin() as conn:
                exclusive(conn, STATUS_INDEX_LOCK)
                data, values = make(self._next_status(conn))
                conn.execute(CredentialRow.__table__.insert().values(**values))
            return data
        with self.store.engine.connect() as conn:
            status = self._next_status(conn)
        data, values = make(status)
        with self.store.writer.begin() as conn:
            conn.execute(CredentialRow.__table__.insert().values(**values))
        return data

    def _documents(self, check: IssuanceCheck, body: Any, key: Any, manifest: str, status: tuple[int, int],
                   *, by: str) -> tuple[CredentialData, dict[str, Any]]:
        """The signed documents of the credential and the row that stores them."""
        assert check.considered is not None and check.moderation is not None
        status_list, status_index = status
        issued_us = self.store.clock()
        data = credential_data(check.considered, body, state=check.moderation, issued_us=issued_us,
                               status_list=status_list, status_index=status_index,
                               manifest_sha256=manifest)
        jwt, edc = documents.issue_documents(data, key)
        row = check.considered.row
        values = dict(
            id=data.id, bundle_id=check.bundle_id, device=check.device, assessment_id=row.assessment_id,
            learner_id=row.candidate, checklist_id=data.checklist_id,
            checklist_version=data.checklist_version,
            workshop_id=row.workshop_id, assessor_id=row.assessor_id, region=data.workshop_country or "",
            manifest_sha256=manifest, completed_us=row.ended_us, issued_us=issued_us, issued_by=by,
            moderation_basis=json.dumps(check.moderation.to_json(), sort_keys=True),
            status_list=status_list, status_index=status_index, ob3_jwt=jwt,
            edc_json=json.dumps(edc, ensure_ascii=False, sort_keys=True), language=data.language,
        )
        return data, values

    @staticmethod
    def _next_status(conn: Connection) -> tuple[int, int]:
        last = conn.execute(select(CredentialRow.status_list, func.max(CredentialRow.status_index))
                            .group_by(CredentialRow.status_list)
                            .order_by(CredentialRow.status_list.desc()).limit(1)).first()
        if last is None:
            return 1, 0
        if last[1] + 1 >= STATUS_LIST_SIZE:
            return last[0] + 1, 0
        return last[0], last[1] + 1

    def eligible(self, *, checklist: str | None = None) -> tuple[list[IssuanceCheck], list[IssuanceCheck]]:
        """(may be issued, may not) over every competent assessment without a credential yet."""
        query = (select(AssessmentIndexRow.device, AssessmentIndexRow.bundle_id)
                 .where(AssessmentIndexRow.outcome == "competent")
                 .where(~select(CredentialRow.id).where(
                     CredentialRow.device == AssessmentIndexRow.device,
                     CredentialRow.bundle_id == AssessmentIndexRow.bundle_id).exists()))
        if checklist:
            query = query.where(AssessmentIndexRow.checklist_id == checklist)
        with self.store.engine.connect() as conn:
            keys = conn.execute(query.order_by(AssessmentIndexRow.ended_us)).all()
        ok, not_ok = [], []
        for device, bundle_id in keys:
            check = self.check(device, bundle_id)
            (ok if check.ok else not_ok).append(check)
        return ok, not_ok

    def issue_eligible(self, *, by: str, checklist: str | None = None) -> IssueRun:
        """Issue every credential that may be issued now. Prerequisites met by a credential issued in
        this run count: the run repeats while it issues something."""
        issued: list[Issued] = []
        failed: dict[tuple[str, str], IssuanceCheck] = {}  # refused at issuance although checked fine
        while True:
            ok, not_ok = self.eligible(checklist=checklist)
            ok = [c for c in ok if (c.device, c.bundle_id) not in failed]
            if not ok:
                return IssueRun(issued, not_ok + list(failed.values()))
            for check in ok:
                try:
                    issued.append(self.issue(check.device, check.bundle_id, by=by))
                except Refused as refused:  # e.g. the EDC would not validate: this one waits, named
                    log.error("credential for %s/%s not issued: %s", check.device[:16], check.bundle_id,
                              refused)
                    reasons = (refused.reasons if isinstance(refused, Refusal)
                               else (refused.msg or m_.EDC_INVALID(problem=str(refused)),))
                    failed[(check.device, check.bundle_id)] = replace(check, refusals=tuple(reasons))

    # ------------------------------------------------------------------ reading and revoking
    def get(self, credential_id: str) -> Any:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(CredentialRow).where(CredentialRow.id == credential_id)).first()
        if row is None:
            raise Refused(404, m_.NO_CREDENTIAL(credential=credential_id[:40]))
        return row

    def count(self) -> int:
        with self.store.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(CredentialRow)).scalar_one())

    def newest_id(self) -> str | None:
        with self.store.engine.connect() as conn:
            return conn.execute(select(CredentialRow.id).order_by(CredentialRow.issued_us.desc(),
                                                                  CredentialRow.id).limit(1)).scalar()

    def for_assessment(self, device: str, bundle_id: str) -> Any | None:
        with self.store.engine.connect() as conn:
            return conn.execute(select(CredentialRow).where(CredentialRow.device == device,
                                                            CredentialRow.bundle_id == bundle_id)).first()

    def revoke(self, credential_id: str, *, reason: str, by: str) -> Any:
        """Revoke a credential (its status bit is set from now on); revoking twice keeps the first."""
        reason = " ".join(reason.split())
        if not 3 <= len(reason) <= 500:
            raise Refused(400, m_.REVOKE_REASON())
        row = self.get(credential_id)
        if row.revoked_us is not None:
            raise Refused(409, m_.ALREADY_REVOKED(credential=credential_id))
        with self.store.writer.begin() as conn:
            conn.execute(update(CredentialRow).where(CredentialRow.id == credential_id,
                                                     CredentialRow.revoked_us.is_(None))
                         .values(revoked_us=self.store.clock(), revoked_by=by, revoked_reason=reason))
        log.info("credential %s revoked by %s", credential_id, by)
        return self.get(credential_id)

    def revoked_indexes(self, status_list: int) -> list[int]:
        with self.store.engine.connect() as conn:
            return list(conn.execute(select(CredentialRow.status_index).where(
                CredentialRow.status_list == status_list, CredentialRow.revoked_us.is_not(None))).scalars())

    def status_lists(self) -> list[int]:
        with self.store.engine.connect() as conn:
            return sorted(conn.execute(select(CredentialRow.status_list).distinct()).scalars()) or [1]
