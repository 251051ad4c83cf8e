#!/usr/bin/env bash
# Build an installable wheel that carries the shipped checklists and JSON Schemas.
# In a source checkout the app reads checklists/ and resources/ beside the package; an installed
# wheel reads the copies this script puts in assessor_app/_shipped/ (see assessor_app/paths.py).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
trap 'rm -rf assessor_app/_shipped build' EXIT
rm -rf assessor_app/_shipped
mkdir -p assessor_app/_shipped
cp -r checklists resources assessor_app/_shipped/
python3 -m pip wheel --no-deps -q -w "$out" .
echo "wheel in $out/"
