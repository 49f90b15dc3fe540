"""The services the window reads: the dashboard, the lists and the audit log."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reviewer.domain.model import Review, RoundData
from reviewer.services import dashboard, listing, rounds, selecting
from reviewer.store import repository
from reviewer.store.engine import Database
from tests.demo_round import build_demo_round


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo round, imported but not selected."""
    return build_demo_round(tmp_path_factory.mktemp("window-services"), 80, seed=3, select=False)


@pytest.fixture
def round_copy(demo: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "round.db"
    shutil.copy(demo, copy)
    return copy


def test_dashboard_before_any_run(round_copy: Path) -> None:
    with rounds.open_round(round_copy) as db:
        board = dashboard.dashboard(db)
        data = _data(db)
    assert board.run_id is None and not board.stale
    assert board.warnings[0].kind == "no_run"
    assert sum(t.applications for t in board.tracks) == board.applications == 80
    assert [t.id for t in board.tracks] == [t.id for t in data.config.tracks]
    assert all(t.selected is None for t in board.tracks)
    assert board.quotas == ()
    assert board.reviews == len(data.reviews)
    counted = sum(1 for r in data.reviews if not r.conflict)
    assert sum(t.counted for t in board.tracks) == counted


def test_dashboard_after_a_run_then_stale(round_copy: Path) -> None:
    with rounds.open_round(round_copy) as db:
        run = selecting.run_selection(db, "en")
        board = dashboard.dashboard(db)
        assert board.run_id == run.run_id and not board.stale
        assert "no_run" not in {w.kind for w in board.warnings}
        assert [(q.name, q.required, q.achieved) for q in board.quotas] == [
            (q["name"], q["required"], q["achieved"]) for q in run.document["quotas"]
        ]
        selected = {t["id"]: t["selected"] for t in run.document["tracks"]}
        assert {t.id: t.selected for t in board.tracks} == selected
        incomplete = {a["id"] for a in run.document["applications"] if a["status"] == "incomplete"}
        assert sum(t.incomplete for t in board.tracks) == len(incomplete)
        short = {i for w in board.warnings if w.kind == "short" for i in w.ids}
        assert incomplete <= short
        ties = [w for w in board.warnings if w.kind == "tie"]
        assert len(ties) == len(run.document["boundary_ties"])

        first = _data(db).reviews[0]
        with db.session() as session:
            changed = Review(first.application_id, first.reviewer_id, first.scores, comment="고침")
            repository.replace_reviews(session, [changed], "test")
        board = dashboard.dashboard(db)
    assert board.stale
    assert board.warnings[0].kind == "stale"
    assert "shortfall" not in {w.kind for w in board.warnings}  # a stale run's figures
    assert "tie" not in {w.kind for w in board.warnings}


def test_reviewers_list_their_tracks_reviews_and_conflicts(round_copy: Path) -> None:
    with rounds.open_round(round_copy) as db:
        entries = listing.reviewers(db)
        data = _data(db)
    assert [e.id for e in entries] == [r.id for r in data.reviewers]
    by_id = {e.id: e for e in entries}
    for review in data.reviews:
        entry = by_id[review.reviewer_id]
        if review.conflict:
            assert review.application_id in {c.application_id for c in entry.conflicts}
    scored = sum(e.reviews for e in entries)
    assert scored == sum(1 for r in data.reviews if not r.conflict)
    assert any(r.conflict for r in data.reviews), "the demo round has recusals"


def test_applications_list_every_field_and_attribute(round_copy: Path) -> None:
    with rounds.open_round(round_copy) as db:
        listed = listing.applications(db)
    assert len(listed.applications) == 80
    assert not listed.locked
    assert set(listed.track_names) == {a.track for a in listed.applications} | set(
        listed.track_names
    )
    for key in listed.attributes:
        assert any(key in a.attributes for a in listed.applications)


def test_audit_log_newest_first(round_copy: Path) -> None:
    with rounds.open_round(round_copy) as db:
        selecting.run_selection(db, "en")
        entries = listing.audit_log(db)
        assert [e.id for e in entries] == sorted((e.id for e in entries), reverse=True)
        assert entries[0].action == "select"
        assert {"import"} <= {e.action.split(".")[0].split("_")[0] for e in entries}
        assert len(listing.audit_log(db, limit=2)) == 2


def _data(db: Database) -> RoundData:
    with db.session() as session:
        return repository.load_round(session)


def _first(db: Database) -> tuple[str, str]:
    data = _data(db)
    app = next(a for a in data.applications if a.track == "challenge")
    return app.id, app.title


def test_correcting_an_application_audits_each_field_with_the_reason(round_copy: Path) -> None:
    from reviewer.services import corrections

    with rounds.open_round(round_copy) as db:
        app_id, title = _first(db)
        changed = corrections.correct_application(
            db, app_id, {"title": "고친 과제명", "amount": "4억 5천만원"}, "  오탈자  정정 "
        )
        assert changed == ("title", "amount")
        app = next(a for a in _data(db).applications if a.id == app_id)
        assert (app.title, app.amount) == ("고친 과제명", 450_000_000)
        entry = listing.audit_log(db)[0]
        assert (entry.action, entry.target) == ("application.update", app_id)
        assert entry.detail["reason"] == "오탈자 정정"
        assert entry.detail["old"]["title"] == title
        assert entry.detail["new"] == {"title": "고친 과제명", "amount": 450_000_000}
        # the same values again change nothing and write nothing
        before = len(listing.audit_log(db))
        assert corrections.correct_application(db, app_id, {"title": "고친 과제명"}, "x") == ()
        assert len(listing.audit_log(db)) == before


@pytest.mark.parametrize(
    ("values", "reason", "key"),
    [
        ({"title": "x"}, "   ", "correct.reason_required"),
        ({"amount": "사억"}, "r", None),
        ({"track": "nowhere"}, "r", None),
        ({"business_no": "123-45-67890"}, "r", None),
        ({"title": ""}, "r", None),
    ],
)
def test_a_bad_correction_is_refused_and_changes_nothing(
    round_copy: Path, values: dict[str, str], reason: str, key: str | None
) -> None:
    from reviewer.errors import InvalidInput
    from reviewer.services import corrections

    before = round_copy.read_bytes()
    with rounds.open_round(round_copy) as db:
        app_id, _ = _first(db)
        with pytest.raises(InvalidInput) as info:
            corrections.correct_application(db, app_id, values, reason)
    if key is not None:
        assert info.value.key == key
    else:
        assert "form" in info.value.message("en")  # the message names the form and field
    assert round_copy.read_bytes() == before


def test_a_locked_round_refuses_corrections(round_copy: Path) -> None:
    from reviewer.errors import RefusedByState
    from reviewer.services import corrections, locking

    with rounds.open_round(round_copy) as db:
        selecting.run_selection(db, "en")
        locking.lock_round(db)
        app_id, _ = _first(db)
        with pytest.raises(RefusedByState):
            corrections.correct_application(db, app_id, {"title": "x"}, "r")


def test_a_free_attribute_is_corrected_too(round_copy: Path) -> None:
    from reviewer.services import corrections

    with rounds.open_round(round_copy) as db:
        data = _data(db)
        app = next(a for a in data.applications if a.attributes)
        name = next(iter(app.attributes))
        assert corrections.correct_application(db, app.id, {name: "새 값"}, "정정") == (
            f"attributes.{name}",
        )
        after = next(a for a in _data(db).applications if a.id == app.id)
        assert after.attributes[name] == "새 값"
        assert {k: v for k, v in after.attributes.items() if k != name} == {
            k: v for k, v in app.attributes.items() if k != name
        }
