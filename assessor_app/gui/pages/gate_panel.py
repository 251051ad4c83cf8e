"""The new-assessment page's word on a gated checklist: which prerequisites the candidate meets and by
what (a competent result recorded here, a credential in the provider's eligibility list), and when the
provider's list was last received. The decision comes from core.gateways; this only lays it out."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

from assessor_app.core.gateways import GateDecision
from assessor_app.gui.theme import set_tone
from assessor_app.i18n import render


class GatePanel(QLabel):
    """Prerequisites of the chosen checklist for the candidate typed; hidden for a checklist without any."""

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent, wordWrap=True)
        self.language = language
        self.decision: GateDecision | None = None
        self.setAccessibleName(self.tr("Prerequisites for this candidate"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Tab stops here, after the checklist, so a screen reader reads it; a credential's id can be copied
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setVisible(False)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As tall as the text is at the width the label has (a wrapped label's own hint guesses a
        narrower width, and the form would leave empty lines under the text)."""
        hint = super().sizeHint()
        if self.width() > hint.width():
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def clear_gate(self) -> None:
        """A checklist without prerequisite checklists: nothing to say."""
        self.decision = None
        self.setText("")
        self.setVisible(False)

    def ask_for_candidate(self) -> None:
        """A gated checklist, no candidate yet: say what will be checked."""
        self.decision = None
        self._say(self.tr("This checklist has prerequisites: enter the candidate id to see whether the "
                          "candidate meets them."), "")

    def show_decision(self, decision: GateDecision) -> None:
        """Each prerequisite, met by what or not met, and when the provider's list was received."""
        self.decision = decision
        lines = [self.tr("Prerequisites for candidate {candidate}:").format(candidate=decision.candidate_id)]
        for standing in decision.standings:
            name = render(standing.name(), self.language)
            reason = decision.reason(standing)
            lines.append(self.tr("✔ {prerequisite}: met by {reason}").format(
                prerequisite=name, reason=render(reason, self.language)) if reason is not None
                else self.tr("✘ {prerequisite}: not met").format(prerequisite=name))
        received = render(decision.received(), self.language)
        lines.append(self.tr("Provider's eligibility list last received: {when}").format(when=received))
        if decision.list_received_us is None:
            lines.append(self.tr("Until one arrives, only this workstation's own records count."))
        self._say("\n".join(lines), "ok" if decision.met else "danger")

    def refusals(self) -> list[str]:
        """Why the start is refused for the decision shown (empty when it may start, or none is shown)."""
        if self.decision is None:
            return []
        return [render(r, self.language) for r in self.decision.refusals()]

    def _say(self, text: str, tone: str) -> None:
        set_tone(self, tone)  # first: the tone's font is what the text is measured in
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(True)
