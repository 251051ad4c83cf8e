"""Moderation feedback in the window, read off the GUI thread (sync.feedback_view gives the words
the page lays out); marking an item read is a write: on the writer."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from assessor_app.gui.operations import Operation, TaskManager

if TYPE_CHECKING:
    from assessor_app.core.specs.library import Library
    from assessor_app.storage.store import AssessmentStore
    from assessor_app.sync.feedback_view import FeedbackView

log = logging.getLogger(__name__)


class FeedbackCoordinator(QObject):
    """Reads the feedback for the page and the home page's count; marks items read."""

    views_ready = Signal(object)  # list[FeedbackView]
    unread_changed = Signal(int)
    failed = Signal(object)

    def __init__(self, store: AssessmentStore, library: Library | None, tasks: TaskManager, language: str,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.store, self.library, self.tasks, self.language = store, library, tasks, language

    def refresh(self) -> None:
        """Read the items and the unread count again (after a sync brought new ones, or a change)."""
        def run() -> tuple[list[FeedbackView], int]:
            from assessor_app.sync.feedback_view import feedback_views

            views = feedback_views(self.store, self.library, self.language)
            return views, sum(not v.item.read for v in views)

        def done(result: tuple[list[FeedbackView], int]) -> None:
            views, unread = result
            self.views_ready.emit(views)
            self.unread_changed.emit(unread)

        self.tasks.background(Operation(run, on_success=done, on_failure=self.failed.emit, label="feedback"))

    def mark_read(self, provider_key_id: str, feedback_id: int) -> None:
        def run() -> None:
            from assessor_app.sync.feedback import FeedbackInbox

            FeedbackInbox(self.store).mark_read(provider_key_id, feedback_id)

        self.tasks.write(Operation(run, on_success=lambda _none: self.refresh(), on_failure=self.failed.emit,
                                   label="feedback read"))
