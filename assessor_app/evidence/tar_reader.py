"""A strict reader of ustar+PAX tar archives, that refuses everything else before a byte is extracted.

A bundle archive is read by this reader, not by ``tarfile``, whose reader tolerates what a hostile
archive needs: global and sparse headers, negative or oversized sizes, binary names, zero blocks
that hide members. ``Reader.members`` reads and checks every header in turn: ustar headers with
valid checksums, PAX extended headers of well-formed records, and plain files and folders, each
with its data inside the file, the end-of-archive marker and nothing after it. ``inspect_members``
then checks the members' names against each other: one top-level folder, no name twice (nor
twice once case and Unicode normalization are folded), nothing inside a file. Anything else is
refused with a BundleError naming the member or byte offset; nothing here writes a file.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass

from assessor_app.evidence.bundle import BundleError, BundleLimits
from assessor_app.evidence.folder import name_problem
from assessor_app.evidence.strict_json import shown

BLOCK = 512
CHUNK = 1 << 20
_ZERO = bytes(BLOCK)
_UTF8_CHARSET = b"ISO-IR 10646 2000 UTF-8"  # POSIX's name for UTF-8, the one hdrcharset a bundle may use
#: Header types a bundle archive never holds, and what they are.
_REFUSED_TYPES = {
    b"1": "a hard link", b"2": "a symbolic link", b"3": "a character device", b"4": "a block device",
    b"6": "a FIFO", b"7": "a contiguous file",
}
_OTHER_HEADERS = {
    b"g": "a global PAX header", b"L": "a GNU long-name header", b"K": "a GNU long-link header",
    b"S": "an old GNU sparse file header", b"X": "a Solaris extended header",
    b"V": "a volume label", b"M": "a multi-volume continuation", b"N": "an old GNU long-name header",
    b"D": "a GNU dump folder",
}


@dataclass(frozen=True)
class Member:
    """A plain file or folder of the archive, checked, and where its data lies."""

    name: str  # "<top>/...", no trailing slash
    folder: bool
    data: int  # offset of its data in the archive
    size: int


def _octal(raw: bytes) -> int | None:
    """A ustar number field (octal ASCII, NUL or space padded), or None when it is anything else."""
    if raw[:1] in (b"\x80", b"\xff"):  # GNU base-256: never written by a pax writer
        return None
    digits = raw.rstrip(b"\x00 ").lstrip(b" ")
    if not digits:
        return 0
    if not all(0x30 <= c <= 0x37 for c in digits):
        return None
    return int(digits, 8)


def _checksum_ok(block: bytes) -> bool:
    stored = _octal(block[148:156])
    unsigned = sum(block[:148]) + sum(block[156:]) + 8 * 0x20
    signed = unsigned - 256 * sum(1 for c in block[:148] + block[156:] if c > 127)
    return stored is not None and stored in (unsigned, signed)


def _pax_records(data: bytes, at: int, archive: str) -> dict[str, bytes]:
    """The records of a PAX extended header, every one well formed ("<length> <key>=<value>\n")."""
    records: dict[str, bytes] = {}
    i = 0
    while i < len(data):
        space = data.find(b" ", i, i + 21)
        digits = data[i:space] if space > i else b""
        end = i + int(digits) if digits.isdigit() else -1  # -1: refused just below
        key, eq, value = data[space + 1:end - 1].partition(b"=")
        if end <= space + 1 or end > len(data) or data[end - 1:end] != b"\n" or not eq or not key:
            raise BundleError(f"{archive}: the PAX header at byte {at} has a malformed record at "
                              f"offset {i}")
        try:
            keyword = key.decode("utf-8")
        except UnicodeDecodeError:
            raise BundleError(f"{archive}: the PAX header at byte {at} has a record whose keyword is "
                              f"not UTF-8") from None
        if keyword in records:
            raise BundleError(f"{archive}: the PAX header at byte {at} has the record {shown(keyword)} twice")
        records[keyword] = value
        i = end
    return records


def _member_name(raw: bytes, pax: dict[str, bytes], at: int, archive: str) -> str:
    """The member's name: the PAX path if there is one, else the ustar prefix and name."""
    raw = pax.get("GNU.sparse.name", pax.get("path", raw))
    charset = pax.get("hdrcharset", _UTF8_CHARSET)
    if charset != _UTF8_CHARSET:  # BINARY: names in no declared encoding
        raise BundleError(f"archive member {shown(raw.decode('utf-8', 'backslashreplace'))} declares the "
                          f"header charset {shown(charset.decode('utf-8', 'backslashreplace'))}: names in a "
                          f"bundle archive are UTF-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleError(f"archive member at byte {at} has a name that is not UTF-8 "
                          f"({shown(raw.decode('utf-8', 'backslashreplace'))})") from None


