"""Reading what an ELM327 prints: hand-built answers in every layout, and junk that must stay 'malformed'."""

from __future__ import annotations

import pytest
from elm327_fake import frame_lines, render
from hypothesis import assume, given
from hypothesis import strategies as st

from assessor_app.devices.can import elm327_decode as d
from assessor_app.devices.can.elm327_decode import EcuPayload, MalformedAnswer

ids_11 = st.sampled_from([f"7E{i:X}" for i in range(8, 16)])
ids_29 = st.sampled_from([f"18DAF1{i:02X}" for i in (0x10, 0x11, 0x17, 0x28)])
payloads = st.binary(min_size=1, max_size=60)
eols = st.sampled_from(["\r", "\r\n", "\n", "\r\r"])
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def _read(text: str, *, headers: bool, command: str = "") -> list[EcuPayload]:
    return d.can_payloads(d.split_reply(text, command).lines, headers=headers)


@st.composite
def ecu_answers(draw, ids=None):
    ecus = draw(st.lists(ids or st.one_of(ids_11, ids_29), min_size=1, max_size=3, unique=True))
    if len({len(e) for e in ecus}) > 1:  # one bus speaks 11-bit or 29-bit ids, not both
        ecus = [e for e in ecus if len(e) == len(ecus[0])]
    return [(ecu, draw(payloads)) for ecu in ecus]


@st.composite
def decorated(draw, lines: list[str]):
    """The same lines as various adapters print them: odd spacing, an echo, SEARCHING..., blank lines."""
    out = [line + " " * draw(st.integers(0, 2)) for line in lines]
    if draw(st.booleans()):
        out.insert(0, "SEARCHING...")
    if draw(st.booleans()):
        out.insert(draw(st.integers(0, len(out))), "")
    return render(out, draw(eols))


@given(answers=ecu_answers(), spaces=st.booleans(), data=st.data())
def test_frames_with_headers_are_reassembled_per_ecu_even_when_interleaved(answers, spaces, data):
    per_ecu = frame_lines(answers, headers=True, spaces=spaces)
    lines, queues = [], [list(q) for q in per_ecu]
    while any(queues):  # the ECUs' frames arrive interleaved, each ECU's in order
        queue = data.draw(st.sampled_from([q for q in queues if q]))
        lines.append(queue.pop(0))
    text = data.draw(decorated(lines))
    got = _read(text, headers=True)
    assert sorted((a.ecu, a.payload) for a in got) == sorted(answers)


@given(answers=st.lists(payloads, min_size=1, max_size=3), spaces=st.booleans(), data=st.data())
def test_answers_without_headers_are_read_whole(answers, spaces, data):
    lines = [
        line
        for ecu in frame_lines([("7E8", p) for p in answers], headers=False, spaces=spaces)
        for line in ecu
    ]
    got = _read(data.draw(decorated(lines)), headers=False)
    assert [a.payload for a in got] == answers and all(a.ecu is None for a in got)


@given(
    payload=st.binary(min_size=8, max_size=60), headers=st.booleans(), spaces=st.booleans(), data=st.data()
)
def test_a_multi_frame_answer_missing_any_line_is_malformed(payload, headers, spaces, data):
    (lines,) = frame_lines([("7E8", payload)], headers=headers, spaces=spaces)
    lines.pop(data.draw(st.integers(0, len(lines) - 1)))
    with pytest.raises(MalformedAnswer):
        _read(render(lines), headers=headers)


def _value_or_malformed(read):
    """What ``read()`` returns, or its MalformedAnswer: any other exception fails the test."""
    try:
        return read()
    except MalformedAnswer as exc:
        assert str(exc)  # with a sentence saying what was wrong
        return exc


