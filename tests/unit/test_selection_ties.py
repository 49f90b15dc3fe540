"""Boundary ties (DESIGN §3.9) on hand-built rounds: where only the order decided."""

from __future__ import annotations

from fractions import Fraction

import pytest

from reviewer.domain.config import Quota
from reviewer.domain.model import BoundaryTie, Status
from reviewer.domain.selection import select
from tests.unit.test_selection import Row, round_config, scored_round, statuses, track


def ai_quota(share: Fraction, tracks: tuple[str, ...], scope: str = "each") -> Quota:
    return Quota(
        name="AI",
        categories=frozenset({"AI", "AI+X"}),
        tracks=tracks,
        scope=scope,
        share=share,
    )


def as_tuples(found: tuple[BoundaryTie, ...]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(tie.track, str(tie.final_score), tie.ids) for tie in found]


def test_ties_at_the_last_ai_seat_and_the_last_other_seat_under_a_quota() -> None:
    """Two of five seats go to AI: the quota reaches far below the merit line, and there
    the order alone decides between A2 and A3; above it, between N3 and N4."""
    config = round_config([track("a", 5)], [ai_quota(Fraction(2, 5), ("a",))])
    rows: list[Row] = [
        ("N1", "a", "95.00", "none"),
        ("N2", "a", "94.00", "none"),
        ("N3", "a", "92.00", "none"),
        ("N4", "a", "92.00", "none"),
        ("N5", "a", "90.00", "none"),
        ("A1", "a", "80.00", "AI"),
        ("A2", "a", "80.00", "AI+X"),
        ("A3", "a", "80.00", "AI"),
        ("N6", "a", "80.00", "none"),
        ("A4", "a", "79.00", "AI"),
    ]
    outcome = select(config, scored_round(rows))
    assert outcome.selected == {"N1", "N2", "N3", "A1", "A2"}
    assert outcome.shortfall == 0
    # Every candidate with the final is listed, N6 too (exchanging it for A2 would
    # leave the quota short: that pair alone would not be a tie).
    assert as_tuples(outcome.boundary_ties) == [
        ("a", "92.00", ("N3", "N4")),
        ("a", "80.00", ("A1", "A2", "A3", "N6")),
    ]


def test_an_ai_and_an_other_application_with_equal_finals_split_by_the_quota() -> None:
    config = round_config([track("a", 5)], [ai_quota(Fraction(2, 5), ("a",))])
    rows: list[Row] = [
        ("N1", "a", "95.00", "none"),
        ("N2", "a", "94.00", "none"),
        ("N3", "a", "93.00", "none"),
        ("A1", "a", "80.00", "AI"),
        ("A2", "a", "80.00", "AI"),
        ("N6", "a", "80.00", "none"),
    ]
    outcome = select(config, scored_round(rows))
    assert outcome.selected == {"N1", "N2", "N3", "A1", "A2"}
    assert outcome.boundary_ties == ()


@pytest.mark.parametrize(
    ("budget", "selected", "expected"),
    [
        # A2 first in the order, but with A1 only A3 fits: the budget decided.
        (300, {"A1", "A3"}, []),
        # Room for either: the order decided.
        (400, {"A1", "A2"}, [("a", "85.00", ("A2", "A3"))]),
    ],
)
def test_an_equal_pair_split_by_a_budget_is_not_a_tie(
    budget: int, selected: set[str], expected: list[tuple[str, str, tuple[str, ...]]]
) -> None:
    config = round_config([track("a", 2, budget=budget)])
    rows: list[Row] = [
        ("A1", "a", "90.00", "none", 100),
        ("A2", "a", "85.00", "none", 250),
        ("A3", "a", "85.00", "none", 200),
    ]
    outcome = select(config, scored_round(rows))
    assert outcome.selected == selected
    assert as_tuples(outcome.boundary_ties) == expected


def test_the_budget_left_by_the_dearest_selected_one_can_make_a_tie() -> None:
    """Any selected application with the final may leave: here only the dearer one
    makes room for A4."""
    config = round_config([track("a", 3, budget=600)])
    rows: list[Row] = [
        ("A1", "a", "85.00", "none", 100),
        ("A2", "a", "85.00", "none", 300),
        ("A3", "a", "85.00", "none", 150),
        ("A4", "a", "85.00", "none", 330),
    ]
    outcome = select(config, scored_round(rows))
    assert outcome.selected == {"A1", "A2", "A3"}  # 550; A4 with A1 and A2 is 730
    assert as_tuples(outcome.boundary_ties) == [("a", "85.00", ("A1", "A2", "A3", "A4"))]


def test_lowest_selected_and_best_unselected_still_tie() -> None:
    config = round_config([track("a", 2), track("b", 1)])
    rows: list[Row] = [
        ("A1", "a", "90.00", "none"),
        ("A2", "a", "85.00", "none"),
        ("A3", "a", "85.00", "AI"),
        ("B1", "b", "80.00", "none"),
        ("B2", "b", "80.00", "none"),
    ]
    outcome = select(config, scored_round(rows))
    assert outcome.selected == {"A1", "A2", "B1"}
    assert as_tuples(outcome.boundary_ties) == [
        ("a", "85.00", ("A2", "A3")),
        ("b", "80.00", ("B1", "B2")),
    ]


def test_a_pair_the_quota_split_stays_split_after_seat_transfer() -> None:
    """The optimisation takes Q over P for the quota; the seat transferred to X then
    leaves the final quota met either way. Still the quota, not the order, decided."""
    config = round_config(
        [track("a", 1), track("c", 1), track("b", 1)],
        [ai_quota(Fraction(1, 3), ("a", "c"), scope="combined")],
        seat_transfer=True,
    )
    rows: list[Row] = [
        ("Y", "c", "99.00", "none"),
        ("X", "c", "90.00", "AI"),
        ("P", "a", "85.00", "none"),
        ("Q", "a", "85.00", "AI"),
    ]
    outcome = select(config, scored_round(rows))
    assert outcome.selected == {"Y", "Q", "X"}
    assert statuses(outcome.decisions)["Q"] is Status.SELECTED_BY_QUOTA
    assert statuses(outcome.decisions)["P"] is Status.DISPLACED_BY_QUOTA
    assert outcome.shortfall == 0
    assert outcome.boundary_ties == ()


def test_a_transferred_application_ties_with_the_next_one() -> None:
    config = round_config([track("a", 1), track("b", 1)], seat_transfer=True)
    rows: list[Row] = [
        ("A1", "a", "90.00", "none"),
        ("A2", "a", "85.00", "none"),
        ("A3", "a", "85.00", "none"),
    ]
    outcome = select(config, scored_round(rows))
    assert outcome.selected == {"A1", "A2"}
    assert as_tuples(outcome.boundary_ties) == [("a", "85.00", ("A2", "A3"))]
