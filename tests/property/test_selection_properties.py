"""Selection (DESIGN §4) against a brute-force enumeration of every subset.

The brute force below is written from the rules alone: enumerate every subset of the
candidates, keep those within seats and budgets, take the best by the lexicographic
objective, break the remaining ties by the global order, then apply seat transfer.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from itertools import permutations

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reviewer.domain.config import Criterion, Quota, RoundConfig, SelectionRules, Track
from reviewer.domain.model import BoundaryTie, ScoredApplication, SelectionOutcome, Status
from reviewer.domain.selection import FastPathUnavailable, select

CRITERIA = (Criterion(id="tech", name="tech", weight=100, min=0, max=100),)
FINALS = [Decimal(v) for v in ("91.00", "85.25", "80.00", "80.00", "76.50", "72.10", "70.00")]
CATEGORIES = ("AI", "AI+X", "none")
SHARES = [Fraction(0), Fraction(1, 3), Fraction(3, 10), Fraction(1, 2), Fraction(2, 3), Fraction(1)]
OBJECTIVES = list(permutations(("fill", "quota", "score")))


# -- brute force -------------------------------------------------------------------------


def _required(share: Fraction, strict: bool, n: int) -> int:
    if n == 0:
        return 0
    exact = share * n
    if strict:
        return exact.numerator // exact.denominator + 1
    return -((-exact.numerator) // exact.denominator)


def brute_force(
    config: RoundConfig, scored: dict[str, ScoredApplication], with_quotas: bool = True
) -> frozenset[str]:
    """The selection, seat transfer included."""
    cands = _candidates(scored)
    chosen = set(brute_force_optimised(config, scored, with_quotas))
    if config.selection.seat_transfer:
        pool = sum(
            max(0, t.seats - sum(1 for a in cands if a.id in chosen and a.track == t.id))
            for t in config.tracks
        )
        for a in cands:
            budget = next(t.budget for t in config.tracks if t.id == a.track)
            spent = sum(b.amount for b in cands if b.id in chosen and b.track == a.track)
            if pool and a.id not in chosen and (budget is None or spent + a.amount <= budget):
                chosen.add(a.id)
                pool -= 1
    return frozenset(chosen)


def _candidates(scored: dict[str, ScoredApplication]) -> list[ScoredApplication]:
    return sorted((a for a in scored.values() if a.status is None), key=lambda a: a.order)


def brute_force_optimised(
    config: RoundConfig, scored: dict[str, ScoredApplication], with_quotas: bool = True
) -> frozenset[str]:
    """The best subset by the objective, then the global order (before seat transfer)."""
    cands = _candidates(scored)
    n = len(cands)
    rows = (np.arange(2**n)[:, None] >> np.arange(n)) & 1 if n else np.zeros((1, 0), int)
    feasible = np.ones(len(rows), dtype=bool)
    for track in config.tracks:
        member = np.array([a.track == track.id for a in cands], dtype=int)
        feasible &= rows @ member <= track.seats
        if track.budget is not None:
            amounts = np.array([a.amount if a.track == track.id else 0 for a in cands])
            feasible &= rows @ amounts <= track.budget
    short = np.zeros(len(rows), dtype=int)
    for quota in config.quotas if with_quotas else ():
        scopes = [[t] for t in quota.tracks] if quota.scope == "each" else [list(quota.tracks)]
        for scope in scopes:
            in_scope = np.array([a.track in scope for a in cands], dtype=int)
            covered = np.array(
                [a.track in scope and a.ai_category in quota.categories for a in cands], dtype=int
            )
            counts, goods = rows @ in_scope, rows @ covered
            need = np.array([_required(quota.share, quota.strict, int(c)) for c in counts])
            short += np.maximum(0, need - goods)
    score = rows @ np.array([int(a.final * 100) for a in cands], dtype=np.int64)
    values = {"fill": rows.sum(axis=1), "quota": -short, "score": score}
    alive = feasible
    for name in config.selection.objective:
        best = values[name][alive].max()
        alive &= values[name] == best
    for k in range(n):  # earliest candidate in the global order wins
        if (rows[alive, k] == 1).any():
            alive &= rows[:, k] == 1
    (row,) = np.flatnonzero(alive)
    return frozenset(a.id for a, bit in zip(cands, rows[row], strict=True) if bit)


# -- random rounds -----------------------------------------------------------------------


def make_round(
    seed: int,
    size: int,
    *,
    tracks: int = 3,
    quotas: int = 2,
    budgets: bool = True,
    objective: tuple[str, ...] | None = None,
    transfer: bool | None = None,
    seats: int = 3,
    seoul: bool = False,
    finals: Sequence[Decimal] = FINALS,
) -> tuple[RoundConfig, dict[str, ScoredApplication]]:
    """A random round. ``seoul``: the template's shape — one quota per linked track and
    one over several tracks — with random categories, shares and strictness."""
    rng = random.Random(seed)
    track_list = tuple(
        Track(
            id=f"t{k}",
            name=f"track {k}",
            seats=rng.randint(0, seats),
            criteria=CRITERIA,
            budget=rng.choice([None, rng.randint(0, 25)]) if budgets else None,
            linked=k % 2 == 0,
        )
        for k in range(tracks)
    )
    quota_list = []
    count = 2 if seoul else rng.randint(0, quotas)
    for k in range(count):
        cats = frozenset(c for c in CATEGORIES if rng.random() < 0.5) or frozenset({"AI"})
        scope = tuple(t.id for t in track_list if rng.random() < 0.6) or (track_list[0].id,)
        if seoul:
            scope = tuple(t.id for t in track_list if t.linked) if k == 0 else scope
        quota_list.append(
            Quota(
                name=f"quota {k}",
                categories=cats,
                tracks=scope,
                scope=("each" if k == 0 else "combined")
                if seoul
                else rng.choice(["each", "combined"]),
                share=rng.choice(SHARES),
                strict=rng.random() < 0.5,
            )
        )
    config = RoundConfig(
        name="random",
        year=2025,
        tracks=track_list,
        criteria=CRITERIA,
        quotas=tuple(quota_list),
        selection=SelectionRules(
            objective=objective or rng.choice(OBJECTIVES),
            seat_transfer=rng.random() < 0.4 if transfer is None else transfer,
        ),
    )
    apps = []
    for k in range(size):
        final = rng.choice(finals) if size <= 40 else Decimal(rng.randint(140, 199)) / 2
        apps.append((final, rng.random(), f"a{k:03d}"))
    apps.sort(key=lambda x: (-x[0], x[1]))
    scored: dict[str, ScoredApplication] = {}
    for order, (final, _, app_id) in enumerate(apps):
        scored[app_id] = scored_app(
            app_id,
            rng.choice(track_list).id,
            rng.choice(CATEGORIES),
            rng.randint(0, 9),
            final,
            order,
        )
    for k in range(rng.randint(0, 2)):  # non-candidates keep their status
        app_id = f"x{k}"
        status = rng.choice([Status.BELOW_CUTOFF, Status.INELIGIBLE, Status.INCOMPLETE])
        scored[app_id] = replace(
            scored_app(app_id, track_list[0].id, "AI", 1, None, None), status=status
        )
    return config, scored


def scored_app(
    app_id: str, track: str, category: str, amount: int, final: Decimal | None, order: int | None
) -> ScoredApplication:
    return ScoredApplication(
        id=app_id,
        track=track,
        ai_category=category,
        amount=amount,
        reviews=3,
        reviewer_totals={},
        adjusted_totals={},
        criterion_means={},
        aggregate=None,
        final=final,
        status=None,
        rank=None,
        order=order,
    )


def check_consistent(outcome: SelectionOutcome, scored: dict[str, ScoredApplication]) -> None:
    assert set(outcome.decisions) == set(scored)
    for app_id, decision in outcome.decisions.items():
        status = decision.status
        assert status.is_selected == (app_id in outcome.selected)
        assert (status in (Status.SELECTED, Status.DISPLACED_BY_QUOTA)) == (app_id in outcome.merit)
        if scored[app_id].status is not None:
            assert status == scored[app_id].status
        if status in (Status.SELECTED_BY_QUOTA, Status.DISPLACED_BY_QUOTA):
            assert decision.explanation is not None and decision.explanation.quota
    assert outcome.shortfall == sum(q.shortfall for q in outcome.quotas)
    assert outcome.total_score == sum((scored[i].final or 0 for i in outcome.selected), Decimal(0))


# -- properties --------------------------------------------------------------------------

SMALL = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SMALL
@given(seed=st.integers(0, 10**9), size=st.integers(0, 12))
def test_ilp_equals_brute_force(seed: int, size: int) -> None:
    config, scored = make_round(seed, size)
    outcome = select(config, scored, solver="ilp")
    assert outcome.selected == brute_force(config, scored)
    assert outcome.merit == brute_force(config, scored, with_quotas=False)
    check_consistent(outcome, scored)
    assert select(config, scored, solver="ilp") == outcome


TIED = [Decimal("80.00"), Decimal("80.00"), Decimal("80.00"), Decimal("75.00")]


@SMALL
@given(seed=st.integers(0, 10**9), size=st.integers(4, 13))
def test_ilp_equals_brute_force_among_many_ties(seed: int, size: int) -> None:
    """Mostly equal finals and binding budgets: many optimal selections, most of them
    exchanges of interchangeable candidates, between which the global order decides."""
    config, scored = make_round(seed, size, seats=6, finals=TIED)
    outcome = select(config, scored, solver="ilp")
    assert outcome.selected == brute_force(config, scored)
    assert outcome.merit == brute_force(config, scored, with_quotas=False)
    check_consistent(outcome, scored)


@SMALL
@given(seed=st.integers(0, 10**9), size=st.integers(0, 12))
def test_fast_equals_brute_force(seed: int, size: int) -> None:
    config, scored = make_round(seed, size, objective=None)
    config = replace(
        config,
        selection=replace(
            config.selection,
            objective=(
                "fill",
                *random.Random(seed).choice([("quota", "score"), ("score", "quota")]),
            ),
        ),
    )
    try:
        outcome = select(config, scored, solver="fast")
    except FastPathUnavailable:
        assume(False)
        return
    assert outcome.method == "fast"
    assert outcome.selected == brute_force(config, scored)
    assert outcome.merit == brute_force(config, scored, with_quotas=False)
    check_consistent(outcome, scored)


@settings(max_examples=150, deadline=None)
@given(
    seed=st.integers(0, 10**9),
    size=st.integers(4, 12),
    unit=st.sampled_from([10**8 + 7, 123_456_789, 40_000_000]),
)
def test_ilp_exact_with_amounts_in_won(seed: int, size: int, unit: int) -> None:
    """Amounts and budgets of KRW size, a few won apart: beyond a floating-point
    solver's tolerance, so the exact checks must decide."""
    config, scored = make_round(seed, size, seats=6)
    noise = random.Random(seed)
    config = replace(
        config,
        tracks=tuple(
            replace(
                t,
                budget=None if t.budget is None else max(0, t.budget * unit + noise.randint(-3, 3)),
            )
            for t in config.tracks
        ),
    )
    scored = {
        key: replace(app, amount=app.amount * unit + noise.randint(0, 5))
        for key, app in scored.items()
    }
    outcome = select(config, scored, solver="ilp")
    assert outcome.selected == brute_force(config, scored)
    assert outcome.merit == brute_force(config, scored, with_quotas=False)
    for track in config.tracks:
        used = next(t.budget_used for t in outcome.tracks if t.id == track.id)
        assert track.budget is None or used <= track.budget


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 10**9), size=st.integers(13, 14))
def test_largest_small_rounds(seed: int, size: int) -> None:
    config, scored = make_round(seed, size, tracks=2, seats=5)
    outcome = select(config, scored, solver="auto")
    assert outcome.selected == brute_force(config, scored)
    assert outcome.merit == brute_force(config, scored, with_quotas=False)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**9), size=st.integers(200, 500))
