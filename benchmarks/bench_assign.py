"""Assigning reviewers at scale: 1,200 applications × 60 reviewers × 5 per application.

Run ``python benchmarks/bench_assign.py [--applications N] [--reviewers R] [--per N]
[--repeat K]``; it prints the best time over the repeats of the optimal assignment
(:func:`reviewer.domain.assignment_solver.solve_assignment`) in two shapes:

- ``tracks``: seven tracks, each reviewer on one track's panel and 15% on a second one
  (about 10 eligible reviewers per application), ``max_load`` the even share + 10%;
- ``one panel``: every reviewer on the one track (60 eligible reviewers per
  application, 72,000 pairs), ``max_load`` the even share.

Both with a few same-organisation conflicts and random fields, so the fit matters, and
the organisation conflicts detected among them (:func:`organisation_conflicts`).
"""

from __future__ import annotations

import argparse
import math
import random
import time

from reviewer.domain.assignment import (
    AssignApplication,
    AssignmentProblem,
    AssignReviewer,
    organisation_conflicts,
)
from reviewer.domain.assignment_solver import solve_assignment

TRACKS = ("pre-rnd", "challenge", "tips", "kibo", "testbed", "weak-tech", "reg-break")
FIELDS = ("AI", "바이오", "양자", "로봇", "핀테크", "창조산업")
ORGS = ("㈜한빛로보틱스", "서울대학교", "한국전자통신연구원", "주식회사 누리바이오", "카이스트")


def build(
    applications: int, reviewers: int, per: int, tracks: tuple[str, ...], slack: float, seed: int
) -> AssignmentProblem:
    rng = random.Random(seed)
    apps = tuple(
        AssignApplication(
            f"2025-{i:04d}",
            tracks[i % len(tracks)],
            rng.choice(FIELDS),
            rng.choice(ORGS) if rng.random() < 0.02 else f"기업{i}",
        )
        for i in range(applications)
    )
    people = []
    for j in range(reviewers):
        own = [tracks[j % len(tracks)]]
        if len(tracks) > 1 and rng.random() < 0.15:
            own.append(rng.choice([t for t in tracks if t != own[0]]))
        affiliation = rng.choice(ORGS) if rng.random() < 0.3 else f"기관{j}"
        expertise = f"{affiliation} {' '.join(rng.sample(FIELDS, 2))}"
        people.append(AssignReviewer(f"R{j:03d}", tuple(own), affiliation, expertise))
    conflicts = frozenset(organisation_conflicts(apps, people))
    load = math.ceil(applications * per / reviewers * slack)
    return AssignmentProblem(apps, tuple(people), per, load, forbidden=conflicts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=1200)
    parser.add_argument("--reviewers", type=int, default=60)
    parser.add_argument("--per", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for label, tracks, slack in (("tracks", TRACKS, 1.1), ("one panel", ("pre-rnd",), 1.0)):
        start = time.perf_counter()
        problem = build(args.applications, args.reviewers, args.per, tracks, slack, 7)
        built = time.perf_counter() - start
        best = math.inf
        result = None
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = solve_assignment(problem)
            best = min(best, time.perf_counter() - start)
        assert result is not None
        low, high = result.load_range or (0, 0)
        eligible = sum(
            1
            for a in problem.applications
            for r in problem.panel(a)
            if (a.id, r.id) not in problem.forbidden
        )
        print(
            f"{label:>9}: {eligible:,} eligible pairs → {len(result.pairs)} pairs, "
            f"{len(result.shortfalls)} short, "
            f"load {low}–{high}, fit {result.fit}, {len(problem.forbidden)} conflicts; "
            f"problem {built:.2f} s, solve {best:.2f} s (best of {args.repeat})"
        )


if __name__ == "__main__":
    main()
