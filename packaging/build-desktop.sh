#!/usr/bin/env bash
# Build the desktop app as one folder (PyInstaller), then pack it: on Linux a .tar.gz and a .deb.
#
#   packaging/build-desktop.sh [--fresh] [--no-packages]
#
# Works from a clean checkout: it makes its own build environment (build/desktop/venv, reused by the
# next build; --fresh makes it anew) with the app's runtime dependencies and PyInstaller only, never
# the test tools. Output: dist/assessor/ (the folder), and on Linux
# dist/assessor-<version>-linux-<arch>.tar.gz and dist/assessor_<version>_<debian arch>.deb.
# Fails if any library that would ship declares a GPL licence (LGPL is fine: linked, not modified).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
fresh=0 packages=1
for arg in "$@"; do
  case $arg in
    --fresh) fresh=1 ;;
    --no-packages) packages=0 ;;
    *) echo "build-desktop.sh: unknown option $arg (use --fresh, --no-packages)" >&2; exit 2 ;;
  esac
done
export PIP_DISABLE_PIP_VERSION_CHECK=1
python=${PYTHON:-python3}
venv=build/desktop/venv
started=$(date +%s)

if ((fresh)) || [[ ! -x $venv/bin/python && ! -x $venv/Scripts/python.exe ]]; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
fi
if [[ -x $venv/Scripts/python.exe ]]; then vpy=$venv/Scripts/python.exe; else vpy=$venv/bin/python; fi
# the app and its runtime dependencies, and the freezer. Not the provider's scale options (PostgreSQL,
# an S3 object store): a region's provider installs those from the wheel (README, the provider's
# section), and a workshop PC should not carry the AWS SDK's 100 MB of service descriptions.
"$vpy" -m pip install -q -e .
"$vpy" -m pip install -q "pyinstaller>=6.10,<7" "pyinstaller-hooks-contrib>=2024.8"

# the licences of everything that ships, into the folder; refuses GPL
"$vpy" packaging/third_party.py build/desktop/THIRD-PARTY.txt

rm -rf build/desktop/work dist/assessor
"$vpy" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath build/desktop/work --distpath dist packaging/assessor.spec
folder_bytes=$(du -sb dist/assessor | cut -f1)
echo "built dist/assessor/ ($((folder_bytes / 1024 / 1024)) MiB) in $(( $(date +%s) - started )) s"

if ((packages)) && [[ $(uname -s) == Linux ]]; then
  version=$("$vpy" -c 'import assessor_app; print(assessor_app.__version__)')
  arch=$(uname -m)
  tarball=dist/assessor-$version-linux-$arch.tar.gz
  tar -C dist -czf "$tarball" assessor
  echo "packed $tarball ($(( $(stat -c %s "$tarball") / 1024 / 1024 )) MiB)"
  bash packaging/linux/build-deb.sh dist/assessor "$version" dist
fi
echo "done in $(( $(date +%s) - started )) s"
