"""The users page in chromium: an administrator adds a user, is asked before disabling them, and the
audit log shows both changes."""

from __future__ import annotations

import browser_support
import pytest

from assessor_app.provider.console import accounts

pytestmark = pytest.mark.browser
NEW = "a brand new password"


def test_add_then_disable_a_user_after_the_question(page, console_site):
    browser_support.sign_in(page, "administrator")
    page.goto("/console/users")
    page.locator("#new-name").fill("liisa")
    page.locator("#new-role").select_option("moderator")
    page.locator("#new-password").fill(NEW)
    page.locator("#new-password-again").fill(NEW)
    page.locator("#add-user button[type=submit]").click()
    page.wait_for_url("**/console/users?done=added&name=liisa")
    assert page.locator("#users-notice").inner_text() == "liisa was added as moderator."

    questions: list[str] = []

    def answer(dialog, accept: bool) -> None:
        questions.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    disable = page.locator('tr[data-user="liisa"] form[action$="/disable"] button')
    page.once("dialog", lambda dialog: answer(dialog, False))
    disable.click()  # "no": nothing is sent (console.js asks; the page's policy lets it run)
    assert accounts.user(console_site.service.store, "liisa").active
    page.once("dialog", lambda dialog: answer(dialog, True))
    disable.click()
    page.wait_for_url("**/console/users?done=disabled&name=liisa")
    assert questions == ["Disable liisa? They can no longer sign in, and their open sessions end."] * 2
    assert not accounts.user(console_site.service.store, "liisa").active

    page.goto("/console/audit?user=administrator")
    actions = page.locator("#audit tbody tr td:nth-child(4)").all_inner_texts()
    assert actions[:3] == ["users.disable", "users.add", "session.login"]
