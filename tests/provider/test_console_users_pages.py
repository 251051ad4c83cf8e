"""The console users page (administrators change, auditors read) and the audit log page."""

from __future__ import annotations

import re

from console_support import client_for, csrf_token, sign_in

from assessor_app.provider.console import accounts, audit

NEW = "a brand new password"


def _post(client, path: str, data: dict[str, str]):
    return client.post(path, data={**data, "csrf_token": csrf_token(client.get("/console/users"))})


def test_an_administrator_adds_a_user_who_can_then_sign_in(console_as, console_service):
    admin = console_as("administrator")
    added = _post(admin, "/console/users", {"name": "Liisa", "role": "moderator", "password": NEW,
                                            "password_again": NEW})
    assert added.status_code == 303 and added.headers["location"] == "/console/users?done=added&name=liisa"
    page = admin.get(added.headers["location"])
    assert "liisa was added as moderator." in page.text and 'data-user="liisa"' in page.text
    assert sign_in(client_for(console_service), "liisa", NEW).status_code == 303
    row = audit.entries(console_service.store, action="users.add")[0]
    assert (row.user_name, row.role, row.target, row.detail) == ("administrator", "administrator", "liisa",
                                                                 {"role": "moderator"})
    assert NEW not in str(audit.entries(console_service.store))


def test_a_bad_new_user_is_refused_with_the_reason_and_nothing_added(console_as, console_service):
    admin = console_as("administrator")
    same = {"password": NEW, "password_again": NEW}
    cases = [({"name": "x", "role": "auditor", "password": "short", "password_again": "short"}, "12"),
             ({"name": "x", "role": "auditor", "password": NEW, "password_again": NEW + "!"}, "differ"),
             ({"name": "auditor", "role": "auditor", **same}, "already a user"),
             ({"name": "x", "role": "boss", **same}, "no role boss"),
             ({"name": "no spaces", "role": "auditor", **same}, "user name")]
    for data, said in cases:
        answer = _post(admin, "/console/users", data)
        assert answer.status_code == 400 and said in answer.text.replace("&#34;", '"'), (data, said)
        assert NEW not in answer.text  # a password is never put back into the page
    assert len(accounts.users(console_service.store)) == 4


def test_disable_and_new_password_from_the_page(console_as, console_service):
    admin = console_as("administrator")
    victim = console_as("moderator")
    answer = _post(admin, "/console/users/moderator/password", {"password": NEW, "password_again": NEW})
    assert answer.status_code == 303
    assert "has a new password" in admin.get(answer.headers["location"]).text
    assert victim.get("/console/").status_code == 303  # their session ended
    assert sign_in(client_for(console_service), "moderator", NEW).status_code == 303
    answer = _post(admin, "/console/users/moderator/disable", {})
    assert answer.status_code == 303 and not accounts.user(console_service.store, "moderator").active
    assert sign_in(client_for(console_service), "moderator", NEW).status_code == 401
    assert _post(admin, "/console/users/ghost/disable", {}).status_code == 404
    actions = [r.action for r in audit.entries(console_service.store, user="administrator")]
    assert actions[:2] == ["users.disable", "users.passwd"]


def test_an_administrator_cannot_lock_the_console_out(console_as, console_service):
    admin = console_as("administrator")
    answer = _post(admin, "/console/users/administrator/disable", {})
    assert answer.status_code == 400 and "your own account" in answer.text
    accounts.add_user(console_service.store, "second", "administrator", NEW)
    accounts.disable_user(console_service.store, "second")
    other = console_as(None)
    accounts.add_user(console_service.store, "third", "administrator", NEW)
    assert sign_in(other, "third", NEW).status_code == 303
    assert _post(other, "/console/users/administrator/disable", {}).status_code == 303
    assert accounts.user(console_service.store, "administrator").active is False


def test_an_auditor_reads_the_users_but_has_no_forms_and_cannot_post(console_as, console_service):
    auditor = console_as("auditor")
    page = auditor.get("/console/users")
    assert page.status_code == 200 and 'data-user="administrator"' in page.text
    assert 'id="add-user"' not in page.text and "/disable" not in page.text
    token = csrf_token(auditor.get("/console/"))
    form = {"csrf_token": token, "name": "sneaky", "role": "administrator", "password": NEW,
            "password_again": NEW}
    refused = auditor.post("/console/users", data=form)
    assert refused.status_code == 403 and accounts.user(console_service.store, "sneaky") is None
    assert console_as("coordinator").get("/console/users").status_code == 403


def test_the_audit_log_newest_first_paged_and_filtered(console_as, console_service, console_clock):
    store = console_service.store
    client = console_as("auditor")  # signed in first: the rows below are the newest
    for i in range(120):
        console_clock.advance(1)
        audit.record(store, action="assessment.view" if i % 2 else "quarantine.view", target=f"b-{i:03d}",
                     user="moderator" if i % 3 else "coordinator", role="moderator", address="10.0.0.1")
    first = client.get("/console/audit")
    targets = re.findall(r"<td>(b-\d{3})</td>", first.text)
    assert first.status_code == 200 and targets[:3] == ["b-119", "b-118", "b-117"] and len(targets) == 50
    older = re.search(r'href="([^"]+)" id="audit-older"', first.text).group(1).replace("&amp;", "&")
    second = client.get(older)
    assert re.findall(r"<td>(b-\d{3})</td>", second.text)[0] == "b-069"
    assert 'id="audit-newest"' in second.text
    only = client.get("/console/audit", params={"user": "coordinator", "action": "assessment.view"})
    shown = re.findall(r"<td>(b-\d{3})</td>", only.text)
    assert shown and all(int(t[2:]) % 3 == 0 and int(t[2:]) % 2 == 1 for t in shown)
    assert len(shown) == 20 and 'id="audit-older"' not in only.text
    for bad in ({"before": "x1"}, {"before": "²"}, {"user": "u" * 65}, {"before": "9" * 20}):
        assert client.get("/console/audit", params=bad).status_code == 400, bad
    assert console_as("moderator").get("/console/audit").status_code == 403
    assert "No entries match." in client.get("/console/audit", params={"user": "nobody"}).text


def test_an_administrator_changing_their_own_password_signs_in_again(console_as, console_service):
    admin = console_as("administrator")
    answer = _post(admin, "/console/users/administrator/password", {"password": NEW, "password_again": NEW})
    assert answer.status_code == 303 and answer.headers["location"] == "/console/login?ended=1"
    assert admin.get("/console/users").status_code == 303
    assert sign_in(client_for(console_service), "administrator", NEW).status_code == 303
