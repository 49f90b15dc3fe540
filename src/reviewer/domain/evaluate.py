"""Scoring and selection in one call: what a selection run computes."""

from __future__ import annotations

from reviewer.domain.model import RoundData, RoundResult
from reviewer.domain.scoring import score_round
from reviewer.domain.selection import Solver, select


def evaluate(data: RoundData, solver: Solver = "auto") -> RoundResult:
    scored = score_round(data)
    return RoundResult(scored=scored, selection=select(data.config, scored, solver=solver))
