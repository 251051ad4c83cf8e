"""A gated checklist in the new-assessment page: which prerequisites the candidate meets and by what, shown
as soon as the candidate and the checklist are set; Start refused, naming the prerequisite, the candidate
and when the provider's list was received, while one is missing."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from test_assessment_window import make_window

from assessor_app.core.gateways import HeldCredential
from assessor_app.gui.main_window import MainWindow
from assessor_app.storage.eligibility import EligibilityStore

GATED, PREREQUISITE = "hv-battery-diagnostics", "hv-isolation-series"
CREDENTIAL = "urn:uuid:0f9c2d3e-4b5a-4c6d-8e7f-101112131415"


def hold_list(store, learners: dict[str, str], as_of_us: int = 1_000) -> int:
    """The provider's list as a sync leaves it (learner -> the day their prerequisite credential was
    issued)."""
    received = time.time_ns() // 1000
    EligibilityStore(store).replace(
        provider_key_id="p" * 64, issued_us=as_of_us + 1, as_of_us=as_of_us, received_us=received,
        learners={learner: {PREREQUISITE: HeldCredential(PREREQUISITE, CREDENTIAL, day)}
                  for learner, day in learners.items()}, envelope="{}")
    return received


def choose(qtbot, window: MainWindow, candidate: str) -> None:
    """Only the candidate and the gated checklist, as a trainer starts filling in the page."""
    qtbot.mouseClick(window.home.new_button, Qt.MouseButton.LeftButton)
    page = window.new_page
    page.checklist.setCurrentIndex(page.checklist.findData(GATED))
    page.candidate_id.setText(candidate)


def fill_rest(page) -> None:
    page.assessor_id.setText("assessor-03")
    page.workshop_id.setText("garage-nord")
    page.workshop_country.setText("FI")
    page.parameters.setCurrentIndex(page.parameters.findData("test-fast"))


def decided(page, candidate: str) -> bool:
    decision = page.gate.decision
    return decision is not None and decision.candidate_id == candidate


def test_a_candidate_without_the_prerequisite_is_refused_before_the_form_is_filled(qtbot, store, library):
    window = make_window(qtbot, store, library)
    page = window.new_page
    choose(qtbot, window, "L-018")
    qtbot.waitUntil(lambda: decided(page, "L-018"), timeout=5000)
    assert page.gate.isVisible() and page.gate.accessibleName() == "Prerequisites for this candidate"
    shown = page.gate.text()
    assert "✘ HV isolation" in shown and f"({PREREQUISITE}): not met" in shown
    assert "last received: never received" in shown and "only this workstation's own records count" in shown
    assert not page.start_button.isEnabled()
    why = page.start_why.text()
    assert why.startswith(f"Cannot start: checklist {GATED} needs the prerequisite HV isolation")
    assert "candidate L-018 has no competent result" in why and "never received" in why
    assert page.start_button.accessibleDescription() == why
    fill_rest(page)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)  # disabled: nothing starts
    assert window.stack.currentWidget() is page and store.list() == []

    # a checklist without prerequisite checklists: nothing said, Start as before
    page.checklist.setCurrentIndex(page.checklist.findData(PREREQUISITE))
    assert not page.gate.isVisible() and page.gate.refusals() == []
    assert page.start_button.isEnabled()
    window.close()


def test_a_holder_of_the_credential_starts_and_the_record_says_by_what(qtbot, store, library):
    received = hold_list(store, {"L-017": "2026-11-30"})
    window = make_window(qtbot, store, library)
    page = window.new_page
    choose(qtbot, window, "L-018")
    qtbot.waitUntil(lambda: decided(page, "L-018"), timeout=5000)
    assert not page.start_button.isEnabled()
    assert "last received " in page.start_why.text() and "never" not in page.start_why.text()

    page.candidate_id.setText("L-017")  # the holder: met by the provider's credential
    qtbot.waitUntil(lambda: decided(page, "L-017"), timeout=5000)
    shown = page.gate.text()
    assert "✔ HV isolation" in shown and f"met by credential {CREDENTIAL} issued 2026-11-30" in shown
    assert page.gate.decision.received() in shown and page.gate.decision.list_received_us == received
    fill_rest(page)
    assert page.start_button.isEnabled() and page.start_why.text() == ""
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.run_page, timeout=5000)
    started = window.controller.recorder.engine.state.started
    assert started["eligibility"][PREREQUISITE]["code"] == "gateway.met_by_credential"
    assert CREDENTIAL in started["eligibility"][PREREQUISITE]["text"]
    window.close()


def test_a_list_that_changed_since_the_page_asked_is_asked_again_at_the_start(qtbot, store, library):
    hold_list(store, {"L-017": "2026-11-30"})
    window = make_window(qtbot, store, library)
    page = window.new_page
    choose(qtbot, window, "L-017")
    fill_rest(page)
    qtbot.waitUntil(lambda: decided(page, "L-017") and page.start_button.isEnabled(), timeout=5000)
    hold_list(store, {"L-020": "2026-12-01"}, as_of_us=2_000)  # a sync since: L-017's credential revoked
    page.start_button.setFocus()
    qtbot.keyClick(page.start_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "needs the prerequisite" in page.error.text(), timeout=5000)
    assert "candidate L-017" in page.error.text()
    assert window.stack.currentWidget() is page and store.list() == []
    window.close()


def test_the_page_speaks_the_windows_language(qtbot, store, library):
    window = MainWindow(store, library, "fi")
    qtbot.addWidget(window)
    window.show()
    page = window.new_page
    choose(qtbot, window, "L-018")
    qtbot.waitUntil(lambda: decided(page, "L-018"), timeout=5000)
    assert "kokelaalla L-018" in page.start_why.text() and "ei koskaan vastaanotettu" in page.start_why.text()
    window.close()


def test_tab_reaches_the_prerequisites_after_the_checklist(qtbot, store, library):
    window = make_window(qtbot, store, library)
    page = window.new_page
    choose(qtbot, window, "L-018")
    qtbot.waitUntil(lambda: decided(page, "L-018"), timeout=5000)
    window.activateWindow()
    page.checklist.setFocus()
    qtbot.waitUntil(page.checklist.hasFocus, timeout=5000)
    qtbot.keyClick(page.checklist, Qt.Key.Key_Tab)
    assert page.gate.hasFocus()  # a screen reader reads the prerequisites here
    qtbot.keyClick(page.gate, Qt.Key.Key_Tab)
    assert page.parameters.hasFocus()
    window.close()


def test_a_list_a_sync_brings_while_the_page_shows_is_asked_again(qtbot, store, library):
    window = make_window(qtbot, store, library)
    page = window.new_page
    choose(qtbot, window, "L-017")
    qtbot.waitUntil(lambda: decided(page, "L-017"), timeout=5000)
    assert not page.gate.decision.met
    hold_list(store, {"L-017": "2026-11-30"})
    window.delivery.eligibility_arrived.emit()  # as the delivery does when a sync held a new list
    qtbot.waitUntil(lambda: decided(page, "L-017") and page.gate.decision.met, timeout=5000)
    assert "✔ HV isolation" in page.gate.text()
    window.close()


def test_the_delivery_says_when_a_sync_held_a_new_list(qtbot, store, library):
    from assessor_app.sync.worker import SyncStatus

    window = make_window(qtbot, store, library)
    with qtbot.waitSignal(window.delivery.eligibility_arrived, timeout=5000):
        window.delivery.status_changed.emit(SyncStatus(eligibility_received_us=5))
    with qtbot.assertNotEmitted(window.delivery.eligibility_arrived):
        window.delivery.status_changed.emit(SyncStatus(eligibility_received_us=5))  # the same list
    window.close()
