"""The exact selection as a sequence of integer programs solved by HiGHS.

Variables: ``x_i`` (binary) for every candidate that can be chosen (see
:func:`~reviewer.domain.selection_problem.prune`), and per quota rule a shortfall
``s ≥ 0`` (integer) plus, for a strict rule, a binary ``z``. For a share ``a/b`` over
``n`` selections of which ``g`` are of the rule's categories::

    non-strict:  b·(g + s) ≥ a·n          → s ≥ ⌈a·n/b⌉ − g
    strict:      b·(g + s) ≥ a·n + z      → s ≥ ⌊a·n/b⌋ + 1 − g when z = 1
                 N·z ≥ n                  (z = 1 as soon as n ≥ 1; N = candidates in scope)

When ``fill`` comes first, each track's maximal fill is known without solving (tracks are
independent for seats and budgets: the cheapest amounts first), so every track's count
is fixed to it, and candidates too expensive to be part of any such fill are dropped.
Then ``n`` of every rule is known, and so is the count it requires (``⌈a·n/b⌉``, or
``⌊a·n/b⌋ + 1`` when strict): the rule is the row ``g + s ≥ required``, with no ``z``.

The objectives are then solved one after the other in the configured order; each optimum
is fixed as a constraint (all objective coefficients are integers, so a bound half a unit
away from the optimum admits exactly the optimal selections). Among the optimal
selections the one earliest in the global order is found without approximation, with
"is there an optimal selection that ...?" questions, each asked as: optimise the last
objective with the condition added and its optimum as a bound it cannot pass, and see
whether it attains it (a guided search that stops at the first selection attaining it,
much faster than a bare feasibility question):

0. Reduced costs of the linear relaxation settle most candidates at once (those no
   optimal selection can take in or leave out).
1. Is there one holding a candidate the incumbent does not? No: the optimum is unique
   (the fill is fixed, so nothing can leave either) — the usual case, one solve.
2. Otherwise the same question, repeated, collects every candidate that belongs to some
   optimal selection; all others are fixed to 0. Those held by every selection found so
   far are left free; the others, ``U``, are decided together, in the global order, by
   integer programs that keep the optima as constraints and maximise
   ``Σ 2^(m−1−j)·x_j`` over ``m ≤ 20`` of them at a time (``j = 0`` first: the earliest
   pattern; the weights are exact in floating point), each chunk fixed before the next.
   When the result holds every candidate left free, no optimal selection is earlier (one
   would first differ from it at a candidate of ``U``); otherwise those it leaves out
   join ``U`` and the decision is made again (at most once per candidate left free:
   common among many ties in a small round, not seen in the large benchmark rounds).
   As a check of the solver's answer, no exchange may turn the result into an earlier
   optimal selection.

Most alternative optima are exchanges: two candidates of one track, one class (the
rules' categories they count for) and one score are interchangeable for every objective,
so an optimal selection with one in place of the other, within the track's budget in
exact integers, is optimal too. In step 2's first part, every candidate an exchange
brings into a selection found belongs to some optimal selection, without a solve.

Every solution HiGHS returns is checked in exact integers: a track over its budget by
a few won (within the solver's floating-point tolerance) is cut off and the solve
repeated (see ``_Model._run``), and the final selection must attain the optima exactly.
Anything else raises :class:`~reviewer.errors.SolverFailed` — never a silently wrong
selection.

Quick attempts. Most programs of a large round are settled at HiGHS's root node in a few
hundredths of a second, while HiGHS's presolve alone takes a few tenths over their
thousands of binaries. So a program is first run for at most ``QUICK_SECONDS`` without
presolve and the feasibility-jump heuristic; when that does not settle it, it is run
again in full, and so is every later program of the same model (one that needed more is
a hard one: branching, where presolve pays). Either way the answer is HiGHS's proven
optimum, and the selection, the earliest optimal one, is the same.

Stopping. A program's full run gets the time the selection has left as its
``time_limit`` (a quick attempt is made only when more than ``QUICK_SECONDS`` is left);
with a cancel token, HiGHS's interrupt callbacks (simplex and MIP) look at it while HiGHS
runs. A full run stopped by either raises :class:`~reviewer.errors.SolverTimeLimit` or
:class:`~reviewer.errors.SolverCancelled`, whatever solution HiGHS had found so far; a
quick attempt stopped by its own limit is followed by the full run.
"""

from __future__ import annotations

import math
import os
import sys
import threading
from collections.abc import Sequence
from functools import cache

