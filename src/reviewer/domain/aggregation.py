"""Aggregating reviewer totals and rounding the final score (DESIGN §3.5–3.6).

Rounding is decimal, never binary ``round``: a float is read through its shortest
``repr`` (``Decimal(repr(x))``) — the decimal a person would write for it — then
quantised half-even to 9 decimal places, which removes the noise binary arithmetic
leaves in the last bits (a mean that is mathematically ``84.345`` may be computed as
``84.34499999999999``; at 9 places it is ``84.345000000`` again), and only then rounded
half-up to the round's ``decimals``. Rounding the noisy value directly would turn
``84.345`` into ``84.34``. A value would be misjudged only if its exact decimal had a
5 in the 10th place, which totals of realistic scores never have.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from reviewer.domain.config import Method

#: The quantum totals and aggregates are cleaned to before the final rounding.
NANO = Decimal("1e-9")


def exact(value: float) -> Decimal:
    """``value`` as the decimal it stands for, to 9 places, without binary noise."""
    return Decimal(repr(float(value))).quantize(NANO, rounding=ROUND_HALF_EVEN)


def clean(value: float) -> float:
    """``value`` cleaned to 9 decimal places (the nearest double to ``exact(value)``)."""
    return float(exact(value))


def aggregate(totals: Sequence[float], method: Method, trim_min_reviews: int) -> float:
    """The aggregate of an application's (adjusted) reviewer totals, cleaned.

    ``trimmed``: with at least ``trim_min_reviews`` totals, exactly one instance of the
    highest and one of the lowest are dropped (also when tied) before the mean; with
    fewer, the plain mean (trimming never applies to fewer than 3 totals, which would
    leave nothing). ``median``: with an even count, the mean of the two middle
    totals. Sums are exact (``math.fsum``) so the result does not depend on the order
    of the totals.
    """
    if not totals:
        raise ValueError("no totals to aggregate")
    ordered = sorted(totals)
    if method == "median":
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return clean(ordered[middle])
        return clean(math.fsum(ordered[middle - 1 : middle + 1]) / 2)
    if method == "trimmed" and len(ordered) >= max(trim_min_reviews, 3):
        ordered = ordered[1:-1]
    return clean(math.fsum(ordered) / len(ordered))


def final_score(
    aggregate_value: float, bonus: float, penalty: float, bonus_cap: float, decimals: int
) -> Decimal:
    """``aggregate + min(bonus, bonus_cap) − penalty``, summed in decimal and rounded
    half-up (ties away from zero) to ``decimals`` places."""
    total = exact(aggregate_value) + exact(min(bonus, bonus_cap)) - exact(penalty)
    return round_half_up(total, decimals)


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """``value`` rounded half-up to ``decimals`` places."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
