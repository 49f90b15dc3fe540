"""The chair's score corrections: validated as an import is, refused when they must be,
audited with old and new values, and undone and redone exactly."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from reviewer.domain.model import Review
from reviewer.errors import InvalidInput, RefusedByState
from reviewer.services import dashboard, listing, locking, rounds, selecting
from reviewer.services import score_corrections as sc
from reviewer.store import repository
from reviewer.store import reviews as stored_reviews
from reviewer.store.engine import Database
from tests.demo_round import build_demo_round


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo round with a selection run."""
    return build_demo_round(tmp_path_factory.mktemp("corrections"), 60, seed=5, select=True)


@pytest.fixture
def db(demo: Path, tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "round.db"
    shutil.copy(demo, copy)
    with rounds.open_round(copy) as database:
        yield database


def _reviews(db: Database) -> dict[tuple[str, str], Review]:
    with db.session() as session:
        data = repository.load_round(session)
    return {(r.application_id, r.reviewer_id): r for r in data.reviews}


def _scored(db: Database, track: str | None = None, *, tracks_not: str = "tips") -> Review:
    """A scored review of an application in ``track`` (or any track but ``tracks_not``)."""
    with db.session() as session:
        data = repository.load_round(session)
    tracks = {a.id: a.track for a in data.applications}
    return next(
        r
        for r in data.reviews
        if not r.conflict
        and (tracks[r.application_id] == track if track else tracks[r.application_id] != tracks_not)
    )


def _conflict(db: Database) -> Review:
    return next(r for r in _reviews(db).values() if r.conflict)


def _newest(db: Database, count: int = 1) -> list[listing.AuditEntry]:
    return list(listing.audit_log(db, limit=count))


# -- correcting a score --------------------------------------------------------------------


def test_a_corrected_score_is_stored_audited_and_makes_the_run_stale(db: Database) -> None:
    review = _scored(db)
    old = review.scores["tech"]
    new = 1.0 if old != 1.0 else 2.0
    assert not dashboard.dashboard(db).stale
    change = sc.correct_score(
        db,
        review.application_id,
        review.reviewer_id,
        "tech",
        str(int(new)),
        "  입력  오류 ",
        expected=None,
    )
    stored = _reviews(db)[(review.application_id, review.reviewer_id)]
    assert stored.scores["tech"] == new
    assert {k: v for k, v in stored.scores.items() if k != "tech"} == {
        k: v for k, v in review.scores.items() if k != "tech"
    }
    assert change.before.scores == review.scores and change.after.scores == stored.scores
    assert change.criteria == ("tech",) and change.reason == "입력 오류"
    (entry,) = _newest(db)
    assert entry.action == "review.correct"
    assert entry.target == f"{review.application_id}/{review.reviewer_id}"
    assert entry.detail == {
        "application": review.application_id,
        "reviewer": review.reviewer_id,
        "criterion": "tech",
        "old": old,
        "new": new,
        "reason": "입력 오류",
    }
    assert dashboard.dashboard(db).stale


def test_a_grade_is_read_as_an_import_reads_it(db: Database) -> None:
    review = _scored(db, "tips")
    old = review.scores["policy"]
    new = "미흡" if old != "미흡" else "탁월"
    sc.correct_score(
        db, review.application_id, review.reviewer_id, "policy", f" {new} ", "정정", expected=None
    )
    assert _reviews(db)[(review.application_id, review.reviewer_id)].scores["policy"] == new
    assert _newest(db)[0].detail["old"] == old and _newest(db)[0].detail["new"] == new


@pytest.mark.parametrize(
    ("criterion", "value", "key", "text"),
    [
        ("tech", "41", "import.above_max", "41 is above the maximum 40"),
        ("tech", "-1", "import.below_min", "-1 is below the minimum 0"),
        ("tech", "forty", "import.not_number", "forty"),
        ("tech", "", "import.missing_score", "missing"),
        ("tech", float("nan"), "import.not_finite", "nan is not a number a score"),
        ("nope", "3", "corrections.unknown_criterion", "nope is not a criterion of track"),
    ],
)
def test_bad_values_are_refused_as_an_import_refuses_them(
    db: Database, criterion: str, value: str | float, key: str, text: str
) -> None:
    review = _scored(db)
    before = _reviews(db)
    audit = _newest(db)
    with pytest.raises(InvalidInput) as caught:
        sc.correct_score(
            db, review.application_id, review.reviewer_id, criterion, value, "why", expected=None
        )
    assert caught.value.key == key
    assert text in caught.value.message("en")
    assert _reviews(db) == before and _newest(db) == audit  # nothing written


def test_a_bad_grade_names_the_grades(db: Database) -> None:
    review = _scored(db, "tips")
    with pytest.raises(InvalidInput) as caught:
        sc.correct_score(
            db, review.application_id, review.reviewer_id, "policy", "최고", "why", expected=None
        )
    assert caught.value.key == "import.not_grade"
    assert "탁월, 우수, 보통, 미흡" in caught.value.message("en")
    assert "정책" in caught.value.message("ko") or "policy" in caught.value.message("ko")


@pytest.mark.parametrize(
    ("application", "reviewer", "key"),
    [
        ("2099-9999", None, "import.unknown_application"),
        (None, "NOBODY", "import.unknown_reviewer"),
    ],
)
def test_unknown_application_or_reviewer(
    db: Database, application: str | None, reviewer: str | None, key: str
) -> None:
    review = _scored(db)
    with pytest.raises(InvalidInput) as caught:
        sc.correct_score(
            db,
            application or review.application_id,
            reviewer or review.reviewer_id,
            "tech",
            "3",
            "why",
            expected=None,
        )
    assert caught.value.key == key


def test_a_review_that_does_not_exist(db: Database) -> None:
    reviews = _reviews(db)
    with db.session() as session:
        reviewers = sorted(repository.reviewer_ids(session))
    app_id = next(iter(reviews))[0]
    missing = next(r for r in reviewers if (app_id, r) not in reviews)
    with pytest.raises(InvalidInput) as caught:
        sc.correct_score(db, app_id, missing, "tech", "3", "why", expected=None)
    assert caught.value.key == "corrections.review_missing"
    assert f"reviewer {missing} has no review of application {app_id}" in caught.value.message("en")
    with pytest.raises(InvalidInput):
        sc.review_form(db, app_id, missing)


def test_a_blank_reason_is_refused_in_both_languages(db: Database) -> None:
    review = _scored(db)
    with pytest.raises(InvalidInput) as caught:
        sc.correct_score(
            db, review.application_id, review.reviewer_id, "tech", "3", "  \n ", expected=None
        )
    assert caught.value.key == "correct.reason_required"
    assert caught.value.message("ko") == "고치는 사유를 적어야 합니다"
    assert caught.value.message("en") == "a correction needs a reason"
    with pytest.raises(InvalidInput):
        sc.mark_conflict(
            db, review.application_id, review.reviewer_id, "같은 기관", "", expected=None
        )


def test_an_unchanged_value_is_refused(db: Database) -> None:
    review = _scored(db)
    same = review.scores["tech"]
    with pytest.raises(InvalidInput) as caught:
        sc.correct_score(
            db, review.application_id, review.reviewer_id, "tech", str(same), "why", expected=None
        )
    assert caught.value.key == "corrections.unchanged"


def test_a_locked_round_refuses_corrections(db: Database) -> None:
    review = _scored(db)
    locking.lock_round(db)
    audit = _newest(db)
    with pytest.raises(RefusedByState) as caught:
        sc.correct_score(
            db, review.application_id, review.reviewer_id, "tech", "1", "why", expected=None
        )
    assert caught.value.key == "store.locked"
    with pytest.raises(RefusedByState):
        sc.mark_conflict(
            db, review.application_id, review.reviewer_id, "같은 기관", "why", expected=None
        )
    assert _newest(db) == audit


def test_a_conflict_review_has_no_score_to_correct(db: Database) -> None:
    review = _conflict(db)
    with pytest.raises(InvalidInput) as caught:
        sc.correct_score(
            db, review.application_id, review.reviewer_id, "tech", "3", "why", expected=None
        )
    assert caught.value.key == "corrections.conflict_review"


# -- conflicts -----------------------------------------------------------------------------


def test_marking_a_conflict_keeps_the_scores_for_undo_and_the_audit_log(db: Database) -> None:
    review = _scored(db)
    key = (review.application_id, review.reviewer_id)
    counted = dict(repository_counts(db))
    change = sc.mark_conflict(db, *key, "  같은 기관 소속 ", "위원이 뒤늦게 신고", expected=None)
    stored = _reviews(db)[key]
    assert stored.conflict and stored.scores == {} and stored.conflict_reason == "같은 기관 소속"
    assert stored.comment == review.comment
    assert repository_counts(db)[review.application_id] == counted[review.application_id] - 1
    (entry,) = _newest(db)
    assert entry.action == "review.conflict"
    assert entry.detail["old"] == {
        "scores": dict(review.scores),
        "comment": review.comment,
        "conflict": False,
        "conflict_reason": "",
    }
    assert entry.detail["new"]["conflict"] is True
    assert entry.detail["new"]["conflict_reason"] == "같은 기관 소속"
    assert entry.detail["reason"] == "위원이 뒤늦게 신고"
    conflicts = {
        (c.application_id, r.id): c.source for r in listing.reviewers(db) for c in r.conflicts
    }
    assert conflicts[key] == "declared"

    sc.undo_change(db, change)
    assert _reviews(db)[key] == review  # exactly as it was
    assert repository_counts(db) == counted
    undo = _newest(db)[0]
    assert (undo.action, undo.detail["undoes"], undo.detail["original_reason"]) == (
        "review.undo",
        "review.conflict",
        "위원이 뒤늦게 신고",
    )
    assert "reason" not in undo.detail  # the undo is not given the correction's reason
    assert undo.detail["new"]["scores"] == dict(review.scores)
    assert key not in {(c.application_id, r.id) for r in listing.reviewers(db) for c in r.conflicts}


def repository_counts(db: Database) -> dict[str, int]:
    with db.session() as session:
        return repository.scored_reviews(session)


def test_a_conflict_needs_its_reason_and_cannot_be_marked_twice(db: Database) -> None:
    review = _scored(db)
    with pytest.raises(InvalidInput) as caught:
        sc.mark_conflict(db, review.application_id, review.reviewer_id, " ", "why", expected=None)
    assert caught.value.key == "corrections.conflict_reason_required"
    other = _conflict(db)
    with pytest.raises(InvalidInput) as caught:
        sc.mark_conflict(
            db, other.application_id, other.reviewer_id, "같은 기관", "why", expected=None
        )
    assert caught.value.key == "corrections.already_conflict"
    with pytest.raises(InvalidInput) as caught:
        sc.clear_conflict(db, review.application_id, review.reviewer_id, {}, "why", expected=None)
    assert caught.value.key == "corrections.not_conflict"


def test_clearing_a_conflict_needs_every_score(db: Database) -> None:
    review = _conflict(db)
    key = (review.application_id, review.reviewer_id)
    form = sc.review_form(db, *key)
    assert form.conflict and all(c.value is None and c.text == "" for c in form.criteria)
    with pytest.raises(InvalidInput) as caught:
        sc.clear_conflict(db, *key, {form.criteria[0].id: "1"}, "신고 철회", expected=None)
    assert "missing" in caught.value.message("en")
    values = {c.id: (c.grades[0] if c.grades else str(int(c.high))) for c in form.criteria}
    change = sc.clear_conflict(db, *key, values, "신고 철회", expected=None)
    stored = _reviews(db)[key]
    assert not stored.conflict and stored.conflict_reason == ""
    assert stored.scores == {c.id: (c.grades[0] if c.grades else c.high) for c in form.criteria}
    assert _newest(db)[0].action == "review.conflict.clear"
    sc.undo_change(db, change)
    assert _reviews(db)[key] == review
    sc.redo_change(db, change)
    assert _reviews(db)[key] == stored
    redo = _newest(db)[0]
    assert redo.action == "review.redo" and redo.detail["redoes"] == "review.conflict.clear"
    assert redo.detail["original_reason"] == "신고 철회" and "reason" not in redo.detail


# -- undo and redo -------------------------------------------------------------------------


def test_undo_and_redo_of_a_score_are_exact_and_audited(db: Database) -> None:
    review = _scored(db)
    key = (review.application_id, review.reviewer_id)
    digest_before = dashboard.dashboard(db).stale
    change = sc.correct_score(
        db, *key, "tech", "1" if review.scores["tech"] != 1 else "2", "오기", expected=None
    )
    corrected = _reviews(db)[key]
    sc.undo_change(db, change)
    assert _reviews(db)[key] == review
    assert dashboard.dashboard(db).stale == digest_before  # the run matches the data again
    entry = _newest(db)[0]
    assert entry.action == "review.undo"
    assert entry.detail["criteria"] == ["tech"] and entry.detail["undoes"] == "review.correct"
    assert entry.detail["original_reason"] == "오기" and "reason" not in entry.detail
    assert entry.detail["old"]["scores"]["tech"] == corrected.scores["tech"]
    assert entry.detail["new"]["scores"]["tech"] == review.scores["tech"]
    sc.redo_change(db, change)
    assert _reviews(db)[key] == corrected
    redo = _newest(db)[0]
    assert redo.action == "review.redo" and redo.detail["redoes"] == "review.correct"
    assert redo.detail["original_reason"] == "오기" and "reason" not in redo.detail


def test_undo_is_refused_when_the_review_changed_meanwhile(db: Database) -> None:
    review = _scored(db)
    key = (review.application_id, review.reviewer_id)
    first = sc.correct_score(
        db, *key, "tech", "1" if review.scores["tech"] != 1 else "2", "a", expected=None
    )
    sc.correct_score(db, *key, "biz", "1" if review.scores["biz"] != 1 else "2", "b", expected=None)
    now = _reviews(db)[key]
    with pytest.raises(RefusedByState) as caught:
        sc.undo_change(db, first)
    assert caught.value.key == "corrections.changed_meanwhile"
    assert _reviews(db)[key] == now


def test_undo_is_refused_in_a_locked_round(db: Database) -> None:
    review = _scored(db)
    key = (review.application_id, review.reviewer_id)
    change = sc.mark_conflict(db, *key, "같은 기관", "신고", expected=None)
    selecting.run_selection(db, "en")  # a round is locked with a current run
    locking.lock_round(db)
    with pytest.raises(RefusedByState) as caught:
        sc.undo_change(db, change)
    assert caught.value.key == "store.locked"


def test_the_form_lists_criteria_values_and_the_application_reviews(db: Database) -> None:
    review = _scored(db, "tips")
    form = sc.review_form(db, review.application_id, review.reviewer_id)
    assert form.track_id == "tips" and form.reviewer_id == review.reviewer_id
    assert [c.id for c in form.criteria] == ["tech", "biz", "invest", "policy"]
    policy = form.criteria[-1]
    assert (
        policy.grades == ("탁월", "우수", "보통", "미흡")
        and policy.scale == "탁월 / 우수 / 보통 / 미흡"
    )
    assert form.criteria[0].scale == "0–40"
    assert {c.id: c.value for c in form.criteria} == dict(review.scores)
    assert review.reviewer_id in {r.id for r in form.reviewers}
    assert form.comment == review.comment and not form.locked
    first = sc.review_form(db, review.application_id)
    assert first.reviewer_id == min(r.id for r in form.reviewers)


def test_a_conflict_recorded_elsewhere_is_kept_through_mark_and_undo(db: Database) -> None:
    from reviewer.store.models import ConflictRow

    review = _scored(db)
    key = (review.application_id, review.reviewer_id)
    with db.session() as session:
        session.add(
            ConflictRow(
                application_id=key[0], reviewer_id=key[1], reason="같은 기관", source="assignment"
            )
        )
    change = sc.mark_conflict(db, *key, "같은 기관 소속", "신고", expected=None)
    sc.undo_change(db, change)
    assert _reviews(db)[key] == review
    entries = {
        (c.application_id, r.id): (c.source, c.reason)
        for r in listing.reviewers(db)
        for c in r.conflicts
    }
    assert entries[key] == ("assignment", "같은 기관")


# -- what the caller saw ---------------------------------------------------------------------


def test_a_correction_of_a_review_changed_since_the_form_was_read_is_refused(
    db: Database,
) -> None:
    review = _scored(db, tracks_not="tips")
    key = (review.application_id, review.reviewer_id)
    form = sc.review_form(db, *key)
    assert form.review == review
    other = "30" if review.scores["tech"] != 30 else "31"
    sc.correct_score(db, *key, "tech", other, "chair 2", expected=form.review)
    changed = _reviews(db)
    audit = _newest(db)
    for attempt in (
        lambda: sc.correct_scores(db, *key, {"tech": "12"}, "chair 1", expected=form.review),
        lambda: sc.mark_conflict(db, *key, "같은 기관", "chair 1", expected=form.review),
    ):
        with pytest.raises(RefusedByState) as caught:
            attempt()
        assert caught.value.key == "corrections.changed_meanwhile"
        assert "changed meanwhile" in caught.value.message("en")
        assert "바뀌었습니다" in caught.value.message("ko")
    assert _reviews(db) == changed and _newest(db) == audit  # nothing written
    fresh = sc.review_form(db, *key)  # read again, the same correction is made
    sc.correct_scores(db, *key, {"tech": "12"}, "chair 1", expected=fresh.review)
    assert _reviews(db)[key].scores["tech"] == 12


def test_clearing_a_conflict_changed_since_the_form_was_read_is_refused(db: Database) -> None:
    review = _conflict(db)
    key = (review.application_id, review.reviewer_id)
    form = sc.review_form(db, *key)
    values = {c.id: (c.grades[0] if c.grades else str(int(c.high))) for c in form.criteria}
    with db.session() as session:  # the conflict's reason is corrected meanwhile
        stored_reviews.write_review(session, replace(review, conflict_reason="다른 사유"))
    with pytest.raises(RefusedByState):
        sc.clear_conflict(db, *key, values, "철회", expected=form.review)
    assert _reviews(db)[key].conflict


def test_an_unchanged_value_among_changed_ones_is_left_out(db: Database) -> None:
    review = _scored(db, tracks_not="tips")
    key = (review.application_id, review.reviewer_id)
    same = f"{float(review.scores['tech']):.1f}"  # "28.0" for the stored 28
    biz = "1" if review.scores["biz"] != 1 else "2"
    change = sc.correct_scores(db, *key, {"tech": same, "biz": biz}, "오기", expected=review)
    assert change.criteria == ("biz",)
    entries = _newest(db, 2)
    assert entries[0].detail["criterion"] == "biz" and entries[1].action != "review.correct"
    assert _reviews(db)[key].scores == {**review.scores, "biz": float(biz)}
    with pytest.raises(InvalidInput) as caught:  # nothing changes at all
        sc.correct_scores(db, *key, {"tech": same}, "오기", expected=None)
    assert caught.value.key == "corrections.unchanged"


def test_reasons_are_limited(db: Database) -> None:
    review = _scored(db)
    key = (review.application_id, review.reviewer_id)
    new = "1" if review.scores["tech"] != 1 else "2"
    long = "가" * (sc.MAX_REASON + 1)
    with pytest.raises(InvalidInput) as caught:
        sc.correct_score(db, *key, "tech", new, long, expected=None)
    assert caught.value.key == "corrections.reason_too_long"
    assert "1000" in caught.value.message("en") and "1001" in caught.value.message("en")
    assert "1000자 이하" in caught.value.message("ko")
    with pytest.raises(InvalidInput) as caught:
        sc.mark_conflict(db, *key, long, "신고", expected=None)
    assert caught.value.key == "corrections.conflict_reason_too_long"
    assert "conflict" in caught.value.message("en")
    assert _reviews(db)[key] == review
    sc.correct_score(db, *key, "tech", new, "가" * sc.MAX_REASON, expected=None)  # at the limit
    assert _newest(db)[0].detail["reason"] == "가" * sc.MAX_REASON


def test_a_missing_score_names_its_criterion_once(db: Database) -> None:
    review = _conflict(db)
    key = (review.application_id, review.reviewer_id)
    form = sc.review_form(db, *key)
    label = form.criteria[0].label
    with pytest.raises(InvalidInput) as caught:
        sc.clear_conflict(db, *key, {form.criteria[0].id: " "}, "철회", expected=None)
    problem = next(
        e for e in getattr(caught.value, "errors", [caught.value]) if label in e.message("ko")
    )
    assert problem.message("ko").count(label) == 1
    assert problem.message("en").count(label) == 1
