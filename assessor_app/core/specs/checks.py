"""Checks a schema cannot express: references, cycles, units, ranges, scales."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from assessor_app.core import units
from assessor_app.core.specs.conditions import LIMITS
from assessor_app.core.specs.models import (
    Amount,
    ChecklistSpec,
    Measurement,
    ParamRef,
    PassRange,
    Step,
    StepField,
    WorkingVoltage,
)
from assessor_app.core.specs.parameters import (
    DERIVED_NAMES,
    INSULATION_FLOOR,
    TEST_VOLTAGE,
    TEST_VOLTAGE_TOLERANCE,
    ParameterSet,
)
from assessor_app.core.terms import term
from assessor_app.i18n import Message, Msg

Finding = tuple[tuple[str | int, ...], str]

# ----------------------------------------------------------------- messages
# why a parameter set cannot serve a checklist (the author's findings below stay in English, as the
# schema's do)
MISSING_DERIVED = Message(
    "checks.missing_derived",
    "parameter set {parameter_set} has no {missing}, from which {checklist} takes {parameter}")
MISSING_BOTH_DERIVED = Message(
    "checks.missing_both_derived",
    "parameter set {parameter_set} has neither {first} nor {second}, from which {checklist} takes "
    "{parameter}")
MISSING_PARAMETER = Message("checks.missing_parameter",
                            "parameter set {parameter_set} has no {parameter}, which {checklist} needs")
PARAMETER_QUANTITY = Message(
    "checks.parameter_quantity",
    "parameter {parameter} in {parameter_set} is in {unit}, but {checklist} needs a {quantity}")
UNKNOWN_ORDER_STEP = Message(
    "checks.unknown_order_step",
    "parameter set {parameter_set} orders step {step}, which {checklist} does not have")
UNKNOWN_ORDER_REF = Message(
    "checks.unknown_order_ref",
    "parameter set {parameter_set} puts step {ref} before {step}, but {checklist} has no {ref}")
ORDER_CYCLE = Message("checks.order_cycle",
                      "parameter set {parameter_set}'s step order for {checklist} has a cycle: {cycle}")

_SCORE = re.compile(r"-?[0-9]{1,9}")


def _unit_problem(symbol: str) -> str:
    close = difflib.get_close_matches(symbol, units.known_units(), n=3, cutoff=0.5)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    return f"unknown unit {symbol!r}{hint}"


def _check_amount(
    amount: Amount | ParamRef, path: tuple[str | int, ...], quantity: str, spec: ChecklistSpec
) -> Iterator[Finding]:
    if isinstance(amount, Amount):
        if not units.is_unit(amount.unit):
            yield (*path, "unit"), _unit_problem(amount.unit)
        elif units.quantity_of(amount.unit) != quantity:
            yield (*path, "unit"), (
                f"{amount.unit} measures {units.quantity_of(amount.unit)}, expected {quantity}"
            )
    else:
        declared = spec.parameters.get(amount.param)
        if declared is None:
            yield (*path, "param"), (
                f"parameter {amount.param!r} is not declared under 'parameters'"
            )
        elif declared != quantity:
            yield (*path, "param"), (
                f"parameter {amount.param!r} is declared as {declared}, expected {quantity}"
            )


def _check_range(
    rng: PassRange, path: tuple[str | int, ...], quantity: str, unit: str, spec: ChecklistSpec
) -> Iterator[Finding]:
    literal: dict[str, float] = {}
    for side in ("min", "max"):
        bound = getattr(rng, side)
        if bound is None:
            continue
        if isinstance(bound, float | int):
            literal[side] = float(bound)
        else:
            yield from _check_amount(bound, (*path, side), quantity, spec)
            if isinstance(bound, Amount) and units.is_unit(bound.unit) and units.is_unit(unit):
                if units.quantity_of(bound.unit) == units.quantity_of(unit):
                    literal[side] = units.convert(bound.value, bound.unit, unit)
    if rng.min is None and rng.max is None:
        yield path, "a range needs min, max or both"
    if "min" in literal and "max" in literal and literal["min"] > literal["max"]:
        yield path, f"min ({literal['min']:g}) is above max ({literal['max']:g})"


def _check_instrument_range(m: Measurement, path: tuple[str | int, ...], quantity: str) -> Iterator[Finding]:
    """The instrument's range: known units of the reading's quantity, min below max, and room for a
    reading that passes."""
    rng = m.instrument_range
    assert rng is not None
    if rng.min is None and rng.max is None:
        yield path, "an instrument range needs min, max or both"
        return
    shown: dict[str, float] = {}
    for side in ("min", "max"):
        bound = getattr(rng, side)
        if bound is None:
            continue
        if isinstance(bound, Amount):
            if not units.is_unit(bound.unit):
                yield (*path, side, "unit"), _unit_problem(bound.unit)
                continue
            if units.quantity_of(bound.unit) != quantity:
                yield (*path, side, "unit"), (
                    f"{bound.unit} measures {units.quantity_of(bound.unit)}, expected {quantity}")
                continue
            shown[side] = units.convert(bound.value, bound.unit, m.unit)
        else:
            shown[side] = float(bound)
    if "min" in shown and "max" in shown and shown["min"] >= shown["max"]:
        yield path, f"min ({shown['min']:g}) must be below max ({shown['max']:g})"
        return
    passing = m.range
    for side, other, beyond in (("min", "max", "above"), ("max", "min", "below")):
        bound = getattr(passing, side) if passing is not None else None
        if isinstance(bound, Amount) and units.is_unit(bound.unit) and (
                units.quantity_of(bound.unit) == quantity):
            bound = units.convert(bound.value, bound.unit, m.unit)
        if isinstance(bound, float | int) and other in shown and (
                bound > shown[other] if side == "min" else bound < shown[other]):
            yield path, (f"the pass range's {side} ({float(bound):g} {m.unit}) is {beyond} what the "
                         f"instrument can show ({other} {shown[other]:g} {m.unit}): no reading could pass")


def _find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if state.get(nxt) is None:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in graph:
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def check_checklist(spec: ChecklistSpec) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for i, step in enumerate(spec.steps):
        if step.id in seen:
            yield ("steps", i, "id"), f"duplicate step id {step.id!r} (first used by steps[{seen[step.id]}])"
        else:
            seen[step.id] = i
    for name, declared in spec.parameters.items():
        if name == INSULATION_FLOOR and declared != "resistance":
            yield ("parameters", name), f"{INSULATION_FLOOR} is a resistance, not {declared}"

    graph: dict[str, list[str]] = {step.id: [] for step in spec.steps}
    for i, step in enumerate(spec.steps):
        base: tuple[str | int, ...] = ("steps", i)
        refs: list[tuple[tuple[str | int, ...], str]] = [
            ((*base, "rules", "after", j), ref) for j, ref in enumerate(step.rules.after)
        ]
        rules = step.rules
        refs += [((*base, "rules", "min_wait", j, "after"), w.after) for j, w in enumerate(rules.min_wait)]
        refs += [
            ((*base, "rules", "max_window", j, "start"), w.start) for j, w in enumerate(rules.max_window)
        ]
        if step.rules.same_person_as is not None:
            refs.append(((*base, "rules", "same_person_as"), step.rules.same_person_as))
        for path, ref in refs:
            if ref == step.id:
                yield path, f"step {step.id} cannot refer to itself"
            elif ref not in seen:
                yield path, f"names step {ref!r}, which this checklist does not have"
            elif ref not in graph[step.id]:
                graph[step.id].append(ref)
        for j, w in enumerate(step.rules.min_wait):
            yield from _check_amount(w.wait, (*base, "rules", "min_wait", j, "wait"), "time", spec)
        for j, window in enumerate(step.rules.max_window):
            yield from _check_amount(
                window.window, (*base, "rules", "max_window", j, "window"), "time", spec
            )

        mseen: set[str] = set()
        for j, m in enumerate(step.measurements):
            mpath = (*base, "measurements", j)
            if m.id in mseen:
                yield (*mpath, "id"), f"duplicate measurement id {m.id!r} in step {step.id}"
            mseen.add(m.id)
            if not units.is_unit(m.unit):
                yield (*mpath, "unit"), _unit_problem(m.unit)
                continue
            quantity: str = units.quantity_of(m.unit)
            if m.quantity is not None and m.quantity != quantity:
                yield (*mpath, "unit"), f"{m.unit} measures {quantity}, but quantity says {m.quantity}"
                continue
            if m.range is not None:
                yield from _check_range(m.range, (*mpath, "range"), quantity, m.unit, spec)
            if m.instrument_range is not None:
                yield from _check_instrument_range(m, (*mpath, "instrument_range"), quantity)
        if step.measurements and "measurement" not in step.evidence:
            yield (*base, "evidence"), "the step has measurements: list 'measurement' as evidence"
        if step.diagnostics is not None:
            if step.diagnostics.snapshot is None and step.diagnostics.condition is None:
                yield (*base, "diagnostics"), "declare a snapshot, a condition or both"
            elif "can_log" not in step.evidence:
                yield (*base, "evidence"), "the step takes diagnostics: list 'can_log' as evidence"
        if len(set(step.evidence)) != len(step.evidence):
            yield (*base, "evidence"), "an evidence kind is listed twice"
        yield from _check_step_extras(spec, step, base, seen)

    cycle = _find_cycle(graph)
    if cycle:
        index = {s.id: i for i, s in enumerate(spec.steps)}
        yield ("steps", index[cycle[0]], "rules"), "ordering cycle: " + " -> ".join(
            f"{c} needs {n}" for c, n in zip(cycle, cycle[1:], strict=False)
        ) + ": no order can satisfy it"

    scale = spec.rubric.scale
    if scale.min >= scale.max:
        yield ("rubric", "scale"), f"min ({scale.min}) must be below max ({scale.max})"
    for label in scale.labels:
        if not _SCORE.fullmatch(label) or not scale.min <= int(label) <= scale.max:
            yield ("rubric", "scale", "labels", label), (
                f"label key {label!r} is not a score from {scale.min} to {scale.max}"
            )
    if spec.rubric.minimum is not None and not scale.min <= spec.rubric.minimum <= scale.max:
        yield ("rubric", "minimum"), f"{spec.rubric.minimum} is outside the scale {scale.min}-{scale.max}"
    cseen: set[str] = set()
    for j, c in enumerate(spec.rubric.criteria):
        if c.id in cseen:
            yield ("rubric", "criteria", j, "id"), f"duplicate criterion id {c.id!r}"
        cseen.add(c.id)
        if c.minimum is not None and not scale.min <= c.minimum <= scale.max:
            yield ("rubric", "criteria", j, "minimum"), (
                f"{c.minimum} is outside the scale {scale.min}-{scale.max}")
    if len(set(spec.signoffs)) != len(spec.signoffs):
        yield ("signoffs",), "a role is listed twice"
    elif "assessor" not in spec.signoffs:
        yield ("signoffs",), "the assessor always signs off: list 'assessor'"


def _check_step_extras(spec: ChecklistSpec, step: Step, base: tuple[str | int, ...],
                       steps: dict[str, int]) -> Iterator[Finding]:
    """Fields, questions, hazard stops, instruments and who may do the step."""
    fseen: set[str] = set()
    for j, f in enumerate(step.fields):
        path = (*base, "fields", j)
        if f.id in fseen:
            yield (*path, "id"), f"duplicate field id {f.id!r} in step {step.id}"
        fseen.add(f.id)
        yield from _check_field(spec, f, path)
    qseen: set[str] = set()
    for j, q in enumerate(step.questions):
        if q.id in qseen or q.id in fseen:
            yield (*base, "questions", j, "id"), f"duplicate id {q.id!r} in step {step.id}"
        qseen.add(q.id)
    condition = step.diagnostics.condition if step.diagnostics else None
    if condition in LIMITS:
        limit = LIMITS[condition]
        needed = units.quantity_of(limit.unit)
        if spec.parameters.get(limit.param) != needed:
            yield (*base, "diagnostics", "condition"), (
                f"{condition} is judged against the parameter {limit.param!r}: declare it under "
                f"'parameters' as a {needed}")
    if step.gates_outcome and not step.questions:
        yield (*base, "gates_outcome"), "only a step with questions can gate the outcome"
    for j, m in enumerate(step.measurements):
        if m.out_of_range == "hazard" and step.hazard is None:
            yield (*base, "measurements", j, "out_of_range"), (
                "an out-of-range reading can lock the step into a hazard stop only if the step "
                "declares 'hazard'")
    ref = step.rules.same_instrument_as
    if ref is not None:
        path = (*base, "rules", "same_instrument_as")
        if ref not in steps or ref == step.id:
            yield path, f"names step {ref!r}, which this checklist does not have"
        elif not any(m.instrument for m in spec.step(ref).measurements):
            yield path, f"step {ref} records no instrument with its readings"
        elif not any(m.instrument for m in step.measurements):
            yield path, "this step's readings record no instrument (set instrument: true)"


def _check_field(spec: ChecklistSpec, f: StepField, path: tuple[str | int, ...]) -> Iterator[Finding]:
    if f.type == "choice":
        if not f.options:
            yield (*path, "options"), "a choice needs options"
        values = [o.value for o in f.options]
        if len(set(values)) != len(values):
            yield (*path, "options"), "an option value is listed twice"
        for k, o in enumerate(f.options):
            if o.rated_voltage is not None:
                yield from _check_amount(o.rated_voltage, (*path, "options", k, "rated_voltage"),
                                         "voltage", spec)
    elif f.options:
        yield (*path, "options"), f"only a choice has options, not a {f.type}"
    if f.type == "number":
        if f.unit is None:
            yield (*path, "unit"), "a number needs its unit"
        elif not units.is_unit(f.unit):
            yield (*path, "unit"), _unit_problem(f.unit)
    elif f.unit is not None:
        yield (*path, "unit"), f"only a number has a unit, not a {f.type}"
    allowed = {"number": {"at_least", "at_most"}, "choice": {"rated_at_least_working_voltage"},
               "date": {"not_older_than", "not_past"}, "boolean": {"must_be"}, "text": set()}[f.type]
    for k, check in enumerate(f.checks):
        cpath = (*path, "checks", k)
        kinds = [name for name in ("at_least", "at_most", "not_older_than", "must_be")
                 if getattr(check, name) is not None]
        kinds += [name for name in ("rated_at_least_working_voltage", "not_past") if getattr(check, name)]
        if len(kinds) != 1:
            yield cpath, ("a check says exactly one thing (at_least, at_most, "
                          "rated_at_least_working_voltage, not_older_than, not_past or must_be)")
            continue
        if kinds[0] not in allowed:
            yield cpath, f"{kinds[0]} does not apply to a {f.type}"
            continue
        if kinds[0] == "rated_at_least_working_voltage" and any(o.rated_voltage is None for o in f.options):
            yield cpath, "every option needs its rated_voltage for this check"
        if kinds[0] == "not_older_than" and check.not_older_than is not None:
            yield from _check_amount(check.not_older_than, (*cpath, "not_older_than"), "time", spec)
        for side in ("at_least", "at_most"):
            bound = getattr(check, side)
            if bound is None or f.unit is None or not units.is_unit(f.unit):
                continue
            quantity = units.quantity_of(f.unit)
            if isinstance(bound, WorkingVoltage):
                if quantity != "voltage":
                    yield (*cpath, side), f"the working voltage is a voltage; this field is a {quantity}"
            elif isinstance(bound, Amount | ParamRef):
                yield from _check_amount(bound, (*cpath, side), quantity, spec)


def check_parameter_set(params: ParameterSet) -> Iterator[Finding]:
    wv = params.working_voltage
    if not units.is_unit(wv.unit):
        yield ("working_voltage", "unit"), _unit_problem(wv.unit)
    elif units.quantity_of(wv.unit) != "voltage":
        yield ("working_voltage", "unit"), f"{wv.unit} is not a voltage"
    elif wv.value <= 0:
        yield ("working_voltage", "value"), "must be above zero"
    if params.source == "oem" and params.oem is None:
        yield ("source",), (
            "an OEM parameter set needs an 'oem' block naming make, procedure and procedure_version"
        )
    for name, p in params.parameters.items():
        if not units.is_unit(p.unit):
            yield ("parameters", name, "unit"), _unit_problem(p.unit)
        elif name == INSULATION_FLOOR and units.quantity_of(p.unit) != "resistance":
            yield ("parameters", name, "unit"), f"{INSULATION_FLOOR} must be a resistance"
        elif units.quantity_of(p.unit) == "time" and p.value < 0:
            yield ("parameters", name, "value"), "a duration cannot be negative"
    ids: set[str] = set()
    for j, mp in enumerate(params.measuring_points):
        if mp.id in ids:
            yield ("measuring_points", j, "id"), f"duplicate measuring point {mp.id!r}"
        ids.add(mp.id)


def compatibility(spec: ChecklistSpec, params: ParameterSet) -> list[Msg]:
    """Why ``params`` cannot serve ``spec`` (empty when it can)."""
    problems: list[Msg] = []
    for name, quantity in spec.parameters.items():
        if name == INSULATION_FLOOR and name not in params.parameters:
            continue  # derived from working voltage
        if name in DERIVED_NAMES and name != INSULATION_FLOOR:
            missing = [repr(n) for n in (TEST_VOLTAGE, TEST_VOLTAGE_TOLERANCE) if n not in params.parameters]
            said = {"parameter_set": params.id, "checklist": spec.id, "parameter": repr(name)}
            if len(missing) == 2:
                problems.append(MISSING_BOTH_DERIVED(first=missing[0], second=missing[1], **said))
            elif missing:
                problems.append(MISSING_DERIVED(missing=missing[0], **said))
            continue
        p = params.parameters.get(name)
        if p is None:
            problems.append(MISSING_PARAMETER(parameter_set=params.id, parameter=repr(name),
                                              checklist=spec.id))
        elif not units.is_unit(p.unit) or units.quantity_of(p.unit) != quantity:
            problems.append(PARAMETER_QUANTITY(parameter=repr(name), parameter_set=params.id, unit=p.unit,
                                               checklist=spec.id, quantity=term(quantity) or quantity))
    problems += _order_problems(spec, params)
    return problems


def _order_problems(spec: ChecklistSpec, params: ParameterSet) -> list[Msg]:
    """This OEM's step order for the checklist: known steps, and an order that can be followed."""
    order = params.step_order.get(spec.id, {})
    ids = {s.id for s in spec.steps}
    problems = [UNKNOWN_ORDER_STEP(parameter_set=params.id, step=repr(step), checklist=spec.id)
                for step in order if step not in ids]
    problems += [UNKNOWN_ORDER_REF(parameter_set=params.id, ref=repr(ref), step=step, checklist=spec.id)
                 for step, o in order.items() for ref in o.after if ref not in ids]
    if problems:
        return problems
    graph = {s.id: list(order[s.id].after) if s.id in order else list(s.rules.after) for s in spec.steps}
    cycle = _find_cycle(graph)
    if cycle:
        problems.append(ORDER_CYCLE(parameter_set=params.id, checklist=spec.id, cycle=" -> ".join(cycle)))
    return problems
