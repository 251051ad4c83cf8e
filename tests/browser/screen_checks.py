"""What a console page must not do on a screen: text cut or spilling out of its box, the page scrolling
sideways, English catalog text on a page in another language, a wrong ``<html lang>``.

``layout_problems(page)`` measures the laid-out page in the browser; ``english_leftovers(texts, language)``
compares a page's texts with the English source of the messages the console renders (from the catalog
template), skipping the messages whose translation is the same word (a unit, an acronym).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "assessor_app" / "locale"

#: contexts of the messages a console page may show: its own, and those of the layers below it whose
#: messages it renders (outcomes, steps' words, quarantine reasons, verification, units, terms)
CONTEXTS = ("console.", "engine.", "pdf.", "quarantine.", "verify.", "term.", "units.", "directory.",
            "checks.", "chain.", "seal.", "record.", "plausibility.", "vin.", "parameters.", "library.",
            "bad_input.",
            # the CAN layer's reasons a record keeps in English (the demo says them from these messages)
            "demo.bus_silent", "demo.no_value")

#: JavaScript run in the page: every element whose text is cut or spills out of its box, and the page's
#: own sideways scroll. An element that scrolls on purpose (overflow auto/scroll) is a container, not a fault.
MEASURE = r"""
() => {
  const found = [];
  const doc = document.documentElement;
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    else if (el.classList.length) name += '.' + [...el.classList].join('.');
    if (el.getAttribute('name')) name += '[name=' + el.getAttribute('name') + ']';
    const text = (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
    return name + ' "' + text.slice(0, 60) + '"';
  };
  if (doc.scrollWidth > doc.clientWidth) {
    found.push('the page scrolls sideways: ' + doc.scrollWidth + ' px wide in ' + doc.clientWidth);
  }
  const ownText = (el) => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  for (const el of document.body.querySelectorAll('*')) {
    if (!(el instanceof HTMLElement)) continue;
    if (['SCRIPT', 'STYLE', 'VIDEO', 'OPTION', 'SELECT'].includes(el.tagName)) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= 0) continue;  // hidden, or the skip link
    const scrolls = ['auto', 'scroll'].includes(style.overflowX);
    // a text field scrolls its value by design (a long value typed in is not cut text)
    const clips = (['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis') &&
                  !['INPUT', 'TEXTAREA'].includes(el.tagName);
    const wider = el.scrollWidth > el.clientWidth + 1;
    if (clips && wider) {
      found.push('text cut in ' + describe(el) + ': ' + el.scrollWidth + ' px in ' + el.clientWidth);
    } else if (!scrolls && wider && style.display !== 'inline' &&
               (el.tagName === 'BUTTON' || el.tagName === 'TD' || el.tagName === 'TH' || ownText(el))) {
      found.push('text wider than its box in ' + describe(el) + ': ' + el.scrollWidth + ' px in ' +
                 el.clientWidth);
    }
    if (ownText(el) && box.right > doc.clientWidth + 1) {
      let inside = false;
      for (let up = el.parentElement; up; up = up.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) { inside = true; break; }
      }
      if (!inside) {
        found.push('text beyond the window\'s right edge: ' + describe(el) + ' ends at ' +
                   Math.round(box.right));
      }
    }
  }
  // an SVG's texts (a plot's labels): inside the picture (an SVG clips at its edge), none over another
  for (const svg of document.querySelectorAll('svg')) {
    const frame = svg.getBoundingClientRect();
    const labels = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim());
    const boxes = labels.map(t => t.getBoundingClientRect());
    const where = svg.id || svg.getAttribute('class') || 'svg';
    labels.forEach((label, i) => {
      const b = boxes[i];
      if (b.left < frame.left - 1 || b.right > frame.right + 1 ||
          b.top < frame.top - 1 || b.bottom > frame.bottom + 1) {
        found.push('label cut at the edge of ' + where + ': "' + label.textContent.trim() + '"');
      }
      for (let j = 0; j < i; j++) {
        const o = boxes[j];
        if (b.left < o.right - 1 && o.left < b.right - 1 && b.top < o.bottom - 1 && o.top < b.bottom - 1) {
          found.push('labels over each other in ' + where + ': "' + label.textContent.trim() + '" and "' +
                     labels[j].textContent.trim() + '"');
        }
      }
    });
  }
  return found;
}
"""

#: JavaScript: every text a person reads (text nodes, and the attributes read aloud or shown on hover,
#: a field's placeholder, a form's question), trimmed
TEXTS = r"""
() => {
  const texts = [];
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || ['SCRIPT', 'STYLE'].includes(parent.tagName)) continue;
    const text = n.textContent.trim().replace(/\s+/g, ' ');
    if (text) texts.push(text);
  }
  for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt],[data-confirm]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'data-confirm']) {
      const value = (el.getAttribute(name) || '').trim();
      if (value) texts.push(value);
    }
  }
  return texts;
}
"""

_FIELD = re.compile(r"\{[^{}]*\}")


@cache
def _catalog(language: str) -> dict[tuple[str, str], str]:
    path = LOCALE / language / "LC_MESSAGES" / "assessor.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    found = {}
    for message in catalog:
        if message.id and message.context:
            ident = message.id[0] if isinstance(message.id, tuple) else message.id
            text = message.string[0] if isinstance(message.string, tuple) else message.string
            found[(message.context, ident)] = text or ""
    return found


@cache
def english_sources(language: str) -> tuple[tuple[str, str, re.Pattern[str] | None], ...]:
    """(context, English text, pattern of the text with its values as wildcards) of every message a
    console page may show whose translation into ``language`` differs from its English."""
    with (LOCALE / "assessor.pot").open("rb") as handle:
        template = read_po(handle)
    translated = _catalog(language)
    found = []
    for message in template:
        if not message.id or not message.context or not message.context.startswith(CONTEXTS):
            continue
        for ident in message.id if isinstance(message.id, tuple) else (message.id,):
            fixed = _FIELD.sub("", ident).strip()
            if translated.get((message.context, message.id if isinstance(message.id, str) else message.id[0]),
                              "") == ident or not re.search(r"[A-Za-z]{3}", fixed):
                continue  # the same in this language (an acronym, a unit), or nothing but values
            pattern = None
            if _FIELD.search(ident):
                parts = _FIELD.split(ident)
                pattern = re.compile("^" + "(.+?)".join(re.escape(p) for p in parts) + "$", re.S)
            found.append((message.context, ident, pattern))
    return tuple(found)


def _localized(thing: object, found: list) -> None:
    from pydantic import BaseModel

    from assessor_app.core.specs.text import LocalizedText

    if isinstance(thing, LocalizedText):
        found.append(thing)
    elif isinstance(thing, BaseModel):
        for name in type(thing).model_fields:
            _localized(getattr(thing, name), found)
    elif isinstance(thing, dict):
        for value in thing.values():
            _localized(value, found)
    elif isinstance(thing, (list, tuple)):
        for value in thing:
            _localized(value, found)
    elif hasattr(thing, "__dataclass_fields__"):
        for name in thing.__dataclass_fields__:
            _localized(getattr(thing, name), found)


@cache
def checklist_sources(language: str) -> tuple[tuple[str, str, None], ...]:
    """The English texts of the shipped checklists and of the signal conditions (the console shows a
    step's words from its checklist) that the checklist gives otherwise in ``language``."""
    from assessor_app.core.specs.conditions import CONDITIONS
    from assessor_app.core.specs.library import load_library
    from assessor_app.paths import checklists_dir

    texts: list = []
    library = load_library(checklists_dir())
    for versions in library.versions.values():
        for loaded in versions.values():
            _localized(loaded.spec, texts)
    _localized(list(CONDITIONS.values()), texts)
    return tuple(("checklist", t["en"], None) for t in texts
                 if t.get("en") and t.get(language) and t[language] != t["en"]
                 and re.search(r"[A-Za-z]{3}", t["en"]))


def english_leftovers(texts: list[str], language: str) -> list[str]:
    """The texts of a page in ``language`` that are (or hold) the English source of a catalog message
    or of a checklist's text: the whole text, the text of a message with values, or a sentence of 3+
    words spliced into it."""
    sources = english_sources(language) + checklist_sources(language)
    whole = {ident: context for context, ident, pattern in sources if pattern is None}
    found = []
    for text in dict.fromkeys(texts):
        if text in whole:
            found.append(f"{text!r} is English ({whole[text]})")
            continue
        for context, ident, pattern in sources:
            if pattern is not None and len(_FIELD.sub("", ident).strip()) >= 6 and pattern.match(text):
                found.append(f"{text!r} is English ({context}: {ident!r})")
                break
            fixed = [p.strip() for p in _FIELD.split(ident)]
            spliced = [p for p in fixed if len(p.split()) >= 3 and p in text]
            if spliced and text != ident:
                found.append(f"{text!r} holds English {spliced[0]!r} ({context})")
                break
    return found
