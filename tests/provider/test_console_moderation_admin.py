"""A coordinator sets up a moderation cycle in the console, over real imported bundles: creates it,
keeps its panel, draws its sample with a seed, downloads the stored frame (its SHA-256 is the digest)
and checks the draw; the cycle rules' refusals name the field; every change is in the audit log."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from console_support import PASSWORD, client_for, csrf_token, make_service
from moderation_support import DAY_US, JAN_2027, Cohort
from sqlalchemy import insert, select
from starlette.testclient import TestClient
from test_console_routes import console_routes

from assessor_app.provider.api import create_app
from assessor_app.provider.console.accounts import add_user, disable_user
from assessor_app.provider.console.audit import entries
from assessor_app.provider.moderation.cycles import RESERVED_NAMES, Cycles
from assessor_app.provider.moderation.models import ModerationSampleRow, ModerationVerdictRow, ModeratorKey
from assessor_app.provider.moderation.sampling import draw_sample, load_canonical
from assessor_app.provider.server import ProviderServer

CHECKLIST = "mini-isolation"


class Site:
    def __init__(self, server: ProviderServer, cohort: Cohort):
        self.server, self.service = server, server.service
        at = lambda days: JAN_2027 + days * DAY_US  # noqa: E731
        self.held = [cohort.add("ws-1", "assr-1", "pass", at(4)),
                     cohort.add("ws-1", "assr-1", "critical_fail", at(9)),
                     cohort.add("ws-2", "assr-2", "pass", at(20)),
                     cohort.add("ws-2", "assr-2", "short", at(40))]
        add_user(self.service.store, "mona", "moderator", PASSWORD)
        add_user(self.service.store, "gone", "moderator", PASSWORD)
        disable_user(self.service.store, "gone")

    def client(self, role: str = "coordinator") -> TestClient:
        return client_for(self.service, role)


@pytest.fixture
def site(tmp_path: Path, fast_bundles: None) -> Iterator[Site]:
    server = ProviderServer(service=make_service(tmp_path / "provider"))
    server.start()
    cohort = Cohort(server, tmp_path)
    try:
        yield Site(server, cohort)
    finally:
        cohort.close()
        server.close()


def _create(client: TestClient, **fields):
    page = client.get("/console/moderation/new")
    data = {"csrf_token": csrf_token(page), "name": "2027-H1", "from": "2027-01-01", "to": "2027-06-30",
            "checklist": [CHECKLIST], "moderator": ["mona"], **fields}
    return client.post("/console/moderation/new", data=data)


def _post(client: TestClient, cycle: str, what: str, **fields):
    page = client.get(f"/console/moderation/{cycle}/manage")
    return client.post(f"/console/moderation/{cycle}/{what}", data={"csrf_token": csrf_token(page), **fields})


def _audit(site: Site, action: str):
    return [e for e in entries(site.service.store, action=action, limit=100)]


def test_create_draw_download_and_check_round_trip(site: Site):
    client = site.client()
    form = client.get("/console/moderation/new")
    assert form.status_code == 200
    assert f'value="{CHECKLIST}"' in form.text and 'value="mona"' in form.text
    assert 'value="gone"' not in form.text and 'value="moderator"' in form.text  # active moderators only
    made = _create(client, enhanced_control="1")
    assert made.status_code == 303
    assert made.headers["location"] == "/console/moderation/2027-H1/manage?done=created"
    cycle = Cycles(site.service.store).get("2027-H1")
    assert cycle.checklists == (CHECKLIST,) and cycle.moderators == ("mona",) and cycle.enhanced_control
    assert cycle.created_by == "coordinator"
    page = client.get(made.headers["location"])
    assert "Moderation cycle 2027-H1 created." in page.text and 'id="not-drawn"' in page.text
    [created] = _audit(site, "moderation.cycle_create")
    assert created.user_name == "coordinator" and created.target == "2027-H1"
    assert created.detail["checklists"] == [CHECKLIST] and created.detail["enhanced_control"] is True

    drawn = _post(client, "2027-H1", "draw", seed="4711")
    assert drawn.status_code == 303 and drawn.headers["location"].endswith("done=drawn")
    page = client.get(drawn.headers["location"])
    row = Cycles(site.service.store).sample_row("2027-H1")
    assert row is not None and row.seed == 4711
    assert "Sample drawn with seed 4711." in page.text
    assert f'<code id="sample-digest" class="digest">{row.digest}</code>' in page.text
    strata = re.search(r'<table id="strata">.*?</table>', page.text, re.S).group(0)
    assert f"{CHECKLIST}@" in strata and strata.count("<tr>") == 2  # the heading and one stratum
    assert "Coverage: 2 of 2 assessors and 2 of 2 workshops" in page.text
    [audited] = _audit(site, "moderation.sample_draw")
    assert audited.detail["seed"] == 4711 and audited.detail["digest"] == row.digest
    assert audited.detail["frame"] == 4

    same = _post(client, "2027-H1", "draw", seed="4711")
    assert same.headers["location"].endswith("done=same")
    assert "gives the same sample: nothing changed" in client.get(same.headers["location"]).text

    # the file a panel re-draws from: its SHA-256 is the digest, and it holds the seed and the frame
    for role in ("coordinator", "auditor", "mona"):
        got = site.client(role).get("/console/moderation/2027-H1/sample.json")
        assert got.status_code == 200 and got.headers["content-type"].startswith("application/json")
        assert hashlib.sha256(got.content).hexdigest() == row.digest
        assert json.loads(got.content)["seed"] == 4711
        assert draw_sample(*load_canonical(got.content.decode("utf-8"))).digest == row.digest
    assert len(_audit(site, "moderation.sample_download")) == 3
    assert site.client("moderator").get("/console/moderation/2027-H1/sample.json").status_code == 403

    checked = _post(client, "2027-H1", "check")
    assert checked.status_code == 303 and checked.headers["location"].endswith("done=checked")
    result = client.get(checked.headers["location"]).text
    assert "Checked: drawn again from the stored file, the sample is the same" in result
    assert row.digest in result and "still give the same frame" in result
    [audited] = _audit(site, "moderation.sample_check")
    assert audited.detail["ok"] is True

    # a tampered stored sample is shown as a mismatch, never as a success
    with site.service.store.writer.begin() as conn:
        conn.execute(ModerationSampleRow.__table__.update().values(digest="0" * 64))
    result = client.get(_post(client, "2027-H1", "check").headers["location"]).text
    assert "MISMATCH: the stored file gives digest" in result and "Checked:" not in result

    # a stored file that cannot be read: the page says so (never a 500), and the check is refused
    with site.service.store.writer.begin() as conn:
        conn.execute(ModerationSampleRow.__table__.update().values(canonical="{not json"))
    page = client.get("/console/moderation/2027-H1/manage")
    assert page.status_code == 409 and "the stored sample of cycle 2027-H1 cannot be read" in page.text
    assert 'id="sample-seed"' in page.text  # what is stored besides is still shown
    refused = _post(client, "2027-H1", "check")
    assert refused.status_code == 409 and "cannot be read" in refused.text


def test_the_panel_is_kept_from_the_management_page(site: Site):
    client = site.client("administrator")
    assert _create(client, moderator=[]).status_code == 303
    page = client.get("/console/moderation/2027-H1/manage")
    assert "Nobody is on the panel yet." in page.text and '<option value="mona">' in page.text
    added = _post(client, "2027-H1", "panel-add", user="Mona")
    assert added.headers["location"] == "/console/moderation/2027-H1/manage?done=added&user=mona"
    assert "mona is now on the panel." in client.get(added.headers["location"]).text
    assert Cycles(site.service.store).get("2027-H1").moderators == ("mona",)
    again = _post(client, "2027-H1", "panel-add", user="mona")
    assert again.status_code == 409 and "mona is already a moderator of cycle 2027-H1" in again.text
    for user, words in (("ghost", "there is no console user named &#39;ghost&#39;"),
                        ("auditor", "not a moderator: only moderators sit on a cycle"),
                        ("gone", "console account is disabled"), ("", "Choose a moderator to add.")):
        refused = _post(client, "2027-H1", "panel-add", user=user)
        assert refused.status_code in (400, 404, 409) and words in refused.text, (user, refused.text[-3000:])
        assert 'aria-invalid="true"' in refused.text
    removed = _post(client, "2027-H1", "panel-remove", user="mona")
    assert removed.headers["location"].endswith("done=removed&user=mona")
    assert Cycles(site.service.store).get("2027-H1").moderators == ()
    assert _post(client, "2027-H1", "panel-remove", user="mona").status_code == 404
    assert [e.detail["user"] for e in _audit(site, "moderation.panel_add")] == ["mona"]
    assert [e.detail["user"] for e in _audit(site, "moderation.panel_remove")] == ["mona"]


@pytest.mark.parametrize(("fields", "status", "words", "field"), [
    ({"from": "2027-13-01"}, 400, "the first day of the period must be a date as YYYY-MM-DD", "c-from"),
    ({"to": ""}, 400, "the last day of the period must be a date as YYYY-MM-DD", "c-to"),
    ({"to": "2026-12-31"}, 400, "the period ends (2026-12-31) before it begins (2027-01-01)", "c-to"),
    ({"checklist": []}, 400, "a cycle needs at least one checklist in its scope", "c-checklists"),
    ({"moderator": ["ghost"]}, 404, "there is no console user named &#39;ghost&#39;", "c-moderators"),
    ({"moderator": ["auditor"]}, 409, "not a moderator: only moderators sit on a cycle", "c-moderators"),
    ({"name": "no spaces"}, 400, "a cycle name is 1-64 letters", "c-name"),
    ({"name": "reports"}, 400, "&#39;reports&#39; cannot be a cycle&#39;s name", "c-name"),
    ({"name": "New"}, 400, "&#39;New&#39; cannot be a cycle&#39;s name", "c-name"),
])
def test_the_cycle_rules_refuse_naming_the_field_and_nothing_is_made(site: Site, fields, status, words,
                                                                     field):
    answer = _create(site.client(), **fields)
    assert answer.status_code == status, answer.text[-2000:]
    assert words in answer.text
    assert f'data-for="{field}"' in answer.text and 'aria-invalid="true"' in answer.text
    assert Cycles(site.service.store).names() == [] and not _audit(site, "moderation.cycle_create")


def test_a_taken_name_is_refused_and_the_form_keeps_what_was_typed(site: Site):
    client = site.client()
    assert _create(client).status_code == 303
    taken = _create(client, to="2027-03-31")
    assert taken.status_code == 409 and "there is already a cycle named 2027-H1" in taken.text
    assert 'value="2027-03-31"' in taken.text and 'value="mona" checked' in taken.text


def test_every_fixed_path_under_moderation_is_a_name_no_cycle_may_take(site: Site):
    """A cycle's pages are /console/moderation/{cycle}: a fixed page of one segment there would hide it."""
    fixed = {p.split("/")[3] for _m, p, _a in console_routes(create_app(site.service))
             if re.fullmatch(r"/console/moderation/[^/]+", p) and not p.endswith("/x")}
    assert fixed == {"new", "reports"} and fixed <= RESERVED_NAMES


