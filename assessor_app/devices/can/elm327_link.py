"""The serial line to an ELM327: one command at a time, read to the ``>`` prompt within a deadline.

The adapter's AT commands as ELM Electronics documents them: ATI (identify), ATZ (reset),
ATE0 (no echo), ATL0 (no line feeds), ATS0 (no spaces), ATH1 (CAN ids shown), ATSPn (protocol,
0 = search), ATDPN (the protocol number in use, "A6" while searching automatically found 6).
Every answer ends with the prompt; a line of text that never ends in one is a dead or wrong
adapter, never a wait without end.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import serial  # pyserial (BSD-3-Clause)

from assessor_app.devices.can.config import CanDeviceError

log = logging.getLogger(__name__)

#: Baud rates tried when none is given: the ELM327's default first, then common clone settings.
BAUD_RATES = (38400, 9600, 115200)
#: ATSP / ATDPN protocol numbers (ELM327 datasheet).
PROTOCOLS = {
    "1": "SAE J1850 PWM (41.6 kbaud)",
    "2": "SAE J1850 VPW (10.4 kbaud)",
    "3": "ISO 9141-2 (5 baud init, 10.4 kbaud)",
    "4": "ISO 14230-4 KWP (5 baud init, 10.4 kbaud)",
    "5": "ISO 14230-4 KWP (fast init, 10.4 kbaud)",
    "6": "ISO 15765-4 CAN (11 bit ID, 500 kbaud)",
    "7": "ISO 15765-4 CAN (29 bit ID, 500 kbaud)",
    "8": "ISO 15765-4 CAN (11 bit ID, 250 kbaud)",
    "9": "ISO 15765-4 CAN (29 bit ID, 250 kbaud)",
    "A": "SAE J1939 CAN (29 bit ID, 250 kbaud)",
    "B": "USER1 CAN (11 bit ID, 125 kbaud)",
    "C": "USER2 CAN (11 bit ID, 50 kbaud)",
}
CAN_PROTOCOLS = frozenset("6789ABC")
#: A reset takes about a second on a genuine chip; the protocol search up to about 10 s.
RESET_TIMEOUT_S = 3.0
SEARCH_TIMEOUT_S = 15.0
#: No answer to one request is longer than this: an adapter that streams more is broken.
MAX_ANSWER_BYTES = 16384


class Elm327Error(CanDeviceError):
    """The ELM327 adapter could not be reached or did not find a vehicle."""


@dataclass(frozen=True)
class Answer:
    """What the adapter printed for one command, up to (not including) its prompt."""

    text: str
    prompt: bool  # False: the deadline passed (or too much came) before the prompt

    @property
    def printable(self) -> str:
        return repr(self.text.strip()[:80])


class Elm327Link:
    """An open serial line to an ELM327 that has answered ATI with its prompt."""

    def __init__(self, port: str, line: serial.Serial, baudrate: int) -> None:
        self.port = port
        self.baudrate = baudrate
        self._line = line

    @classmethod
    def open(cls, port: str, baudrate: int | None, timeout_s: float) -> Elm327Link:
        """Find the baud rate at which ``port`` answers ATI; Elm327Error if none does."""
        rates = [baudrate] if baudrate else list(BAUD_RATES)
        for rate in rates:
            try:
                line = serial.Serial(port, rate, timeout=0.05, write_timeout=timeout_s)
            except (serial.SerialException, OSError, ValueError) as exc:
                raise Elm327Error(f"The ELM327 adapter on {port} could not be opened: {exc}.") from exc
            link = cls(port, line, rate)
            answer = link.command("ATI", timeout_s)
            # at a wrong baud rate the adapter's answer arrives as junk, rarely with a '>' in it
            if answer.prompt and all(c.isascii() and (c.isprintable() or c in "\r\n") for c in answer.text):
                return link
            link.close()
        raise Elm327Error(
            f"The ELM327 adapter on {port} did not answer (tried {', '.join(map(str, rates))} baud)."
        )

    def command(self, text: str, timeout_s: float) -> Answer:
        """Send one command and read what comes back up to the prompt or ``timeout_s``."""
        try:
            self._line.reset_input_buffer()  # a late answer to an earlier command is not this one's
            self._line.write(text.encode("ascii") + b"\r")
            received = bytearray()
            deadline = time.monotonic() + timeout_s
            while b">" not in received and len(received) < MAX_ANSWER_BYTES:
                if time.monotonic() >= deadline:
                    break
                received += self._line.read(max(1, self._line.in_waiting))
        except (serial.SerialException, OSError) as exc:
            raise Elm327Error(
                f"The ELM327 adapter on {self.port} stopped working during {text}: {exc}."
            ) from exc
        prompt = b">" in received
        body = bytes(received).split(b">", 1)[0]
        return Answer(body.decode("ascii", errors="replace").replace("\x00", ""), prompt)

    def setting(self, text: str, timeout_s: float, *, required: bool = True) -> bool:
        """Send an AT setting; True if the adapter said OK. Elm327Error if a required one is refused."""
        answer = self.command(text, timeout_s)
        ok = answer.prompt and "OK" in answer.text.upper()
        if not ok and required:
            raise Elm327Error(
                f"The ELM327 adapter on {self.port} refused {text} (it answered {answer.printable})."
            )
        return ok

    def initialise(self, protocol: str | None, timeout_s: float) -> bool:
        """Reset and set the adapter up for reading; returns whether CAN ids are shown (ATH1)."""
        code = (protocol or "0").upper()
        if len(code) != 1 or (code != "0" and code not in PROTOCOLS):
            raise Elm327Error(
                f"The ELM327 adapter on {self.port} cannot be set to protocol {protocol!r} "
                "(0 searches; 1-9 and A-C are the ELM327's protocol numbers)."
            )
        reset = self.command("ATZ", max(timeout_s, RESET_TIMEOUT_S))
        if not reset.prompt:
            raise Elm327Error(f"The ELM327 adapter on {self.port} did not come back from a reset (ATZ).")
        self.setting("ATE0", timeout_s)
        # line feeds and spaces only change the layout, which the decoder reads either way
        self.setting("ATL0", timeout_s, required=False)
        self.setting("ATS0", timeout_s, required=False)
        headers = self.setting("ATH1", timeout_s, required=False)
        self.setting(f"ATSP{code}", timeout_s)
        return headers

    def protocol_number(self, timeout_s: float) -> str | None:
        """The protocol in use by ATDPN ("A6" and "6" are both 6); None while none is found."""
        answer = self.command("ATDPN", timeout_s)
        text = answer.text.strip().upper()
        if text.startswith("A"):
            text = text[1:]
        return text if answer.prompt and text in PROTOCOLS else None

    def close(self) -> None:
        try:
            self._line.close()
        except (serial.SerialException, OSError) as exc:
            # the device has gone: nothing is left to release, and the snapshot's outcome stands
            log.warning("Closing the ELM327 adapter on %s failed: %s", self.port, exc)
