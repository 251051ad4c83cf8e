"""Write the licences of every library the desktop build ships, and refuse a GPL one.

Run with the build environment's Python (packaging/build-desktop.sh does): it reads the installed
distributions' metadata, so it lists exactly what PyInstaller can collect. The freezer itself
(PyInstaller: GPL-2.0 with an exception for the programs it builds) and the tools that only build are
not shipped and not listed.

    python packaging/third_party.py OUT.txt
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

#: build tools, never inside the folder
NOT_SHIPPED = {"pip", "setuptools", "wheel", "pyinstaller", "pyinstaller-hooks-contrib", "altgraph",
               "assessor-app"}
#: "GPL" in these is not the GNU GPL's copyleft on what ships
NOT_GPL = re.compile(r"LGPL|Lesser General|Library General|GPL[- ]?\S* WITH|exception", re.IGNORECASE)


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    text = (meta.get("License") or "").strip()
    if classifiers:
        return "; ".join(classifiers)
    return text.splitlines()[0][:120] if text else "(not declared)"


def is_gpl(licence: str) -> bool:
    return bool(re.search(r"\bGPL|General Public License", licence)) and not NOT_GPL.search(licence)


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    texts = []
    for file in dist.files or []:
        name = file.name.upper()
        if ".dist-info" in str(file) and any(w in name for w in ("LICEN", "COPYING", "NOTICE")):
            try:
                texts.append((file.name, Path(file.locate()).read_text(encoding="utf-8", errors="replace")))
            except OSError:
                continue  # a licence file named in RECORD but not installed: the licence line remains
    return texts


def main(out: Path) -> int:
    dists = {}
    for dist in metadata.distributions():
        name = (dist.metadata.get("Name") or "").lower()
        if name and name not in NOT_SHIPPED:
            dists[name] = dist
    refused = []
    lines = ["Third-party software in the Assessor desktop build", "=" * 50, ""]
    for name in sorted(dists):
        dist = dists[name]
        licence = licence_of(dist)
        if is_gpl(licence):
            refused.append(f"{dist.metadata['Name']} {dist.version}: {licence}")
        lines.append(f"{dist.metadata['Name']} {dist.version}: {licence}")
    lines.append("")
    for name in sorted(dists):
        for file_name, text in licence_texts(dists[name]):
            lines += ["-" * 70, f"{dists[name].metadata['Name']}: {file_name}", "-" * 70, text.rstrip(), ""]
    if refused:
        print("third_party.py: these libraries declare a GPL licence and must not ship:\n  "
              + "\n  ".join(refused), file=sys.stderr)
        return 1
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(dists)} libraries listed in {out}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python packaging/third_party.py OUT.txt")
    sys.exit(main(Path(sys.argv[1])))