def _verdict(site: Site, cycle: str) -> None:
    sampled = site.held[0]
    with site.service.store.writer.begin() as conn:
        conn.execute(insert(ModeratorKey).values(key_id="k" * 64, user_name="mona", public_pem="PEM",
                                                 created_us=1, retired_us=None))
        conn.execute(insert(ModerationVerdictRow).values(
            cycle=cycle, bundle_id=sampled.bundle_id, device=sampled.device, moderator="mona", recorded_us=2,
            decision="confirm", document="{}", sha256="v" * 64, previous_sha256=None, key_id="k" * 64,
            signature="sig"))


def test_a_seed_is_checked_and_the_sample_stays_once_it_has_a_verdict(site: Site):
    client = site.client()
    assert _create(client).status_code == 303
    for seed, words in (("", "Type a seed to draw the sample."),
                        ("12x", "a seed is a whole number from 0 to"),
                        ("9" * 25, "a seed is a whole number from 0 to")):
        refused = _post(client, "2027-H1", "draw", seed=seed)
        assert refused.status_code == 400 and words in refused.text
        assert 'data-for="seed"' in refused.text and 'aria-invalid="true"' in refused.text
    assert Cycles(site.service.store).sample_row("2027-H1") is None
    nothing = _post(client, "2027-H1", "check")
    assert nothing.status_code == 404 and "has no sample yet" in nothing.text
    assert client.get("/console/moderation/2027-H1/sample.json").status_code == 404

    assert _post(client, "2027-H1", "draw", seed="1").status_code == 303
    replaced = _post(client, "2027-H1", "draw", seed="2")
    assert replaced.headers["location"].endswith("done=replaced&old=1")
    assert "it replaces the one drawn with seed 1" in client.get(replaced.headers["location"]).text
    _verdict(site, "2027-H1")
    page = client.get("/console/moderation/2027-H1/manage")
    assert "The sample has 1 verdict: it stays as it was drawn." in page.text
    assert 'id="draw-form"' not in page.text
    refused = _post(client, "2027-H1", "draw", seed="3")
    assert refused.status_code == 409 and "already has 1 verdict on its sample" in refused.text
    assert Cycles(site.service.store).sample_row("2027-H1").seed == 2
    with site.service.store.engine.connect() as conn:
        assert conn.execute(select(ModerationSampleRow.seed)).scalars().all() == [2]


