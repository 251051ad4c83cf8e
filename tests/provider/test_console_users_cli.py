"""``assessor provider users add|passwd|disable|list``: accounts from the command line, no secret shown."""

from __future__ import annotations

import io
import sys

import pytest
from console_support import client_for, sign_in

from assessor_app.cli import main
from assessor_app.provider.console import accounts, audit, users_commands
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig

SECRET = "a long enough secret phrase"


def _run(capsys, monkeypatch, *argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["provider", "users", *argv])
    out, err = capsys.readouterr()
    assert SECRET not in out + err
    return code, out, err


def test_add_sign_in_change_disable_and_list(tmp_path, capsys, monkeypatch):
    folder = str(tmp_path / "p")
    code, out, _ = _run(capsys, monkeypatch, "add", "Maria.K", "--role", "coordinator", "--folder", folder,
                        "--password-stdin", stdin=SECRET + "\n")
    assert code == 0 and "Added console user maria.k (coordinator)" in out
    service = ProviderService(ProviderConfig(tmp_path / "p"))
    try:
        stored = accounts.user(service.store, "maria.k")
        assert stored is not None and stored.role == "coordinator" and stored.active
        with service.store.engine.connect() as conn:
            digest = conn.exec_driver_sql("SELECT password_hash FROM console_users").scalar_one()
        assert digest.startswith("$argon2id$v=19$m=65536,t=3,p=4$") and SECRET not in digest
        assert sign_in(client_for(service), "maria.k", SECRET).status_code == 303
    finally:
        service.close()

    code, out, _ = _run(capsys, monkeypatch, "passwd", "maria.k", "--folder", folder, "--password-stdin",
                        stdin="another long secret\r\n")
    assert code == 0 and "Changed the password of maria.k" in out
    code, out, _ = _run(capsys, monkeypatch, "disable", "maria.k", "--folder", folder)
    assert code == 0 and "Disabled maria.k" in out
    code, out, _ = _run(capsys, monkeypatch, "list", "--folder", folder)
    assert code == 0 and "Console users (1):" in out and "maria.k" in out and "DISABLED" in out

    service = ProviderService(ProviderConfig(tmp_path / "p"))
    try:
        assert accounts.verify(service.store, "maria.k", "another long secret") is not None
        actions = [r.action for r in audit.entries(service.store)]
        assert actions == ["users.disable", "users.passwd", "session.login", "users.add"]
    finally:
        service.close()


@pytest.mark.parametrize(("argv", "stdin", "said"), [
    (["add", "ann", "--role", "auditor", "--password-stdin"], "short\n", "at least 12 characters"),
    (["add", "ann", "--role", "auditor", "--password-stdin"], "ann\n", "at least 12 characters"),
    (["add", "ann", "--role", "auditor", "--password-stdin"], "            \n", "only spaces"),
    (["add", "ann", "--role", "auditor", "--password-stdin"], "", "no password on standard input"),
    (["add", "bad name!", "--role", "auditor", "--password-stdin"], SECRET + "\n", "cannot be a user name"),
    (["add", "dup", "--role", "auditor", "--password-stdin"], SECRET + "\n", "already a user named dup"),
    (["passwd", "ghost", "--password-stdin"], SECRET + "\n", "no user named ghost"),
    (["disable", "ghost"], None, "no user named ghost"),
    (["add", "ann", "--role", "auditor"], "", "--password-stdin"),  # no terminal to ask on
])
def test_mistakes_are_said_plainly_with_exit_code_1(tmp_path, capsys, monkeypatch, argv, stdin, said):
    folder = str(tmp_path / "p")
    _run(capsys, monkeypatch, "add", "dup", "--role", "moderator", "--folder", folder, "--password-stdin",
         stdin=SECRET + "\n")
    code, out, err = _run(capsys, monkeypatch, *argv, "--folder", folder, stdin=stdin)
    assert code == 1 and said in err and "Traceback" not in err, err


def test_an_unknown_role_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["provider", "users", "add", "x", "--role", "boss", "--folder", str(tmp_path)])
    assert exit_.value.code == 2 and "invalid choice: 'boss'" in capsys.readouterr().err


def test_the_password_is_asked_twice_at_a_terminal(tmp_path, capsys, monkeypatch):
    answers = iter([SECRET, SECRET, SECRET, "not the same thing at all"])
    monkeypatch.setattr(users_commands.getpass, "getpass", lambda prompt: next(answers))
    monkeypatch.setattr(sys, "stdin", type("Tty", (io.StringIO,), {"isatty": lambda self: True})())
    folder = str(tmp_path / "p")
    assert main(["provider", "users", "add", "eva", "--role", "auditor", "--folder", folder]) == 0
    assert main(["provider", "users", "passwd", "eva", "--folder", folder]) == 1
    out, err = capsys.readouterr()
    assert "the two passwords differ: nothing was changed" in err and SECRET not in out + err
