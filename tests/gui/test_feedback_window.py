"""Moderation feedback in the window: a sync brings it, home counts it, its page shows it, and it is read."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "provider"))

from feedback_support import add_feedback, delivered  # noqa: E402

from assessor_app.demo import run_demo  # noqa: E402
from assessor_app.evidence.keys import device_key  # noqa: E402
from assessor_app.gui.main_window import MainWindow  # noqa: E402
from assessor_app.provider.moderation.verdict_document import StepVerdict  # noqa: E402
from assessor_app.provider.server import ProviderServer  # noqa: E402
from assessor_app.sync.enrollment import enroll, open_outbox  # noqa: E402

HV_STEPS = (
    StepVerdict("05", True, "passed", "failed", "The meter's calibration label belonged to another meter."),
    StepVerdict("12", True, "passed", "passed"),
    StepVerdict("22", False, "passed", "na", "The handover was not on the video."),
)


def test_feedback_arrives_with_a_sync_and_is_shown_and_marked_read(qtbot, store, library, tmp_path: Path):
    data_dir = store.path.parent
    demo = run_demo(library, data_dir, say=lambda _line: None, video=False)
    server = ProviderServer(tmp_path / "provider").start()
    window = None
    try:
        server.service.directory.add_workshop("ws-nord", name="Garage Nord", country="FI")
        enroll(open_outbox(store, data_dir), provider_url=server.url,
               code=server.service.registry.create_code("ws-nord"), keys_dir=data_dir / "keys")
        device = device_key(data_dir / "keys").fingerprint
        item = add_feedback(server.service, device, demo.assessment_id, demo.assessment_id,
                            checklist_id="hv-isolation-series", version="1.2.1", steps=HV_STEPS,
                            comment="Step 05 cannot stand: the meter used was not the one on the record.")
        window = MainWindow(store, library)
        qtbot.addWidget(window)
        window.show()
        home = window.home
        qtbot.waitUntil(lambda: home.feedback_count.text() == "1 new", timeout=30_000)
        assert delivered(server.service, item) is not None  # stored here first, then acknowledged
        assert home.feedback_button.accessibleName() == "Moderation feedback: 1 new"

        qtbot.mouseClick(home.feedback_button, Qt.MouseButton.LeftButton)
        page = window.feedback_page
        qtbot.waitUntil(lambda: window.stack.currentWidget() is page and page.items.count() == 1)
        assert page.items.item(0).text().startswith("New: Overturned")
        assert page.heading.text() == f"Assessment {demo.assessment_id}"
        assert page.assessment.text().startswith("Assessed on ")
        assert page.checklist.text().startswith("Checklist: HV isolation")
        assert page.decision.text() == ("The panel's decision: Overturned: the panel reached a different "
                                        "outcome")
        assert "the meter used was not the one on the record" in page.comment.text()
        assert page.steps_title.text().startswith("2 step(s) where the moderator's result differs")
        shown = [[label.text() for label in frame.findChildren(type(page.heading))]
                 for frame in page._step_widgets]
        assert [lines[0].split("  ")[0] for lines in shown] == ["05", "22"]
        assert shown[0][0] == ("05  Test equipment: category and voltage rating, leads, calibration date, "
                               "proving source (critical step)")  # its title from the checklist
        assert shown[0][1:3] == ["Assessor's result: passed", "Moderator's result: failed"]
        assert shown[0][3] == "Reason: The meter's calibration label belonged to another meter."
        assert shown[1][2] == "Moderator's result: not applicable"

        page.items.setFocus()
        qtbot.keyClick(page.items, Qt.Key.Key_M)  # read, with the keyboard
        qtbot.waitUntil(lambda: home.feedback_count.text() == "", timeout=10_000)
        qtbot.waitUntil(lambda: not page.items.item(0).text().startswith("New:"))
        assert not page.read_button.isEnabled()
        qtbot.keyClick(page.items, Qt.Key.Key_Escape)
        assert window.stack.currentWidget() is home
    finally:
        if window is not None:
            window.close()
        server.close()