@given(text=st.text(max_size=200), headers=st.booleans(), request_=st.binary(min_size=1, max_size=2))
def test_junk_is_malformed_never_another_exception(text, headers, request_):
    for read in (
        lambda: d.can_payloads(d.split_reply(text).lines, headers=headers),
        lambda: d.message_payloads(d.split_reply(text).lines),
    ):
        answers = _value_or_malformed(lambda: d.sort_answers(read(), request_))  # noqa: B023 (called at once)
        if isinstance(answers, d.Answers):
            got = answers.positive or answers.negative
            for decoder in (
                d.decode_vin,
                d.decode_dtcs,
                lambda a: d.decode_supported(a, 0),
                lambda a: d.decode_pid(a, 0x0C),
            ):
                _value_or_malformed(lambda: decoder(got))  # noqa: B023 (called at once)


@given(raw=st.binary(max_size=120), headers=st.booleans())
def test_bytes_of_any_kind_are_malformed_never_another_exception(raw, headers):
    text = raw.decode("latin-1")
    _value_or_malformed(lambda: d.can_payloads(d.split_reply(text).lines, headers=headers))


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("NO DATA\r\r>", "NO DATA"),
        ("SEARCHING...\rUNABLE TO CONNECT\r\r>", "UNABLE TO CONNECT"),
        ("CAN ERROR\r\n\r\n>", "CAN ERROR"),
        ("?\r\r>", "?"),
        ("STOPPED\r\r>", "STOPPED"),
        ("BUS INIT: ...ERROR\r\r>", "BUS INIT: ...ERROR"),
        ("0100\rNO DATA\r\r>", "NO DATA"),  # the echo of an adapter that ignored ATE0
        ("<RX ERROR\r>", "RX ERROR"),
    ],
)
def test_the_adapters_own_messages_are_conditions(text, condition):
    assert d.split_reply(text, "0100") == d.Reply((), condition)


def test_a_condition_among_data_lines_is_malformed():
    with pytest.raises(MalformedAnswer, match="BUFFER FULL"):
        d.split_reply("7E8 06 41 00 BE 3F A8 13\rBUFFER FULL\r\r>")


def test_the_emulators_layouts():
    # as printed by ELM327-emulator with ATH1 ATS0, ATH1 ATS1 and ATH0 ATS1
    vin = _read("7E81014490201575030\r7E8215A5A5A39395A54\r7E82253333930303030\r\r>", headers=True)
    assert vin == [EcuPayload("7E8", bytes.fromhex("490201") + b"WP0ZZZ99ZTS390000")]
    two = _read("7E8 04 41 0C 09 B0 \r7EA 04 41 0C 09 B0 \r\r>", headers=True)
    assert [a.ecu for a in two] == ["7E8", "7EA"]
    off = _read(
        "014\r0: 49 02 01 4D 41 54 \r1: 34 30 33 30 39 36 42 \r2: 4E 4C 30 30 30 30 30 \r\r>", headers=False
    )
    assert d.decode_vin(off) == "MAT403096BNL00000"


def test_29_bit_ids_with_and_without_spaces():
    spaced = _read("18 DA F1 10 06 41 00 BE 3F A8 13 00\r\r>", headers=True)
    packed = _read("18DAF110064100BE3FA81300\r\r>", headers=True)
    assert spaced == packed == [EcuPayload("18DAF110", bytes.fromhex("4100BE3FA813"))]


# --- SAE J1979 decoding -----------------------------------------------------------------------


def _letter_code(hi: int, lo: int) -> str:
    return "PCBU"[hi >> 6] + str((hi >> 4) & 3) + f"{hi & 0xF:X}{lo:02X}"


@given(
    pairs=st.lists(st.tuples(st.integers(0, 255), st.integers(0, 255)), max_size=20),
    service=st.sampled_from([0x43, 0x47, 0x4A]),
    counted=st.booleans(),
)
def test_dtc_pairs_become_codes(pairs, service, counted):
    body = b"".join(bytes(p) for p in pairs)
    payload = bytes((service,)) + (bytes((len(pairs),)) if counted else b"") + body
    expected = []
    for hi, lo in pairs:
        code = _letter_code(hi, lo)
        if code != "P0000" and code not in expected:
            expected.append(code)
    assert d.decode_dtcs([EcuPayload("7E8", payload)]) == expected