def test_a_form_without_the_sessions_token_changes_nothing(site: Site):
    client = site.client()
    data = {"name": "2027-H1", "from": "2027-01-01", "to": "2027-06-30", "checklist": CHECKLIST}
    for token in ({}, {"csrf_token": "forged"}):
        answer = client.post("/console/moderation/new", data={**data, **token})
        assert answer.status_code == 403 and "security token is missing or wrong" in answer.text
    assert Cycles(site.service.store).names() == []
    assert _create(client).status_code == 303
    for what, data in (("draw", {"seed": "1"}), ("panel-remove", {"user": "mona"}), ("check", {})):
        answer = client.post(f"/console/moderation/2027-H1/{what}", data={**data, "csrf_token": "forged"})
        assert answer.status_code == 403 and "security token is missing or wrong" in answer.text
    assert Cycles(site.service.store).sample_row("2027-H1") is None
    assert Cycles(site.service.store).get("2027-H1").moderators == ("mona",)
    assert not _audit(site, "moderation.sample_draw") and not _audit(site, "moderation.panel_remove")


def test_only_the_office_sees_the_way_to_set_up_a_cycle(site: Site):
    assert _create(site.client()).status_code == 303
    for role, shown in (("administrator", True), ("coordinator", True), ("auditor", False)):
        listing = site.client(role).get("/console/moderation").text
        cycle = site.client(role).get("/console/moderation/2027-H1").text
        assert ('id="new-cycle-link"' in listing) is shown and ('id="manage-link"' in cycle) is shown
        assert (site.client(role).get("/console/moderation/2027-H1/manage").status_code == 200) is shown


def test_the_office_closes_a_cycle_once_and_it_takes_no_more_changes(site: Site):
    client = site.client("coordinator")
    assert _create(client).status_code == 303
    page = client.get("/console/moderation/2027-H1/manage")
    assert 'id="close-form"' in page.text and "Close cycle 2027-H1" in page.text
    closed = _post(client, "2027-H1", "close")
    assert closed.status_code == 303 and closed.headers["location"].endswith("done=closed")
    after = client.get(closed.headers["location"]).text
    assert "Cycle 2027-H1 is closed" in after and 'id="close-form"' not in after
    assert Cycles(site.service.store).get("2027-H1").closed_us is not None
    assert [e.target for e in _audit(site, "moderation.cycle_close")] == ["2027-H1"]
    again = _post(client, "2027-H1", "close")
    assert again.status_code == 409 and "cycle 2027-H1 is closed" in again.text
    refused = _post(client, "2027-H1", "panel-add", user="mikko")
    assert refused.status_code == 409 and "cycle 2027-H1 is closed" in refused.text
    assert _post(site.client("moderator"), "2027-H1", "close").status_code == 403
