"""Numbers, quantities, dates, times and durations written as each language's readers write them
(CLDR data through Babel): ``0,5 V`` and ``1 t 5 min`` in Finnish, ``1.234,5`` in Spanish."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from decimal import Decimal

from babel import dates, lists, numbers, units

from assessor_app.i18n.languages import babel_locale


def format_number(value: float | int, language: str, decimals: int | None = None) -> str:
    """A number with the language's decimal and group separators. ``decimals`` fixes the number of
    digits after the separator; by default a value shows the digits it has (at most six)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return str(value)
    if abs(value) >= 1e15:  # no reading is that large (a slip of the finger): as a power of ten, 1E300
        return numbers.format_scientific(value, format="0.######E0", locale=babel_locale(language))
    # thousands are grouped from five digits on (2500 V, 12 500 V): a four-digit reading reads as one
    grouping = "#,##0" if abs(value) >= 10000 else "0"
    pattern = grouping + (".######" if decimals is None else ("." + "0" * decimals if decimals > 0 else ""))
    return numbers.format_decimal(value, format=pattern, locale=babel_locale(language),
                                  decimal_quantization=decimals is not None)


def format_input_number(value: float | int, language: str) -> str:
    """A number as a person would type it in a field: the language's decimal sign, no grouping
    (``1234,5``), so that it reads back as typed."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    text = format(Decimal(repr(value)), "f") if isinstance(value, float) else str(value)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", numbers.get_decimal_symbol(babel_locale(language)))


def format_quantity(value: float | int, unit: str, language: str, decimals: int | None = None) -> str:
    """``0,5 V``: a measured value with its unit symbol (symbols are the same in every language)."""
    number = format_number(value, language, decimals)
    return f"{number}\u00a0{unit}" if unit else number


_EN_SHORT = {"hour": "h", "minute": "min", "second": "s"}


def format_range(low: float | None, high: float | None, unit: str, magnitude: bool, language: str) -> str:
    """A pass range as the window and the record write it: ``0,5 – 1 V``, ``≤ 1 V``, ``|x| ≥ 500 MΩ``;
    empty when it has no bound."""
    prefix = "|x| " if magnitude else ""
    if low is not None and high is not None:
        return f"{prefix}{format_number(low, language)} – {format_quantity(high, unit, language)}"
    if high is not None:
        return f"{prefix}≤ {format_quantity(high, unit, language)}"
    if low is not None:
        return f"{prefix}≥ {format_quantity(low, unit, language)}"
    return ""


def format_duration(seconds: float, language: str) -> str:
    """``3 min 12 s``, ``45 s``, ``1 t 5 min``: how a trainer reads a wait, in their language.
    Rounded up to the second, so a wait is never shown as over early."""
    s = max(0, int(-(-seconds // 1)))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    if h:
        parts = [("hour", h), ("minute", m)]
    elif m:
        parts = [("minute", m)] + ([("second", sec)] if sec else [])
    else:
        parts = [("second", sec)]
    if language == "en":  # the short forms English workshop texts use: 1 h 5 min, 3 min 12 s
        return " ".join(f"{n} {_EN_SHORT[name]}" for name, n in parts)
    locale = babel_locale(language)
    return " ".join(units.format_unit(n, f"duration-{name}", length="short", locale=locale)
                    for name, n in parts)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def format_date(day: dt.date | dt.datetime, language: str) -> str:
    """The medium date, e.g. ``5.12.2026`` (fi), ``5 dic 2026`` (es)."""
    return dates.format_date(day, format="medium", locale=babel_locale(language))


def format_datetime(moment: dt.datetime, language: str, tz: dt.tzinfo | None = None) -> str:
    """Date and time to the minute in the given zone (UTC when none is given), zone written out."""
    moment = _aware(moment).astimezone(tz or dt.UTC)
    return dates.format_datetime(moment, format="medium", tzinfo=moment.tzinfo,
                                 locale=babel_locale(language))


def format_time(moment: dt.datetime, language: str, tz: dt.tzinfo | None = None) -> str:
    """Time of day to the second, e.g. ``14.03.07`` (fi)."""
    moment = _aware(moment).astimezone(tz or dt.UTC)
    return dates.format_time(moment, format="medium", tzinfo=moment.tzinfo,
                             locale=babel_locale(language))


def format_list(items: Iterable[str], language: str) -> str:
    """``02, 03 and 05`` in the language's own list pattern."""
    items = list(items)
    if not items:
        return ""
    return lists.format_list(items, style="standard", locale=babel_locale(language))
