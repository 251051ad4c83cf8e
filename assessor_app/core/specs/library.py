"""The checklists and parameter sets found in folders: the shipped ones, then the user's own.

Every version of a checklist found is kept (``versions``); the newest of each id is the one
offered for new assessments (``checklists``). An assessment in progress never takes its
checklist from here: it replays the exact text it pinned by SHA-256 (see storage/recorder.py).
A file that fails to load, and a second file with an id and version already loaded, are
problems (``problems``, each ``file:line: field: message`` as ``assessor checklist validate``
prints them), logged and shown; they are never loaded silently over another.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from assessor_app.core.specs.loader import (
    LoadedChecklist,
    LoadedParameterSet,
    Problem,
    SpecError,
    expand_paths,
    load_checklist,
    load_parameter_set,
)
from assessor_app.core.specs.yamlsource import decode, parse
from assessor_app.i18n import Message, Msg

log = logging.getLogger(__name__)

# ----------------------------------------------------------------- messages
NO_CHECKLIST = Message("library.no_checklist", "no checklist {checklist} (available: {available})")
NO_PARAMETER_SET = Message("library.no_parameter_set",
                           "no parameter set {parameter_set} (available: {available})")
NONE = Message("library.none", "none")


class NotInLibrary(KeyError):
    """No checklist or parameter set of that id (and version); ``message`` names what there is.
    ``args[0]`` is its English."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.message = message

_SEMVER = re.compile(r"(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?")

Loaded = TypeVar("Loaded", LoadedChecklist, LoadedParameterSet)


def _ids(found: Mapping[str, object]) -> Msg | str:
    """The ids found, as a caller types them (or that there are none)."""
    return ", ".join(sorted(found)) or NONE()


def version_key(version: str) -> tuple[int, int, int, int, tuple[tuple[int, int | str], ...]]:
    """Semantic-version precedence: 1.10.0 > 1.9.0 > 1.9.0-rc.1 (build metadata is ignored)."""
    found = _SEMVER.fullmatch(version)
    if found is None:  # the loader refuses such a version; sorted first all the same
        return (-1, -1, -1, 0, ())
    major, minor, patch, pre = found.groups()
    parts = tuple((0, int(p)) if p.isdigit() else (1, p) for p in (pre or "").split(".") if p)
    return (int(major), int(minor), int(patch), 0 if pre else 1, parts)


@dataclass
class FolderReport:
    """What one folder gave: the specifications loaded from it, and its problems."""

    folder: str
    exists: bool
    files: int = 0
    checklists: list[tuple[str, str]] = field(default_factory=list)  # (id, version)
    parameter_sets: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Library:
    #: The newest version of each checklist: the one offered for new assessments.
    checklists: dict[str, LoadedChecklist] = field(default_factory=dict)
    parameter_sets: dict[str, LoadedParameterSet] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: Every version found: checklist id -> version -> the loaded file.
    versions: dict[str, dict[str, LoadedChecklist]] = field(default_factory=dict)
    parameter_set_versions: dict[str, dict[str, LoadedParameterSet]] = field(default_factory=dict)
    folders: list[FolderReport] = field(default_factory=list)

    def checklist(self, spec_id: str, version: str | None = None) -> LoadedChecklist:
        """The newest version of checklist ``spec_id``, or the given ``version`` of it."""
        try:
            return self.checklists[spec_id] if version is None else self.versions[spec_id][version]
        except KeyError:
            which = spec_id if version is None else f"{spec_id} {version}"
            raise NotInLibrary(NO_CHECKLIST(checklist=repr(which), available=_ids(self.checklists))) from None

    def parameter_set(self, set_id: str) -> LoadedParameterSet:
        try:
            return self.parameter_sets[set_id]
        except KeyError:
            raise NotInLibrary(NO_PARAMETER_SET(parameter_set=repr(set_id),
                                                available=_ids(self.parameter_sets))) from None

    def report(self, folder: Path | str) -> FolderReport | None:
        """What ``folder`` gave, if it was read."""
        wanted = Path(folder).resolve()
        return next((r for r in self.folders if Path(r.folder).resolve() == wanted), None)


def _kind(path: Path) -> str | None:
    text, _ = decode(path.read_bytes())
    if text is None:
        return None
    data = parse(text).data
    return data.get("kind") if isinstance(data, dict) else None


def _duplicate(kind: str, spec_id: str, version: str, first: Loaded, again: Loaded) -> Problem:
    same = "the same content" if first.sha256 == again.sha256 else "different content"
    return Problem(again.path, 1, "version", (
        f"{kind} {spec_id} {version} is also in {first.path} ({same}): this file is not loaded; "
        "a changed checklist or parameter set needs a new version"))


def load_library(*folders: Path) -> Library:
    """Load every specification under each folder in turn (the shipped folder first, then the
    user's); bad files and second copies of an id and version are kept as problems, not loaded.
    A folder that does not exist gives nothing (a user folder is optional)."""
    lib = Library()
    for folder in folders:
        report = FolderReport(str(folder), folder.is_dir())
        lib.folders.append(report)
        if not report.exists:
            continue
        paths = expand_paths([folder])
        report.files = len(paths)
        for path in paths:
            try:
                if _kind(path) == "parameter-set":
                    ps = load_parameter_set(path)
                    key = (ps.params.id, ps.params.version)
                    first_ps = lib.parameter_set_versions.get(key[0], {}).get(key[1])
                    if first_ps is not None:
                        report.problems.append(_duplicate("parameter set", *key, first_ps, ps))
                        continue
                    lib.parameter_set_versions.setdefault(key[0], {})[key[1]] = ps
                    report.parameter_sets.append(key)
                else:
                    cl = load_checklist(path)
                    key = (cl.spec.id, cl.spec.version)
                    first_cl = lib.versions.get(key[0], {}).get(key[1])
                    if first_cl is not None:
                        report.problems.append(_duplicate("checklist", *key, first_cl, cl))
                        continue
                    lib.versions.setdefault(key[0], {})[key[1]] = cl
                    report.checklists.append(key)
            except SpecError as exc:
                report.problems.extend(exc.problems)
            except OSError as exc:
                report.problems.append(Problem(str(path), 1, "(file)", f"cannot read: {exc.strerror or exc}"))
        lib.problems.extend(report.problems)
    for spec_id, found in lib.versions.items():
        lib.checklists[spec_id] = found[max(found, key=version_key)]
    for set_id, sets in lib.parameter_set_versions.items():
        lib.parameter_sets[set_id] = sets[max(sets, key=version_key)]
    for problem in lib.problems:
        log.warning("checklist not loaded: %s", problem)
    return lib
