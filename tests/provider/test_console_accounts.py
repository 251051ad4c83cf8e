"""Console accounts: Argon2id hashes only, one verification per sign-in whoever asks, rehash on new cost."""

from __future__ import annotations

import pytest
from console_support import PASSWORD, make_service
from sqlalchemy import select

from assessor_app.provider.console import accounts
from assessor_app.provider.console.models import ConsoleUser
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig


def _digest(service, name: str) -> str:
    with service.store.engine.connect() as conn:
        return conn.execute(select(ConsoleUser.password_hash).where(ConsoleUser.name == name)).scalar_one()


def test_every_sign_in_costs_one_argon2_check_known_name_or_not(tmp_path, monkeypatch):
    service = make_service(tmp_path)
    try:
        hasher, dummy = accounts._hasher(service.store)
        checked: list[str] = []

        class Counting:  # the real hasher, its verifications counted
            def verify(self, digest, password):
                checked.append(digest)
                return hasher.verify(digest, password)

            def __getattr__(self, name):
                return getattr(hasher, name)

        monkeypatch.setattr(accounts, "_hasher", lambda store: (Counting(), dummy))
        assert accounts.verify(service.store, "no-such-user", PASSWORD) is None
        assert accounts.verify(service.store, "Not A Valid Name!", PASSWORD) is None
        assert accounts.verify(service.store, "auditor", "wrong password here") is None
        assert accounts.verify(service.store, "AUDITOR ", PASSWORD).name == "auditor"
        assert checked == [dummy, dummy, _digest(service, "auditor"), _digest(service, "auditor")]
        assert accounts.verify(service.store, "auditor", PASSWORD + "x" * 2000) is None
    finally:
        service.close()


def test_a_hash_of_an_older_cost_is_redone_at_the_next_sign_in(tmp_path):
    make_service(tmp_path).close()
    config = ProviderConfig(tmp_path, console_hash_time_cost=2, console_hash_memory_kib=2048,
                            console_hash_parallelism=1)
    service = ProviderService(config)
    try:
        before = _digest(service, "moderator")
        assert before.startswith("$argon2id$v=19$m=1024,t=1,p=1$")
        assert accounts.verify(service.store, "moderator", PASSWORD) is not None
        after = _digest(service, "moderator")
        assert after.startswith("$argon2id$v=19$m=2048,t=2,p=1$")
        assert accounts.verify(service.store, "moderator", PASSWORD) is not None
    finally:
        service.close()


@pytest.mark.parametrize(("name", "password", "said"), [
    ("ok-name", "x" * 11, "at least 12"),
    ("ok-name", "x" * 1025, "at most 1024"),
    ("ok-name", "OK-NAME", "at least 12"),
    ("long-enough-name", "Long-Enough-Name", "must not be the user name"),
    ("", PASSWORD, "cannot be a user name"),
    ("x" * 65, PASSWORD, "cannot be a user name"),
    ("-leading", PASSWORD, "cannot be a user name"),
])
def test_weak_passwords_and_bad_names_are_refused(console_service, name, password, said):
    with pytest.raises(accounts.AccountError) as refused:
        accounts.add_user(console_service.store, name, "auditor", password)
    assert said in str(refused.value)
    assert refused.value.text("fi") != str(refused.value)  # said in the console's languages too