import highspy
import numpy as np

from reviewer.domain.selection_problem import (
    Problem,
    Selection,
    earlier_wins,
    fill_candidates,
    max_fill,
    objective_key,
    prune,
)
from reviewer.domain.stopping import Stop
from reviewer.errors import SolverCancelled, SolverFailed, SolverTimeLimit

_INF = float("inf")
MAX_CUTS = 1000  # solutions over a budget cut off before giving up
LEX_CHUNK = 20  # candidates decided by one integer program (weights up to 2**19)
QUICK_SECONDS = 0.1  # a program's first attempt, without presolve (see ``_Model._solve``)


def solve_ilp(problem: Problem, stop: Stop | None = None) -> Selection:
    """The exact selection (DESIGN §4) of ``problem``; raises a
    :class:`~reviewer.errors.SolverError` when there is no proven one (``stop`` hit,
    or HiGHS failed)."""
    fills: list[int] | None = None
    if problem.objective[0] == "fill":
        fills = [max_fill(problem, t) for t in range(len(problem.seats))]
        keep = fill_candidates(problem, prune(problem, fills), fills)
    else:
        keep = prune(problem)
    if not keep:
        return frozenset()
    model = _Model(problem, keep, fills, stop or Stop())
    for stage in problem.objective:
        model.optimise(stage)
    chosen = model.earliest()
    if objective_key(problem, chosen) != model.optimum_key():
        raise SolverFailed("selection.solver.reason.inexact")
    return chosen


_BANNER = threading.Lock()


def silence_banner() -> None:
    """Make HiGHS's first instance with its banner silenced (once; thread-safe: a thread
    that came second waits until standard output is back)."""
    with _BANNER:
        _banner_silenced()


@cache
def _banner_silenced() -> bool:
    """HiGHS prints its banner to standard output when the first instance is created;
    create that one with the output redirected so ``--json`` output stays clean. (A
    windowed program may have no standard output at all: then there is nothing to keep
    clean.)"""
    if sys.stdout is not None:
        sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:
        highspy.Highs()  # type: ignore[no-untyped-call]
        return True
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        highspy.Highs()  # type: ignore[no-untyped-call]
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(null)
    return True