def test_fast_agrees_with_ilp_on_larger_rounds(seed: int, size: int) -> None:
    config, scored = make_round(
        seed,
        size,
        tracks=5,
        budgets=False,
        objective=("fill", "quota", "score"),
        seats=30,
        seoul=True,
    )
    fast = select(config, scored, solver="fast")
    ilp = select(config, scored, solver="ilp")
    assert fast.method == "fast" and ilp.method == "ilp"
    assert fast.selected == ilp.selected
    assert fast.merit == ilp.merit
    assert fast.decisions == ilp.decisions
    assert fast.quotas == ilp.quotas


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 10**9), size=st.integers(0, 11))
def test_without_explanations_only_the_explanations_are_left_out(seed: int, size: int) -> None:
    config, scored = make_round(seed, size, quotas=3)
    full = select(config, scored)
    preview = select(config, scored, explanations=False)
    decisions = {k: replace(d, explanation=None) for k, d in full.decisions.items()}
    assert preview == replace(full, decisions=decisions, explained=False)


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 10**9), size=st.integers(2, 11))
def test_attribution_matches_brute_force(seed: int, size: int) -> None:
    """The quota named in an explanation is the first whose removal alone restores the
    application's merit status; a combination is named when no single removal does."""
    config, scored = make_round(seed, size, quotas=3)
    outcome = select(config, scored)
    restored: dict[str, frozenset[str]] = {}
    for number, quota in enumerate(config.quotas):
        without = replace(config, quotas=config.quotas[:number] + config.quotas[number + 1 :])
        restored[quota.name] = brute_force(without, scored)
    for app_id, decision in outcome.decisions.items():
        if decision.status not in (Status.SELECTED_BY_QUOTA, Status.DISPLACED_BY_QUOTA):
            continue
        assert decision.explanation is not None
        back = [
            name
            for name, selection in restored.items()
            if (app_id in selection) == (app_id in outcome.merit)
        ]
        if back:
            assert decision.explanation.quota == back[0]
        else:
            assert decision.explanation.quota == " + ".join(q.name for q in config.quotas)
        for counterpart, final in decision.explanation.counterparts:
            assert scored[counterpart].final == final
            assert outcome.decisions[counterpart].status in (
                Status.SELECTED_BY_QUOTA,
                Status.DISPLACED_BY_QUOTA,
            )
            assert outcome.decisions[counterpart].status != decision.status


