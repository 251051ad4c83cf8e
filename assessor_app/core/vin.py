"""Vehicle identification numbers (ISO 3779): what makes one well formed, and its check digit.

A VIN is 17 characters of digits and the letters A-Z without I, O and Q (they are too easily
read as 1 and 0). Position 9 is a check digit (49 CFR 565, also GB 16735) only in VINs for North
America and China; European VINs (ISO 3779 alone) need not carry one, so a check digit that
does not match is a warning to re-read the plate, never a reason to refuse the VIN.

Problems are codes with values (``VinProblem``, ``CheckDigit``); ``message`` is what a person reads
(rendered in their language), ``str()`` its English.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assessor_app.i18n import Message, Msg

# ----------------------------------------------------------------- messages
EMPTY = Message("vin.empty", "VIN: empty, needs {n} characters")
LENGTH = Message("vin.length", "VIN: {length} characters, needs {n}")
NEVER_USED_LETTER = Message(
    "vin.never_used", "VIN: letter {char} at position {position} is not allowed (I, O, Q are never used)")
NOT_ALLOWED = Message(
    "vin.character",
    "VIN: {char} at position {position} is not allowed (only digits and the letters A-Z without I, O, Q)")
CHECK_DIGIT_MATCHES = Message("vin.check_digit_matches", "VIN: check digit {found} matches")
CHECK_DIGIT_WRONG = Message(
    "vin.check_digit_wrong",
    "VIN: check digit {found} does not match (the VIN gives {expected}): re-read the plate")
CHECK_DIGIT_MAYBE_WRONG = Message(
    "vin.check_digit_maybe_wrong",
    "VIN: check digit {found} does not match (the VIN gives {expected}): re-read the plate, unless this "
    "maker's VINs carry no check digit")

VIN_LENGTH = 17
#: Letters ISO 3779 never uses in a VIN.
NEVER_USED = "IOQ"
ALLOWED = frozenset("0123456789ABCDEFGHJKLMNPRSTUVWXYZ")
#: 49 CFR 565.15: the value of each letter in the check-digit sum.
TRANSLITERATION = {
    **{str(d): d for d in range(10)},
    "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
    "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9,
    "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
}
#: 49 CFR 565.15: the weight of each position (position 9, the check digit itself, weighs 0).
WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
CHECK_POSITION = 9
#: First characters of the world manufacturer identifiers whose VINs must carry the check digit:
#: North America (1-5, 49 CFR 565) and China (L, GB 16735).
CHECK_DIGIT_REGIONS = frozenset("12345L")

ProblemCode = Literal["empty", "length", "never_used", "character"]


@dataclass(frozen=True)
class VinProblem:
    """Why a text is not a VIN: ``length`` with the count, or a character and its position (from 1)."""

    code: ProblemCode
    length: int = 0
    character: str = ""
    position: int = 0

    @property
    def message(self) -> Msg:
        if self.code == "empty":
            return EMPTY(n=VIN_LENGTH)
        if self.code == "length":
            return LENGTH(length=self.length, n=VIN_LENGTH)
        if self.code == "never_used":
            return NEVER_USED_LETTER(char=self.character, position=self.position)
        return NOT_ALLOWED(char=repr(self.character), position=self.position)

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True)
class CheckDigit:
    """What position 9 says: whether this VIN must carry a check digit, and the one it should be."""

    required: bool  # a North American or Chinese VIN
    found: str
    expected: str

    @property
    def matches(self) -> bool:
        return self.found == self.expected

    @property
    def message(self) -> Msg:
        if self.matches:
            return CHECK_DIGIT_MATCHES(found=self.found)
        said = CHECK_DIGIT_WRONG if self.required else CHECK_DIGIT_MAYBE_WRONG
        return said(found=self.found, expected=self.expected)

    def __str__(self) -> str:
        return str(self.message)


def normalise(text: str) -> str:
    """The VIN as typed, without surrounding spaces, in capitals (a VIN has no small letters)."""
    return text.strip().upper()


def vin_problem(vin: str) -> VinProblem | None:
    """Why ``vin`` (normalised) is not a well-formed VIN: the first character that is not allowed,
    else a wrong length; None when it is one."""
    if not vin:
        return VinProblem("empty")
    for position, char in enumerate(vin, 1):
        if char in NEVER_USED:
            return VinProblem("never_used", character=char, position=position)
        if char not in ALLOWED:
            return VinProblem("character", character=char, position=position)
    if len(vin) != VIN_LENGTH:
        return VinProblem("length", length=len(vin))
    return None


def check_digit(vin: str) -> str:
    """The check digit (``0``-``9`` or ``X``) a well-formed VIN gives by 49 CFR 565.15."""
    total = sum(TRANSLITERATION[c] * w for c, w in zip(vin, WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def check_digit_status(vin: str) -> CheckDigit | None:
    """Position 9 of a well-formed VIN, where it can be a check digit; None where it cannot be one
    (a letter other than X there: a European VIN without a check digit)."""
    if vin_problem(vin) is not None:
        return None
    found = vin[CHECK_POSITION - 1]
    required = vin[0] in CHECK_DIGIT_REGIONS
    if not required and not (found.isdigit() or found == "X"):
        return None
    return CheckDigit(required, found, check_digit(vin))


def check_digit_warning(vin: str) -> CheckDigit | None:
    """The check digit when it does not match (a warning: re-read the plate), else None."""
    status = check_digit_status(vin)
    return status if status is not None and not status.matches else None
