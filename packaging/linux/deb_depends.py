"""The Debian packages a frozen folder needs from the system, for the .deb's Depends field.

Every ELF file in the folder is asked (with ldd) which shared libraries it loads from outside the
folder; each is mapped to the package that ships it on this machine (dpkg -S), or, for one this
machine lacks, to the package Qt's platform plugin needs (assessor_app.gui.qt_libraries). The C
runtime is declared with the lowest glibc the wheels are built for.

    python packaging/linux/deb_depends.py FOLDER
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from assessor_app.gui.qt_libraries import XCB_LIBRARIES  # noqa: E402  (imports no Qt)

#: the floor of the manylinux wheels the build ships (PySide6, OpenCV: manylinux_2_28)
GLIBC = "libc6 (>= 2.28)"
#: loaded from the system but part of every Debian system or of the C runtime itself
ESSENTIAL = ("libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so", "ld-linux", "libutil.so",
             "linux-vdso", "libgcc_s.so", "libstdc++.so", "libresolv.so")


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def outside_libraries(folder: Path) -> tuple[dict[str, str], set[str]]:
    """soname -> path for libraries resolved outside the folder, and sonames not found at all."""
    resolved: dict[str, str] = {}
    missing: set[str] = set()
    internal = {p.name for p in folder.rglob("*.so*")}
    for elf in elf_files(folder):
        out = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, check=False).stdout
        for line in out.splitlines():
            parts = line.strip().split()
            if len(parts) >= 3 and parts[1] == "=>":
                soname, target = parts[0], parts[2]
                if soname in internal:
                    continue
                if target == "not":
                    missing.add(soname)
                elif not target.startswith(str(folder)):
                    resolved[soname] = target
    return resolved, missing


def packages_of(paths: list[str]) -> dict[str, str]:
    """path -> the installed package that ships it (by the path, or by the file it links to), in one
    dpkg call: dpkg answers "package: path" for each file it knows."""
    candidates = {}
    for path in paths:
        candidates[path] = path
        candidates[str(Path(path).resolve())] = path
        candidates[str(Path(path).parent.resolve() / Path(path).name)] = path  # /lib vs /usr/lib
    out = subprocess.run(["dpkg", "-S", *candidates], capture_output=True, text=True, check=False).stdout
    found: dict[str, str] = {}
    for line in out.splitlines():
        package, _, file = line.partition(": ")
        if file in candidates and "," not in package:
            found.setdefault(candidates[file], package.split(":")[0].strip())
    return found


def depends(folder: Path) -> list[str]:
    resolved, missing = outside_libraries(folder)
    packages = {GLIBC}
    wanted = {soname: path for soname, path in resolved.items() if not soname.startswith(ESSENTIAL)}
    owners = packages_of(sorted(set(wanted.values())))
    for soname, path in wanted.items():
        package = owners.get(path) or XCB_LIBRARIES.get(soname)
        if package is None:
            raise SystemExit(f"deb_depends.py: no Debian package known for {soname} ({path})")
        packages.add(package)
    for soname in missing:
        if soname in XCB_LIBRARIES:
            packages.add(XCB_LIBRARIES[soname])
        elif not soname.startswith(ESSENTIAL):
            # a library an optional part links against (a CAN vendor's driver, say): not required
            print(f"deb_depends.py: {soname} is not on this machine; left out of Depends", file=sys.stderr)
    # Qt's X11 platform plugin needs all of these, whichever this machine happens to have
    packages.update(XCB_LIBRARIES.values())
    return sorted(packages, key=lambda p: (p != GLIBC, p))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python packaging/linux/deb_depends.py FOLDER")
    print(", ".join(depends(Path(sys.argv[1]).resolve())))
