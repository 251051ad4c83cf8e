"""Background operations: work off the GUI thread, results back on it.

One writer thread owns every database write (so writes keep their order and never contend);
other slow work uses a small pool. Each result is marshalled back to the GUI thread by one
queued signal, and the success or failure callback runs there. An operation never touches
widgets; its callbacks may.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


@dataclass
class Operation:
    """What to run off the GUI thread, and what to do with its result on the GUI thread."""

    run: Callable[[], Any]
    on_success: Callable[[Any], None] | None = None
    on_failure: Callable[[BaseException], None] | None = None
    label: str = ""


class TaskManager(QObject):
    _finished = Signal(object, object, object)  # operation, result, error
    busy_changed = Signal(int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer")
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="worker")
        self._pending = 0
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        return self._pending

    def write(self, op: Operation) -> None:
        """Run a database write (or anything that must keep its order) on the writer thread."""
        self._submit(self._writer, op)

    def background(self, op: Operation) -> None:
        self._submit(self._pool, op)

    def _submit(self, executor: ThreadPoolExecutor, op: Operation) -> None:
        self._pending += 1
        self.busy_changed.emit(self._pending)
        future = executor.submit(op.run)
        future.add_done_callback(lambda f, op=op: self._emit(op, f))

    def _emit(self, op: Operation, future: Future[Any]) -> None:
        if future.cancelled():  # the window closed before it ran: nobody waits for its result
            return
        error = future.exception()
        self._finished.emit(op, None if error else future.result(), error)

    def _deliver(self, op: Operation, result: Any, error: BaseException | None) -> None:
        self._pending -= 1
        self.busy_changed.emit(self._pending)
        if error is not None:
            if op.on_failure is not None:
                op.on_failure(error)
            else:
                log.error("operation %s failed", op.label or op.run, exc_info=error)
                raise error
        elif op.on_success is not None:
            op.on_success(result)

    def shutdown(self) -> None:
        """Finish queued writes (nothing acknowledged is dropped), then stop the threads."""
        self._writer.shutdown(wait=True)
        self._pool.shutdown(wait=True, cancel_futures=True)
