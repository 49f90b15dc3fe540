"""Scoring at scale: a synthetic round of 10,000 applications × 7 reviewers × 8 criteria.

Run ``python benchmarks/bench_scoring.py [--applications N] [--zscore] [--repeat R]``;
it prints the time to build the data and the best time of ``score_round`` and of
``review_statistics`` over the repeats.
"""

from __future__ import annotations

import argparse
import random
import time

from reviewer.domain.config import Aggregation, Criterion, RoundConfig, Track
from reviewer.domain.model import Application, Review, RoundData
from reviewer.domain.scoring import score_round
from reviewer.domain.statistics import review_statistics

TRACKS = ("pre-rnd", "challenge", "tips", "kibo", "testbed", "weak-tech", "reg-break")
REVIEWERS_PER_APPLICATION = 7
PANEL = 25  # reviewers per track


def rubric() -> tuple[Criterion, ...]:
    weights = (20, 15, 15, 10, 10, 10, 10, 10)
    criteria = [
        Criterion(id=f"c{i}", name=f"항목{i}", weight=w, min=0, max=w)
        for i, w in enumerate(weights[:7])
    ]
    criteria.append(
        Criterion(
            id="c7",
            name="등급",
            weight=weights[7],
            grades={"탁월": 1.0, "우수": 0.8, "보통": 0.6, "미흡": 0.4},
        )
    )
    return tuple(criteria)


def build(applications: int, zscore: bool, seed: int = 7) -> RoundData:
    rng = random.Random(seed)
    criteria = rubric()
    grades = list(criteria[-1].grades or {})
    config = RoundConfig(
        name="benchmark",
        year=2025,
        tracks=tuple(Track(id=t, name=t, seats=50, criteria=criteria) for t in TRACKS),
        criteria=criteria,
        region="서울",
        aggregation=Aggregation(normalize="zscore" if zscore else "none", criterion_floor=0.4),
    )
    apps: list[Application] = []
    reviews: list[Review] = []
    for index in range(applications):
        track = TRACKS[index % len(TRACKS)]
        app_id = f"2025-{index:05d}"
        apps.append(
            Application(
                id=app_id,
                track=track,
                title="과제",
                company="기업",
                amount=rng.randrange(1, 40) * 10_000_000,
                region="서울특별시 강남구",
                bonus=rng.choice((0, 1, 3)),
            )
        )
        panel = rng.sample(range(PANEL), REVIEWERS_PER_APPLICATION)
        for member in panel:
            scores: dict[str, float | str] = {
                c.id: round(rng.uniform(0.3, 1.0) * c.max, 1) for c in criteria[:-1]
            }
            scores[criteria[-1].id] = rng.choice(grades)
            reviews.append(
                Review(application_id=app_id, reviewer_id=f"{track}-r{member}", scores=scores)
            )
    return RoundData(config=config, applications=tuple(apps), reviews=tuple(reviews))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--zscore", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    data = build(args.applications, args.zscore)
    built = time.perf_counter() - start
    scores = sum(len(r.scores) for r in data.reviews)
    print(
        f"{len(data.applications):,} applications, {len(data.reviews):,} reviews, "
        f"{scores:,} scores (built in {built:.2f} s)"
    )

    best_score = best_stats = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        scored = score_round(data)
        best_score = min(best_score, time.perf_counter() - start)
        start = time.perf_counter()
        review_statistics(data, scored)
        best_stats = min(best_stats, time.perf_counter() - start)
    print(f"score_round:       {best_score:.3f} s (best of {args.repeat})")
    print(f"review_statistics: {best_stats:.3f} s (best of {args.repeat})")


if __name__ == "__main__":
    main()
