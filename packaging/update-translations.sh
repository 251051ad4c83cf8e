#!/usr/bin/env bash
# Refresh the window translations (Finnish, Spanish, Portuguese) and compile them.
#
# Run this after adding or changing any self.tr(...) / app.tr(...) text in assessor_app/gui/,
# then translate the new entries (marked type="unfinished") in assessor_app/gui/i18n/*.ts,
# e.g. with pyside6-linguist, and run it once more so the .qm files match.
# tests/gui/test_translations.py fails, listing the texts, while any of them is untranslated.
#
# lupdate keeps every existing translation; texts no longer in the source are dropped.
# Needs the PySide6 tools (pyside6-lupdate, pyside6-lrelease): activate the project's venv first.
set -euo pipefail
cd "$(dirname "$0")/.."
i18n=assessor_app/gui/i18n
mapfile -t sources < <(find assessor_app/gui -name '*.py' | LC_ALL=C sort)
for pair in fi:fi_FI es:es_ES pt:pt_PT; do
  lang=${pair%%:*}
  pyside6-lupdate -silent -no-obsolete -locations absolute -source-language en \
    -target-language "${pair#*:}" "${sources[@]}" -ts "$i18n/assessor_$lang.ts"
  pyside6-lrelease -silent "$i18n/assessor_$lang.ts" -qm "$i18n/assessor_$lang.qm"
done
echo "translations updated in $i18n/"
