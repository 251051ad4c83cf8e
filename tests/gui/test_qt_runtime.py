"""The installed Qt binding survives a long session's worth of signals (a release once did not)."""

import subprocess
import sys

CODE = """
from PySide6.QtCore import QObject, Signal
class Source(QObject):
    changed = Signal(int)
source = Source()
source.changed.connect(lambda value: None)
for i in range(20000):
    source.changed.emit(i)
print("ok")
"""


def test_many_signal_emits_do_not_crash_the_interpreter():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]
