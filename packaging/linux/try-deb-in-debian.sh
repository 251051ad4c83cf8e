#!/usr/bin/env bash
# Install the .deb on a fresh, minimal Debian and start it there: the proof that its Depends are
# complete and that it runs on a machine with nothing of ours on it.
#
#   sudo packaging/linux/try-deb-in-debian.sh DEB [ROOT]
#
# ROOT (default build/debian-root) is made with debootstrap (Debian's minbase variant: no X, no
# Python) unless it is there; the .deb is installed with apt, which fetches what Depends names from
# Debian's mirror. Then, inside: the headless demo (sealed bundle), its verification, the window
# offscreen until its "ready" log line, the desktop entry and its icon. Needs root
# (chroot, mount) and Debian's mirror.
set -euo pipefail
deb=$(realpath "$1")
root=$(realpath -m "${2:-build/debian-root}")
suite=${SUITE:-bookworm}
mirror=${MIRROR:-http://deb.debian.org/debian}
if [[ ! -x $root/usr/bin/apt-get ]]; then
  command -v debootstrap >/dev/null || { echo "try-deb-in-debian.sh: install debootstrap first" >&2; exit 2; }
  debootstrap --variant=minbase "$suite" "$root" "$mirror"
fi
mounted=()
cleanup() { for m in "${mounted[@]}"; do umount -l "$m" 2>/dev/null || true; done; }
trap cleanup EXIT
for fs in proc sys dev; do
  if ! mountpoint -q "$root/$fs"; then mount --rbind "/$fs" "$root/$fs"; mounted+=("$root/$fs"); fi
done
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
cp "$deb" "$root/tmp/assessor.deb"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
in_root apt-get update -qq
started=$(date +%s)
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/assessor.deb >/dev/null
echo "installed with its dependencies in $(( $(date +%s) - started )) s"
in_root dpkg -s assessor | sed -n 's/^\(Status\|Version\|Installed-Size\): /  \1: /p'
cat > "$root/tmp/try.sh" <<'TRY'
set -eu
fail() { echo "FAILED: $*" >&2; exit 1; }
home=$(mktemp -d); export HOME=$home
out=$(assessor demo --headless --no-sync --no-video 2>&1) || fail "demo: $out"
bundle=$(printf '%s\n' "$out" | sed -n 's/^Sealed bundle: \([^ ]*\).*/\1/p')
[ -n "$bundle" ] || fail "demo named no bundle: $out"
assessor verify "$bundle" >/dev/null || fail "verify $bundle"
echo "  demo sealed and verified: $bundle"
QT_QPA_PLATFORM=offscreen assessor >/dev/null 2>&1 & pid=$!
log=$home/.local/state/assessor/log/assessor.log
for i in $(seq 1 300); do grep -q "ready: window shown" "$log" 2>/dev/null && break; sleep 0.1; done
grep -q "ready: window shown" "$log" || fail "the window was not ready: $(cat "$log" 2>/dev/null)"
kill "$pid"; wait "$pid" 2>/dev/null || true
echo "  window ready offscreen; data in $(ls -d "$home"/.local/share/assessor)"
grep -q Traceback "$log" && fail "a traceback in $log"
test -f /usr/share/applications/assessor.desktop || fail "no desktop entry"
test -f /usr/share/icons/hicolor/256x256/apps/assessor.png || fail "no icon"
echo "  desktop entry and icon installed"
TRY
in_root sh /tmp/try.sh
echo "the .deb installs and starts on a fresh Debian $suite"
