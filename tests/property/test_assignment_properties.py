"""The assignment solver against a brute-force enumeration of every set of pairs.

The brute force is written from the rules alone: every subset of the eligible pairs
(panel members, not conflicted, not kept) within each application's remaining need and
each reviewer's load cap, the best by (most pairs, best fit, least sum of squared loads,
least sum of pair ranks in id order).
"""

from __future__ import annotations

import random
from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.domain.assignment import (
    AssignApplication,
    AssignmentProblem,
    AssignReviewer,
    loads_of,
)
from reviewer.domain.assignment_solver import solve_assignment

TRACKS = ("t1", "t2")
FIELDS = ("AI", "바이오", "AI 로봇", "")
EXPERTISE = ("AI 연구소", "바이오 센터", "로봇", "")


@st.composite
def problems(draw: st.DrawFn) -> AssignmentProblem:
    n_apps = draw(st.integers(1, 4))
    n_reviewers = draw(st.integers(1, 4))
    apps = tuple(
        AssignApplication(f"A{i}", draw(st.sampled_from(TRACKS)), draw(st.sampled_from(FIELDS)))
        for i in range(n_apps)
    )
    reviewers = tuple(
        AssignReviewer(
            f"R{j}",
            tuple(draw(st.lists(st.sampled_from(TRACKS), min_size=1, max_size=2, unique=True))),
            expertise=draw(st.sampled_from(EXPERTISE)),
        )
        for j in range(n_reviewers)
    )
    every = [(a.id, r.id) for a in apps for r in reviewers]
    forbidden = frozenset(p for p in every if draw(st.integers(0, 5)) == 0)
    panel_pairs = [(a.id, r.id) for a in apps for r in reviewers if a.track in r.tracks]
    kept = frozenset(p for p in panel_pairs if p not in forbidden and draw(st.integers(0, 6)) == 0)
    base = {r.id: draw(st.integers(0, 2)) for r in reviewers}
    return AssignmentProblem(
        apps,
        reviewers,
        per_application=draw(st.integers(1, 3)),
        max_load=draw(st.one_of(st.none(), st.integers(0, 4))),
        forbidden=forbidden,
        kept=kept,
        base_load=base,
    )


def brute_force_key(problem: AssignmentProblem) -> tuple[int, int, int, int]:
    apps = sorted(problem.applications, key=lambda a: a.id)
    reviewers = {r.id: r for r in problem.reviewers}
    candidates = [
        (a.id, r.id)
        for a in apps
        for r in sorted(problem.reviewers, key=lambda r: r.id)
        if a.track in r.tracks and (a.id, r.id) not in problem.forbidden | problem.kept
    ]
    rank = {p: i for i, p in enumerate(candidates)}
    fits = {(a.id, r): problem.fit(a, reviewers[r]) for a in apps for r in reviewers}
    best: tuple[int, int, int, int] | None = None
    for size in range(len(candidates) + 1):
        for chosen in combinations(candidates, size):
            pairs = [*problem.kept, *chosen]
            per_app: dict[str, int] = {}
            per_reviewer = {r: problem.base_load.get(r, 0) for r in reviewers}
            for a, r in pairs:
                per_app[a] = per_app.get(a, 0) + 1
                per_reviewer[r] += 1
            kept_app = {a: sum(1 for k in problem.kept if k[0] == a) for a in per_app}
            if any(n > max(problem.per_application, kept_app[a]) for a, n in per_app.items()):
                continue
            added = {r: sum(1 for c in chosen if c[1] == r) for r in reviewers}
            if problem.max_load is not None and any(
                added[r] and per_reviewer[r] > problem.max_load for r in reviewers
            ):
                continue
            squares = sum(v * v for v in loads_of(problem, pairs).values())
            key = (
                -len(chosen),
                -sum(fits[c] for c in chosen),
                squares,
                sum(rank[c] for c in chosen),
            )
            if best is None or key < best:
                best = key
    assert best is not None
    return best


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_the_solver_attains_the_brute_force_optimum(problem: AssignmentProblem) -> None:
    result = solve_assignment(problem)
    candidates = [
        (a.id, r.id)
        for a in sorted(problem.applications, key=lambda a: a.id)
        for r in sorted(problem.reviewers, key=lambda r: r.id)
        if a.track in r.tracks and (a.id, r.id) not in problem.forbidden | problem.kept
    ]
    rank = {p: i for i, p in enumerate(candidates)}
    reviewers = {r.id: r for r in problem.reviewers}
    apps = {a.id: a for a in problem.applications}
    key = (
        -len(result.added),
        -sum(problem.fit(apps[a], reviewers[r]) for a, r in result.added),
        result.squares,
        sum(rank[p] for p in result.added),
    )
    assert key == brute_force_key(problem)
    assert set(result.kept) == set(problem.kept)
    assert not set(result.added) & problem.forbidden


@settings(max_examples=60, deadline=None)
@given(problems(), st.randoms(use_true_random=False))
def test_the_order_of_the_inputs_does_not_change_the_assignment(
    problem: AssignmentProblem, rng: random.Random
) -> None:
    apps = list(problem.applications)
    reviewers = list(problem.reviewers)
    rng.shuffle(apps)
    rng.shuffle(reviewers)
    shuffled = AssignmentProblem(
        tuple(apps),
        tuple(reviewers),
        problem.per_application,
        problem.max_load,
        problem.forbidden,
        problem.kept,
        problem.base_load,
    )
    assert solve_assignment(shuffled).pairs == solve_assignment(problem).pairs
