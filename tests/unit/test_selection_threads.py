"""The merit selection runs in a thread beside the main one: it must stop with it."""

from __future__ import annotations

import threading
import time

import pytest

from reviewer.domain import selection
from reviewer.domain.stopping import CancelToken, Stop
from reviewer.errors import SolverCancelled, SolverFailed
from tests.unit.test_selection import (
    WORKED_ROWS,
    WORKED_TRACKS,
    linked_quota,
    majority_quota,
    round_config,
    scored_round,
)


def test_a_linked_stop_keeps_the_deadline_and_stops_with_either_token() -> None:
    user = CancelToken()
    stop = Stop(5.0, user)
    own = CancelToken()
    linked = stop.linked(own)
    assert linked.time_limit == 5.0
    assert abs(linked.remaining() - stop.remaining()) < 0.01
    assert not linked.cancelled
    own.cancel()
    assert linked.cancelled and not stop.cancelled
    other = Stop(cancel=user).linked(CancelToken())
    user.cancel()
    assert other.cancelled


def test_a_linked_stop_without_a_user_token_still_has_one() -> None:
    # the solver subscribes HiGHS's interrupt callbacks only when there is a token
    own = CancelToken()
    linked = Stop().linked(own)
    assert linked.cancel is not None and linked.time_limit is None
    own.cancel()
    assert linked.cancelled


def test_the_banner_is_silenced_once_for_threads_arriving_together() -> None:
    import os

    from reviewer.domain import selection_ilp

    selection_ilp._banner_silenced.cache_clear()
    before = os.fstat(1)
    threads = [threading.Thread(target=selection_ilp.silence_banner) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    time.sleep(0)
    after = os.fstat(1)
    # standard output points where it did, not at /dev/null
    assert (after.st_dev, after.st_ino) == (before.st_dev, before.st_ino)


def test_the_merit_solve_stops_when_the_main_one_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    merit_saw: list[str] = []

    def solve(
        problem: selection.Problem, solver: selection.Solver = "auto", stop: Stop | None = None
    ) -> selection.Solved:
        assert stop is not None
        if threading.current_thread() is threading.main_thread():
            raise SolverFailed("selection.solver.reason.inexact")  # the main selection
        deadline = time.monotonic() + 10  # the merit one: runs until it is stopped
        while time.monotonic() < deadline:
            if stop.cancelled:
                merit_saw.append("cancelled")
                raise SolverCancelled()
            time.sleep(0.005)
        merit_saw.append("ran to the end")
        raise AssertionError("the merit solve was not stopped")

    monkeypatch.setattr(selection, "solve", solve)
    config = round_config(
        WORKED_TRACKS,
        [linked_quota(["tips", "kibo"]), majority_quota(["tips", "kibo", "challenge"])],
    )
    started = time.monotonic()
    with pytest.raises(SolverFailed):
        selection.select(config, scored_round(WORKED_ROWS, []))
    assert time.monotonic() - started < 5
    assert merit_saw == ["cancelled"]
