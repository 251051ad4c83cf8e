"""Tar archives built byte by byte: the headers ``tarfile`` will not write, as a hostile tool would."""

from __future__ import annotations

BLOCK = 512
POSIX = b"ustar\x0000"
GNU = b"ustar  \x00"


def header(name: bytes, *, kind: bytes = b"0", size: int = 0, link: bytes = b"", magic: bytes = POSIX,
           size_field: bytes | None = None, prefix: bytes = b"", bad_checksum: bool = False) -> bytes:
    """One 512-byte header block, its checksum computed (or deliberately wrong)."""
    h = bytearray(BLOCK)
    h[0:len(name[:100])] = name[:100]
    h[100:108] = b"0000644\x00"
    h[108:116] = h[116:124] = b"0000000\x00"
    h[124:136] = size_field if size_field is not None else b"%011o\x00" % size
    h[136:148] = b"00000000000\x00"
    h[148:156] = b" " * 8
    h[156:157] = kind
    h[157:157 + len(link)] = link
    h[257:265] = magic
    h[345:345 + len(prefix)] = prefix
    h[148:156] = b"%06o\x00 " % (sum(h) + (1 if bad_checksum else 0))
    return bytes(h)


def padded(data: bytes) -> bytes:
    return data + bytes(-len(data) % BLOCK)


def folder(name: bytes) -> bytes:
    return header(name + b"/", kind=b"5")


def file(name: bytes, data: bytes = b"x", **kwargs: object) -> bytes:
    return header(name, size=len(data), **kwargs) + padded(data)  # type: ignore[arg-type]


def record(key: bytes, value: bytes) -> bytes:
    """One PAX record, ``"<length> <key>=<value>\\n"``, its length counting itself."""
    rest = b" %s=%s\n" % (key, value)
    length = len(rest) + len(str(len(rest)))
    if len(str(length)) != len(str(len(rest))):
        length += 1
    return b"%d%s" % (length, rest)


def pax(*records: bytes, kind: bytes = b"x") -> bytes:
    """A PAX extended (``x``) or global (``g``) header holding ``records`` as they are."""
    body = b"".join(records)
    return header(b"././@PaxHeader", kind=kind, size=len(body)) + padded(body)


def end() -> bytes:
    """The end-of-archive marker: two zero blocks."""
    return bytes(2 * BLOCK)


def archive(*parts: bytes) -> bytes:
    return b"".join(parts) + end()