def brute_force_shortfall(
    config: RoundConfig, scored: dict[str, ScoredApplication], selection: frozenset[str]
) -> int:
    """Σ over quota constraints of max(0, required − achieved), counted from the rules."""
    total = 0
    for quota in config.quotas:
        scopes = [[t] for t in quota.tracks] if quota.scope == "each" else [list(quota.tracks)]
        for scope in scopes:
            chosen = [scored[i] for i in selection if scored[i].track in scope]
            good = sum(1 for a in chosen if a.ai_category in quota.categories)
            total += max(0, _required(quota.share, quota.strict, len(chosen)) - good)
    return total


def brute_force_ties(
    config: RoundConfig, scored: dict[str, ScoredApplication]
) -> tuple[BoundaryTie, ...]:
    """Exchange every selected application with every unselected candidate of its track
    with the same final; a tie where the exchange keeps the number selected, the total
    shortfall and every budget — of the final selection and, for an application the
    optimisation chose (not a transfer), of the selection before transfer."""
    optimised = brute_force_optimised(config, scored)
    selected = brute_force(config, scored)
    cands = _candidates(scored)
    found: set[tuple[str, Decimal]] = set()
    for s in cands:
        for u in cands:
            if s.id not in selected or u.id in selected:
                continue
            if s.track != u.track or s.final != u.final:
                continue
            exchanged = (selected - {s.id}) | {u.id}
            track = next(t for t in config.tracks if t.id == s.track)
            spent = sum(scored[i].amount for i in exchanged if scored[i].track == track.id)
            if track.budget is not None and spent > track.budget:
                continue
            if len(exchanged) != len(selected):
                continue
            short = brute_force_shortfall(config, scored, selected)
            if brute_force_shortfall(config, scored, exchanged) != short:
                continue
            if s.id in optimised:
                before = brute_force_shortfall(config, scored, optimised)
                after = brute_force_shortfall(config, scored, (optimised - {s.id}) | {u.id})
                if after != before:
                    continue
            assert s.final is not None
            found.add((s.track, s.final))
    return tuple(
        BoundaryTie(
            track=track.id,
            final_score=final,
            ids=tuple(a.id for a in cands if a.track == track.id and a.final == final),
        )
        for track in config.tracks
        for final in sorted({f for t, f in found if t == track.id}, reverse=True)
    )


TIE_FINALS = [Decimal(v) for v in ("90.00", "85.00", "85.00", "80.00", "80.00", "80.00")]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**9), size=st.integers(2, 11), coarse=st.booleans())
def test_boundary_ties_match_every_exchange(seed: int, size: int, coarse: bool) -> None:
    """The reported ties are exactly the tracks and finals where some exchange of a
    selected and an unselected candidate with that final is equally good."""
    config, scored = make_round(seed, size, quotas=3, finals=TIE_FINALS if coarse else FINALS)
    outcome = select(config, scored)
    assert outcome.selected == brute_force(config, scored)
    assert outcome.boundary_ties == brute_force_ties(config, scored)
