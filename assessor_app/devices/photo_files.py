"""Picture files from outside (a phone's JPEG or PNG): read safely, recognised, sized and decoded.

Every file here is hostile until checked: it is opened without following links, must be a
regular file no larger than a limit, is read once into memory, must be a JPEG or PNG by its
content and its name alike, must declare a size no larger than a pixel limit (before anything
is decoded, so a small file cannot unpack into gigabytes), and must decode. Each refusal is a
:class:`PhotoError` naming the file and the problem.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from assessor_app.devices.video._opencv import stderr_to_log
from assessor_app.errors import AssessorError

_CHUNK = 1 << 20
_JPEG_MAGIC = b"\xff\xd8\xff"
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
#: The JPEG frame headers (SOF0-3, 5-7, 9-11, 13-15) carry the picture's size.
_SOF_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
#: JPEG markers without a length field.
_BARE_MARKERS = frozenset({0x01, 0xD8, *range(0xD0, 0xD8)})
#: Picture formats a photo may be in, and the extensions each may carry.
EXTENSIONS = {"jpeg": ("jpg", "jpeg"), "png": ("png",)}


class PhotoError(AssessorError):
    """A photo could not be taken, imported or shown; the message names the file or camera and why."""


@dataclass(frozen=True)
class Picture:
    """A picture file's bytes as read, its format ("jpeg"/"png") and its declared size."""

    data: bytes
    format: str
    width: int
    height: int


def _what_it_is(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, words in ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a folder"),
                        (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                        (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return words
    return "not a regular file"


def _refuse_size(path: Path, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise PhotoError(f"{path} is too large for a photo: {size:,} bytes, more than the {max_bytes:,} "
                         f"bytes allowed")


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, read once; refused unless a regular file (not a link) within ``max_bytes``."""
    try:
        before = os.lstat(path)
    except FileNotFoundError:
        raise PhotoError(f"{path} does not exist") from None
    except OSError as exc:
        raise PhotoError(f"{path} cannot be read: {exc.strerror}") from None
    kind = _what_it_is(before.st_mode)
    if kind is not None:
        raise PhotoError(f"{path} is {kind}, not a picture file: copy the picture itself")
    _refuse_size(path, before.st_size, max_bytes)
    # O_NOFOLLOW: a link put in its place meanwhile is refused, not followed; O_NONBLOCK: a FIFO
    # put in its place cannot hang the open (it is refused by the check below)
    flags = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
             | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise PhotoError(f"{path} is a symbolic link, not a picture file: copy the picture itself") \
                from None
        if exc.errno == errno.ENOENT:
            raise PhotoError(f"{path} does not exist") from None
        raise PhotoError(f"{path} cannot be opened: {exc.strerror}") from None
    try:
        opened = os.fstat(fd)
        if (not stat.S_ISREG(opened.st_mode)
                or (opened.st_ino, opened.st_dev) != (before.st_ino, before.st_dev)):
            raise PhotoError(f"{path} was replaced while it was being imported: try again")
        _refuse_size(path, opened.st_size, max_bytes)
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            try:
                chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
            except OSError as exc:
                raise PhotoError(f"{path} could not be read: {exc.strerror}") from None
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    _refuse_size(path, total, max_bytes)
    if total != opened.st_size:
        raise PhotoError(f"{path} changed while it was being read ({opened.st_size:,} bytes, "
                         f"{total:,} read): import it again once it is copied completely")
    return b"".join(chunks)


def sniff_format(data: bytes) -> str | None:
    """"jpeg" or "png" by the file's first bytes; None for anything else."""
    if data.startswith(_JPEG_MAGIC):
        return "jpeg"
    if data.startswith(_PNG_MAGIC):
        return "png"
    return None


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 1 < len(data):
        if data[i] != 0xFF:
            return None  # not at a marker: the header is damaged
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte before a marker
            i += 1
            continue
        i += 2
        if marker in _BARE_MARKERS:
            continue
        if marker in (0xD9, 0xDA):  # end of image or start of scan before any frame header
            return None
        if i + 2 > len(data):
            return None
        length = int.from_bytes(data[i:i + 2], "big")
        if length < 2:
            return None
        if marker in _SOF_MARKERS:
            if i + 7 > len(data):
                return None
            return int.from_bytes(data[i + 5:i + 7], "big"), int.from_bytes(data[i + 3:i + 5], "big")
        i += length
    return None


def declared_size(data: bytes, fmt: str) -> tuple[int, int] | None:
    """(width, height) as the picture's header declares it, without decoding; None if it has none."""
    size = _png_size(data) if fmt == "png" else _jpeg_size(data)
    if size is None or size[0] <= 0 or size[1] <= 0:
        return None
    return size


def decode(data: bytes, flags: int) -> np.ndarray | None:
    """OpenCV's decoding of ``data`` (None if it cannot); what the decoder says goes to the log."""
    with stderr_to_log():
        image = cv2.imdecode(np.frombuffer(data, np.uint8), flags)
    return image if isinstance(image, np.ndarray) and image.size else None


def check_picture(path: Path, data: bytes, max_pixels: int) -> Picture:
    """``data`` (read from ``path``) recognised as a JPEG or PNG picture that decodes; else PhotoError."""
    fmt = sniff_format(data)
    if fmt is None:
        raise PhotoError(f"{path} is not a JPEG or PNG picture: its content is neither")
    ext = path.suffix.lower().lstrip(".")
    if ext not in EXTENSIONS[fmt]:
        ending = f"ends in {path.suffix!r}" if path.suffix else "has no extension"
        raise PhotoError(f"{path} holds a {fmt.upper()} picture but its name {ending}: "
                         f"name it .{EXTENSIONS[fmt][0]}")
    size = declared_size(data, fmt)
    if size is None:
        raise PhotoError(f"{path} is not a picture OpenCV can read: its {fmt.upper()} header "
                         f"declares no picture size")
    width, height = size
    if width * height > max_pixels:
        raise PhotoError(f"{path} declares {width}x{height} pixels, more than the {max_pixels:,} "
                         f"a photo may have")
    # decoded grey and as stored (no EXIF turn): one byte a pixel, and the size the header declares
    image = decode(data, cv2.IMREAD_GRAYSCALE | cv2.IMREAD_IGNORE_ORIENTATION)
    if image is None:
        raise PhotoError(f"{path} is not a picture OpenCV can read: its {fmt.upper()} data does not decode")
    if (image.shape[1], image.shape[0]) != (width, height):
        raise PhotoError(f"{path} is damaged: its header declares {width}x{height} pixels but it "
                         f"decodes to {image.shape[1]}x{image.shape[0]}")
    return Picture(data, fmt, width, height)
