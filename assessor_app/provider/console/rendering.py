"""Pages from Jinja2 templates in the page's language: the environment, its helpers, the language.

Templates get ``t`` (a Message, a Msg or a message code, with values, in the page's language),
``fmt`` (numbers, dates and durations in that language) and, through the context, ``csrf_field()``.
Autoescaping is on for every template.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from markupsafe import Markup
from starlette.requests import Request

from assessor_app.i18n import (
    LANGUAGE_NAMES,
    LANGUAGES,
    Message,
    Msg,
    format_date,
    format_datetime,
    format_duration,
    format_number,
    known_codes,
    render,
)
from assessor_app.provider.console import messages as M

PREFIX = "/console"
TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"
LANGUAGE_COOKIE = "lang"


def choose_language(request: Request) -> str:
    """The ``lang`` cookie if it names a language of the console, else Accept-Language, else English."""
    chosen = request.cookies.get(LANGUAGE_COOKIE, "")
    if chosen in LANGUAGES:
        return chosen
    return accepted_language(request.headers.get("accept-language", ""))


def accepted_language(header: str) -> str:
    """The console language the browser prefers most (q-values honoured), English if none fits."""
    best, best_q = "en", 0.0
    for position, part in enumerate(header[:1000].split(",")[:30]):
        tag, _, params = part.strip().partition(";")
        language = tag.strip().lower().split("-")[0]
        q = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                q = float(params[2:7])
            except ValueError:
                q = 0.0
        q -= position * 1e-6  # earlier wins at equal q
        if language in LANGUAGES and q > best_q:
            best, best_q = language, q
    return best


def translate(language: str, message: Message | Msg | str, values: Mapping[str, Any]) -> str:
    """A message in ``language``: a definition (with values), a Msg, or a known code."""
    if isinstance(message, Msg):
        return render(message, language)
    if isinstance(message, str):
        definition = known_codes().get(message)
        if definition is None:
            raise KeyError(f"no console message {message!r}: define it in a messages module")
        message = definition
    return render(message(**values), language)


class Formats:
    """Numbers, dates and durations in the page's language (``fmt.number(3)``, ``fmt.when(us)``)."""

    def __init__(self, language: str):
        self.language = language

    def number(self, value: float, decimals: int | None = None) -> str:
        return format_number(value, self.language, decimals)

    def duration(self, seconds: float) -> str:
        return format_duration(seconds, self.language)

    def when(self, us: int | None) -> str:
        """A time kept as microseconds since the epoch, to the minute, in UTC."""
        if us is None:
            return "–"
        return format_datetime(dt.datetime.fromtimestamp(us / 1e6, dt.UTC), self.language)

    def day(self, value: dt.date | dt.datetime | int) -> str:
        if isinstance(value, int):
            value = dt.datetime.fromtimestamp(value / 1e6, dt.UTC)
        return format_date(value, self.language)


@pass_context
def _t(context: Any, message: Message | Msg | str, **values: Any) -> str:
    return translate(context["language"], message, values)


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(t=_t, M=M, PREFIX=PREFIX, LANGUAGES=LANGUAGES, LANGUAGE_NAMES=LANGUAGE_NAMES)
    return env


ENVIRONMENT = _environment()


def render_page(template: str, values: Mapping[str, Any]) -> str:
    return ENVIRONMENT.get_template(template).render(values)


def hidden(name: str, value: str) -> Markup:
    return Markup('<input type="hidden" name="{}" value="{}">').format(name, value)
