"""Review analysis at scale: 10,000 applications × 7 reviewers (70,000 totals).

Run ``python benchmarks/bench_agreement.py [--applications N] [--repeat R]``; it prints
the best time over the repeats of the per-track agreement (ICC(2,1), Kendall's W), the
robust outliers and the reviewer severity, separately and together. Reviewers sit in
sub-committees of 7 that each review all of their applications, so every track has
complete blocks.

Then a fragmented track (``--track-applications``, default 3,000), each application
reviewed by 7 of 60 reviewers drawn at random, so hardly two share a reviewer set:
ICC(2,1) by Henderson's Method III over all of it, the search for Kendall's W's block,
and the whole track's concordance.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from reviewer.domain.agreement import complete_block, track_concordance, variance_components
from reviewer.domain.config import Criterion, RoundConfig, Track
from reviewer.domain.model import RoundData
from reviewer.domain.robust import robust_outliers
from reviewer.domain.severity import reviewer_severity

TRACKS = ("pre-rnd", "challenge", "tips", "kibo", "testbed", "weak-tech", "reg-break")
COMMITTEES = 4  # per track
REVIEWERS = 7  # per committee


@dataclass(frozen=True)
class Rated:
    id: str
    track: str
    reviewer_totals: Mapping[str, float]


def build(applications: int, seed: int = 7) -> tuple[RoundData, dict[str, Rated]]:
    rng = random.Random(seed)
    rubric = (Criterion(id="all", name="종합", weight=100, max=100),)
    config = RoundConfig(
        name="benchmark",
        year=2025,
        tracks=tuple(Track(id=t, name=t, seats=50, criteria=rubric) for t in TRACKS),
    )
    scored: dict[str, Rated] = {}
    for index in range(applications):
        track = TRACKS[index % len(TRACKS)]
        committee = rng.randrange(COMMITTEES)
        quality = rng.uniform(50, 90)
        totals = {
            f"{track}-c{committee}-r{member}": round(
                min(100.0, max(0.0, quality + rng.gauss(0, 8))), 1
            )
            for member in range(REVIEWERS)
        }
        app_id = f"2025-{index:05d}"
        scored[app_id] = Rated(app_id, track, totals)
    return RoundData(config=config, applications=()), scored


def build_fragmented(
    applications: int, pool: int = 60, per_application: int = 7, seed: int = 11
) -> tuple[RoundData, dict[str, Rated]]:
    """One track whose applications each have ``per_application`` of ``pool`` reviewers."""
    rng = random.Random(seed)
    rubric = (Criterion(id="all", name="종합", weight=100, max=100),)
    config = RoundConfig(
        name="benchmark",
        year=2025,
        tracks=(Track(id="open", name="open", seats=50, criteria=rubric),),
    )
    harshness = {f"r{j:02d}": rng.gauss(0, 4) for j in range(pool)}
    scored: dict[str, Rated] = {}
    for index in range(applications):
        quality = rng.uniform(50, 90)
        panel = rng.sample(sorted(harshness), per_application)
        totals = {
            r: round(min(100.0, max(0.0, quality + harshness[r] + rng.gauss(0, 6))), 1)
            for r in panel
        }
        app_id = f"2025-{index:05d}"
        scored[app_id] = Rated(app_id, "open", totals)
    return RoundData(config=config, applications=()), scored


def best_of(repeat: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--track-applications", type=int, default=3_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data, scored = build(args.applications)
    totals = sum(len(s.reviewer_totals) for s in scored.values())
    print(f"{len(scored):,} applications, {totals:,} totals")

    best = {"agreement": float("inf"), "robust": float("inf"), "severity": float("inf")}
    best_all = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        track_concordance(data, scored)
        middle = time.perf_counter()
        robust = robust_outliers(scored)
        after = time.perf_counter()
        reviewer_severity(data, scored, robust=robust)
        end = time.perf_counter()
        best["agreement"] = min(best["agreement"], middle - start)
        best["robust"] = min(best["robust"], after - middle)
        best["severity"] = min(best["severity"], end - after)
        best_all = min(best_all, end - start)
    for name, seconds in best.items():
        print(f"{name + ':':<11} {seconds:.3f} s (best of {args.repeat})")
    print(f"{'together:':<11} {best_all:.3f} s (best of {args.repeat})")

    data, scored = build_fragmented(args.track_applications)
    rows = sorted(scored.values(), key=lambda s: s.id)
    ratings = [s.reviewer_totals for s in rows]
    print(f"\none track: {len(rows):,} applications × 7 of 60 reviewers")
    parts = variance_components(ratings)
    block = complete_block(rows)
    assert block is not None
    print(
        f"ICC(2,1) {parts.icc} over {parts.applications:,} applications, "
        f"{parts.reviewers} reviewers; Kendall's W block {len(block.applications)} "
        f"applications × {len(block.reviewers)} reviewers"
    )
    timings = {
        "icc": best_of(args.repeat, lambda: variance_components(ratings)),
        "w block": best_of(args.repeat, lambda: complete_block(rows)),
        "track": best_of(args.repeat, lambda: track_concordance(data, scored)),
    }
    for name, seconds in timings.items():
        print(f"{name + ':':<11} {seconds:.3f} s (best of {args.repeat})")


if __name__ == "__main__":
    main()
