"""VINs (ISO 3779): the alphabet and length refuse with a reason naming what is wrong; the check
digit (49 CFR 565.15) is computed on public test vectors and only ever warned about."""

from __future__ import annotations

import pytest

from assessor_app.core.vin import (
    VinProblem,
    check_digit,
    check_digit_status,
    check_digit_warning,
    normalise,
    vin_problem,
)

# Public examples with a correct check digit: the classic 49 CFR 565 example (X), the all-ones
# VIN, and VINs of North American, Japanese-for-US and Chinese vehicles.
VALID_CHECKED = {
    "1M8GDM9AXKP042788": "X",
    "11111111111111111": "1",
    "1HGCM82633A004352": "3",
    "JH4KA7561PC008269": "1",
    "LSVAM4187C2184847": "7",
}


@pytest.mark.parametrize(("vin", "digit"), sorted(VALID_CHECKED.items()))
def test_the_check_digit_of_public_vectors(vin: str, digit: str):
    assert vin_problem(vin) is None
    assert check_digit(vin) == digit
    status = check_digit_status(vin)
    assert status is not None and status.matches and status.found == digit
    assert check_digit_warning(vin) is None


@pytest.mark.parametrize(("text", "reason"), [
    ("WVWZZZE1ZMP00001", "VIN: 16 characters, needs 17"),
    ("WVWZZZE1ZMP0000011", "VIN: 18 characters, needs 17"),
    ("", "VIN: empty, needs 17 characters"),
    ("WVWZOZE1ZMP000001", "VIN: letter O at position 5 is not allowed (I, O, Q are never used)"),
    ("IVWZZZE1ZMP000001", "VIN: letter I at position 1 is not allowed (I, O, Q are never used)"),
    ("WVWZZZE1ZMP00000Q", "VIN: letter Q at position 17 is not allowed (I, O, Q are never used)"),
    ("WVW-ZZE1ZMP000001", "VIN: '-' at position 4 is not allowed (only digits and the letters A-Z without "
                          "I, O, Q)"),
    ("WVW ZZE1ZMP000001", "VIN: ' ' at position 4 is not allowed (only digits and the letters A-Z without "
                          "I, O, Q)"),
    ("WVWZZZÉ1ZMP000001", "VIN: 'É' at position 7 is not allowed (only digits and the letters A-Z without "
                          "I, O, Q)"),
])
def test_a_text_that_is_no_vin_says_what_is_wrong(text: str, reason: str):
    problem = vin_problem(text)
    assert problem is not None and str(problem) == reason


def test_a_character_problem_is_said_before_the_length():
    assert vin_problem("WVWZOZE1ZMP0001") == VinProblem("never_used", character="O", position=5)


def test_typed_small_letters_and_spaces_around_are_the_same_vin():
    assert normalise("  wvwzzze1zmp000001 ") == "WVWZZZE1ZMP000001"
    assert vin_problem(normalise(" wvwzzze1zmp000001")) is None
    assert str(vin_problem("wvwzzze1zmp000001")) == (
        "VIN: 'w' at position 1 is not allowed (only digits and the letters A-Z without I, O, Q)")


def test_a_north_american_vin_with_a_wrong_check_digit_is_a_warning_to_re_read_the_plate():
    vin = "1M8GDM9A1KP042788"  # the classic example with its X misread as 1
    assert vin_problem(vin) is None  # never a refusal
    warning = check_digit_warning(vin)
    assert warning is not None and warning.required and (warning.found, warning.expected) == ("1", "X")
    assert str(warning) == "VIN: check digit 1 does not match (the VIN gives X): re-read the plate"


def test_a_north_american_vin_with_a_letter_at_position_9_is_warned_about():
    warning = check_digit_warning("1M8GDM9AAKP042788")
    assert warning is not None and warning.required and warning.found == "A"


def test_a_european_vin_without_a_check_digit_is_not_warned_about():
    assert check_digit_status("WVWZZZE1ZMP000042") is None  # Z at position 9: no check digit
    assert check_digit_warning("WVWZZZE1ZMP000042") is None


def test_a_digit_at_position_9_of_a_european_vin_may_be_a_check_digit_and_is_offered_as_a_warning():
    warning = check_digit_warning("WA5EVSM0000000042")
    assert warning is not None and not warning.required
    assert str(warning) == ("VIN: check digit 0 does not match (the VIN gives 6): re-read the plate, unless "
                            "this maker's VINs carry no check digit")
    assert check_digit_warning("WA5EVSM0600000042") is None  # with the digit it gives, no warning


def test_no_check_digit_status_for_a_text_that_is_no_vin():
    assert check_digit_status("1M8GDM9AXKP04278") is None
