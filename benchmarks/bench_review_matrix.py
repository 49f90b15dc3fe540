"""The reviews matrix at scale: 10,000 applications × 7 reviewers × 8 criteria.

Run ``python benchmarks/bench_review_matrix.py [--applications N] [--repeat R]``; it
prints the best time over the repeats of building the whole matrix from the round's data
(scoring the totals, robust z-scores, every cell), of restricting it to one track and to
one reviewer, and of one cell's detail. Each track has a panel of 25 reviewers; every
application has 7 reviews, one in forty of them a conflict, and an eighth assigned
reviewer who has not scored (a missing cell).

With ``--round ROUND.db`` (e.g. the scale round of ``bench_round.py``) it also times
``review_matrix`` on that database: reading the round and building its matrix, what the
window's worker does before the view shows it.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path

from reviewer.domain.config import Criterion, RoundConfig, Track
from reviewer.domain.model import Application, Review, Reviewer, RoundData
from reviewer.services import rounds
from reviewer.services.review_matrix import build_matrix, review_matrix

TRACKS = ("pre-rnd", "challenge", "tips", "kibo", "testbed", "weak-tech", "reg-break")
REVIEWERS_PER_APPLICATION = 7
PANEL = 25  # reviewers per track
CONFLICT_RATE = 1 / 40


def rubric() -> tuple[Criterion, ...]:
    weights = (20, 15, 15, 10, 10, 10, 10)
    criteria = [
        Criterion(id=f"c{i}", name=f"항목{i}", weight=w, min=0, max=w)
        for i, w in enumerate(weights)
    ]
    criteria.append(
        Criterion(
            id="c7",
            name="등급",
            weight=10,
            grades={"탁월": 1.0, "우수": 0.8, "보통": 0.6, "미흡": 0.4},
        )
    )
    return tuple(criteria)


def build(applications: int, seed: int = 7) -> RoundData:
    rng = random.Random(seed)
    criteria = rubric()
    grades = list(criteria[-1].grades or {})
    config = RoundConfig(
        name="benchmark",
        year=2025,
        tracks=tuple(Track(id=t, name=t, seats=50, criteria=criteria) for t in TRACKS),
        criteria=criteria,
    )
    reviewers = tuple(
        Reviewer(id=f"{t}-r{m:02d}", name=f"심사위원 {t} {m}", tracks=(t,))
        for t in TRACKS
        for m in range(PANEL)
    )
    apps: list[Application] = []
    reviews: list[Review] = []
    assignments: set[tuple[str, str]] = set()
    for index in range(applications):
        track = TRACKS[index % len(TRACKS)]
        app_id = f"2025-{index:05d}"
        apps.append(Application(id=app_id, track=track, title="과제", company="기업"))
        quality = rng.uniform(0.45, 0.95)
        panel = rng.sample(range(PANEL), REVIEWERS_PER_APPLICATION + 1)
        for member in panel:
            reviewer_id = f"{track}-r{member:02d}"
            assignments.add((app_id, reviewer_id))
            if member == panel[-1]:
                continue  # assigned, not scored
            if rng.random() < CONFLICT_RATE:
                reviews.append(Review(app_id, reviewer_id, conflict=True, comment="동일 기관"))
                continue
            scores: dict[str, float | str] = {
                c.id: round(min(1.0, max(0.0, rng.gauss(quality, 0.08))) * c.max, 1)
                for c in criteria[:-1]
            }
            scores[criteria[-1].id] = rng.choice(grades)
            reviews.append(Review(app_id, reviewer_id, scores=scores, comment="의견"))
    return RoundData(
        config=config,
        applications=tuple(apps),
        reviewers=reviewers,
        reviews=tuple(reviews),
        assignments=frozenset(assignments),
    )


def best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--round", type=Path, help="a round database to read as well")
    args = parser.parse_args()

    data = build(args.applications)
    matrix = build_matrix(data)
    counts = matrix.counts()
    print(
        f"{counts.applications:,} applications, {len(matrix.reviewers)} reviewers, "
        f"{counts.scored:,} totals, {counts.conflicts:,} conflicts, {counts.missing:,} "
        f"missing, {counts.outliers:,} outliers"
    )
    first = matrix.rows[0]
    reviewer = next(iter(first.cells))
    print(f"build_matrix:        {best(args.repeat, lambda: build_matrix(data)):.3f} s")
    print(f"restrict (track):    {best(args.repeat, lambda: matrix.restrict('tips')):.3f} s")
    print(
        f"restrict (reviewer): "
        f"{best(args.repeat, lambda: matrix.restrict(reviewer=reviewer)):.3f} s"
    )
    print(
        f"detail:              "
        f"{best(args.repeat, lambda: matrix.detail(first.application_id, reviewer)):.4f} s"
    )
    if args.round is not None:
        with rounds.open_round(args.round) as database:
            read = best(args.repeat, lambda: review_matrix(database))
            shown = review_matrix(database).counts()
        print(
            f"review_matrix on {args.round.name} ({shown.applications:,} applications, "
            f"{shown.scored:,} totals): {read:.3f} s"
        )
    print(f"(best of {args.repeat})")


if __name__ == "__main__":
    main()