def test_dtcs_of_several_ecus_are_joined_once_each():
    answers = [EcuPayload("7E8", bytes.fromhex("43020AA64123")), EcuPayload("7E9", bytes.fromhex("43010AA6"))]
    assert d.decode_dtcs(answers) == ["P0AA6", "C0123"]
    with pytest.raises(MalformedAnswer, match="announces 3 DTCs but sends 1"):
        d.decode_dtcs([EcuPayload("7E8", bytes.fromhex("43030AA6"))])


@given(a=st.integers(0, 255), b=st.integers(0, 255))
def test_pid_formulas(a, b):
    def value(pid: int, data: bytes) -> tuple[float, str]:
        return d.decode_pid([EcuPayload("7E8", bytes((0x41, pid)) + data)], pid)

    assert value(0x0C, bytes((a, b))) == (round((256 * a + b) / 4, 3), "rpm")
    assert value(0x0D, bytes((a,))) == (float(a), "km/h")
    assert value(0x42, bytes((a, b))) == (round((256 * a + b) / 1000, 3), "V")
    assert value(0x5B, bytes((a,))) == (round(100 * a / 255, 3), "%")


def test_a_pid_answer_too_short_is_malformed():
    with pytest.raises(MalformedAnswer, match="needs 2 data bytes"):
        d.decode_pid([EcuPayload("7E8", bytes.fromhex("410C1A"))], 0x0C)


@given(base=st.sampled_from([0x00, 0x20, 0x40]), pids=st.sets(st.integers(1, 32)))
def test_supported_pid_bitmaps(base, pids):
    bits = sum(1 << (32 - i) for i in pids)
    payload = bytes((0x41, base)) + bits.to_bytes(4, "big")
    assert d.decode_supported([EcuPayload("7E8", payload)], base) == {base + i for i in pids}


@given(vin=st.text(VIN_CHARS, min_size=17, max_size=17), counted=st.booleans())
def test_vins_with_and_without_the_count_byte(vin, counted):
    payload = b"\x49\x02" + (b"\x01" if counted else b"") + vin.encode()
    assert d.decode_vin([EcuPayload("7E8", payload)]) == vin


def test_a_vin_in_messages_of_the_older_protocols():
    messages = ["49020100000057", "49020250305A5A", "4902035A39395A", "49020454533339", "49020530303030"]
    answers = d.message_payloads(messages)
    assert d.decode_vin(answers) == "WP0ZZZ99ZTS390000"


def test_ecus_that_disagree_on_the_vin_are_malformed():
    answers = [
        EcuPayload("7E8", b"\x49\x02\x01" + b"WP0ZZZ99ZTS390000"),
        EcuPayload("7E9", b"\x49\x02\x01" + b"WP0ZZZ99ZTS390001"),
    ]
    with pytest.raises(MalformedAnswer, match="different VINs"):
        d.decode_vin(answers)


@given(junk=st.binary(max_size=25))
def test_a_vin_that_is_not_17_characters_is_malformed(junk):
    assume(len(junk.strip(b"\x00 ")) != 17)
    with pytest.raises(MalformedAnswer):
        d.decode_vin([EcuPayload("7E8", b"\x49\x02" + junk)])


def test_negative_responses_and_response_pending():
    answers = d.sort_answers(
        [EcuPayload("7E8", bytes.fromhex("7F0178")), EcuPayload("7E8", bytes.fromhex("7F0112"))], b"\x01\x5b"
    )
    assert not answers.positive and answers.nrc == "0x12 subFunctionNotSupported"
    mixed = d.sort_answers(
        [EcuPayload("7E8", bytes.fromhex("410D32")), EcuPayload("7EA", bytes.fromhex("7F0131"))], b"\x01\x0d"
    )
    assert [a.ecu for a in mixed.positive] == ["7E8"] and mixed.nrc == "0x31 requestOutOfRange"


def test_an_answer_to_another_request_is_malformed():
    with pytest.raises(MalformedAnswer, match="answered 41 0D 32, not 010C"):
        d.sort_answers([EcuPayload("7E8", bytes.fromhex("410D32"))], b"\x01\x0c")
