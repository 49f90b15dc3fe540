"""The reviews matrix read from a round: totals, marks, robust outliers, filters, details."""

from __future__ import annotations

import gc
import random
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import insert

from reviewer.domain.config_toml import load_config, parse_config
from reviewer.domain.model import Application, Review, Reviewer, RoundData
from reviewer.domain.robust import MAD_SCALE, ROBUST_Z_THRESHOLD, robust_outliers
from reviewer.domain.scoring import score_round
from reviewer.errors import InvalidInput
from reviewer.resources import template_path
from reviewer.sample.rows import Shape, generate
from reviewer.services import rounds
from reviewer.services.review_matrix import Mark, ReviewMatrix, build_matrix, review_matrix
from reviewer.store import repository, updates
from reviewer.store.models import AssignmentRow, ConflictRow
from tests.demo_round import build_demo_round

CONFIG = """
[round]
name = "행렬 시험 회차"
year = 2025
min_reviews = 2

[[criteria]]
id = "tech"
name = "기술성"
weight = 40
min = 0
max = 40

[[criteria]]
id = "biz"
name = "사업성"
weight = 50
min = 0
max = 50

[[criteria]]
id = "policy"
name = "정책부합성"
weight = 10
grades = { "우수" = 1.0, "보통" = 0.5 }

[[tracks]]
id = "a"
name = "트랙 가"
seats = 2

[[tracks]]
id = "b"
name = "트랙 나"
seats = 1
"""

GOOD, FAIR = "우수", "보통"
# (application, reviewer) → (tech, biz, policy); total = tech + biz + 10 · grade value
SCORES: dict[tuple[str, str], tuple[float, float, str]] = {
    ("A1", "R1"): (30, 40, GOOD),  # 80
    ("A1", "R2"): (32, 40, GOOD),  # 82
    ("A1", "R3"): (31, 40, GOOD),  # 81
    ("A1", "R4"): (29, 40, GOOD),  # 79
    ("A1", "R5"): (20, 25, FAIR),  # 50: 30 below the median
    ("A2", "R2"): (25, 35, GOOD),  # 70
    ("A2", "R3"): (26, 35, GOOD),  # 71
    ("A2", "R4"): (27, 35, GOOD),  # 72
    ("A3", "R1"): (35, 45, GOOD),  # 90
    ("A3", "R2"): (34, 45, GOOD),  # 89
    ("B1", "R5"): (30, 30, FAIR),  # 65
    ("B1", "R6"): (28, 30, GOOD),  # 68
}


@pytest.fixture
def matrix_round(tmp_path: Path) -> Path:
    """Two tracks; A1 has an outlier, A2 a recusal and an assigned reviewer who has not
    scored, A3 a conflict declared without a review."""
    config = parse_config(CONFIG)
    path = tmp_path / "round.db"
    rounds.create_round(path, config)
    apps = [
        Application("A1", "a", "인공지능 진단 플랫폼", "(주)가나"),
        Application("A2", "a", "자율주행 로봇 실증", "(주)다라"),
        Application("A3", "a", "양자 암호 모듈", "(주)마바"),
        Application("B1", "b", "핀테크 보안 인증", "(주)사아"),
    ]
    people = [
        Reviewer(f"R{n}", f"심사위원{n}", f"기관{n}", ("a",) if n < 5 else ("a", "b"))
        for n in range(1, 6)
    ] + [Reviewer("R6", "심사위원6", "기관6", ("b",))]
    reviews = [
        Review(app, reviewer, {"tech": t, "biz": b, "policy": p}, comment=f"{app} {reviewer} 의견")
        for (app, reviewer), (t, b, p) in SCORES.items()
    ]
    reviews.append(Review("A2", "R1", conflict=True, conflict_reason="같은 기관 소속"))
    with rounds.open_round(path) as database, database.session() as session:
        repository.add_applications(session, apps, source="test")
        updates.upsert_reviewers(session, people)
        repository.replace_reviews(session, reviews, source="test")
        pairs = [*SCORES, ("A2", "R1"), ("A2", "R5"), ("A3", "R4")]
        session.execute(
            insert(AssignmentRow), [{"application_id": a, "reviewer_id": r} for a, r in pairs]
        )
        session.execute(
            insert(ConflictRow),
            [
                {
                    "application_id": "A3",
                    "reviewer_id": "R4",
                    "reason": "가족 관계",
                    "source": "declared",
                }
            ],
        )
    return path