class _Model:
    def __init__(
        self, problem: Problem, keep: Sequence[int], fills: Sequence[int] | None, stop: Stop
    ) -> None:
        silence_banner()
        self.problem = problem
        self.stop = stop
        self.pending: BaseException | None = None  # raised inside a callback
        self.keep = list(keep)
        self.size = len(self.keep)
        self.fills = fills
        self.optima: dict[str, int] = {}
        self.stage_rows: dict[str, tuple[int, float, float]] = {}  # row, lower, upper
        self.solution: set[int] = set()  # columns of the incumbent
        self.quick = True  # programs get a quick attempt first (see ``_solve``)
        highs = highspy.Highs()  # type: ignore[no-untyped-call]
        highs.setOptionValue("output_flag", False)
        highs.setOptionValue("mip_rel_gap", 0.0)
        highs.setOptionValue("mip_abs_gap", 0.5)
        if stop.cancel is not None:
            for event in (highs.cbSimplexInterrupt, highs.cbIpmInterrupt, highs.cbMipInterrupt):
                event.subscribe(self._poll)
        self.highs = highs
        self._build()

    # -- running HiGHS -----------------------------------------------------------------

    def _poll(self, event: highspy.HighsCallbackEvent) -> None:
        """HiGHS's interrupt callback: stop when the selection is cancelled. (Nothing may
        leave a callback by an exception: it would cross HiGHS's C++ code.)"""
        try:
            if self.stop.cancelled:
                event.interrupt()
        except BaseException as exc:  # e.g. KeyboardInterrupt: raised once HiGHS returns
            self.pending = exc
            event.interrupt()

    def _solve(self) -> highspy.HighsModelStatus:
        """Solve the program as it stands (a quick attempt first, see the module's
        description); its model status, or :class:`SolverTimeLimit` /
        :class:`SolverCancelled` when the selection was stopped."""
        if self.quick and self.stop.remaining() > QUICK_SECONDS:
            self._options(quick=True)
            try:
                status = self._run_highs(QUICK_SECONDS)
            finally:
                self._options(quick=False)
            if status != highspy.HighsModelStatus.kTimeLimit:
                return status
            self.quick = False  # a hard model: its later programs are run in full
        status = self._run_highs(self.stop.remaining())
        if status == highspy.HighsModelStatus.kTimeLimit and self.stop.time_limit is not None:
            raise SolverTimeLimit(self.stop.time_limit)
        return status

    def _options(self, quick: bool) -> None:
        self.highs.setOptionValue("presolve", "off" if quick else "choose")
        self.highs.setOptionValue("mip_heuristic_run_feasibility_jump", not quick)

    def _run_highs(self, seconds: float) -> highspy.HighsModelStatus:
        self.stop.check()
        self.highs.setOptionValue("time_limit", max(seconds, 1e-6))
        self.highs.run()
        if self.pending is not None:
            pending, self.pending = self.pending, None
            raise pending
        if self.stop.cancelled:  # whatever HiGHS found: the selection was asked to stop
            raise SolverCancelled()
        return self.highs.getModelStatus()

    # -- model -------------------------------------------------------------------------

    def _build(self) -> None:
        problem, items = self.problem, self.problem.items
        self._add_cols(self.size, 0.0, 1.0, integer=True)
        for track, seats in enumerate(problem.seats):
            cols = [c for c, i in enumerate(self.keep) if items[i].track == track]
            if self.fills is not None:
                fill = self.fills[track]
                if cols:
                    self._add_row(cols, [1.0] * len(cols), fill, fill)
            elif len(cols) > seats:
                self._add_row(cols, [1.0] * len(cols), -_INF, seats)
            budget = problem.budgets[track]
            amounts = [items[self.keep[c]].amount for c in cols]
            if budget is not None and sum(amounts) > budget:
                unit = math.gcd(budget, *amounts) or 1  # smaller numbers, same constraint
                self._add_row(cols, [a / unit for a in amounts], -_INF, budget // unit)
        self.shortfall_cols: list[int] = []
        for rule in problem.rules:
            cols = [c for c, i in enumerate(self.keep) if items[i].track in rule.tracks]
            if not cols:
                continue  # nothing can be selected in scope: n = 0 requires nothing
            if self.fills is not None:
                # Every track's count is fixed, so n is known and so is what the rule
                # requires: a count of the covered candidates, with 0/1 coefficients
                # (the same selections, and a linear relaxation HiGHS solves faster).
                required = rule.required(sum(self.fills[t] for t in rule.tracks))
                s = self._add_cols(1, 0.0, float(required), integer=True)
                self.shortfall_cols.append(s)
                covered = [c for c in cols if rule.covers(items[self.keep[c]].category)]
                self._add_row([*covered, s], [1.0] * (len(covered) + 1), float(required), _INF)
                continue
            a, b = rule.spec.share.numerator, rule.spec.share.denominator
            s = self._add_cols(1, 0.0, float(len(cols) + 1), integer=True)
            self.shortfall_cols.append(s)
            coefficients = [float(b * rule.covers(items[self.keep[c]].category) - a) for c in cols]
            if rule.spec.strict:
                z = self._add_cols(1, 0.0, 1.0, integer=True)
                self._add_row([*cols, s, z], [*coefficients, float(b), -1.0], 0.0, _INF)
                self._add_row([*cols, z], [1.0] * len(cols) + [-float(len(cols))], -_INF, 0.0)
            else:
                self._add_row([*cols, s], [*coefficients, float(b)], 0.0, _INF)
        self.columns = int(self.highs.getNumCol())

    def _add_cols(self, count: int, lower: float, upper: float, integer: bool) -> int:
        first = int(self.highs.getNumCol())
        self.highs.addCols(
            count,
            np.zeros(count),
            np.full(count, lower),
            np.full(count, upper),
            0,
            np.zeros(count, dtype=np.int32),
            np.zeros(0, dtype=np.int32),
            np.zeros(0),
        )
        if integer:
            self.highs.changeColsIntegrality(
                count,
                np.arange(first, first + count, dtype=np.int32),
                np.full(count, highspy.HighsVarType.kInteger.value, dtype=np.uint8),
            )
        return first

    def _add_row(
        self, cols: Sequence[int], values: Sequence[float], lower: float, upper: float
    ) -> int:
        self.highs.addRows(
            1,
            np.array([lower]),
            np.array([upper]),
            len(cols),
            np.zeros(1, dtype=np.int32),
            np.array(cols, dtype=np.int32),
            np.array(values, dtype=np.float64),
        )
        return int(self.highs.getNumRow()) - 1

    def _objective(self, stage: str) -> tuple[dict[int, float], bool]:
        """Costs and sense (maximise?) of one objective."""
        if stage == "quota":
            return dict.fromkeys(self.shortfall_cols, 1.0), False
        if stage == "fill":
            return dict.fromkeys(range(self.size), 1.0), True
        items = self.problem.items
        return {c: float(items[i].weight) for c, i in enumerate(self.keep)}, True

    def _set_objective(self, costs: dict[int, float], maximise: bool) -> None:
        vector = np.zeros(self.columns)
        if costs:
            vector[np.fromiter(costs, dtype=np.intp, count=len(costs))] = list(costs.values())
        self.highs.changeColsCost(self.columns, np.arange(self.columns, dtype=np.int32), vector)
        sense = highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize
        self.highs.changeObjectiveSense(sense)

    def _run(self) -> set[int] | None:
        """Solve; the columns of the chosen candidates, or None when infeasible.

        Amounts in KRW are large numbers, and a floating-point solver may accept a sum a
        few won over a budget as within its tolerance. Every solution is therefore checked
        in exact integers; when the chosen candidates of a track exceed its budget, a cut
        forbids choosing all of them together (true of every selection within the budget)
        and the solve is repeated. Seat rows hold small integers and need no such check.
        """
        for _ in range(MAX_CUTS):
            status = self._solve()
            if status == highspy.HighsModelStatus.kInfeasible:
                return None
            if status != highspy.HighsModelStatus.kOptimal:
                name = self.highs.modelStatusToString(status)
                raise SolverFailed("selection.solver.reason.status", status=name)
            values = np.asarray(self.highs.getSolution().col_value, dtype=np.float64)[: self.size]
            rounded = np.rint(values)
            if values.size and float(np.max(np.abs(values - rounded))) > 1e-6:
                raise SolverFailed("selection.solver.reason.fractional")
            chosen: set[int] = set(np.flatnonzero(rounded == 1).tolist())
            over = self._over_budget(chosen)
            if not over:
                return chosen
            for cols in over:  # a cover: not all of these together
                self._add_row(cols, [1.0] * len(cols), -_INF, len(cols) - 1)
        raise SolverFailed("selection.solver.reason.budget_cuts")

    def _over_budget(self, chosen: set[int]) -> list[list[int]]:
        """The chosen columns of each track whose budget they exceed (exact integers)."""
        items, budgets = self.problem.items, self.problem.budgets
        per_track: list[list[int]] = [[] for _ in budgets]
        for col in sorted(chosen):
            per_track[items[self.keep[col]].track].append(col)
        return [
            cols
            for cols, budget in zip(per_track, budgets, strict=True)
            if budget is not None and sum(items[self.keep[c]].amount for c in cols) > budget
        ]

    def _selection(self, cols: set[int]) -> Selection:
        return frozenset(self.keep[c] for c in cols)

    def _value(self, stage: str, cols: set[int]) -> int:
        key = objective_key(self.problem, self._selection(cols))
        return key[self.problem.objective.index(stage)]

    # -- stages ------------------------------------------------------------------------

    def optimise(self, stage: str) -> None:
        """Optimise one objective given the optima before it, then fix its optimum."""
        if stage == "quota" and not self.shortfall_cols:
            self.optima[stage] = 0
            return
        if stage == "fill" and self.fills is not None:
            self.optima[stage] = sum(self.fills)  # fixed per track already
            return
        costs, maximise = self._objective(stage)
        self._set_objective(costs, maximise)
        cols = self._run()
        if cols is None:
            raise SolverFailed("selection.solver.reason.infeasible")
        self.solution = cols
        value = self._value(stage, cols)
        self.optima[stage] = value
        columns = sorted(costs)
        coefficients = [costs[c] for c in columns]
        bound = (value - 0.5, _INF) if maximise else (-_INF, -value + 0.5)
        row = self._add_row(columns, coefficients, *bound)
        self.stage_rows[stage] = (row, *bound)

    def optimum_key(self) -> tuple[int, ...]:
        return tuple(self.optima[stage] for stage in self.problem.objective)

    def _attains(self, enter: Sequence[int] = ()) -> set[int] | None:
        """An optimal selection holding at least one of ``enter`` (if given) and meeting
        the current column bounds, or None."""
        last = next((s for s in reversed(self.problem.objective) if s in self.stage_rows), None)
        if last is None:  # no objective was solved: every feasible selection is optimal
            self._set_objective({}, maximise=True)
        else:
            # The last objective's bound is turned around: nothing can beat its optimum,
            # so the search stops as soon as a selection attains it.
            self._set_objective(*self._objective(last))
            row, lower, upper = self.stage_rows[last]
            if lower > -_INF:
                self.highs.changeRowBounds(row, -_INF, lower + 1.0)
            else:
                self.highs.changeRowBounds(row, upper - 1.0, _INF)
        extra = self._add_row(enter, [1.0] * len(enter), 1.0, _INF) if enter else None
        try:
            cols = self._run()
        finally:
            if extra is not None:
                self.highs.deleteRows(1, np.array([extra], dtype=np.int32))
            if last is not None:
                self.highs.changeRowBounds(*self.stage_rows[last])
        if cols is None:
            return None
        if last is not None and self._value(last, cols) != self.optima[last]:
            return None
        if objective_key(self.problem, self._selection(cols)) != self.optimum_key():
            raise SolverFailed("selection.solver.reason.inexact")
        return cols

    def _settled_by_reduced_costs(self) -> tuple[list[int], list[int]]:
        """Columns equal in every optimal selection, by reduced-cost bounds.

        In the linear relaxation of the last objective (its bound lifted), moving a
        column away from the bound it sits at costs at least its reduced cost. When
        even the relaxation then stays a unit short of the optimum (with a quarter unit
        to spare for floating point), no optimal selection moves it. Returns the columns
        at 0 and at 1 in every optimal selection.
        """
        last = next((s for s in reversed(self.problem.objective) if s in self.stage_rows), None)
        if last is None:
            return [], []
        costs, maximise = self._objective(last)
        self._set_objective(costs, maximise)
        row, lower, upper = self.stage_rows[last]
        everything = np.arange(self.columns, dtype=np.int32)
        kinds = np.full(self.columns, highspy.HighsVarType.kContinuous.value, dtype=np.uint8)
        self.highs.changeColsIntegrality(self.columns, everything, kinds)
        self.highs.changeRowBounds(row, -_INF, _INF)
        try:
            solved = self._solve() == highspy.HighsModelStatus.kOptimal
            relaxed = float(self.highs.getInfo().objective_function_value)
            duals = np.array(self.highs.getSolution().col_dual, dtype=np.float64)
            statuses = list(self.highs.getBasis().col_status)
        finally:
            kinds[:] = highspy.HighsVarType.kInteger.value
            self.highs.changeColsIntegrality(self.columns, everything, kinds)
            self.highs.changeRowBounds(row, lower, upper)
        if not solved or len(statuses) < self.size or len(duals) < self.size:
            return [], []
        optimum = float(self.optima[last] if maximise else -self.optima[last])
        zeros: list[int] = []
        ones: list[int] = []
        for col in range(self.size):
            cost = abs(float(duals[col]))
            moved = relaxed - cost if maximise else relaxed + cost
            if (optimum - moved if maximise else moved - optimum) <= 0.75:
                continue
            if statuses[col] == highspy.HighsBasisStatus.kLower and col not in self.solution:
                zeros.append(col)
            elif statuses[col] == highspy.HighsBasisStatus.kUpper and col in self.solution:
                ones.append(col)
        return zeros, ones

    def earliest(self) -> Selection:
        """Among the optimal selections, the one earliest in the global order."""
        current = set(self.solution)
        zeros, ones = self._settled_by_reduced_costs()
        self._fix(zeros, 0.0, 0.0)
        self._fix(ones, 1.0, 1.0)
        settled = set(zeros) | set(ones)
        exchange = _Exchange(self.problem, self.keep, settled)
        possible = set(current)
        held = set(current)  # the columns every selection found holds
        pending = [c for c in range(self.size) if c not in current and c not in settled]
        found = [current]
        while pending:
            for cols in found:  # what exchanges bring into the selections found
                for col, other in exchange.neighbours(cols, pending):
                    possible.add(col)
                    held &= other
                    if earlier_wins(self._selection(other), self._selection(current)):
                        current = other
            pending = [c for c in pending if c not in possible]
            if not pending:
                break
            answer = self._attains(pending)
            if answer is None:
                break
            if answer.isdisjoint(pending):  # the added row holds one of them
                raise SolverFailed("selection.solver.reason.inexact")
            possible.update(answer)
            held &= answer
            if earlier_wins(self._selection(answer), self._selection(current)):
                current = answer
            found = [answer]
            pending = [c for c in pending if c not in answer]
        if possible == current:
            return self._selection(current)
        self._fix([c for c in range(self.size) if c not in possible], 0.0, 0.0)
        earliest = self._earliest_among(possible, held)
        if exchange.earlier(earliest, possible):
            raise SolverFailed("selection.solver.reason.inexact")
        return self._selection(earliest)

    def _earliest_among(self, possible: set[int], held: set[int]) -> set[int]:
        """The earliest optimal selection, given the columns ``possible`` that some optimal
        selection holds (all others fixed to 0) and ``held``, those every selection found
        holds (see the module docstring, step 2)."""
        while True:
            undecided = sorted(possible - held)
            answer: set[int] | None = None
            for start in range(0, len(undecided), LEX_CHUNK):
                chunk = undecided[start : start + LEX_CHUNK]
                answer = self._earliest_pattern(chunk)
                self._fix([c for c in chunk if c in answer], 1.0, 1.0)
                self._fix([c for c in chunk if c not in answer], 0.0, 0.0)
            self._fix(undecided, 0.0, 1.0)
            if answer is None:  # nothing undecided: every optimal selection holds ``held``
                return held
            if held <= answer:
                return answer
            held &= answer

    def _earliest_pattern(self, cols: Sequence[int]) -> set[int]:
        """An optimal selection whose values on ``cols`` come earliest (1 before 0, in
        the order of ``cols``)."""
        count = len(cols)
        self._set_objective({c: float(2 ** (count - 1 - j)) for j, c in enumerate(cols)}, True)
        answer = self._run()
        if answer is None or objective_key(self.problem, self._selection(answer)) != (
            self.optimum_key()
        ):
            raise SolverFailed("selection.solver.reason.inexact")
        return answer

    def _fix(self, cols: Sequence[int], lower: float, upper: float) -> None:
        if cols:
            count = len(cols)
            self.highs.changeColsBounds(
                count, np.array(cols, dtype=np.int32), np.full(count, lower), np.full(count, upper)
            )


class _Exchange:
    """Exchanges of interchangeable candidates between optimal selections (see the module
    docstring): columns of one track, one class and one score. ``settled`` columns (fixed
    by reduced costs) take part in none."""

    def __init__(self, problem: Problem, keep: Sequence[int], settled: set[int]) -> None:
        self.problem = problem
        self.kinds: list[tuple[int, tuple[bool, ...], int] | None] = []
        self.amounts: list[int] = []
        self.tracks: list[int] = []
        classes = problem.classes
        for col, index in enumerate(keep):
            item = problem.items[index]
            kind = (item.track, classes[index], item.weight)
            self.kinds.append(None if col in settled else kind)
            self.amounts.append(item.amount)
            self.tracks.append(item.track)

    def _room(self, selection: set[int]) -> list[int | None]:
        """Each track's budget left by ``selection`` (None: no budget)."""
        room: list[int | None] = list(self.problem.budgets)
        for col in selection:
            track = self.tracks[col]
            left = room[track]
            if left is not None:
                room[track] = left - self.amounts[col]
        return room

    def _fits(self, room: list[int | None], out: int, into: int) -> bool:
        left = room[self.tracks[into]]
        return left is None or self.amounts[out] - self.amounts[into] + left >= 0

    def neighbours(
        self, selection: set[int], candidates: Sequence[int]
    ) -> list[tuple[int, set[int]]]:
        """Each of ``candidates`` that one exchange brings into ``selection``, with the
        selection it makes."""
        members: dict[tuple[int, tuple[bool, ...], int], list[int]] = {}
        for col in selection:
            kind = self.kinds[col]
            if kind is not None:
                members.setdefault(kind, []).append(col)
        room = self._room(selection)
        found: list[tuple[int, set[int]]] = []
        for col in candidates:
            kind = self.kinds[col]
            if kind is None or col in selection:
                continue
            for out in members.get(kind, ()):
                if self._fits(room, out, col):
                    found.append((col, (selection - {out}) | {col}))
                    break
        return found

    def earlier(self, selection: set[int], candidates: set[int]) -> bool:
        """True when one exchange brings one of ``candidates`` into ``selection`` in place
        of a later member (an earlier selection, optimal too)."""
        members: dict[tuple[int, tuple[bool, ...], int], list[int]] = {}
        for col in selection:
            kind = self.kinds[col]
            if kind is not None:
                members.setdefault(kind, []).append(col)
        room = self._room(selection)
        for col in candidates - selection:
            kind = self.kinds[col]
            if kind is None:
                continue
            if any(out > col and self._fits(room, out, col) for out in members.get(kind, ())):
                return True
        return False
