"""Checks a schema cannot express: references, cycles, units, ranges, scales."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from assessor_app.core import units
from assessor_app.core.specs.models import Amount, ChecklistSpec, ParamRef, PassRange
from assessor_app.core.specs.parameters import INSULATION_FLOOR, ParameterSet

Finding = tuple[tuple[str | int, ...], str]

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
        if step.measurements and "measurement" not in step.evidence:
            yield (*base, "evidence"), "the step has measurements: list 'measurement' as evidence"
        if step.diagnostics is not None:
            if step.diagnostics.snapshot is None and step.diagnostics.condition is None:
                yield (*base, "diagnostics"), "declare a snapshot, a condition or both"
            elif "can_log" not in step.evidence:
                yield (*base, "evidence"), "the step takes diagnostics: list 'can_log' as evidence"
        if len(set(step.evidence)) != len(step.evidence):
            yield (*base, "evidence"), "an evidence kind is listed twice"

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


def compatibility(spec: ChecklistSpec, params: ParameterSet) -> list[str]:
    """Why ``params`` cannot serve ``spec`` (empty when it can)."""
    problems = []
    for name, quantity in spec.parameters.items():
        if name == INSULATION_FLOOR and name not in params.parameters:
            continue  # derived from working voltage
        p = params.parameters.get(name)
        if p is None:
            problems.append(f"parameter set {params.id} has no {name!r}, which {spec.id} needs")
        elif not units.is_unit(p.unit) or units.quantity_of(p.unit) != quantity:
            problems.append(
                f"parameter {name!r} in {params.id} is in {p.unit}, but {spec.id} needs a {quantity}"
            )
    return problems
