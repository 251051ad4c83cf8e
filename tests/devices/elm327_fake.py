"""A scripted ELM327 on a pseudo-terminal, and the text an ELM327 prints for given ECU answers.

Written from the adapter's documented behaviour, independently of the client under test: AT
commands change echo, line feeds, spaces and headers; an OBD request is answered from a table of
ECU payloads, framed as ISO-TP (CAN ids and PCI bytes with headers on; the data alone, or a
length line and "0:", "1:" lines, with headers off), or with a literal text for a broken
adapter. It answers only at its own baud rate: at any other the bytes it sends are junk, as a
real adapter's are.
"""

from __future__ import annotations

import os
import pty
import select
import termios
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

BAUD_CONSTANTS = {9600: termios.B9600, 38400: termios.B38400, 115200: termios.B115200}


def iso_tp_frames(payload: bytes, pad: int = 0x00) -> list[bytes]:
    """The 8-byte CAN frames carrying ``payload`` (ISO 15765-2 single / first + consecutive)."""
    if len(payload) <= 7:
        return [(bytes((len(payload),)) + payload).ljust(8, bytes((pad,)))]
    frames = [bytes((0x10 | (len(payload) >> 8), len(payload) & 0xFF)) + payload[:6]]
    rest = payload[6:]
    for index, start in enumerate(range(0, len(rest), 7), 1):
        frames.append((bytes((0x20 | (index % 16),)) + rest[start : start + 7]).ljust(8, bytes((pad,))))
    return frames


def _hex(data: bytes, spaces: bool) -> str:
    return (" " if spaces else "").join(f"{b:02X}" for b in data)


def _id(ecu: str, spaces: bool) -> str:
    if len(ecu) == 3 or not spaces:
        return ecu
    return " ".join(ecu[i : i + 2] for i in range(0, len(ecu), 2))


def frame_lines(answers: Sequence[tuple[str, bytes]], *, headers: bool, spaces: bool) -> list[list[str]]:
    """Each ECU's answer as the lines an ELM327 prints for it (one list per ECU, in order)."""
    out = []
    for ecu, payload in answers:
        if headers:
            out.append(
                [
                    f"{_id(ecu, spaces)}{' ' if spaces else ''}{_hex(f, spaces)}"
                    for f in iso_tp_frames(payload)
                ]
            )
        elif len(payload) <= 7:
            out.append([_hex(payload, spaces)])
        else:
            frames = iso_tp_frames(payload)
            lines = [f"{len(payload):03X}", f"0:{' ' if spaces else ''}{_hex(frames[0][2:], spaces)}"]
            lines += [
                f"{i % 16:X}:{' ' if spaces else ''}{_hex(f[1:], spaces)}"
                for i, f in enumerate(frames[1:], 1)
            ]
            out.append(lines)
    return out


def render(lines: Sequence[str], eol: str = "\r") -> str:
    """Lines as the adapter sends them: each ended by ``eol``, a blank line, the prompt."""
    return "".join(line + eol for line in lines) + eol + ">"


@dataclass
class FakeElm327:
    """An ELM327 on a pseudo-terminal: ``port`` is the name to open. Use as a context manager.

    ``answers`` maps a request ("0100", "0902") to the ECUs' payloads, [(can id, payload)], or
    to a literal text printed before the prompt; a request not in it gets NO DATA. ``hang``:
    requests that get no prompt at all. ``protocol``: what ATSP0's search finds ("" finds none).
    """

    answers: dict[str, list[tuple[str, bytes]] | str] = field(default_factory=dict)
    baudrate: int = 38400
    protocol: str = "6"
    hang: set[str] = field(default_factory=set)
    refuse: set[str] = field(default_factory=set)
    requests: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._master, self._slave = pty.openpty()
        self.port = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="fake-elm327", daemon=True)
        self._reset()

    def _reset(self) -> None:
        self.echo, self.linefeeds, self.spaces, self.headers = True, False, True, False
        self.chosen = "0"
        self.found = ""

    def __enter__(self) -> FakeElm327:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        os.close(self._master)
        os.close(self._slave)

    def _speed_ok(self) -> bool:
        return termios.tcgetattr(self._master)[4] == BAUD_CONSTANTS[self.baudrate]

    def _serve(self) -> None:
        pending = b""
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.02)
            if not ready:
                continue
            try:
                pending += os.read(self._master, 1024)
            except OSError:
                return
            while b"\r" in pending:
                raw, pending = pending.split(b"\r", 1)
                if not self._speed_ok():
                    os.write(self._master, b"\xf8\x80\x1c\xe0\x00")  # what a wrong baud rate reads like
                    continue
                command = raw.decode("ascii", errors="replace").replace(" ", "").upper()
                if command:
                    self.requests.append(command)
                    self._answer(command)

    def _send(self, lines: Sequence[str], command: str, prompt: bool = True) -> None:
        eol = "\r\n" if self.linefeeds else "\r"
        text = (command + "\r" if self.echo else "") + "".join(line + eol for line in lines)
        os.write(self._master, (text + (eol + ">" if prompt else "")).encode("ascii", errors="replace"))

    def _answer(self, command: str) -> None:
        if command in self.hang:
            self._send([], command, prompt=False)
            return
        if command in self.refuse:
            self._send(["?"], command)
            return
        if command.startswith("AT"):
            self._send(self._at(command[2:]), command)
            return
        lines: list[str] = []
        if not self.found:
            if self.chosen == "0":
                lines.append("SEARCHING...")
            self.found = self.protocol if self.chosen == "0" else self.chosen
            if not self.found:
                self._send([*lines, "UNABLE TO CONNECT"], command)
                return
        answer = self.answers.get(command)
        if answer is None:
            lines.append("NO DATA")
        elif isinstance(answer, str):
            self._send_text(lines, answer, command)
            return
        else:
            for ecu_lines in frame_lines(answer, headers=self.headers, spaces=self.spaces):
                lines.extend(ecu_lines)
        self._send(lines, command)

    def _send_text(self, lines: list[str], text: str, command: str) -> None:
        self._send(lines, command, prompt=False)
        os.write(self._master, text.encode("latin-1", errors="replace") + b"\r\r>")

    def _at(self, rest: str) -> list[str]:
        switches = {"E": "echo", "L": "linefeeds", "S": "spaces", "H": "headers"}
        if rest == "Z":
            self._reset()
            return ["", "ELM327 v1.5"]
        if rest == "I":
            return ["ELM327 v1.5"]
        if len(rest) == 2 and rest[0] in switches and rest[1] in "01":
            setattr(self, switches[rest[0]], rest[1] == "1")
            return ["OK"]
        if rest.startswith("SP") and len(rest) == 3:
            self.chosen, self.found = rest[2], ""
            return ["OK"]
        if rest == "DPN":
            if self.chosen == "0":
                return [f"A{self.found or '0'}"]
            return [self.chosen]
        return ["?"]
