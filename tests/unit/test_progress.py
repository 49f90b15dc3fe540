"""Review progress: done, missing and short, with and without assignments (hand-counted)."""

from __future__ import annotations

from reviewer.domain.config import Criterion, RoundConfig, Track
from reviewer.domain.model import Application, Review, Reviewer, RoundData
from reviewer.domain.progress import ReviewerProgress, review_progress

RUBRIC = (Criterion(id="all", name="종합", weight=100, max=100),)
TRACKS = (
    Track(id="t", name="t", seats=3, criteria=RUBRIC),
    Track(id="u", name="u", seats=3, criteria=RUBRIC),
    Track(id="empty", name="empty", seats=1, criteria=RUBRIC),
)


def data(
    reviews: dict[str, dict[str, bool]],
    assignments: frozenset[tuple[str, str]] = frozenset(),
    min_reviews: int = 2,
) -> RoundData:
    """``reviews``: application → reviewer → conflict?; P and Q are in t, R in u."""
    apps = (
        Application("P", "t", "x", "y"),
        Application("Q", "t", "x", "y"),
        Application("R", "u", "x", "y"),
    )
    rows = tuple(
        Review(a, r, {} if conflict else {"all": 50.0}, conflict=conflict)
        for a, marks in reviews.items()
        for r, conflict in marks.items()
    )
    config = RoundConfig(name="r", year=2025, tracks=TRACKS, min_reviews=min_reviews)
    reviewers = tuple(Reviewer(r, r) for r in ("A", "B", "C", "D"))
    return RoundData(config, apps, reviewers, rows, assignments)


def test_without_assignments_min_reviews_is_what_is_expected() -> None:
    progress = review_progress(
        data({"P": {"A": False, "B": False, "C": True}, "Q": {"A": False}, "R": {}})
    )
    t, u, empty = progress.tracks
    assert (t.track, t.applications, t.counted, t.conflicts, t.missing) == ("t", 2, 3, 1, 1)
    assert t.short == ("Q",)
    assert (u.applications, u.counted, u.missing, u.short) == (1, 0, 2, ("R",))
    assert (empty.applications, empty.missing, empty.short) == (0, 0, ())
    assert progress.short == ("Q", "R")
    assert progress.missing == 3
    assert progress.reviewers == (
        ReviewerProgress("A", done=2, conflicts=0, assigned=None, missing=None),
        ReviewerProgress("B", done=1, conflicts=0, assigned=None, missing=None),
        ReviewerProgress("C", done=0, conflicts=1, assigned=None, missing=None),
        ReviewerProgress("D", done=0, conflicts=0, assigned=None, missing=None),
    )


def test_with_assignments_each_assigned_pair_is_expected() -> None:
    assigned = frozenset({("P", "A"), ("P", "B"), ("P", "C"), ("Q", "A"), ("R", "D")})
    progress = review_progress(data({"P": {"A": False, "C": True}, "Q": {"B": False}}, assigned))
    t, u, _ = progress.tracks
    # P misses B; Q misses A (B's unassigned review still counts toward Q); R misses D
    assert (t.missing, u.missing) == (2, 1)
    assert t.short == ("P", "Q")  # P has one counted review, Q one
    by_id = {r.reviewer: r for r in progress.reviewers}
    assert by_id["A"] == ReviewerProgress("A", done=1, conflicts=0, assigned=2, missing=1)
    assert by_id["B"] == ReviewerProgress("B", done=1, conflicts=0, assigned=1, missing=1)
    assert by_id["C"] == ReviewerProgress("C", done=0, conflicts=1, assigned=1, missing=0)
    assert by_id["D"] == ReviewerProgress("D", done=0, conflicts=0, assigned=1, missing=1)


def test_reviews_of_unknown_applications_are_ignored() -> None:
    progress = review_progress(data({"X": {"A": False}, "R": {"A": False, "B": False}}))
    assert [t.counted for t in progress.tracks] == [0, 2, 0]
    assert {r.reviewer: r.done for r in progress.reviewers}["A"] == 1
