"""The window speaks the chosen language from the product's catalogs (the same words as the PDF)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from assessor_app.core.terms import TERMS
from assessor_app.gui.labels import label
from assessor_app.gui.main_window import MainWindow
from assessor_app.gui.translator import install_translations, remove_translations, window_language
from assessor_app.i18n import render, translations


def test_install_translations_installs_the_catalog_translator(qapp):
    assert install_translations(qapp, "en") == []
    translators = install_translations(qapp, "fi")
    try:
        assert window_language() == "fi"
        assert translators[0].filePath().endswith("fi/LC_MESSAGES/assessor.mo")
        assert QCoreApplication.translate("RunPage", "Pass (Space)") == translations("fi").pgettext(
            "RunPage", "Pass (Space)") != "Pass (Space)"
    finally:
        remove_translations(qapp, translators)
    assert window_language() == "en"
    assert QCoreApplication.translate("RunPage", "Pass (Space)") == "Pass (Space)"


def test_the_window_speaks_finnish(qtbot, qapp, store, library):
    translators = install_translations(qapp, "fi")
    try:
        window = MainWindow(store, library, "fi")
        qtbot.addWidget(window)
        new = translations("fi").pgettext("HomePage", "&New assessment")
        passed = translations("fi").pgettext("RunPage", "Pass (Space)")
        assert new != "&New assessment" and passed != "Pass (Space)"
        assert window.home.new_button.text() == new
        assert window.run_page.pass_button.text() == passed
        plural = "%n assessment(s) in progress: select one and press Resume."
        one, two = (QCoreApplication.translate("HomePage", plural, None, n) for n in (1, 2))
        assert one.startswith("1 ") and two.startswith("2 ") and one[2:] != two[2:]
        # the window's words for the engine's codes are the terms the PDF uses
        assert label("competent") == render(TERMS["competent"](), "fi") == "pätevä"
        window.close()
    finally:
        remove_translations(qapp, translators)
    assert label("competent") == "competent"