def test_cells_hold_totals_and_marks(matrix_round: Path) -> None:
    with rounds.open_round(matrix_round) as database:
        matrix = review_matrix(database)
    assert [row.application_id for row in matrix.rows] == ["A1", "A2", "A3", "B1"]
    assert [r.id for r in matrix.reviewers] == ["R1", "R2", "R3", "R4", "R5", "R6"]
    assert matrix.reviewers[0].name == "심사위원1"
    a1, a2, a3, b1 = matrix.rows
    assert {r: a1.cell(r).total for r in ("R1", "R2", "R3", "R4", "R5")} == {
        "R1": 80.0,
        "R2": 82.0,
        "R3": 81.0,
        "R4": 79.0,
        "R5": 50.0,
    }
    assert all(a1.cell(r).mark is Mark.SCORED for r in ("R1", "R2", "R3", "R4", "R5"))
    assert a1.cell("R6").mark is Mark.NOT_ASSIGNED and a1.cell("R6").total is None
    recusal = a2.cell("R1")
    assert (recusal.mark, recusal.reason, recusal.total) == (Mark.CONFLICT, "같은 기관 소속", None)
    assert a2.cell("R5").mark is Mark.MISSING  # assigned, no review
    assert (a3.cell("R4").mark, a3.cell("R4").reason) == (Mark.CONFLICT, "가족 관계")
    assert b1.cell("R6").total == 68.0
    assert (a2.counted, a3.counted, b1.counted) == (3, 2, 2)


def test_the_outlier_is_flagged_by_its_robust_z(matrix_round: Path) -> None:
    with rounds.open_round(matrix_round) as database:
        matrix = review_matrix(database)
    a1 = matrix.rows[0]
    # median 80; deviations 0, 2, 1, 1, 30 → MAD 1
    assert a1.median == 80.0
    assert a1.cell("R5").z == pytest.approx(-30 / MAD_SCALE, abs=1e-9)
    assert a1.cell("R5").deviation == -30.0
    assert a1.cell("R2").z == pytest.approx(2 / MAD_SCALE, abs=1e-9)
    assert [r for r in a1.cells if a1.cell(r).outlier] == ["R5"]
    assert a1.outliers == ("R5",) and a1.largest_gap == 30.0
    assert matrix.threshold == ROBUST_Z_THRESHOLD == 3.5
    assert all(not row.outliers for row in matrix.rows[1:])
    counts = matrix.counts()
    assert (counts.applications, counts.scored, counts.outliers) == (4, 12, 1)
    assert (counts.conflicts, counts.missing) == (2, 1)


def test_a_lower_threshold_still_needs_the_distance_in_points(matrix_round: Path) -> None:
    with rounds.open_round(matrix_round) as database, database.session() as session:
        data = repository.load_round(session)
    matrix = build_matrix(data, threshold=1.0)
    assert matrix.threshold == 1.0
    # R2 (|z| 1.35) is above the lower threshold but only a few points from the median
    assert matrix.rows[0].outliers == ("R5",)  # |z| 20.2


def test_restricting_to_a_track_and_a_reviewer(matrix_round: Path) -> None:
    with rounds.open_round(matrix_round) as database:
        track_a = review_matrix(database, track="a")
        whole = review_matrix(database)
    assert [row.application_id for row in track_a.rows] == ["A1", "A2", "A3"]
    assert [r.id for r in track_a.reviewers] == ["R1", "R2", "R3", "R4", "R5"]
    track_b = whole.restrict("b")
    assert [row.application_id for row in track_b.rows] == ["B1"]
    assert [r.id for r in track_b.reviewers] == ["R5", "R6"]
    r5 = whole.restrict(reviewer="R5")
    assert [row.application_id for row in r5.rows] == ["A1", "A2", "B1"]
    assert [r.id for r in r5.reviewers] == ["R5", "R1", "R2", "R3", "R4", "R6"]  # R5 first
    counts = r5.counts()  # the reviewer's own cells
    assert (counts.scored, counts.outliers, counts.missing, counts.conflicts) == (2, 1, 1, 0)
    both = whole.restrict("a", "R4")
    assert [row.application_id for row in both.rows] == ["A1", "A2", "A3"]
    assert both.counts().conflicts == 1
    # z-scores do not depend on what is shown
    assert r5.rows[0].cell("R5").z == whole.rows[0].cell("R5").z
    assert whole.restrict().rows == whole.rows


