"""A selection can be stopped (time limit, cancel token) and HiGHS can fail: each raises
an error of our own and gives no selection."""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any

import highspy
import pytest

from reviewer.domain import selection_ilp
from reviewer.domain.config import Quota, RoundConfig
from reviewer.domain.model import ScoredApplication
from reviewer.domain.selection import CancelToken, select
from reviewer.domain.selection_ilp import QUICK_SECONDS, solve_ilp
from reviewer.domain.selection_problem import build_problem
from reviewer.domain.stopping import Stop
from reviewer.errors import SolverCancelled, SolverError, SolverFailed, SolverTimeLimit
from tests.unit.test_selection import Row, round_config, scored_round, track

Status = highspy.HighsModelStatus


def budgeted_round(size: int = 200, seats: int = 60) -> tuple[RoundConfig, dict[str, Any]]:
    """One track whose budget binds, with a strict AI majority: HiGHS decides it, in
    several runs that each take a moment."""
    rng = random.Random(7)
    rows: list[Row] = [
        (
            f"A{k:04d}",
            "t",
            f"{rng.randint(7000, 9900) / 100:.2f}",
            rng.choice(["AI", "AI+X", "none", "none"]),
            rng.randint(50, 400) * 1_000_000,
        )
        for k in range(size)
    ]
    quota = Quota(
        name="AI",
        categories=frozenset({"AI", "AI+X"}),
        tracks=("t",),
        scope="each",
        share=Fraction(1, 2),
        strict=True,
    )
    config = round_config([track("t", seats, budget=seats * 150_000_000)], [quota])
    return config, scored_round(rows)


class Runs:
    """Records every HiGHS run: whether one is going on, and the model status it ended in."""

    def __init__(self) -> None:
        self.running = False
        self.statuses: list[Any] = []
        self.time_limits: list[float] = []
        self.threads: list[int] = []  # the merit selection is solved in a thread beside
        self.presolve: list[str] = []

    def wrap(self, run: Callable[..., Any]) -> Callable[..., Any]:
        lock = threading.Lock()

        def wrapped(highs: Any) -> Any:
            limit = highs.getOptionValue("time_limit")  # (status, value) in newer highspy
            presolve = highs.getOptionValue("presolve")
            self.running = True
            try:
                return run(highs)
            finally:
                self.running = False
                with lock:  # one record per run, whichever thread finishes first
                    self.statuses.append(highs.getModelStatus())
                    self.time_limits.append(float(limit[-1] if isinstance(limit, tuple) else limit))
                    self.threads.append(threading.get_ident())
                    self.presolve.append(presolve[-1] if isinstance(presolve, tuple) else presolve)

        return wrapped


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Runs]:
    spy = Runs()
    monkeypatch.setattr(highspy.Highs, "run", spy.wrap(highspy.Highs.run))
    yield spy


def test_a_cancelled_token_stops_the_selection_before_it_starts(runs: Runs) -> None:
    config, scored = budgeted_round()
    token = CancelToken()
    token.cancel()
    with pytest.raises(SolverCancelled) as caught:
        select(config, scored, cancel=token)
    assert runs.statuses == []
    assert caught.value.exit_code == 5
    assert caught.value.message("en") == "the selection was cancelled; there is no selection"
    assert "취소" in caught.value.message("ko")


class CancelledWhileHighsRuns(CancelToken):
    """Set as soon as it is looked at during a HiGHS run: only HiGHS's interrupt
    callback can see it set."""

    def __init__(self, runs: Runs) -> None:
        super().__init__()
        self.runs = runs

    @property
    def cancelled(self) -> bool:
        if self.runs.running:
            self.cancel()
        return super().cancelled


def test_a_token_set_during_a_run_interrupts_highs(runs: Runs) -> None:
    config, scored = budgeted_round()
    with pytest.raises(SolverCancelled):
        select(config, scored, cancel=CancelledWhileHighsRuns(runs))
    assert runs.statuses[-1] == Status.kInterrupt  # HiGHS itself was stopped


def test_an_unset_token_and_a_generous_limit_change_nothing(
    runs: Runs, monkeypatch: pytest.MonkeyPatch
) -> None:
    # without quick attempts (whether one settles a program depends on the machine's
    # speed, so the number of runs would too)
    monkeypatch.setattr(selection_ilp, "QUICK_SECONDS", math.inf)
    config, scored = budgeted_round(size=80, seats=25)
    plain = select(config, scored)
    assert plain.method == "ilp"
    count = len(runs.statuses)
    assert select(config, scored, time_limit=600, cancel=CancelToken()) == plain
    assert len(runs.statuses) == 2 * count
    assert all(status == Status.kOptimal for status in runs.statuses)
    assert max(runs.time_limits[count:]) <= 600 < min(runs.time_limits[:count])


