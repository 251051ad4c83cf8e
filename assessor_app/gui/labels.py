"""Workshop words for the engine's codes (outcome, status, risk, gateway, evidence, people, identity
checks, interventions), translated.

The engine and store speak in stable codes (``not_yet_competent``); people read these.
"""

from __future__ import annotations

from assessor_app.core.terms import term
from assessor_app.gui.translator import window_language
from assessor_app.i18n import render


def label(code: str | None) -> str:
    """The translated word for an engine code; unknown codes are shown as they are."""
    if not code:
        return ""
    word = term(code)
    return render(word, window_language()) if word else code.replace("_", " ")
