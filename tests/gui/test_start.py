"""The window's start: its first frame is painted before the store, the checklists and the pages
load; then it becomes the whole window, or says why the store cannot be opened.

Each test runs the real ``assessor`` start (``cli.main([])``) in a fresh process, offscreen, on
a temporary data folder, and reads what the child reports on stdout and in the log.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Modules the first frame must not wait for (the store, the checklists, devices, PDF, sync).
HEAVY = (
    "sqlalchemy", "alembic", "pydantic", "yaml", "cv2", "numpy", "can", "reportlab", "httpx",
    "cryptography", "assessor_app.storage.store", "assessor_app.core.specs.library",
    "assessor_app.gui.pages.run", "assessor_app.gui.run_controller",
)

#: Reports, as one JSON line each: the modules loaded when the first frame was painted, and the
#: window's state once the home list was shown; then quits. A message box is recorded, not shown.
CHILD = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

HEAVY = json.loads(sys.argv[1])
app = QApplication(sys.argv[:1])

def say(**what):
    print(json.dumps(what), flush=True)

class FirstFrame(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if (not self.seen and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget)
                and isinstance(obj.window(), QMainWindow)):
            self.seen = True
            window = obj.window()
            say(event="painted", loaded=[m for m in HEAVY if m in sys.modules],
                attached=window.attached, status=window.statusBar().currentMessage(),
                theme=app.property("assessor_theme"))
        return False

watch = FirstFrame()
app.installEventFilter(watch)
QMessageBox.critical = staticmethod(lambda parent, title, text: say(event="critical", text=text))

from assessor_app.gui.pages import home
_show = home.HomePage.show_assessments

def show_assessments(self, rows):
    _show(self, rows)
    window = self.window()
    say(event="listed", rows=len(rows), attached=window.attached,
        status=window.statusBar().currentMessage(), pages=window.stack.count())
    QTimer.singleShot(0, app.quit)

home.HomePage.show_assessments = show_assessments
from assessor_app.cli import main
sys.exit(main([]))
"""


def start(data: Path) -> tuple[int, list[dict], str]:
    env = {**os.environ, "ASSESSOR_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    proc = subprocess.run([sys.executable, "-c", CHILD, json.dumps(HEAVY)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    events = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    log = data / "logs" / "assessor.log"
    return proc.returncode, events, (log.read_text(encoding="utf-8") if log.exists() else "") + proc.stderr


def test_the_first_frame_comes_before_the_store_and_the_pages_then_the_window_is_whole(tmp_path: Path):
    data = tmp_path / "new-machine"  # does not exist yet: the very first start
    code, events, log = start(data)
    assert code == 0, log
    kinds = [e["event"] for e in events]
    assert kinds == ["painted", "listed"], log
    painted, listed = events
    assert painted["loaded"] == [] and painted["attached"] is False and painted["theme"] == "light"
    assert painted["status"] == "Opening the assessments…"
    assert listed == {"event": "listed", "rows": 0, "attached": True, "status": "", "pages": 6}
    assert (data / "assessor.db").is_file()
    assert "ready: window shown" in log and "created the database" in log
    assert "Traceback" not in log


def test_a_store_that_cannot_be_opened_is_said_and_the_app_ends(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "assessor.db").write_bytes(b"this is not a database " * 100)
    code, events, log = start(data)
    assert code == 1, log
    said = [e for e in events if e["event"] == "critical"]
    assert len(said) == 1 and "assessor.db" in said[0]["text"]
    assert [e["event"] for e in events if e["event"] != "critical"] == ["painted"]  # never listed
    assert "cannot open the store" in log and "assessor.db" in log
    assert "Traceback" not in log


def test_the_theme_chosen_in_settings_is_the_first_frame_s(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"theme": "dark"}), encoding="utf-8")
    code, events, log = start(data)
    assert code == 0, log
    assert events[0]["event"] == "painted" and events[0]["theme"] == "dark"
