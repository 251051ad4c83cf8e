"""Moderation feedback as a person reads it: each stored item with what the workstation knows of its
assessment (its date, its checklist's title and step titles, from the checklist text the assessment
used, else the library's), for the window and the command line."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assessor_app.sync.feedback import FeedbackInbox, FeedbackItem

if TYPE_CHECKING:
    from assessor_app.core.specs.library import Library
    from assessor_app.storage.store import AssessmentStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedbackView:
    """One item as the page shows it: the stored item, with the assessment's date and titles."""

    item: FeedbackItem
    assessment_date: dt.date | None  # None: the assessment is not in this workstation's store
    checklist_title: str
    step_titles: dict[str, str]


def _checklist(store: AssessmentStore, library: Library | None, item: FeedbackItem) -> tuple[Any, Any]:
    """(the assessment's summary or None, the checklist spec it used or the library's, or None)."""
    from assessor_app.core.specs.loader import checklist_from_source
    from assessor_app.errors import AssessorError

    try:
        summary = store.summary(item.assessment_id)
    except AssessorError:
        summary = None
    if summary is not None:
        try:
            return summary, checklist_from_source(store.snapshot_source(summary.checklist_sha256))
        except (AssessorError, ValueError) as exc:
            log.warning("the checklist of assessment %s cannot be read: %s", item.assessment_id, exc)
    if library is not None:
        for version in (item.checklist_version, None):
            try:
                return summary, library.checklist(item.checklist_id, version).spec
            except KeyError:  # not in the library (NotInLibrary): the next try, or ids only
                continue
    return summary, None


def feedback_views(store: AssessmentStore, library: Library | None, language: str) -> list[FeedbackView]:
    """Every item received, unread first, with the words the page needs (on a background thread)."""
    views = []
    for item in FeedbackInbox(store).items():
        summary, spec = _checklist(store, library, item)
        title = f"{item.checklist_id} {item.checklist_version}"
        steps: dict[str, str] = {}
        if spec is not None:
            title = spec.title.get_text(language)
            for difference in item.steps:
                try:
                    steps[difference.step] = spec.step(difference.step).title.get_text(language)
                except KeyError:
                    continue
        day = dt.datetime.fromtimestamp(summary.created_wall_us / 1e6).date() if summary else None
        views.append(FeedbackView(item, day, title, steps))
    return views
