"""The window's texts from the product's gettext catalogs: one catalog per language for every surface.

Qt asks an installed translator for each ``tr()`` text by its context (the class) and source; this one
looks it up in the language's catalog under that context, so the window, the PDF record and the command
line share one set of words (``assessor_app/locale``, kept by ``python -m assessor_app.i18n.tool``).
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from assessor_app.i18n import babel_locale, catalog_path, translations

_window_language = "en"


def window_language() -> str:
    """The language the window's texts are shown in (the last one installed)."""
    return _window_language


class CatalogTranslator(QTranslator):
    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._catalog = translations(language)

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if n is not None and n >= 0:
            text = self._catalog.npgettext(context, source, source, n)
        else:
            text = self._catalog.pgettext(context, source)
        return "" if text == source else text  # "": Qt shows the source (and asks the next translator)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return self._language == "en"

    def language(self) -> str:
        return babel_locale(self._language)

    def filePath(self) -> str:  # noqa: N802 (Qt's name)
        return str(catalog_path(self._language))


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """The app's own texts (from the catalog of ``language``) and Qt's standard dialogs, when present."""
    global _window_language
    _window_language = language
    if language == "en":
        return []
    ours = CatalogTranslator(language, app)
    app.installTranslator(ours)
    loaded: list[QTranslator] = [ours]
    qtbase = QTranslator(app)
    if qtbase.load(QLocale(babel_locale(language)), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qtbase)
        loaded.append(qtbase)
    return loaded


def remove_translations(app: QApplication, translators: list[QTranslator]) -> None:
    """Undo :func:`install_translations`: the window speaks English again."""
    global _window_language
    for translator in translators:
        app.removeTranslator(translator)
    _window_language = "en"
