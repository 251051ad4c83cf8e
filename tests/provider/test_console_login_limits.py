"""Guessing passwords is slowed per address and per account name, the same for known and unknown names."""

from __future__ import annotations

import re

from console_support import PASSWORD, client_for, make_service, sign_in

from assessor_app.provider.console import audit


def _wait(answer) -> int:
    assert answer.status_code == 429, answer.status_code
    said = re.search(r"try again in (\d+) seconds?", answer.text)
    assert said, answer.text
    assert answer.headers["retry-after"] == said.group(1)
    return int(said.group(1))


def test_too_many_attempts_from_one_address_are_429_saying_how_long_to_wait(tmp_path):
    service = make_service(tmp_path, console_login_burst=3, console_login_per_minute=1.0,
                           console_account_failures=0)
    try:
        client = client_for(service)
        for _ in range(3):
            assert sign_in(client, "auditor", "wrong wrong wrong").status_code == 401
        wait = _wait(sign_in(client, "auditor"))  # even the right password waits
        assert 1 <= wait <= 60
        assert "Too many attempts" in sign_in(client, "moderator").text  # any name from this address
        refused = audit.entries(service.store, action="session.login_refused")
        assert len(refused) == 2 and refused[0].detail["wait_s"] >= 1
    finally:
        service.close()


def test_an_account_name_waits_after_failures_and_an_unknown_name_the_same(tmp_path):
    from console_support import Clock

    clock = Clock()
    service = make_service(tmp_path, clock, console_login_burst=0, console_account_failures=3,
                           console_account_wait_s=60)
    try:
        client = client_for(service)
        answers = {}
        for name in ("coordinator", "no-such-user"):
            for _ in range(3):
                assert sign_in(client, name, "wrong wrong wrong").status_code == 401
            answers[name] = sign_in(client, name, PASSWORD)
        assert _wait(answers["coordinator"]) == _wait(answers["no-such-user"]) == 60
        assert sign_in(client_for(service), "moderator").status_code == 303  # other names go ahead
        clock.advance(30)
        assert _wait(sign_in(client, "coordinator")) == 30
        clock.advance(31)
        assert sign_in(client, "coordinator", "wrong again, sorry").status_code == 401  # one more failure:
        assert _wait(sign_in(client, "coordinator")) == 120  # the wait doubles
        clock.advance(121)
        assert sign_in(client_for(service), "coordinator").status_code == 303  # success clears the count
        assert sign_in(client_for(service), "coordinator", "wrong wrong wrong").status_code == 401
        assert sign_in(client_for(service), "coordinator").status_code == 303
    finally:
        service.close()
