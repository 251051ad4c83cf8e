#!/usr/bin/env bash
# Refresh the catalogs (assessor_app/locale/<language>/LC_MESSAGES/assessor.po) and compile them.
#
# Run this after adding or changing any window text (self.tr(...)) or any Message/Plural definition,
# then translate the new entries (empty or marked fuzzy) in each assessor.po, e.g. with Poedit or any
# gettext editor, and run it once more so the .mo files match. It prints what is left per language;
# `python -m assessor_app.i18n.tool check` lists every untranslated, stale or broken entry
# (tests/test_catalogs.py runs the same check).
# Needs the project's venv (Babel, and pyside6-lupdate from PySide6 for the window's texts).
set -euo pipefail
cd "$(dirname "$0")/.."
python -m assessor_app.i18n.tool update "$@"