def test_a_program_the_quick_attempt_leaves_open_is_solved_in_full(
    runs: Runs, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, scored = budgeted_round(size=80, seats=25)
    plain = select(config, scored)
    monkeypatch.setattr(selection_ilp, "QUICK_SECONDS", 1e-6)
    count = len(runs.statuses)
    assert select(config, scored) == plain
    records = list(
        zip(
            runs.statuses[count:],
            runs.time_limits[count:],
            runs.presolve[count:],
            runs.threads[count:],
            strict=True,
        )
    )
    stopped = 0
    for thread in {record[3] for record in records}:
        mine = [record[:3] for record in records if record[3] == thread]
        for k, (status, limit, presolve) in enumerate(mine):
            if limit == 1e-6:  # a quick attempt: no presolve
                assert presolve == "off"
            else:
                assert presolve == "choose" and limit > 600
            if status == Status.kTimeLimit:  # the same program follows, in full
                stopped += 1
                assert limit == 1e-6
                following, following_limit, following_presolve = mine[k + 1]
                assert following in (Status.kOptimal, Status.kInfeasible)
                assert following_limit > 600 and following_presolve == "choose"
    assert stopped, "the tiny quick limit stops some attempts"


class RunsOut(Stop):
    """A selection with time left until HiGHS has run once, and none after."""

    def __init__(self, runs: Runs) -> None:
        super().__init__(time_limit=60)
        self.runs = runs

    def remaining(self) -> float:
        return 60.0 if not self.runs.statuses else 0.0


def test_time_running_out_after_a_quick_attempt_stops_the_selection(
    runs: Runs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selection_ilp, "QUICK_SECONDS", 1e-6)
    config, scored = budgeted_round(size=80, seats=25)
    problem = build_problem(config, scored)
    runs.statuses.clear()
    with pytest.raises(SolverTimeLimit):
        solve_ilp(problem, RunsOut(runs))
    assert runs.statuses == [Status.kTimeLimit]  # the quick attempt, and no full run


def test_a_time_limit_shorter_than_the_quick_attempt_skips_it(runs: Runs) -> None:
    config, scored = budgeted_round(size=80, seats=25)
    with pytest.raises(SolverTimeLimit):  # far too short for this round
        select(config, scored, time_limit=QUICK_SECONDS / 2)
    assert runs.time_limits and all(limit < QUICK_SECONDS for limit in runs.time_limits)
    assert set(runs.presolve) == {"choose"}


def test_a_tiny_time_limit_stops_a_budgeted_selection() -> None:
    config, scored = budgeted_round()
    with pytest.raises(SolverTimeLimit) as caught:
        select(config, scored, time_limit=0.001)
    assert caught.value.exit_code == 5
    assert "time limit (0.001 s)" in caught.value.message("en")
    assert "시간 제한(0.001초)" in caught.value.message("ko")


class AlmostOut(Stop):
    """Time left for the checks between runs, but next to none for HiGHS."""

    def remaining(self) -> float:
        return 1e-7


def test_highs_stopped_at_the_time_limit_raises_the_time_limit_error(runs: Runs) -> None:
    config, scored = budgeted_round()
    problem = build_problem(config, scored)
    with pytest.raises(SolverTimeLimit):
        solve_ilp(problem, AlmostOut(time_limit=30))
    assert runs.statuses == [Status.kTimeLimit]  # HiGHS's own limit, not a check between


@pytest.mark.parametrize("status", [Status.kSolveError, Status.kUnknown, Status.kIterationLimit])
def test_any_other_status_than_optimal_is_a_failure(
    monkeypatch: pytest.MonkeyPatch, status: Any
) -> None:
    config, scored = budgeted_round(size=40, seats=12)
    monkeypatch.setattr(highspy.Highs, "getModelStatus", lambda highs: status)
    with pytest.raises(SolverFailed) as caught:
        select(config, scored)
    name = highspy.Highs().modelStatusToString(status)  # type: ignore[no-untyped-call]
    assert caught.value.message("en") == (
        "the selection solver (HiGHS) did not prove an optimal selection: HiGHS ended with"
        f" the status '{name}'; there is no selection"
    )
    assert f"HiGHS 종료 상태 '{name}'" in caught.value.message("ko")
    assert isinstance(caught.value, SolverError) and caught.value.exit_code == 5


def test_a_fast_path_selection_checks_the_token_too() -> None:
    config = round_config([track("a", 1)])
    scored: dict[str, ScoredApplication] = scored_round([("A1", "a", "90.00", "none")])
    token = CancelToken()
    assert select(config, scored, cancel=token).selected == {"A1"}
    token.cancel()
    with pytest.raises(SolverCancelled):
        select(config, scored, solver="fast", cancel=token)


@pytest.mark.parametrize("seconds", [0, -1, float("nan")])
def test_a_time_limit_must_be_positive(seconds: float) -> None:
    with pytest.raises(ValueError):
        Stop(time_limit=seconds)
