"""Moderation cycles and their samples, on a real provider holding real imported bundles: the frame's
signals, a reproducible draw stored with its digest, floors and coverage, the refusal to draw again
once a verdict exists, the check, and clear words for every mistake."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from moderation_support import DAY_US, JAN_2027, Cohort, Held
from sqlalchemy import insert, select, update

from assessor_app.cli import main
from assessor_app.provider.console.accounts import add_user, disable_user
from assessor_app.provider.models import AssessmentIndexRow
from assessor_app.provider.moderation.cycles import Cycles
from assessor_app.provider.moderation.draws import build_frame
from assessor_app.provider.moderation.frame import FrameEntry
from assessor_app.provider.moderation.models import (
    ModerationSampleRow,
    ModerationVerdictRow,
    ModeratorKey,
    SampledAssessmentRow,
)
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.store import Refused

PASSWORD = "a long enough secret phrase"
CHECKLIST = "mini-isolation"


class Held7:
    """Seven assessments in the first half of 2027 (two workshops, three assessors), and two outside."""

    def __init__(self, provider: ProviderServer, cohort: Cohort):
        self.provider = provider
        self.cohort = cohort
        at = lambda days: JAN_2027 + days * DAY_US  # noqa: E731
        self.before = cohort.add("ws-3", "assr-3", "pass", at(-12))  # assr-3's first bundle, in 2026
        self.ws1_first = cohort.add("ws-1", "assr-1", "pass", at(4))
        self.ws1_second = cohort.add("ws-1", "assr-1", "pass", at(9))
        self.failed = cohort.add("ws-1", "assr-1", "critical_fail", at(11))
        self.short = cohort.add("ws-2", "assr-2", "short", at(19))
        self.ws1_assr2 = cohort.add("ws-1", "assr-2", "pass", at(31))
        self.ws2_second = cohort.add("ws-2", "assr-2", "pass", at(32))
        self.ws2_assr3 = cohort.add("ws-2", "assr-3", "pass", at(61))
        self.after = cohort.add("ws-1", "assr-1", "pass", at(183))  # 3 July 2027
        self.in_period = [self.ws1_first, self.ws1_second, self.failed, self.short, self.ws1_assr2,
                          self.ws2_second, self.ws2_assr3]
        store = provider.service.store
        add_user(store, "mona", "moderator", PASSWORD)
        add_user(store, "mikko", "moderator", PASSWORD)
        add_user(store, "aud", "auditor", PASSWORD)
        self.folder = str(store.config.folder)


@pytest.fixture
def held(provider: ProviderServer, tmp_path: Path, fast_bundles: None) -> Iterator[Held7]:
    cohort = Cohort(provider, tmp_path)
    try:
        yield Held7(provider, cohort)
    finally:
        cohort.close()


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["provider", "moderation", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _create(held: Held7, capsys: pytest.CaptureFixture[str], name: str = "2027-H1", *extra: str) -> str:
    code, out, err = _cli(capsys, "cycle", "create", name, "--from", "2027-01-01", "--to", "2027-06-30",
                          "--checklist", CHECKLIST, "--moderator", "Mona", *extra, "--folder", held.folder,
                          "--language", "en")
    assert code == 0, err
    return out


def _sampled(out: str) -> list[tuple[str, str]]:
    return re.findall(r"^  assessment (\S+), bundle (\S+), ", out, re.M)


def test_the_frame_holds_the_period_s_assessments_with_their_signals(held: Held7, capsys):
    _create(held, capsys)
    cycle = Cycles(held.provider.service.store).get("2027-H1")
    assert (cycle.first_day, cycle.last_day, cycle.moderators) == (
        dt.date(2027, 1, 1), dt.date(2027, 6, 30), ("mona",))
    frame = {row.entry.key.bundle_id: row for row in build_frame(held.provider.service.store, cycle)}
    assert set(frame) == {h.bundle_id for h in held.in_period}  # not 2026's, not July's
    entry = {bid: row.entry for bid, row in frame.items()}
    assert frame[held.failed.bundle_id].assessment_id == held.failed.assessment_id
    failed = entry[held.failed.bundle_id]
    assert (failed.critical_step_failed_or_stopped, failed.critical_corrections, failed.outcome) == (
        True, 1, "not_yet_competent")
    assert entry[held.short.bundle_id].short_duration
    # what else a panel reads of each entry: the gateway, the stop step, corrections, consent, duration
    assert {e.gateway for e in entry.values()} == {"ev-hybrid"}  # the mini checklist's
    assert failed.corrections >= failed.critical_corrections == 1
    with held.provider.service.store.engine.connect() as conn:
        stopped_by = conn.execute(select(AssessmentIndexRow.stopped_by).where(
            AssessmentIndexRow.bundle_id == held.failed.bundle_id)).scalar_one()
    assert failed.stop_step == (stopped_by or "")
    assert all(e.duration_s >= 0 for e in entry.values())
    stored = FrameEntry.from_canonical(failed.canonical())
    assert stored == failed and stored.canonical()["gateway"] == "ev-hybrid"
    assert not any(entry[h.bundle_id].short_duration for h in held.in_period if h is not held.short)
    assert all(e.no_video and e.generic_parameter_set for e in entry.values())  # the mini bundles
    # first bundles: over every held bundle, not only the period's
    assert {b for b, e in entry.items() if e.first_bundle_of_workshop} == {
        held.ws1_first.bundle_id, held.short.bundle_id}
    assert {b for b, e in entry.items() if e.first_bundle_of_assessor} == {
        held.ws1_first.bundle_id, held.short.bundle_id}  # assr-3's first was in 2026
    assert {(e.workshop, e.assessor) for e in entry.values()} == {
        ("ws-1", "assr-1"), ("ws-1", "assr-2"), ("ws-2", "assr-2"), ("ws-2", "assr-3")}


def test_the_same_seed_gives_the_same_sample_and_digest_through_the_command(held: Held7, capsys):
    _create(held, capsys)
    code, first, err = _cli(capsys, "sample", "2027-H1", "--seed", "4711", "--folder", held.folder,
                            "--language", "en")
    assert code == 0, err
    assert first.startswith("Sample of cycle 2027-H1 drawn with seed 4711\n")
    digest = re.search(r"^digest ([0-9a-f]{64})$", first, re.M)
    assert digest is not None
    # seven in the stratum: the floor is six (more than five learners, up to 25)
    stratum = re.search(r"^mini-isolation@1\.2\.0: 7 in the frame, floor 6, (\d+) drawn$", first, re.M)
    assert stratum is not None and int(stratum.group(1)) >= 6
    sampled = _sampled(first)
    assert len(sampled) == int(stratum.group(1))
    ids = {h.bundle_id: h.assessment_id for h in held.in_period}
    assert all(ids[bundle] == assessment for assessment, bundle in sampled)
    assert "Coverage: 3 of 3 assessors and 2 of 2 workshops of the frame sampled" in first
    failed_line = next(line for line in first.splitlines() if held.failed.bundle_id in line)
    assert "a critical step failed or stopped (weight 4)" in failed_line
    assert "corrections on critical steps (weight 2)" in failed_line

    code, again, _ = _cli(capsys, "sample", "2027-H1", "--seed", "4711", "--folder", held.folder)
    assert code == 0
    assert again.startswith("The same seed on the same frame gives the same sample: cycle 2027-H1, seed 4711")
    assert f"digest {digest.group(1)}" in again and _sampled(again) == sampled

    store = held.provider.service.store
    with store.engine.connect() as conn:
        row = conn.execute(select(ModerationSampleRow)).one()
        kept = conn.execute(select(SampledAssessmentRow)).all()
    assert (row.cycle, row.seed, row.digest) == ("2027-H1", 4711, digest.group(1))
    assert sorted(r.bundle_id for r in kept) == sorted(b for _, b in sampled)
    assert all(json.loads(r.reasons) and r.weight >= 1.0 for r in kept)

    code, checked, _ = _cli(capsys, "sample", "2027-H1", "--check", "--folder", held.folder,
                            "--language", "en")
    assert code == 0
    assert f"the sample is the same (digest {digest.group(1)}, {len(sampled)} assessments)" in checked
    assert "the index still gives the same frame for the cycle" in checked


def test_enhanced_control_raises_the_floor(held: Held7, capsys):
    _create(held, capsys, "2027-H1-EC", "--enhanced-control")
    code, out, _ = _cli(capsys, "sample", "2027-H1-EC", "--seed", "1", "--folder", held.folder)
    assert code == 0
    assert "mini-isolation@1.2.0: 7 in the frame, floor 7, 7 drawn" in out  # 9 asked, 7 there
    assert len(_sampled(out)) == 7


def _verdict(held: Held7, cycle: str, bundle: Held) -> None:
    with held.provider.service.store.writer.begin() as conn:
        conn.execute(insert(ModeratorKey).values(key_id="k" * 64, user_name="mona", public_pem="PEM",
                                                 created_us=1, retired_us=None))
        conn.execute(insert(ModerationVerdictRow).values(
            cycle=cycle, bundle_id=bundle.bundle_id, device=bundle.device, moderator="mona", recorded_us=2,
            decision="confirm", document="{}", sha256="v" * 64, previous_sha256=None, key_id="k" * 64,
            signature="sig"))


def test_another_seed_replaces_the_sample_until_a_verdict_exists(held: Held7, capsys):
    _create(held, capsys)
    assert _cli(capsys, "sample", "2027-H1", "--seed", "1", "--folder", held.folder)[0] == 0
    code, out, _ = _cli(capsys, "sample", "2027-H1", "--seed", "2", "--folder", held.folder)
    assert code == 0
    assert out.startswith("Sample of cycle 2027-H1 drawn with seed 2; it replaces the one drawn with seed 1")
    sampled = _sampled(out)
    first = next(h for h in held.in_period if h.bundle_id == sampled[0][1])
    _verdict(held, "2027-H1", first)

    code, out, err = _cli(capsys, "sample", "2027-H1", "--seed", "3", "--folder", held.folder)
    assert code == 1 and out == ""
    assert ("cycle 2027-H1 already has 1 verdict on its sample: the sample drawn with seed 2 stays as it is"
            in err)
    # a bundle of the period imported after the verdict changes the frame: refused just the same
    held.cohort.add("ws-2", "assr-3", "pass", JAN_2027 + 90 * DAY_US)
    code, _, err = _cli(capsys, "sample", "2027-H1", "--seed", "2", "--folder", held.folder)
    assert code == 1 and "already has 1 verdict" in err
    with held.provider.service.store.engine.connect() as conn:
        assert conn.execute(select(ModerationSampleRow.seed)).scalar_one() == 2
    code, checked, _ = _cli(capsys, "sample", "2027-H1", "--check", "--folder", held.folder)
    assert code == 0 and "the sample is the same" in checked
    assert "the index now gives another frame for the cycle" in checked


def test_the_check_finds_a_stored_sample_that_was_changed(held: Held7, capsys):
    _create(held, capsys)
    assert _cli(capsys, "sample", "2027-H1", "--seed", "9", "--folder", held.folder)[0] == 0
    store = held.provider.service.store
    with store.writer.begin() as conn:
        canonical = json.loads(conn.execute(select(ModerationSampleRow.canonical)).scalar_one())
        canonical["seed"] = 10
        conn.execute(update(ModerationSampleRow).values(canonical=json.dumps(canonical)))
    code, out, _ = _cli(capsys, "sample", "2027-H1", "--check", "--folder", held.folder)
    assert code == 1
    assert "MISMATCH: the stored frame gives digest" in out


def test_a_sample_is_printed_in_the_chosen_language(held: Held7, capsys):
    _create(held, capsys)
    code, out, _ = _cli(capsys, "sample", "2027-H1", "--seed", "4711", "--folder", held.folder,
                        "--language", "fi")
    assert code == 0
    assert "Sample of cycle" not in out and "4711" in out
    assert held.failed.bundle_id in out


MISTAKES = [
    (["cycle", "create", "2027-H1", "--from", "2027-01-01", "--to", "2027-06-30", "--checklist", CHECKLIST],
     "there is already a cycle named 2027-H1"),
    (["cycle", "create", "x y", "--from", "2027-01-01", "--to", "2027-06-30", "--checklist", CHECKLIST],
     "a cycle name is 1-64 letters"),
    (["cycle", "create", "late", "--from", "2027-07-01", "--to", "2027-06-30", "--checklist", CHECKLIST],
     "the period ends (2027-06-30) before it begins (2027-07-01)"),
    (["cycle", "create", "bad", "--from", "2027-02-30", "--to", "2027-06-30", "--checklist", CHECKLIST],
     "the first day of the period must be a date as YYYY-MM-DD, not '2027-02-30'"),
    (["cycle", "create", "who", "--from", "2027-01-01", "--to", "2027-06-30", "--checklist", CHECKLIST,
      "--moderator", "nobody"], "there is no console user named 'nobody'"),
    (["cycle", "create", "role", "--from", "2027-01-01", "--to", "2027-06-30", "--checklist", CHECKLIST,
      "--moderator", "aud"], "aud is a console auditor, not a moderator"),
    (["cycle", "create", "id", "--from", "2027-01-01", "--to", "2027-06-30", "--checklist", "no such/id"],
     "a checklist id is 1-100 letters"),
    (["cycle", "show", "2026-H2"], "there is no moderation cycle named '2026-H2'"),
    (["cycle", "add-moderator", "2027-H1", "mona"], "mona is already a moderator of cycle 2027-H1"),
    (["cycle", "remove-moderator", "2027-H1", "mikko"], "mikko is not a moderator of cycle 2027-H1"),
    (["sample", "2026-H2", "--seed", "1"], "there is no moderation cycle named '2026-H2'"),
    (["sample", "2027-H1", "--check"], "cycle 2027-H1 has no sample yet"),
]


def test_mistakes_are_said_plainly_and_change_nothing(held: Held7, capsys):
    _create(held, capsys)
    for argv, said in MISTAKES:
        code, out, err = _cli(capsys, *argv, "--folder", held.folder, "--language", "en")
        assert code == 1 and said in err and "Traceback" not in err + out, (argv, err)
    assert Cycles(held.provider.service.store).names() == ["2027-H1"]
    assert Cycles(held.provider.service.store).get("2027-H1").moderators == ("mona",)


def test_a_cycle_with_a_checklist_nobody_has_done_is_made_with_a_warning_and_has_nothing_to_sample(
        held: Held7, capsys):
    code, out, _ = _cli(capsys, "cycle", "create", "other", "--from", "2027-01-01", "--to", "2027-06-30",
                        "--checklist", "hv-battery-diagnostics", "--folder", held.folder, "--language", "en")
    assert code == 0
    assert "warning: no imported assessment of checklist hv-battery-diagnostics yet: is the id right?" in out
    code, _, err = _cli(capsys, "sample", "other", "--seed", "1", "--folder", held.folder)
    assert code == 1 and "has no imported assessment of its checklists (hv-battery-diagnostics)" in err


def test_moderators_join_and_leave_a_panel_and_a_disabled_account_cannot_join(held: Held7, capsys):
    _create(held, capsys)
    code, out, _ = _cli(capsys, "cycle", "add-moderator", "2027-H1", "Mikko", "--folder", held.folder)
    assert code == 0 and "mikko is now a moderator of cycle 2027-H1" in out
    code, out, _ = _cli(capsys, "cycle", "show", "2027-H1", "--folder", held.folder, "--language", "en")
    assert "moderators: mikko and mona" in out and "no sample drawn" in out
    code, out, _ = _cli(capsys, "cycle", "remove-moderator", "2027-H1", "mona", "--folder", held.folder)
    assert code == 0 and "mona is no longer a moderator of cycle 2027-H1" in out
    assert Cycles(held.provider.service.store).get("2027-H1").moderators == ("mikko",)
    disable_user(held.provider.service.store, "mona")
    with pytest.raises(Refused, match="mona's console account is disabled"):
        Cycles(held.provider.service.store).add_moderator("2027-H1", "mona")
    code, out, _ = _cli(capsys, "cycle", "list", "--folder", held.folder, "--language", "en")
    assert code == 0
    assert "2027-H1: 1 Jan 2027 to 30 Jun 2027, mini-isolation; standard floors; no sample drawn" in out


def test_the_index_must_be_complete_before_a_draw(held: Held7, capsys):
    _create(held, capsys)
    from assessor_app.provider.models import AssessmentIndexRow

    with held.provider.service.store.writer.begin() as conn:
        conn.execute(update(AssessmentIndexRow).where(
            AssessmentIndexRow.bundle_id == held.short.bundle_id).values(index_format=1))
    code, _, err = _cli(capsys, "sample", "2027-H1", "--seed", "1", "--folder", held.folder)
    assert code == 1 and "1 assessment of the cycle's period has its index row made before" in err


def test_a_closed_cycle_keeps_its_panel_sample_and_verdicts_as_they_were(held: Held7, capsys):
    _create(held, capsys)
    code, _, err = _cli(capsys, "sample", "2027-H1", "--seed", "4711", "--folder", held.folder)
    assert code == 0, err
    code, out, _ = _cli(capsys, "cycle", "close", "2027-H1", "--folder", held.folder, "--language", "en")
    assert code == 0 and "Cycle 2027-H1 is closed" in out
    cycles = Cycles(held.provider.service.store)
    assert cycles.get("2027-H1").closed_us is not None
    closed = "cycle 2027-H1 is closed"
    for change in (lambda: cycles.add_moderator("2027-H1", "mikko"),
                   lambda: cycles.remove_moderator("2027-H1", "mona"),
                   lambda: cycles.close("2027-H1")):
        with pytest.raises(Refused, match=closed):
            change()
    code, _, err = _cli(capsys, "sample", "2027-H1", "--seed", "1", "--folder", held.folder,
                        "--language", "en")
    assert code != 0 and closed in err
    assert cycles.get("2027-H1").moderators == ("mona",)
    code, _, err = _cli(capsys, "sample", "2027-H1", "--check", "--folder", held.folder)  # still checkable
    assert code == 0, err
