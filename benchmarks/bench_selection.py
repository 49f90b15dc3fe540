"""Selection timings on synthetic rounds of the Seoul 2025 template (7 tracks, 190 seats,
the two AI quotas), with and without binding budgets.

Run: ``python benchmarks/bench_selection.py [--repeat N] [--sizes 1200 10000]``
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from dataclasses import replace
from decimal import Decimal

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import parse_config
from reviewer.domain.model import ScoredApplication, Status
from reviewer.domain.selection import Solver, select
from reviewer.resources import read_text

# Typical requested amounts (KRW) per track; "binding" sizes them so the budgets bind.
AMOUNT_RANGES = {
    "pre-rnd": (50_000_000, 200_000_000),
    "tips": (200_000_000, 700_000_000),
    "kibo": (200_000_000, 700_000_000),
}


def synthetic_round(
    size: int, binding: bool, seed: int = 2025
) -> tuple[RoundConfig, dict[str, ScoredApplication]]:
    config = parse_config(read_text("templates", "seoul-2025.toml"))
    rng = random.Random(seed)
    weights = [t.seats for t in config.tracks]
    rows: list[tuple[Decimal, float, str, str, str, int, Status | None]] = []
    for k in range(size):
        track = rng.choices(config.tracks, weights=weights)[0]
        category = rng.choices(["AI", "AI+X", "none"], weights=[2, 2, 6])[0]
        low, high = AMOUNT_RANGES.get(track.id, (50_000_000, 400_000_000))
        million = 1_000_000  # amounts as requested: whole millions of won
        amount = (
            rng.randint(low // million, high // million) if binding else rng.randint(1, 50)
        ) * million
        final = Decimal(rng.randint(5000, 9800)) / 100
        draw = rng.random()
        status = (
            Status.INELIGIBLE
            if draw < 0.03
            else Status.INCOMPLETE
            if draw < 0.05
            else None
            if final >= 70
            else Status.BELOW_CUTOFF
        )
        rows.append((final, rng.random(), f"2025-{k:05d}", track.id, category, amount, status))
    rows.sort(key=lambda r: (-r[0], r[1]))
    scored: dict[str, ScoredApplication] = {}
    order = 0
    for final, _, app_id, track_id, category, amount, status in rows:
        rankable = status not in (Status.INELIGIBLE, Status.INCOMPLETE)
        scored[app_id] = ScoredApplication(
            id=app_id,
            track=track_id,
            ai_category=category,
            amount=amount,
            reviews=5,
            reviewer_totals={},
            adjusted_totals={},
            criterion_means={},
            aggregate=float(final),
            final=final if rankable else None,
            status=status,
            order=order if rankable else None,
        )
        order += rankable
    return config, scored


def timed(
    config: RoundConfig, scored: dict[str, ScoredApplication], solver: Solver, repeat: int
) -> tuple[float, str]:
    times: list[float] = []
    method = ""
    for _ in range(repeat):
        start = time.perf_counter()
        outcome = select(config, scored, solver=solver)
        times.append(time.perf_counter() - start)
        method = outcome.method
    return statistics.median(times), method


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1200, 10_000])
    args = parser.parse_args()
    print(f"{'applications':>12} {'budgets':>12} {'case':>13} {'method':>6} {'median s':>9}")
    for size in args.sizes:
        for binding in (False, True):
            config, scored = synthetic_round(size, binding)
            cases: list[tuple[str, RoundConfig, Solver]] = [("auto", config, "auto")]
            if not binding:
                cases.append(("ilp", config, "ilp"))
            transfer = replace(config, selection=replace(config.selection, seat_transfer=True))
            cases.append(("auto+transfer", transfer, "auto"))
            for label, cfg, solver in cases:
                seconds, method = timed(cfg, scored, solver, args.repeat)
                budgets = "binding" if binding else "not binding"
                print(f"{size:>12} {budgets:>12} {label:>13} {method:>6} {seconds:>9.3f}")


if __name__ == "__main__":
    main()