def test_a_cell_detail_has_every_criterion_and_the_comment(matrix_round: Path) -> None:
    with rounds.open_round(matrix_round) as database:
        matrix = review_matrix(database, track="a")
    detail = matrix.detail("A1", "R5")
    assert (detail.application_id, detail.title, detail.track_name) == (
        "A1",
        "인공지능 진단 플랫폼",
        "트랙 가",
    )
    assert (detail.reviewer.id, detail.reviewer.name) == ("R5", "심사위원5")
    assert detail.comment == "A1 R5 의견"
    assert detail.cell.outlier and detail.cell.total == 50.0 and detail.median == 80.0
    lines = [(c.name, c.scale, c.raw, c.normalised, c.points) for c in detail.criteria]
    assert lines == [
        ("기술성", "0–40", 20, 0.5, 20.0),
        ("사업성", "0–50", 25, 0.5, 25.0),
        ("정책부합성", "우수 / 보통", FAIR, 0.5, 5.0),
    ]
    assert sum(c.points or 0 for c in detail.criteria) == detail.cell.total
    recused = matrix.detail("A2", "R1")
    assert recused.cell.mark is Mark.CONFLICT and recused.cell.reason == "같은 기관 소속"
    assert all(c.raw is None and c.points is None for c in recused.criteria)
    missing = matrix.detail("A2", "R5")
    assert missing.cell.mark is Mark.MISSING and missing.comment == ""


def test_unknown_track_reviewer_or_application_is_refused(matrix_round: Path) -> None:
    with rounds.open_round(matrix_round) as database:
        with pytest.raises(InvalidInput) as caught:
            review_matrix(database, track="nope")
        matrix = review_matrix(database)
    assert caught.value.key == "matrix.unknown_track"
    assert caught.value.message("en") == "track nope is not in this round; known: a, b"
    assert caught.value.message("ko") == "트랙 nope는 이 회차에 없습니다. 가능한 트랙: a, b"
    with pytest.raises(InvalidInput) as caught:
        matrix.restrict(reviewer="R9")
    assert caught.value.key == "matrix.unknown_reviewer"
    assert "R9" in caught.value.message("en")
    with pytest.raises(InvalidInput) as caught:
        matrix.detail("Z9", "R1")
    assert caught.value.message("en") == "application Z9 is not in this round"
    with pytest.raises(InvalidInput):
        matrix.detail("A1", "R9")


