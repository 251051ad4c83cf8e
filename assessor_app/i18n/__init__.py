"""Words in five languages: one gettext catalog per language for every surface.

Code below the window never writes an English sentence for a person. It emits a message: a stable
code with values (:class:`Msg`, made from a :class:`Message` definition). The window, the PDF record and
the command line render messages, terms, numbers, dates and durations from the same catalogs
(``assessor_app/locale/<language>/LC_MESSAGES/assessor.po``), so the same thing has the same words
everywhere. The window's own texts (``self.tr(...)``) live in the same catalogs under their Qt context.
"""

from assessor_app.i18n.catalog import catalog_path, translations
from assessor_app.i18n.formatting import (
    format_date,
    format_datetime,
    format_duration,
    format_input_number,
    format_list,
    format_number,
    format_quantity,
    format_range,
    format_time,
)
from assessor_app.i18n.languages import LANGUAGE_NAMES, LANGUAGES, babel_locale, check_language
from assessor_app.i18n.message import Message, Msg, Plural, known_codes, render, render_stored

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "Message",
    "Msg",
    "Plural",
    "babel_locale",
    "catalog_path",
    "check_language",
    "format_date",
    "format_datetime",
    "format_duration",
    "format_input_number",
    "format_list",
    "format_number",
    "format_quantity",
    "format_range",
    "format_time",
    "known_codes",
    "render",
    "render_stored",
    "translations",
]
