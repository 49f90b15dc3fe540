"""The reviewer statistics the window and the workbook show: the severity rows with the
range of each reviewer's totals, and the agreement per track with why a value is missing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from reviewer.domain.agreement import icc_2_1, icc_2_1_incomplete, kendall_w
from reviewer.domain.config import Criterion, RoundConfig, Track
from reviewer.domain.model import Application, Reviewer, RoundData
from reviewer.domain.reviewer_statistics import (
    NO_COMMON_BLOCK,
    NO_RESIDUAL,
    NO_VARIANCE,
    TOO_FEW_RATED,
    reviewer_statistics,
)
from reviewer.domain.severity import reviewer_severity

RUBRIC = (Criterion(id="all", name="종합", weight=100, max=100),)


@dataclass(frozen=True)
class Item:
    id: str
    track: str
    reviewer_totals: Mapping[str, float]


def _data(*tracks: str, applications: Mapping[str, str] | None = None) -> RoundData:
    config = RoundConfig(
        name="r",
        year=2025,
        tracks=tuple(Track(id=t, name=f"{t} name", seats=1, criteria=RUBRIC) for t in tracks),
    )
    apps = tuple(
        Application(app_id, track, "title", "company", "none")
        for app_id, track in (applications or {}).items()
    )
    reviewers = (Reviewer("A", "가나다"), Reviewer("B", "라마바"), Reviewer("C", "사아자"))
    return RoundData(config=config, applications=apps, reviewers=reviewers)


SCORED = {
    "x1": Item("x1", "t", {"A": 80, "B": 70, "C": 60}),
    "x2": Item("x2", "t", {"A": 90, "B": 75, "C": 70}),
    "x3": Item("x3", "t", {"A": 60, "B": 65, "C": 50}),
    "y1": Item("y1", "u", {"A": 55, "B": 85}),
}


def test_rows_are_the_severity_rows_with_names_and_ranges() -> None:
    data = _data("t", "u")
    result = reviewer_statistics(data, SCORED)
    severity = reviewer_severity(data, SCORED)
    assert [(r.reviewer_id, r.track) for r in result.reviewers] == [
        (r.reviewer_id, r.track) for r in severity
    ]
    for row, expected in zip(result.reviewers, severity, strict=True):
        assert (row.severity, row.low, row.high, row.outliers, row.mean, row.std) == (
            expected.severity,
            expected.low,
            expected.high,
            expected.outliers,
            expected.mean,
            expected.std,
        )
    a_all = next(r for r in result.reviewers if r.reviewer_id == "A" and r.track is None)
    a_t = next(r for r in result.reviewers if r.reviewer_id == "A" and r.track == "t")
    assert (a_all.name, a_all.minimum, a_all.maximum, a_all.reviews) == ("가나다", 55, 90, 4)
    assert (a_t.minimum, a_t.maximum, a_t.reviews) == (60, 90, 3)
    assert [r.reviewer_id for r in result.rows("u")] == ["A", "B"]


def test_agreement_covers_the_block_and_says_why_not() -> None:
    applications = {"x1": "t", "x2": "t", "x3": "t", "x4": "t", "y1": "u"}
    result = reviewer_statistics(_data("t", "u", "v", applications=applications), SCORED)
    t, u, v = result.agreement
    matrix = ((80, 70, 60), (90, 75, 70), (60, 65, 50))
    assert (t.icc, t.kendall_w) == (icc_2_1(matrix), kendall_w(matrix))
    assert (t.icc_applications, t.rated, t.icc_reviewers, t.track_applications) == (3, 3, 3, 4)
    assert (t.w_applications, t.w_reviewers) == (3, 3)
    assert (t.icc_reason, t.w_reason) == (None, None)
    assert (u.icc, u.icc_reason, u.w_reason, u.rated) == (None, TOO_FEW_RATED, TOO_FEW_RATED, 1)
    assert (v.icc, v.icc_reason, v.track_applications) == (None, TOO_FEW_RATED, 0)


def test_each_coefficient_has_its_own_coverage() -> None:
    # x4 and x5 have only A and B: ICC(2,1) uses all five applications and the three
    # reviewers; W's block is {A, B} over all five (x1..x3 folded in): 5 × 2 cells > 3 × 3.
    scored = {
        **SCORED,
        "x4": Item("x4", "t", {"A": 75, "B": 72}),
        "x5": Item("x5", "t", {"A": 50, "B": 55}),
    }
    applications = {f"x{i}": "t" for i in range(1, 7)}
    (t,) = reviewer_statistics(_data("t", applications=applications), scored).agreement
    ratings = [s.reviewer_totals for k, s in sorted(scored.items()) if s.track == "t"]
    assert t.icc == icc_2_1_incomplete(ratings)
    assert (t.icc_applications, t.icc_reviewers, t.track_applications) == (5, 3, 6)
    assert t.kendall_w == kendall_w(((80, 70), (90, 75), (60, 65), (75, 72), (50, 55)))
    assert (t.w_applications, t.w_reviewers) == (5, 2)


def test_no_residual_no_common_block_and_no_variance() -> None:
    apart = {
        "a": Item("a", "t", {"A": 70, "B": 60}),
        "b": Item("b", "t", {"A": 70, "C": 60}),
    }
    (entry,) = reviewer_statistics(_data("t"), apart).agreement
    # N − n − k + c = 4 − 2 − 3 + 1 = 0 residual degrees of freedom
    assert (entry.icc, entry.icc_reason, entry.w_reason, entry.rated) == (
        None,
        NO_RESIDUAL,
        NO_COMMON_BLOCK,
        2,
    )
    flat = {
        "a": Item("a", "t", {"A": 70, "B": 70}),
        "b": Item("b", "t", {"A": 70, "B": 70}),
    }
    (entry,) = reviewer_statistics(_data("t"), flat).agreement
    # two applications are too few for W's block (three at least)
    assert (entry.icc_reason, entry.w_reason) == (NO_VARIANCE, NO_COMMON_BLOCK)
    flat["c"] = Item("c", "t", {"A": 70, "B": 70})
    (entry,) = reviewer_statistics(_data("t"), flat).agreement
    assert (entry.w_applications, entry.icc_reason, entry.w_reason) == (
        3,
        NO_VARIANCE,
        NO_VARIANCE,
    )


def test_the_outlier_threshold_is_checked_and_used() -> None:
    with pytest.raises(ValueError, match="positive"):
        reviewer_statistics(_data("t"), SCORED, threshold=0)
    # x1..x3 have three totals: |z| is at most 1.349 / 0.674 … so a low threshold flags
    loose = reviewer_statistics(_data("t", "u"), SCORED, threshold=1.0)
    strict = reviewer_statistics(_data("t", "u"), SCORED)
    assert sum(r.outliers for r in loose.rows(None)) > 0
    assert sum(r.outliers for r in strict.rows(None)) == 0
    assert loose.threshold == 1.0 and strict.confidence == 0.95
