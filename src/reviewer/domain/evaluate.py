"""Scoring and selection in one call: what a selection run computes."""

from __future__ import annotations

from reviewer.domain.model import RoundData, RoundResult
from reviewer.domain.scoring import score_round
from reviewer.domain.selection import Solver, select
from reviewer.domain.stopping import CancelToken


def evaluate(
    data: RoundData,
    solver: Solver = "auto",
    *,
    time_limit: float | None = None,
    cancel: CancelToken | None = None,
) -> RoundResult:
    """Score the round and select (see :func:`~reviewer.domain.selection.select` for the
    time limit, the cancel token and the errors they raise)."""
    scored = score_round(data)
    selection = select(data.config, scored, solver=solver, time_limit=time_limit, cancel=cancel)
    return RoundResult(scored=scored, selection=selection)