def _check_name(name: str, limits: BundleLimits) -> tuple[str, ...]:
    """The member's path parts, or BundleError naming it and what is wrong with its path."""
    if not name:
        raise BundleError("archive member with an empty name")
    if name.startswith("/"):
        raise BundleError(f"archive member {shown(name)} has an absolute path")
    parts = tuple(name.split("/"))
    problem = name_problem(parts[:1], limits) or (name_problem(parts[1:], limits) if parts[1:] else None)
    if problem:
        raise BundleError(f"archive member {shown(name)} {problem}")
    return parts


class Reader:
    """Reads and checks the archive's headers, one after the other, from an open descriptor."""

    def __init__(self, fd: int, size: int, archive: str, limits: BundleLimits):
        self.fd, self.size, self.archive, self.limits = fd, size, archive, limits

    def block(self, at: int) -> bytes | None:
        """The 512-byte block at ``at``; None at the very end of the file."""
        data = os.pread(self.fd, BLOCK, at)
        if not data:
            return None
        if len(data) < BLOCK:
            raise BundleError(f"{self.archive} is truncated: the block at byte {at} is incomplete")
        return data

    def header(self, at: int, block: bytes) -> tuple[bytes, bytes, int, bytes]:
        """``(type, name, size, link name)`` of the ustar header ``block`` at ``at``, checked."""
        if not _checksum_ok(block):
            if at == 0:
                raise BundleError(f"{self.archive} is not an uncompressed tar archive (no valid tar "
                                  f"header at its start)")
            raise BundleError(f"{self.archive}: the header at byte {at} is damaged (its checksum does "
                              f"not match)")
        if block[257:265] != b"ustar\x0000":
            raise BundleError(f"{self.archive}: the header at byte {at} is not a POSIX ustar header "
                              f"(a bundle archive is POSIX pax)")
        size = _octal(block[124:136])
        if size is None:
            raise BundleError(f"{self.archive}: the header at byte {at} has a size field that is not "
                              f"an octal number")
        name = block[:100].split(b"\x00", 1)[0]
        prefix = block[345:500].split(b"\x00", 1)[0]
        return block[156:157], prefix + b"/" + name if prefix else name, size, block[157:257]

    def end(self, at: int, pax_at: int | None) -> None:
        """The end-of-archive marker at ``at``: two zero blocks, and nothing but zeros after them."""
        if pax_at is not None:
            raise BundleError(f"{self.archive}: the PAX header at byte {pax_at} is followed by the end "
                              f"of the archive, not by a member")
        second = self.block(at + BLOCK)
        if second is None:
            raise BundleError(f"{self.archive} is truncated: its end-of-archive marker at byte {at} is "
                              f"incomplete")
        if second != _ZERO:
            raise BundleError(f"{self.archive} has an empty block at byte {at} in the middle of its "
                              f"members")
        offset = at + 2 * BLOCK
        while chunk := os.pread(self.fd, CHUNK, offset):
            rest = chunk.lstrip(b"\x00")
            if rest:
                raise BundleError(f"{self.archive} holds data after its end-of-archive marker (at byte "
                                  f"{offset + len(chunk) - len(rest)})")
            offset += len(chunk)

    def members(self) -> list[Member]:
        """Every member in order, each header checked; BundleError at the first one refused."""
        if self.size == 0:
            raise BundleError(f"{self.archive} is empty")
        found: list[Member] = []
        at = 0
        pax: dict[str, bytes] = {}
        pax_at: int | None = None
        total = 0
        while True:
            block = self.block(at)
            if block is None:
                raise BundleError(f"{self.archive} is truncated: it ends at byte {at} without the "
                                  f"end-of-archive marker")
            if block == _ZERO:
                self.end(at, pax_at)
                return found
            kind, raw, size, link = self.header(at, block)
            if kind in _OTHER_HEADERS:
                raise BundleError(f"{self.archive}: the header at byte {at} is {_OTHER_HEADERS[kind]}, "
                                  f"which a bundle archive never holds")
            data = at + BLOCK
            if kind == b"x":
                if pax_at is not None:
                    raise BundleError(f"{self.archive}: the PAX header at byte {pax_at} is followed by "
                                      f"another PAX header")
                if size > self.limits.max_pax_header_bytes:
                    raise BundleError(f"{self.archive}: the PAX header at byte {at} is {size} bytes, over "
                                      f"the limit of {self.limits.max_pax_header_bytes}")
                body = os.pread(self.fd, size, data)
                if len(body) < size:
                    raise BundleError(f"{self.archive} is truncated: the PAX header at byte {at} runs past "
                                      f"its end")
                pax, pax_at = _pax_records(body, at, self.archive), at
                at = data + -(-size // BLOCK) * BLOCK
                continue
            name = _member_name(raw, pax, at, self.archive)
            if any(k.startswith("GNU.sparse.") for k in pax):
                version = (f"{pax['GNU.sparse.major'].decode('utf-8', 'replace')}."
                           f"{pax.get('GNU.sparse.minor', b'?').decode('utf-8', 'replace')}"
                           if "GNU.sparse.major" in pax else "0.1" if "GNU.sparse.map" in pax else "0.0")
                raise BundleError(f"archive member {shown(name)} is a GNU sparse file (format {version}): "
                                  f"bundles hold plain files only")
            if kind in _REFUSED_TYPES:
                target = pax.get("linkpath", link.split(b"\x00", 1)[0]).decode("utf-8", "backslashreplace")
                what = f"{_REFUSED_TYPES[kind]} ({shown(target)})" if kind in (b"1", b"2") else (
                    _REFUSED_TYPES[kind])
                raise BundleError(f"archive member {shown(name)} is {what}: bundles hold plain files only")
            if kind not in (b"0", b"\x00", b"5"):
                raise BundleError(f"archive member {shown(name)} has the header type {kind!r}, which a "
                                  f"bundle archive never holds")
            if "linkpath" in pax:
                raise BundleError(f"archive member {shown(name)} has a PAX link target: bundles hold plain "
                                  f"files only")
            if "size" in pax:
                text = pax["size"]
                if not (text.isdigit() and len(text) <= 30):
                    raise BundleError(f"archive member {shown(name)} has a PAX size record "
                                      f"{shown(text.decode('utf-8', 'backslashreplace'))} that is not a "
                                      f"size in bytes")
                size = int(text)
            folder = kind == b"5"
            if folder:
                name = name.rstrip("/")
            if len(found) >= self.limits.max_members:
                raise BundleError(f"{self.archive} has more than {self.limits.max_members} members")
            _check_name(name, self.limits)
            if folder and size:
                raise BundleError(f"archive member {shown(name)} is a folder with {size} bytes of data")
            total += size
            if total > self.limits.max_bytes:
                raise BundleError(f"archive member {shown(name)} takes the archive over its limit of "
                                  f"{self.limits.max_bytes} bytes")
            if data + size > self.size:
                raise BundleError(f"archive member {shown(name)} runs past the end of the archive (it "
                                  f"claims {size} bytes; {max(0, self.size - data)} are there)")
            found.append(Member(name, folder, data, size))
            pax, pax_at = {}, None
            at = data + -(-size // BLOCK) * BLOCK


def inspect_members(members: list[Member], archive: str) -> str:
    """The single top-level folder, after checking the members' names against each other."""
    if not members:
        raise BundleError(f"{archive} holds no bundle folder: it has no members")
    top = members[0].name.split("/", 1)[0]
    seen: set[str] = set()
    folded: set[str] = set()
    files: set[str] = set()
    for member in members:
        parts = member.name.split("/")
        if parts[0] != top or (len(parts) == 1 and not member.folder):
            raise BundleError(f"archive member {shown(member.name)} is outside the single top-level "
                              f"folder {shown(top)}")
        if member.name in seen:
            raise BundleError(f"archive member {shown(member.name)} appears twice")
        # names equal on a case-insensitive or normalizing file system would overwrite each other
        fold = unicodedata.normalize("NFC", member.name).casefold()
        if fold in folded:
            raise BundleError(f"archive member {shown(member.name)} differs from another only in case "
                              f"or Unicode normalization")
        seen.add(member.name)
        folded.add(fold)
        if not member.folder:
            files.add(member.name)
    for member in members:
        parts = member.name.split("/")
        for i in range(1, len(parts)):
            if "/".join(parts[:i]) in files:
                raise BundleError(f"archive member {shown(member.name)} is inside a file")
    return top