@pytest.fixture(scope="module")
def demo_round(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_round(tmp_path_factory.mktemp("matrix-demo"), 120, seed=7, select=False)


def test_demo_totals_are_the_scoring_totals_and_planted_outliers_show(demo_round: Path) -> None:
    with rounds.open_round(demo_round) as database:
        matrix = review_matrix(database)
        with database.session() as session:
            data = repository.load_round(session)
    scored = score_round(data)
    spreads = robust_outliers(scored)
    for row in matrix.rows:
        totals = {r: c.total for r, c in row.cells.items() if c.mark is Mark.SCORED}
        assert totals == dict(scored[row.application_id].reviewer_totals)
        spread = spreads.get(row.application_id)
        if spread is not None:
            assert {r: row.cell(r).z for r in totals} == dict(spread.z)
            assert row.outliers == spread.outliers
    conflicts = {(r.application_id, r.reviewer_id) for r in data.reviews if r.conflict}
    marked = {
        (row.application_id, r)
        for row in matrix.rows
        for r, c in row.cells.items()
        if c.mark is Mark.CONFLICT
    }
    assert marked == conflicts and conflicts
    sample = generate(load_config(str(template_path())), Shape(applications=120), random.Random(7))
    planted = [(r.application_id, r.reviewer_id) for r in sample.reviews if r.outlier]
    assert len(planted) == 3
    for app_id, reviewer_id in planted:
        cell = matrix.row(app_id).cell(reviewer_id)
        assert cell.outlier and cell.z is not None and cell.z < -ROBUST_Z_THRESHOLD
        assert cell.deviation is not None and cell.deviation <= -20


def test_data_the_rules_cannot_score_is_refused_as_scoring_refuses_it(matrix_round: Path) -> None:
    with rounds.open_round(matrix_round) as database, database.session() as session:
        data = repository.load_round(session)
    twice = replace(data, reviews=(*data.reviews, data.reviews[0]))
    with pytest.raises(InvalidInput) as caught:
        build_matrix(twice)
    assert caught.value.key == "scoring.duplicate_review"
    stray = replace(data, reviews=(*data.reviews, Review("Z9", "R1", {"tech": 1})))
    with pytest.raises(InvalidInput) as caught:
        build_matrix(stray)
    assert caught.value.key == "scoring.unknown_application"
    above = Review("B1", "R1", {"tech": 41, "biz": 1, "policy": GOOD})
    with pytest.raises(InvalidInput) as caught:
        build_matrix(replace(data, reviews=(*data.reviews, above)))
    assert caught.value.key == "scoring.out_of_range"
    with pytest.raises(InvalidInput) as same:
        score_round(replace(data, reviews=(*data.reviews, above)))
    assert same.value.message("en") == caught.value.message("en")


def test_the_cycle_collector_is_left_as_it_was(matrix_round: Path) -> None:
    assert gc.isenabled()
    with rounds.open_round(matrix_round) as database:
        review_matrix(database)
        assert gc.isenabled()
        with database.session() as session:
            data = repository.load_round(session)
        with pytest.raises(InvalidInput):  # raised while the collector is paused
            build_matrix(replace(data, reviews=(*data.reviews, data.reviews[0])))
        assert gc.isenabled()  # also after an error
        gc.disable()
        try:
            review_matrix(database)
            assert not gc.isenabled()  # a caller's choice is kept
        finally:
            gc.enable()


def _with_aggregation(data: RoundData, **changes: object) -> RoundData:
    aggregation = replace(data.config.aggregation, **changes)  # type: ignore[arg-type]
    return replace(data, config=replace(data.config, aggregation=aggregation))


def _marks(matrix: ReviewMatrix, app_id: str) -> dict[str, str]:
    return {r: c.trimmed for r, c in matrix.row(app_id).cells.items() if c.trimmed}


def test_the_totals_the_trimmed_mean_drops_are_marked(matrix_round: Path) -> None:
    with rounds.open_round(matrix_round) as database, database.session() as session:
        data = repository.load_round(session)
    matrix = build_matrix(data)  # trimmed, trim_min_reviews 5
    assert (matrix.method, matrix.normalize) == ("trimmed", "none")
    assert _marks(matrix, "A1") == {"R2": "high", "R5": "low"}  # 82 and 50 of five
    assert _marks(matrix, "A2") == {}  # three totals: no trimming
    three = build_matrix(_with_aggregation(data, trim_min_reviews=3))
    assert _marks(three, "A2") == {"R4": "high", "R2": "low"}  # 72 and 70 of 70 71 72
    assert _marks(three, "A3") == {}  # two totals are never trimmed
    mean = build_matrix(_with_aggregation(data, method="mean"))
    assert all(not c.trimmed for row in mean.rows for c in row.cells.values())


def test_in_a_zscore_round_the_marks_follow_the_calibrated_totals(demo_round: Path) -> None:
    with rounds.open_round(demo_round) as database, database.session() as session:
        data = _with_aggregation(
            repository.load_round(session), normalize="zscore", zscore_min_reviews=3
        )
    matrix = build_matrix(data)
    assert matrix.normalize == "zscore"
    scored = score_round(data)
    least = max(data.config.aggregation.trim_min_reviews, 3)
    checked = 0
    for row in matrix.rows:
        app = scored[row.application_id]
        adjusted = dict(app.adjusted_totals)
        marks = _marks(matrix, row.application_id)
        if len(adjusted) < least or len(set(adjusted.values())) == 1:
            assert marks == {}
            continue
        high, low = max(adjusted.values()), min(adjusted.values())
        # one of each, the first reviewer by id among equal totals
        first_high = min(r for r, v in adjusted.items() if v == high)
        first_low = min(r for r, v in adjusted.items() if v == low)
        assert marks == {first_high: "high", first_low: "low"}
        if app.aggregate is not None:  # the unmarked totals average to the aggregate
            kept = [v for r, v in adjusted.items() if r not in marks]
            assert sum(kept) / len(kept) == pytest.approx(app.aggregate, abs=1e-8)
            checked += 1
    assert checked > 10


def test_of_tied_totals_one_is_marked_and_the_rest_average_to_the_aggregate(
    demo_round: Path,
) -> None:
    with rounds.open_round(demo_round) as database, database.session() as session:
        data = repository.load_round(session)
    matrix = build_matrix(data)
    scored = score_round(data)
    tied = 0
    for row in matrix.rows:
        app = scored[row.application_id]
        marks = _marks(matrix, row.application_id)
        if not marks or app.aggregate is None:
            continue
        assert sorted(marks.values()) == ["high", "low"]
        totals = dict(app.reviewer_totals)
        values = list(totals.values())
        tied += values.count(max(values)) > 1 or values.count(min(values)) > 1
        kept = [v for r, v in totals.items() if r not in marks]
        assert sum(kept) / len(kept) == pytest.approx(app.aggregate, abs=1e-8)
    assert tied > 0  # the demo has ties at the top or bottom
