"""Selection on hand-built rounds: statuses, explanations, quota figures, ties, budgets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import cast

import pytest

from reviewer.domain.config import Criterion, Quota, RoundConfig, SelectionRules, Track
from reviewer.domain.model import (
    Decision,
    Explanation,
    ScoredApplication,
    SelectionOutcome,
    Status,
)
from reviewer.domain.selection import (
    FastPathUnavailable,
    Solver,
    render_explanation,
    render_quota_why,
    select,
)

RUBRIC = (Criterion(id="tech", name="기술성", weight=100, min=0, max=100),)
LINKED = "연계 트랙 AI 30% 이상"
MAJORITY = "전체 선정 AI 과반"

Row = tuple[str, str, str, str] | tuple[str, str, str, str, int]


def track(tid: str, seats: int, budget: int | None = None, linked: bool = False) -> Track:
    return Track(id=tid, name=tid, seats=seats, criteria=RUBRIC, budget=budget, linked=linked)


def linked_quota(tracks: Sequence[str]) -> Quota:
    return Quota(
        name=LINKED,
        categories=frozenset({"AI", "AI+X"}),
        tracks=tuple(tracks),
        scope="each",
        share=Fraction(3, 10),
    )


def majority_quota(tracks: Sequence[str]) -> Quota:
    return Quota(
        name=MAJORITY,
        categories=frozenset({"AI", "AI+X"}),
        tracks=tuple(tracks),
        scope="combined",
        share=Fraction(1, 2),
        strict=True,
    )


def round_config(
    tracks: Sequence[Track],
    quotas: Sequence[Quota] = (),
    objective: Sequence[str] = ("fill", "quota", "score"),
    seat_transfer: bool = False,
) -> RoundConfig:
    return RoundConfig(
        name="test",
        year=2025,
        tracks=tuple(tracks),
        criteria=RUBRIC,
        quotas=tuple(quotas),
        selection=SelectionRules(objective=tuple(objective), seat_transfer=seat_transfer),
    )


def scored_round(
    rows: Sequence[Row], others: Sequence[tuple[str, str, Status]] = ()
) -> dict[str, ScoredApplication]:
    """Candidates (id, track, final, category[, amount]) in the global order: final
    descending, then id; and non-candidates (id, track, status)."""
    ordered = sorted(rows, key=lambda r: (-Decimal(r[2]), r[0]))
    scored: dict[str, ScoredApplication] = {}
    ranks: dict[str, int] = {}
    for order, row in enumerate(ordered):
        app_id, track_id, final, category = row[:4]
        amount = row[4] if len(row) == 5 else 100
        ranks[track_id] = ranks.get(track_id, 0) + 1
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
            final=Decimal(final),
            status=None,
            rank=ranks[track_id],
            order=order,
        )
    for app_id, track_id, status in others:
        scored[app_id] = ScoredApplication(
            id=app_id,
            track=track_id,
            ai_category="none",
            amount=0,
            reviews=2,
            reviewer_totals={},
            adjusted_totals={},
            criterion_means={},
            aggregate=None,
            final=None if status is not Status.BELOW_CUTOFF else Decimal("60.00"),
            status=status,
        )
    return scored


def statuses(decisions: Mapping[str, Decision]) -> dict[str, Status]:
    return {key: decision.status for key, decision in decisions.items()}


# -- a worked round ---------------------------------------------------------------------

WORKED_TRACKS = (
    track("tips", 3, linked=True),
    track("kibo", 2, linked=True),
    track("challenge", 2),
)
WORKED_ROWS: list[Row] = [
    ("T1", "tips", "90.00", "none"),
    ("T2", "tips", "88.00", "none"),
    ("T3", "tips", "86.00", "none"),
    ("T4", "tips", "84.35", "AI"),
    ("T5", "tips", "80.00", "none"),
    ("K1", "kibo", "89.00", "AI+X"),
    ("K2", "kibo", "85.00", "none"),
    ("K3", "kibo", "83.00", "none"),
    ("C1", "challenge", "95.00", "none"),
    ("C2", "challenge", "87.00", "AI"),
    ("C3", "challenge", "82.00", "AI"),
]


@pytest.fixture(params=["auto", "fast", "ilp"])
def solver(request: pytest.FixtureRequest) -> Solver:
    return cast(Solver, request.param)


def worked_outcome(solver: Solver) -> SelectionOutcome:
    config = round_config(
        WORKED_TRACKS,
        [linked_quota(["tips", "kibo"]), majority_quota(["tips", "kibo", "challenge"])],
    )
    scored = scored_round(
        WORKED_ROWS,
        [
            ("X1", "tips", Status.INELIGIBLE),
            ("X2", "kibo", Status.INCOMPLETE),
            ("X3", "challenge", Status.BELOW_CUTOFF),
        ],
    )
    return select(config, scored, solver=solver)


def test_worked_round_statuses(solver: Solver) -> None:
    outcome = worked_outcome(solver)
    assert outcome.merit == {"T1", "T2", "T3", "K1", "K2", "C1", "C2"}
    assert outcome.selected == {"T1", "T2", "T4", "K1", "K2", "C2", "C3"}
    assert statuses(outcome.decisions) == {
        "T1": Status.SELECTED,
        "T2": Status.SELECTED,
        "T3": Status.DISPLACED_BY_QUOTA,
        "T4": Status.SELECTED_BY_QUOTA,
        "T5": Status.NOT_SELECTED,
        "K1": Status.SELECTED,
        "K2": Status.SELECTED,
        "K3": Status.NOT_SELECTED,
        "C1": Status.DISPLACED_BY_QUOTA,
        "C2": Status.SELECTED,
        "C3": Status.SELECTED_BY_QUOTA,
        "X1": Status.INELIGIBLE,
        "X2": Status.INCOMPLETE,
        "X3": Status.BELOW_CUTOFF,
    }
    assert outcome.method == ("ilp" if solver == "ilp" else "fast")
    assert outcome.shortfall == 0
    assert outcome.total_score == Decimal("90.00") + Decimal("88.00") + Decimal("84.35") + Decimal(
        "89.00"
    ) + Decimal("85.00") + Decimal("87.00") + Decimal("82.00")


def test_worked_round_explanations(solver: Solver) -> None:
    decisions = worked_outcome(solver).decisions
    # Without the majority quota alone, challenge goes back to its merit selection.
    assert decisions["C3"].explanation == Explanation(
        kind="selected_over",
        quota=MAJORITY,
        counterparts=(("C1", Decimal("95.00")),),
        gap=Decimal("-13.00"),
    )
    assert decisions["C1"].explanation == Explanation(
        kind="displaced_by",
        quota=MAJORITY,
        counterparts=(("C3", Decimal("82.00")),),
        gap=Decimal("13.00"),
    )
    # In tips both quotas demand T4: removing either one alone changes nothing there.
    both = f"{LINKED} + {MAJORITY}"
    t4 = decisions["T4"].explanation
    assert t4 is not None and t4.quota == both and t4.counterparts == (("T3", Decimal("86.00")),)
    assert decisions["T1"].explanation is None
    assert decisions["X1"].explanation is None
    assert (
        render_explanation(decisions["C3"].explanation, "en")
        == f"{MAJORITY}: selected over C1 (95.00)"
    )
    assert (
        render_explanation(decisions["C1"].explanation, "ko")
        == f"{MAJORITY}: C3 (82.00점)에 밀려 미선정"
    )


def test_without_explanations_everything_else_is_the_same(solver: Solver) -> None:
    config = round_config(
        WORKED_TRACKS,
        [linked_quota(["tips", "kibo"]), majority_quota(["tips", "kibo", "challenge"])],
    )
    scored = scored_round(WORKED_ROWS, [("X1", "tips", Status.INELIGIBLE)])
    full = select(config, scored, solver=solver)
    preview = select(config, scored, solver=solver, explanations=False)
    assert full.explained and not preview.explained
    assert any(d.explanation is not None for d in full.decisions.values())
    assert all(d.explanation is None for d in preview.decisions.values())
    assert statuses(preview.decisions) == statuses(full.decisions)
    assert preview.decisions.keys() == full.decisions.keys()
    assert (preview.selected, preview.merit, preview.quotas, preview.tracks) == (
        full.selected,
        full.merit,
        full.quotas,
        full.tracks,
    )
    assert (preview.boundary_ties, preview.shortfall, preview.total_score, preview.method) == (
        full.boundary_ties,
        full.shortfall,
        full.total_score,
        full.method,
    )


def test_worked_round_quotas_and_tracks(solver: Solver) -> None:
    outcome = worked_outcome(solver)
    figures = [
        (q.name, q.track, q.tracks, q.required, q.achieved, q.shortfall, q.why)
        for q in outcome.quotas
    ]
    assert figures == [
        (LINKED, "tips", ("tips",), 1, 1, 0, ""),
        (LINKED, "kibo", ("kibo",), 1, 1, 0, ""),
        (MAJORITY, None, ("tips", "kibo", "challenge"), 4, 4, 0, ""),
    ]
    assert [(t.id, t.seats, t.selected, t.budget_used) for t in outcome.tracks] == [
        ("tips", 3, 3, 300),
        ("kibo", 2, 2, 200),
        ("challenge", 2, 2, 200),
    ]
    assert outcome.boundary_ties == ()


def test_design_example_reason() -> None:
    config = round_config([track("tips", 2, linked=True)], [linked_quota(["tips"])])
    scored = scored_round(
        [
            ("2025-0107", "tips", "84.90", "none"),
            ("2025-0003", "tips", "86.00", "none"),
            ("2025-0001", "tips", "84.35", "AI+X"),
        ]
    )
    outcome = select(config, scored)
    explanation = outcome.decisions["2025-0001"].explanation
    assert explanation is not None
    assert (
        render_explanation(explanation, "en")
        == "연계 트랙 AI 30% 이상: selected over 2025-0107 (84.90)"
    )
    assert (
        render_explanation(explanation, "ko")
        == "연계 트랙 AI 30% 이상: 2025-0107 (84.90점) 대신 선정"
    )
    assert explanation.gap == Decimal("-0.55")


def test_swaps_pair_best_entrant_with_weakest_displaced() -> None:
    config = round_config(
        [track("tips", 4)],
        [
            Quota(
                name="half",
                categories=frozenset({"AI"}),
                tracks=("tips",),
                scope="each",
                share=Fraction(1, 2),
            )
        ],
    )
    scored = scored_round(
        [
            ("N1", "tips", "95.00", "none"),
            ("N2", "tips", "94.00", "none"),
            ("N3", "tips", "93.00", "none"),
            ("N4", "tips", "92.00", "none"),
            ("A1", "tips", "91.00", "AI"),
            ("A2", "tips", "90.00", "AI"),
        ]
    )
    decisions = select(config, scored).decisions
    partners = {
        key: d.explanation.counterparts[0][0]
        for key, d in decisions.items()
        if d.explanation is not None
    }
    assert partners == {"A1": "N4", "A2": "N3", "N4": "A1", "N3": "A2"}


# -- quotas that fall short ------------------------------------------------------------


def test_too_few_candidates_of_the_category() -> None:
    config = round_config(
        [track("tips", 10, linked=True)],
        [
            Quota(
                name=LINKED,
                categories=frozenset({"AI"}),
                tracks=("tips",),
                scope="each",
                share=Fraction(3, 10),
            )
        ],
    )
    rows: list[Row] = [(f"N{k}", "tips", f"{90 - k}.00", "none") for k in range(9)]
    rows.append(("A0", "tips", "70.00", "AI"))
    (quota,) = select(config, scored_round(rows)).quotas
    assert (quota.required, quota.achieved, quota.shortfall) == (3, 1, 2)
    assert quota.why == "selection.why.too_few"
    assert (
        render_quota_why(quota, "en")
        == "only 1 AI applications pass the cutoff in tips (3 required)"
    )
    assert (
        render_quota_why(quota, "ko") == "tips에서 컷오프를 통과한 AI 과제가 1건뿐입니다 (필요 3건)"
    )


def test_seats_hold_too_few() -> None:
    # Plenty of AI candidates overall, but all in a track with one seat.
    config = round_config([track("a", 1), track("b", 3)], [majority_quota(["a", "b"])])
    rows: list[Row] = [
        ("A1", "a", "90.00", "AI"),
        ("A2", "a", "89.00", "AI"),
        ("A3", "a", "88.00", "AI"),
        ("B1", "b", "87.00", "none"),
        ("B2", "b", "86.00", "none"),
        ("B3", "b", "85.00", "none"),
    ]
    (quota,) = select(config, scored_round(rows)).quotas
    assert (quota.required, quota.achieved, quota.shortfall) == (3, 1, 2)
    assert quota.why == "selection.why.seats"
    assert quota.why_params["capacity"] == 1


def test_budget_prevents_quota() -> None:
    config = round_config(
        [track("tips", 2, budget=300)],
        [Quota(name="ai", categories=frozenset({"AI"}), tracks=("tips",), share=Fraction(1, 2))],
    )
    rows: list[Row] = [
        ("N1", "tips", "90.00", "none", 100),
        ("N2", "tips", "89.00", "none", 100),
        ("A1", "tips", "95.00", "AI", 250),
    ]
    outcome = select(config, scored_round(rows))
    assert outcome.selected == {"N1", "N2"}  # filling both seats comes first
    (quota,) = outcome.quotas
    assert quota.shortfall == 1 and quota.why == "selection.why.budget"
    assert "tips" in render_quota_why(quota, "en")
    assert outcome.method == "ilp"
    with pytest.raises(FastPathUnavailable):
        select(config, scored_round(rows), solver="fast")


def test_fill_not_first_uses_the_ilp() -> None:
    config = round_config([track("a", 2)], objective=("quota", "fill", "score"))
    scored = scored_round([("A1", "a", "90.00", "none"), ("A2", "a", "80.00", "AI")])
    outcome = select(config, scored)
    assert outcome.method == "ilp" and outcome.selected == {"A1", "A2"}
    with pytest.raises(FastPathUnavailable):
        select(config, scored, solver="fast")


def test_objective_before_quota() -> None:
    config = round_config(
        [track("tips", 1)],
        [Quota(name="ai", categories=frozenset({"AI"}), tracks=("tips",), share=Fraction(1, 2))],
        objective=("score", "quota", "fill"),
    )
    outcome = select(
        config, scored_round([("N1", "tips", "90.00", "none"), ("A1", "tips", "80.00", "AI")])
    )
    (quota,) = outcome.quotas
    assert outcome.selected == {"N1"}
    assert quota.why == "selection.why.objective"
    assert render_quota_why(quota, "en").startswith("an objective ranked before the quota")


def test_quota_over_an_empty_selection_requires_nothing() -> None:
    config = round_config(
        [track("tips", 3, linked=True), track("kibo", 0, linked=True), track("other", 2)],
        [linked_quota(["tips", "kibo"]), majority_quota(["kibo"])],
    )
    outcome = select(
        config, scored_round([("O1", "other", "90.00", "none"), ("K1", "kibo", "88.00", "AI")])
    )
    assert outcome.selected == {"O1"}
    for quota in outcome.quotas:
        assert (quota.required, quota.achieved, quota.shortfall, quota.why) == (0, 0, 0, "")
    assert render_quota_why(outcome.quotas[0], "en") == ""


def test_strict_majority_needs_more_than_half() -> None:
    config = round_config([track("a", 4)], [majority_quota(["a"])])
    rows: list[Row] = [
        ("N1", "a", "99.00", "none"),
        ("N2", "a", "98.00", "none"),
        ("N3", "a", "97.00", "none"),
        ("A1", "a", "80.00", "AI"),
        ("A2", "a", "79.00", "AI+X"),
        ("A3", "a", "78.00", "AI"),
    ]
    outcome = select(config, scored_round(rows))
    assert outcome.selected == {"N1", "A1", "A2", "A3"}  # 3 of 4: 2 would be only half
    assert outcome.quotas[0].required == 3


# -- ties, budgets, transfers ----------------------------------------------------------


def test_boundary_tie_lists_every_candidate_with_that_final() -> None:
    config = round_config([track("a", 2), track("b", 1)])
    rows: list[Row] = [
        ("A1", "a", "90.00", "none"),
        ("A3", "a", "85.00", "none"),
        ("A2", "a", "85.00", "none"),
        ("A4", "a", "85.00", "none"),
        ("B1", "b", "80.00", "none"),
        ("B2", "b", "79.99", "none"),
    ]
    outcome = select(config, scored_round(rows))
    assert outcome.selected == {"A1", "A2", "B1"}  # the global order (id) decides the tie
    (tie,) = outcome.boundary_ties
    assert (tie.track, tie.final_score, tie.ids) == ("a", Decimal("85.00"), ("A2", "A3", "A4"))


def test_budget_binds() -> None:
    config = round_config([track("a", 3, budget=500)])
    rows: list[Row] = [
        ("A1", "a", "95.00", "none", 400),
        ("A2", "a", "90.00", "none", 200),
        ("A3", "a", "85.00", "none", 200),
        ("A4", "a", "80.00", "none", 100),
    ]
    outcome = select(config, scored_round(rows))
    # Three selections fit only without A1; fill comes before score.
    assert outcome.selected == {"A2", "A3", "A4"}
    assert outcome.tracks[0].budget_used == 500
    assert outcome.method == "ilp"


def test_budget_that_does_not_bind_keeps_the_fast_path() -> None:
    config = round_config([track("a", 2, budget=10_000)])
    rows: list[Row] = [
        ("A1", "a", "95.00", "none", 400),
        ("A2", "a", "90.00", "none", 200),
        ("A3", "a", "85.00", "none", 200),
    ]
    outcome = select(config, scored_round(rows), solver="fast")
    assert outcome.selected == {"A1", "A2"} and outcome.method == "fast"


def test_seat_transfer() -> None:
    config = round_config(
        [track("a", 3), track("b", 1), track("c", 1, budget=150)], seat_transfer=True
    )
    rows: list[Row] = [
        ("A1", "a", "70.00", "none"),
        ("B1", "b", "95.00", "none"),
        ("B2", "b", "93.00", "none"),
        ("C1", "c", "94.00", "none", 100),
        ("C2", "c", "92.00", "none", 100),
        ("B3", "b", "91.00", "none"),
    ]
    outcome = select(config, scored_round(rows))
    # a leaves two seats empty; C2 would exceed c's budget, so B2 and B3 take them.
    assert outcome.selected == {"A1", "B1", "C1", "B2", "B3"}
    assert outcome.merit == outcome.selected
    b2 = outcome.decisions["B2"]
    assert b2.status is Status.SELECTED
    assert b2.explanation == Explanation(kind="seat_transfer", from_track="a")
    assert render_explanation(b2.explanation, "en") == "seat transfer from a"
    assert render_explanation(b2.explanation, "ko") == "a 트랙에서 좌석 이전"
    assert [(t.id, t.selected) for t in outcome.tracks] == [("a", 1), ("b", 3), ("c", 1)]
    assert outcome.decisions["C2"].status is Status.NOT_SELECTED


def test_seat_transfer_counts_in_own_track_quota() -> None:
    config = round_config(
        [track("a", 2), track("b", 1)],
        [Quota(name="ai-b", categories=frozenset({"AI"}), tracks=("b",), share=Fraction(1, 2))],
        seat_transfer=True,
    )
    rows: list[Row] = [
        ("A1", "a", "90.00", "none"),
        ("B1", "b", "85.00", "AI"),
        ("B2", "b", "84.00", "none"),
    ]
    outcome = select(config, scored_round(rows))
    assert outcome.selected == {"A1", "B1", "B2"}
    (quota,) = outcome.quotas
    assert (quota.required, quota.achieved, quota.shortfall) == (1, 1, 0)
    assert outcome.tracks[1].selected == 2


def test_seat_transfer_can_lower_a_share() -> None:
    config = round_config(
        [track("a", 2), track("b", 1)],
        [Quota(name="ai-b", categories=frozenset({"AI"}), tracks=("b",), share=Fraction(2, 3))],
        seat_transfer=True,
    )
    rows: list[Row] = [
        ("A1", "a", "90.00", "none"),
        ("B1", "b", "85.00", "AI"),
        ("B2", "b", "84.00", "none"),
        ("B3", "b", "70.00", "AI"),
    ]
    (quota,) = select(config, scored_round(rows)).quotas
    assert (quota.required, quota.achieved) == (2, 1)
    assert quota.why == "selection.why.transfer"


def test_transfer_reason_follows_the_final_selection() -> None:
    config = round_config(
        [track("a", 1), track("b", 1)],
        [Quota(name="ai", categories=frozenset({"AI"}), tracks=("a",), share=Fraction(1, 2))],
        seat_transfer=True,
    )
    # Merit: a takes N1, b (no candidates) leaves a seat, transferred to A2.
    # With the quota: a takes A2, the pool seat goes to N1.
    rows: list[Row] = [("N1", "a", "90.00", "none"), ("A2", "a", "80.00", "AI")]
    outcome = select(config, scored_round(rows))
    assert outcome.selected == outcome.merit == {"N1", "A2"}
    n1 = outcome.decisions["N1"]
    assert n1.status is Status.SELECTED
    assert n1.explanation == Explanation(kind="seat_transfer", from_track="b")


# -- contract --------------------------------------------------------------------------


def test_same_inputs_same_outcome_whatever_the_mapping_order() -> None:
    config = round_config(WORKED_TRACKS, [linked_quota(["tips", "kibo"])])
    scored = scored_round(WORKED_ROWS)
    reversed_scored = dict(reversed(list(scored.items())))
    first = select(config, scored)
    assert select(config, reversed_scored).selected == first.selected
    assert select(config, scored) == first


def test_no_candidates() -> None:
    config = round_config([track("a", 2)], [majority_quota(["a"])])
    outcome = select(config, scored_round([], [("X", "a", Status.INCOMPLETE)]))
    assert outcome.selected == frozenset() and outcome.total_score == 0
    assert outcome.decisions["X"].status is Status.INCOMPLETE
    assert outcome.quotas[0].required == 0


def test_candidate_without_order_is_refused() -> None:
    config = round_config([track("a", 1)])
    scored = scored_round([("A1", "a", "90.00", "none")])
    broken = {"A1": ScoredApplication(**{**scored["A1"].__dict__, "order": None})}
    with pytest.raises(ValueError, match="global order"):
        select(config, broken)


def test_order_against_finals_is_refused() -> None:
    config = round_config([track("a", 2)])
    scored = scored_round([("A1", "a", "90.00", "none"), ("A2", "a", "80.00", "none")])
    swapped = {
        "A1": ScoredApplication(**{**scored["A1"].__dict__, "order": 1}),
        "A2": ScoredApplication(**{**scored["A2"].__dict__, "order": 0}),
    }
    with pytest.raises(ValueError, match="global order"):
        select(config, swapped)


def test_every_selection_message_renders_in_both_languages() -> None:
    from reviewer.i18n import catalog, render
    from reviewer.i18n.selection import MESSAGES

    params = {
        "quota": "q",
        "counterparts": "A (1.00)",
        "id": "A",
        "final": "1.00",
        "track": "tips",
        "tracks": "tips",
        "categories": "AI",
        "available": 1,
        "required": 2,
        "achieved": 1,
        "selected": 3,
        "capacity": 1,
        "objectives": "score",
        "budget_tracks": "tips",
        "seconds": "1.5",
        "status": "Time limit reached",
        "reason": "r",
    }
    for key in MESSAGES:
        assert key.startswith("selection.") and key in catalog()
        korean, english = render(key, "ko", **params), render(key, "en", **params)
        assert "{" not in korean + english


def test_render_transfer_with_quota_and_without_counterparts() -> None:
    both = Explanation(
        kind="seat_transfer",
        quota="q",
        from_track="b",
        counterparts=(("X", Decimal("80.00")), ("Y", Decimal("79.50"))),
    )
    assert (
        render_explanation(both, "en")
        == "seat transfer from b; q: selected over X (80.00), Y (79.50)"
    )
    assert (
        render_explanation(both, "ko")
        == "b 트랙에서 좌석 이전; q: X (80.00점), Y (79.50점) 대신 선정"
    )
    alone = Explanation(kind="displaced_by", quota="q")
    assert render_explanation(alone, "en") == "q: displaced by the quota"


def test_the_fast_path_counts_its_choices_before_making_them() -> None:
    from itertools import product

    from reviewer.domain.selection_fast import _compositions, _count_compositions

    for limits in product(range(4), repeat=3):
        for total in range(11):
            made = list(_compositions(total, list(limits)))
            assert _count_compositions(total, list(limits)) == len(made)
    assert _count_compositions(0, []) == 1 and _count_compositions(2, []) == 0
