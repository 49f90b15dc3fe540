"""Selection (DESIGN §4): who is selected, by what right, and what the quotas achieved.

``select`` solves the round's selection exactly — the lexicographic objective in the
configured order, then the global order among the optimal selections — once with the
quotas and once without them (the merit selection), applies seat transfer to both when
the round asks for it, and explains every difference.

Two exact solvers decide a selection: the fast path (:mod:`selection_fast`) when
``fill`` comes first, no budget binds and its state space is small, the integer
programs of :mod:`selection_ilp` otherwise. Tracks that no quota links are solved
separately. ``solver="auto"`` uses the fast path wherever it applies; ``"fast"`` insists
on it (raising :class:`FastPathUnavailable` where it does not apply); ``"ilp"`` never
uses it.

A selection can be given a time limit and a cancel token (:mod:`stopping`); when it
stops, or HiGHS fails, it raises a :class:`~reviewer.errors.SolverError` and gives no
selection.

Reported figures describe the final selection, seat transfers included: the quota
outcomes, ``shortfall``, ``total_score``, the tracks' ``selected`` and ``budget_used``
(a transferred application counts in its own track), and the boundary ties.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from reviewer.domain.config import RoundConfig
from reviewer.domain.model import (
    Decision,
    Explanation,
    QuotaOutcome,
    ScoredApplication,
    SelectionOutcome,
    TrackOutcome,
)
from reviewer.domain.selection_explain import candidate_statuses, explain, quota_outcomes
from reviewer.domain.selection_fast import FastPathUnavailable, solve_fast
from reviewer.domain.selection_problem import (
    Problem,
    Selection,
    budget_used,
    build_problem,
    components,
    transfer,
)
from reviewer.domain.selection_ties import boundary_ties
from reviewer.domain.stopping import CancelToken, Stop
from reviewer.errors import SolverError
from reviewer.i18n import Lang, render

Solver = Literal["auto", "fast", "ilp"]

__all__ = [
    "CancelToken",
    "FastPathUnavailable",
    "Solved",
    "Solver",
    "SolverError",
    "render_explanation",
    "render_quota_why",
    "select",
    "solve",
]


@dataclass(frozen=True)
class Solved:
    """One solved problem: the optimised selection, and the selection after transfer."""

    chosen: Selection
    selected: Selection
    transfers: Mapping[int, int]  # transferred candidate → track whose seat it took
    method: str


def solve(problem: Problem, solver: Solver = "auto", stop: Stop | None = None) -> Solved:
    """The exact selection of ``problem``, seat transfer applied. Independent parts of the
    problem (tracks no quota links) are solved separately, each by the fast path where it
    applies."""
    stop = stop or Stop()
    chosen: set[int] = set()
    methods: set[str] = set()
    for part, indices in components(problem):
        stop.check()
        selection: Selection | None = None
        if solver != "ilp":
            selection = solve_fast(part)
            if selection is None and solver == "fast":
                raise FastPathUnavailable("the fast path does not apply to this selection")
        if selection is None:
            from reviewer.domain.selection_ilp import solve_ilp

            selection = solve_ilp(part, stop)
            methods.add("ilp")
        chosen.update(indices[i] for i in selection)
    optimised = frozenset(chosen)
    selected, moved = transfer(problem, optimised)
    method = "ilp" if methods else "fast"
    return Solved(chosen=optimised, selected=selected, transfers=moved, method=method)


def prepare_solver() -> None:
    """Load HiGHS (and NumPy) and make its first instance, which prints HiGHS's banner
    with the output redirected. Done when a selection first needs it, so a command that
    selects nothing starts without them; once, before any thread solves."""
    from reviewer.domain.selection_ilp import silence_banner

    silence_banner()


def select(
    config: RoundConfig,
    scored: Mapping[str, ScoredApplication],
    *,
    solver: Solver = "auto",
    time_limit: float | None = None,
    cancel: CancelToken | None = None,
    explanations: bool = True,
) -> SelectionOutcome:
    """Select the round's applications (DESIGN §4).

    ``scored`` holds every application of the round; the outcome has a decision for each
    of them. ``time_limit`` (seconds) bounds the whole selection, merit selection and
    explanations included; ``cancel`` stops it when set from another thread.

    ``explanations=False`` leaves the explanations out (a preview: the selections without
    one quota each, which only the explanations need, are not solved): the outcome is the
    same in everything else, its decisions have no explanation and ``explained`` is
    False. A run is only ever recorded from an explained outcome.

    Raises ``ValueError`` when a candidate lacks a final score or a position in the
    global order, or the order contradicts the finals; :class:`FastPathUnavailable` for
    ``solver="fast"`` where the fast path does not apply; a :class:`SolverError`
    (``SolverTimeLimit``, ``SolverCancelled``, ``SolverFailed``) when the selection was
    stopped or HiGHS failed — never a selection that is not proven optimal.
    """
    stop = Stop(time_limit, cancel)
    problem = build_problem(config, scored)
    if problem.rules:
        # The merit selection is solved beside the main one: HiGHS lets go of Python's
        # lock while it runs, so the two overlap on a machine with two cores. It stops
        # with the selection (cancel, time limit) and as soon as the main one fails.
        prepare_solver()  # before two threads could make HiGHS's first instance
        failed = CancelToken()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="merit") as pool:
            pending = pool.submit(
                solve,
                problem.without_quotas(range(len(config.quotas))),
                solver,
                stop.linked(failed),
            )
            try:
                main = solve(problem, solver, stop)
                merit = pending.result()
            except BaseException:
                failed.cancel()
                raise
    else:
        main = solve(problem, solver, stop)
        merit = main

    def without(quota: int) -> Selection:
        return solve(problem.without_quotas([quota]), solver, stop).selected

    if explanations:
        explained = explain(config, problem, main.selected, merit.selected, main.transfers, without)
    else:
        statuses = candidate_statuses(problem, main.selected, merit.selected)
        explained = {
            item.id: Decision(item.id, status)
            for item, status in zip(problem.items, statuses, strict=True)
        }
    decisions = {
        app.id: explained[app.id] if app.status is None else Decision(app.id, app.status)
        for app in scored.values()
    }
    quotas = quota_outcomes(config, problem, main.chosen, main.selected)
    items = problem.items
    used = budget_used(problem, main.selected)
    tracks = tuple(
        TrackOutcome(
            id=track.id,
            seats=track.seats,
            selected=sum(1 for i in main.selected if items[i].track == t),
            budget=track.budget,
            budget_used=used[t],
        )
        for t, track in enumerate(config.tracks)
    )
    return SelectionOutcome(
        selected=frozenset(items[i].id for i in main.selected),
        merit=frozenset(items[i].id for i in merit.selected),
        decisions=decisions,
        quotas=quotas,
        tracks=tracks,
        boundary_ties=boundary_ties(config, problem, main.chosen, main.selected),
        shortfall=sum(outcome.shortfall for outcome in quotas),
        total_score=sum((items[i].final for i in main.selected), Decimal(0)),
        method=main.method,
        explained=explanations,
    )


def render_explanation(explanation: Explanation, lang: Lang | str | None = None) -> str:
    """The reason shown for a decision, e.g.
    ``연계 트랙 AI 30% 이상: selected over 2025-0107 (84.90)``."""
    parts: list[str] = []
    if explanation.kind == "seat_transfer" and explanation.from_track is not None:
        parts.append(render("selection.reason.seat_transfer", lang, track=explanation.from_track))
    if explanation.quota is not None:
        counterparts = ", ".join(
            render("selection.reason.counterpart", lang, id=cid, final=final)
            for cid, final in explanation.counterparts
        )
        displaced = explanation.kind == "displaced_by"
        if counterparts:
            key = "selection.reason.displaced_by" if displaced else "selection.reason.selected_over"
        else:
            key = "selection.reason.displaced" if displaced else "selection.reason.selected"
        parts.append(render(key, lang, quota=explanation.quota, counterparts=counterparts))
    return "; ".join(parts)


def render_quota_why(outcome: QuotaOutcome, lang: Lang | str | None = None) -> str:
    """Why a quota falls short (empty when it does not)."""
    if not outcome.why:
        return ""
    return render(outcome.why, lang, **outcome.why_params)
