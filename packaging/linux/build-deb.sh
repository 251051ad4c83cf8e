#!/usr/bin/env bash
# Pack the frozen folder as a Debian package: /opt/assessor, /usr/bin/assessor, a desktop entry and
# its icon, the provider's systemd unit as an example; Depends from the libraries the folder loads.
#   packaging/linux/build-deb.sh FOLDER VERSION OUTDIR
set -euo pipefail
folder=$(realpath "$1") version=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
install -d "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/icons/hicolor/scalable/apps" "$stage/usr/share/icons/hicolor/256x256/apps" \
  "$stage/usr/share/doc/assessor/examples" "$stage/DEBIAN"
cp -a "$folder" "$stage/opt/assessor"
ln -s /opt/assessor/assessor "$stage/usr/bin/assessor"
install -m 644 "$here/assessor.desktop" "$stage/usr/share/applications/assessor.desktop"
install -m 644 "$here/../icons/assessor.svg" "$stage/usr/share/icons/hicolor/scalable/apps/assessor.svg"
install -m 644 "$here/../icons/assessor-256.png" "$stage/usr/share/icons/hicolor/256x256/apps/assessor.png"
install -m 644 "$here/assessor-provider.service" "$stage/usr/share/doc/assessor/examples/"
cat > "$stage/usr/share/doc/assessor/copyright" <<TXT
Assessor: recorded practical assessments of safety-critical EV work.
The libraries it ships and their licences: /opt/assessor/_internal/THIRD-PARTY.txt
TXT
depends=$(python3 "$here/deb_depends.py" "$stage/opt/assessor")
size_kib=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<TXT
Package: assessor
Version: $version
Architecture: $arch
Maintainer: Assessor maintainers <assessor@localhost>
Installed-Size: $size_kib
Depends: $depends
Section: education
Priority: optional
Homepage: https://localhost/assessor
Description: recorded practical assessments of safety-critical EV work
 Trainers in automotive workshops run risk-aligned task checklists (isolating the
 high-voltage system of an electric vehicle, HV battery diagnostics, ADAS
 calibration, CAN-bus diagnostics), record video, photos and diagnostic logs
 time-aligned with the steps, and seal everything into a tamper-evident evidence
 bundle with a PDF record. Also the training provider's service (assessor
 provider serve). Works offline; no Python installation needed.
TXT
install -m 755 "$here/maintainer-script" "$stage/DEBIAN/postinst"
install -m 755 "$here/maintainer-script" "$stage/DEBIAN/postrm"
deb="$out/assessor_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "packed $deb ($(( $(stat -c %s "$deb") / 1024 / 1024 )) MiB)"
