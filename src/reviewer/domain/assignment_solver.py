"""The optimal assignment of reviewers (:mod:`reviewer.domain.assignment`) by linear
programs solved by HiGHS.

The assignment is a flow: one unit from an application to each reviewer it gets (a
variable ``x_ar`` in [0, 1] for every eligible pair: the reviewer is on the track's panel
and not conflicted), at most what the application still needs (``per_application``
minus its kept pairs), and from each reviewer through unit variables ``y_rk`` for the
reviewer's k-th further application (k up to what ``max_load`` leaves)::

    Σ_r x_ar ≤ need_a                (each application)
    Σ_a x_ar − Σ_k y_rk = 0          (each reviewer)

The objectives, in order:

1. the most pairs (``max Σ x``): the fewest possible shortfalls;
2. the best expertise fit (``max Σ fit_ar · x_ar``) — with 1, one objective
   ``max Σ (W + fit_ar)·x_ar``, ``W`` one more than the largest possible total fit;
3. the most even load: ``min Σ_r load_r²`` (with the number of pairs fixed, the same as
   the least squared deviation from the mean load), as the convex piecewise-linear cost
   ``2·(base_r + k) − 1`` of ``y_rk``, base_r the reviewer's load before;
4. ties broken by ids: ``min Σ rank_ar · x_ar``, rank the pair's place in (application
   id, reviewer id) order — the earliest pairs win.

The constraint matrix is a network matrix (totally unimodular), so every vertex solution
is integral. Each objective's optimal face is kept for the next by complementary
slackness: a column with a non-zero reduced cost is fixed at its bound and a row with a
non-zero dual is made an equality — bounds stay integers and the matrix stays the same,
so the next vertex is integral too, and no objective row (which would break the network
structure) is ever added. The final solution is checked in exact integers: integral,
within every constraint, and attaining every stage's optimum; anything else raises
:class:`~reviewer.errors.SolverFailed`. The model is built in id order, so the same
inputs (in any order) give the same assignment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import highspy
import numpy as np

from reviewer.domain.assignment import (
    AssignApplication,
    AssignmentProblem,
    AssignmentResult,
    AssignReviewer,
    result_of,
)
from reviewer.domain.selection_ilp import silence_banner
from reviewer.domain.stopping import Stop
from reviewer.errors import SolverCancelled, SolverFailed, SolverTimeLimit

_INF = float("inf")
_TOLERANCE = 1e-6  # duals and reduced costs of integer data are integers


@dataclass(frozen=True)
class _Pair:
    application: int  # index into the sorted applications
    reviewer: int  # index into the sorted reviewers
    fit: int


def solve_assignment(problem: AssignmentProblem, stop: Stop | None = None) -> AssignmentResult:
    """The optimal assignment of ``problem`` (module docstring); raises a
    :class:`~reviewer.errors.SolverError` when there is no proven one."""
    model = _Model(problem, stop or Stop())
    return result_of(problem, [*problem.kept, *model.solve()])


class _Model:
    def __init__(self, problem: AssignmentProblem, stop: Stop) -> None:
        self.problem = problem
        self.stop = stop
        self.pending: BaseException | None = None
        self.applications: list[AssignApplication] = sorted(
            problem.applications, key=lambda a: a.id
        )
        self.reviewers: list[AssignReviewer] = sorted(problem.reviewers, key=lambda r: r.id)
        kept_per_app: dict[str, int] = {}
        base: dict[str, int] = {r.id: problem.base_load.get(r.id, 0) for r in self.reviewers}
        for app_id, reviewer_id in problem.kept:
            kept_per_app[app_id] = kept_per_app.get(app_id, 0) + 1
            if reviewer_id in base:
                base[reviewer_id] += 1
        self.base = [base[r.id] for r in self.reviewers]
        self.need = [
            max(0, problem.per_application - kept_per_app.get(a.id, 0)) for a in self.applications
        ]
        kept = problem.kept
        forbidden = problem.forbidden
        self.pairs: list[_Pair] = []
        panels: dict[str, list[int]] = {}
        for index, reviewer in enumerate(self.reviewers):
            for track in reviewer.tracks:
                panels.setdefault(track, []).append(index)
        for a, application in enumerate(self.applications):
            if self.need[a] == 0:
                continue
            for r in panels.get(application.track, ()):
                reviewer = self.reviewers[r]
                pair = (application.id, reviewer.id)
                if pair in kept or pair in forbidden:
                    continue
                self.pairs.append(_Pair(a, r, problem.fit(application, reviewer)))
        degree = [0] * len(self.reviewers)
        for candidate in self.pairs:
            degree[candidate.reviewer] += 1
        self.room: list[int] = []
        for r in range(len(self.reviewers)):
            room = degree[r]
            if problem.max_load is not None:
                room = min(room, max(0, problem.max_load - self.base[r]))
            self.room.append(room)
        self.pairs = [p for p in self.pairs if self.room[p.reviewer] > 0]
        self.optima: list[int] = []

    # -- building -------------------------------------------------------------------

    def _build(self) -> None:
        silence_banner()
        highs = highspy.Highs()  # type: ignore[no-untyped-call]
        highs.setOptionValue("output_flag", False)
        highs.setOptionValue("solver", "simplex")
        if self.stop.cancel is not None:
            for event in (highs.cbSimplexInterrupt, highs.cbIpmInterrupt):
                event.subscribe(self._poll)
        self.highs = highs
        n_x = len(self.pairs)
        # y columns: for reviewer r, units 1..room[r]
        self.y_first: list[int] = []
        self.y_cost: list[float] = []
        column = n_x
        for r, room in enumerate(self.room):
            self.y_first.append(column)
            self.y_cost.extend(float(2 * (self.base[r] + k) - 1) for k in range(1, room + 1))
            column += room
        self.columns = column
        self._add_cols(self.columns)
        by_app: dict[int, list[int]] = {}
        by_reviewer: dict[int, list[int]] = {}
        for c, pair in enumerate(self.pairs):
            by_app.setdefault(pair.application, []).append(c)
            by_reviewer.setdefault(pair.reviewer, []).append(c)
        starts: list[int] = []
        indices: list[int] = []
        values: list[float] = []
        lower: list[float] = []
        upper: list[float] = []
        for a in sorted(by_app):
            cols = by_app[a]
            starts.append(len(indices))
            indices.extend(cols)
            values.extend([1.0] * len(cols))
            lower.append(-_INF)
            upper.append(float(self.need[a]))
        self.app_rows = len(starts)
        for r in sorted(by_reviewer):
            cols = by_reviewer[r]
            ys = range(self.y_first[r], self.y_first[r] + self.room[r])
            starts.append(len(indices))
            indices.extend(cols)
            values.extend([1.0] * len(cols))
            indices.extend(ys)
            values.extend([-1.0] * len(ys))
            lower.append(0.0)
            upper.append(0.0)
        if starts:
            highs.addRows(
                len(starts),
                np.array(lower),
                np.array(upper),
                len(indices),
                np.array(starts, dtype=np.int32),
                np.array(indices, dtype=np.int32),
                np.array(values, dtype=np.float64),
            )
        self.rows = len(starts)

    def _add_cols(self, count: int) -> None:
        self.highs.addCols(
            count,
            np.zeros(count),
            np.zeros(count),
            np.ones(count),
            0,
            np.zeros(count, dtype=np.int32),
            np.zeros(0, dtype=np.int32),
            np.zeros(0),
        )

    # -- running HiGHS -----------------------------------------------------------------

    def _poll(self, event: highspy.HighsCallbackEvent) -> None:
        try:
            if self.stop.cancelled:
                event.interrupt()
        except BaseException as exc:  # raised once HiGHS returns
            self.pending = exc
            event.interrupt()

    def _stages(self) -> list[tuple[np.ndarray, bool]]:
        """Each stage's costs and sense (maximise?). The most pairs and the best fit are
        one objective, ``(W + fit_ar)·x_ar`` with ``W`` more than the largest total fit,
        so no fit can make up for a pair (when the sums stay exact in floating point)."""
        n_x = len(self.pairs)
        fits = np.array([float(p.fit) for p in self.pairs])
        weight = float(fits.sum()) + 1.0
        stages: list[tuple[np.ndarray, bool]] = []
        if weight * (weight + n_x) < 2.0**50:
            self.fit_weight = int(weight)
            stages.append((self._costs(x=weight + fits), True))
        else:
            self.fit_weight = 0
            stages.append((self._costs(x=np.ones(n_x)), True))
            stages.append((self._costs(x=fits), True))
        stages.append((self._costs(y=np.array(self.y_cost)), False))
        stages.append((self._costs(x=np.arange(n_x, dtype=np.float64)), False))  # id order
        return stages

    def _costs(self, x: np.ndarray | None = None, y: np.ndarray | None = None) -> np.ndarray:
        costs = np.zeros(self.columns)
        n_x = len(self.pairs)
        if x is not None:
            costs[:n_x] = x
        if y is not None:
            costs[n_x:] = y
        return costs

    def _run(self, costs: np.ndarray, maximise: bool) -> np.ndarray:
        highs = self.highs
        highs.changeColsCost(self.columns, np.arange(self.columns, dtype=np.int32), costs)
        sense = highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize
        highs.changeObjectiveSense(sense)
        self.stop.check()
        highs.setOptionValue("time_limit", max(self.stop.remaining(), 1e-6))
        highs.run()
        if self.pending is not None:
            pending, self.pending = self.pending, None
            raise pending
        if self.stop.cancelled:
            raise SolverCancelled()
        status = highs.getModelStatus()
        if status == highspy.HighsModelStatus.kTimeLimit and self.stop.time_limit is not None:
            raise SolverTimeLimit(self.stop.time_limit)
        if status != highspy.HighsModelStatus.kOptimal:
            name = highs.modelStatusToString(status)
            raise SolverFailed("selection.solver.reason.status", status=name)
        solution = highs.getSolution()
        values = np.array(solution.col_value, dtype=np.float64)
        rounded = np.rint(values)
        if np.any(np.abs(values - rounded) > _TOLERANCE):
            raise SolverFailed("selection.solver.reason.fractional")
        self.optima.append(round(float(np.dot(costs, rounded))))
        self._keep_face(solution, rounded)
        return rounded

    def _keep_face(self, solution: highspy.HighsSolution, values: np.ndarray) -> None:
        """Restrict the model to the optimal face of the stage just solved."""
        highs = self.highs
        reduced = np.array(solution.col_dual, dtype=np.float64)
        fix = np.flatnonzero(np.abs(reduced) > _TOLERANCE)
        if fix.size:
            highs.changeColsBounds(int(fix.size), fix.astype(np.int32), values[fix], values[fix])
        duals = np.array(solution.row_dual, dtype=np.float64)
        activity = np.rint(np.array(solution.row_value, dtype=np.float64))
        tight = np.flatnonzero(np.abs(duals) > _TOLERANCE)
        if tight.size:
            highs.changeRowsBounds(  # type: ignore[attr-defined]
                int(tight.size), tight.astype(np.int32), activity[tight], activity[tight]
            )

    def solve(self) -> list[tuple[str, str]]:
        """The new pairs (application id, reviewer id) of the optimal assignment."""
        self.stop.check()
        if not self.pairs:
            return []
        self._build()
        values = np.zeros(self.columns)
        for costs, maximise in self._stages():
            values = self._run(costs, maximise)
        chosen = [c for c in range(len(self.pairs)) if values[c] == 1.0]
        self._check(chosen, values)
        return [
            (
                self.applications[self.pairs[c].application].id,
                self.reviewers[self.pairs[c].reviewer].id,
            )
            for c in chosen
        ]

    def _check(self, chosen: Sequence[int], values: np.ndarray) -> None:
        """The solution in exact integers: within every constraint, attaining each optimum."""
        per_app = [0] * len(self.applications)
        per_reviewer = [0] * len(self.reviewers)
        for c in chosen:
            per_app[self.pairs[c].application] += 1
            per_reviewer[self.pairs[c].reviewer] += 1
        if any(n > need for n, need in zip(per_app, self.need, strict=True)) or any(
            n > room for n, room in zip(per_reviewer, self.room, strict=True)
        ):
            raise SolverFailed("selection.solver.reason.inexact")
        squares = sum(
            2 * (self.base[r] + k) - 1 for r, n in enumerate(per_reviewer) for k in range(1, n + 1)
        )
        fit = sum(self.pairs[c].fit for c in chosen)
        first = [self.fit_weight * len(chosen) + fit] if self.fit_weight else [len(chosen), fit]
        achieved = [*first, squares, sum(chosen)]
        if achieved != self.optima:
            raise SolverFailed("selection.solver.reason.inexact")
