"""Assignments through the services: the assignment file, ``assign``, the window's
single edits, and the score import's refusal of unassigned pairs."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from reviewer.domain.config_toml import load_config
from reviewer.domain.model import Review
from reviewer.errors import InvalidInput, InvalidInputs, RefusedByState
from reviewer.resources import template_path
from reviewer.sample.round import DemoFiles, write_demo_round
from reviewer.services import importing, rounds
from reviewer.services.assignments import (
    add_assignment,
    assign,
    import_assignments,
    list_assignments,
    remove_assignment,
)
from reviewer.store import repository
from reviewer.store.engine import Database
from reviewer.store.models import AuditRow, ConflictRow


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    directory = tmp_path_factory.mktemp("assign-demo")
    return write_demo_round(directory, load_config(str(template_path())), applications=60, seed=3)


@pytest.fixture
def database(tmp_path: Path, demo: DemoFiles) -> Iterator[Database]:
    """A round with the demo's applications and reviewers, no assignments, no scores."""
    path = tmp_path / "round.db"
    rounds.init_round(path, demo.config)
    with rounds.open_round(path) as db:
        importing.import_applications(db, list(demo.applications))
        importing.import_reviewers(db, [demo.reviewers])
        yield db


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _round(database: Database) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    with database.session() as session:
        tracks = repository.application_tracks(session)
        panels = {r.id: r.tracks for r in repository.reviewers(session)}
    return tracks, panels


def _assigned(database: Database) -> set[tuple[str, str]]:
    with database.session() as session:
        return repository.assignments(session)


def _audit(database: Database, action: str) -> list[AuditRow]:
    with database.session() as session:
        rows = session.query(AuditRow).filter(AuditRow.action == action).all()
        session.expunge_all()
        return rows


def _a_panel_pair(database: Database, skip: int = 0) -> tuple[str, str]:
    tracks, panels = _round(database)
    pairs = sorted(
        (app, reviewer)
        for app, track in tracks.items()
        for reviewer, own in panels.items()
        if track in own
    )
    return pairs[skip]


def _set_affiliation(database: Database, folder: Path, reviewer_id: str, affiliation: str) -> None:
    with database.session() as session:
        name = next(r.name for r in repository.reviewers(session) if r.id == reviewer_id)
    path = write_csv(
        folder / "people.csv", ("심사위원ID", "성명", "소속"), [(reviewer_id, name, affiliation)]
    )
    importing.import_reviewers(database, [path])


# -- assign -------------------------------------------------------------------------------


def test_assign_gives_every_application_its_reviewers_from_its_panel(
    database: Database,
) -> None:
    outcome = assign(database, 3)
    tracks, panels = _round(database)
    assigned = _assigned(database)
    assert len(assigned) == outcome.pairs == outcome.added == 3 * len(tracks)
    for app_id, reviewer_id in assigned:
        assert tracks[app_id] in panels[reviewer_id]
    per_app = {a: sum(1 for p in assigned if p[0] == a) for a in tracks}
    assert set(per_app.values()) == {3}
    assert outcome.shortfalls == ()
    assert sum(outcome.loads.values()) == outcome.pairs
    (entry,) = _audit(database, "assign")
    assert entry.detail["pairs"] == outcome.pairs
    assert entry.detail["per_application"] == 3
    assert entry.detail["shortfalls"] == {}


def test_assign_names_the_applications_it_cannot_serve(database: Database) -> None:
    outcome = assign(database, 40)
    assert outcome.shortfalls
    assert {s.reason for s in outcome.shortfalls} == {"panel_too_small"}
    line = outcome.lines("en")[-1]
    assert "the track's panel has only" in line
    assert "트랙 심사위원이" in outcome.lines("ko")[-1]
    (entry,) = _audit(database, "assign")
    assert set(entry.detail["shortfalls"].values()) == {"panel_too_small"}


def test_the_maximum_load_is_kept(database: Database) -> None:
    outcome = assign(database, 3, max_load=2)
    assert max(outcome.loads.values()) <= 2
    assert {s.reason for s in outcome.shortfalls} <= {"max_load", "panel_too_small"}
    assert any(s.reason == "max_load" for s in outcome.shortfalls)


def test_assign_records_organisation_conflicts_and_never_assigns_them(
    database: Database, tmp_path: Path
) -> None:
    app_id, reviewer_id = _a_panel_pair(database)
    with database.session() as session:
        company = next(a.company for a in repository.applications(session) if a.id == app_id)
    _set_affiliation(
        database, tmp_path, reviewer_id, f"주식회사 {company.replace('㈜', '')} 기술연구소"
    )
    outcome = assign(database, 3)
    assert outcome.organisation_conflicts >= 1
    assert (app_id, reviewer_id) not in _assigned(database)
    with database.session() as session:
        row = session.get(ConflictRow, (app_id, reviewer_id))
        assert row is not None and row.source == "organisation"
        assert company.replace("㈜", "") in row.reason
    with pytest.raises(InvalidInput) as refused:
        add_assignment(database, app_id, reviewer_id)
    assert refused.value.key == "assign.conflicted"


def test_rerunning_keeps_the_pairs_that_have_scores(database: Database) -> None:
    assign(database, 3)
    first = sorted(_assigned(database))
    app_id, reviewer_id = first[0]
    with database.session() as session:
        config = repository.load_config(session)
        track = config.track(repository.application_tracks(session)[app_id])
        assert track is not None
        scores = {c.id: next(iter(c.grades)) if c.grades else c.max for c in track.criteria}
        repository.replace_reviews(session, [Review(app_id, reviewer_id, scores)], source="t")
    outcome = assign(database, 1)
    assigned = _assigned(database)
    assert (app_id, reviewer_id) in assigned
    assert outcome.kept == 1
    assert sum(1 for a, _ in assigned if a == app_id) == 1
    assert len(assigned) == len(_round(database)[0])


def test_assign_one_track_leaves_the_others(database: Database) -> None:
    assign(database, 2)
    tracks, _ = _round(database)
    others = {p for p in _assigned(database) if tracks[p[0]] != "tips"}
    outcome = assign(database, 3, track="서울형 TIPS")
    assert outcome.track == "tips"
    after = _assigned(database)
    assert {p for p in after if tracks[p[0]] != "tips"} == others
    tips = [a for a, t in tracks.items() if t == "tips"]
    assert outcome.applications == len(tips)
    assert all(sum(1 for p in after if p[0] == a) == 3 for a in tips)


def test_assign_refuses_bad_settings(database: Database) -> None:
    with pytest.raises(InvalidInput) as bad:
        assign(database, 0)
    assert bad.value.key == "assign.per_application"
    with pytest.raises(InvalidInput) as bad:
        assign(database, 2, max_load=0)
    assert bad.value.key == "assign.max_load"
    with pytest.raises(InvalidInput) as bad:
        assign(database, 2, track="nowhere")
    assert bad.value.key == "import.unknown_track"
    assert _assigned(database) == set()


def test_a_locked_round_refuses_assignments(database: Database, tmp_path: Path) -> None:
    app_id, reviewer_id = _a_panel_pair(database)
    path = write_csv(tmp_path / "a.csv", ("과제번호", "심사위원ID"), [(app_id, reviewer_id)])
    with database.session() as session:  # as reviewer lock leaves it
        repository.round_info(session).status = "locked"
    for action in (
        lambda: assign(database, 2),
        lambda: import_assignments(database, [path]),
        lambda: add_assignment(database, app_id, reviewer_id),
    ):
        with pytest.raises(RefusedByState):
            action()
    assert _assigned(database) == set()


def test_scores_of_unassigned_pairs_are_refused_once_assign_has_run(
    database: Database, demo: DemoFiles
) -> None:
    assign(database, 2)
    assigned = _assigned(database)
    with pytest.raises(InvalidInputs) as refused:
        importing.import_scores(database, list(demo.scores))
    keys = {e.key for e in refused.value.errors}
    assert keys == {"import.not_assigned"}
    assert "is not assigned to application" in refused.value.message("en")
    with database.session() as session:
        assert repository.review_count(session) == 0
    assert _assigned(database) == assigned


def test_the_demos_scores_import_after_its_assignments(database: Database, demo: DemoFiles) -> None:
    assert demo.assignments is not None
    summary = import_assignments(database, [demo.assignments])
    imported = importing.import_scores(database, list(demo.scores))
    assert imported.added == summary.added == len(_assigned(database))


# -- the assignment file -----------------------------------------------------------------


def test_an_assignment_file_assigns_and_declares_conflicts(
    database: Database, tmp_path: Path
) -> None:
    first, second, third = (_a_panel_pair(database, i) for i in range(3))
    path = write_csv(
        tmp_path / "배정.csv",
        ("과제번호", "심사위원ID", "이해충돌", "사유"),
        [(*first, "", ""), (*second, "N", ""), (*third, "예", "최근 공동연구")],
    )
    summary = import_assignments(database, [path])
    assert (summary.added, summary.conflicts, summary.removed) == (2, 1, 0)
    assert _assigned(database) == {first, second}
    with database.session() as session:
        row = session.get(ConflictRow, third)
        assert row is not None and (row.source, row.reason) == ("declared", "최근 공동연구")
    assert "imported 2 assignment(s)" in summary.message("en")
    again = import_assignments(database, [path])
    assert (again.added, again.unchanged) == (0, 2)
    (entry, _) = _audit(database, "import.assignments")
    assert entry.detail["added"] == 2
    rows = {(r.application_id, r.reviewer_id): r for r in list_assignments(database)}
    assert rows[first].assigned and not rows[first].scored and rows[first].conflict is None
    assert not rows[third].assigned and rows[third].conflict is not None


def test_a_declared_conflict_removes_an_unscored_assignment(
    database: Database, tmp_path: Path
) -> None:
    pair = _a_panel_pair(database)
    import_assignments(
        database, [write_csv(tmp_path / "a.csv", ("과제번호", "심사위원ID"), [pair])]
    )
    conflict = write_csv(
        tmp_path / "c.csv", ("application_id", "reviewer_id", "conflict"), [(*pair, "Y")]
    )
    summary = import_assignments(database, [conflict])
    assert summary.removed == 1
    assert _assigned(database) == set()


def test_bad_rows_are_located_and_nothing_is_imported(database: Database, tmp_path: Path) -> None:
    good = _a_panel_pair(database)
    tracks, panels = _round(database)
    app_id = good[0]
    outsider = next(r for r, own in panels.items() if tracks[app_id] not in own)
    path = write_csv(
        tmp_path / "bad.csv",
        ("과제번호", "심사위원ID", "이해충돌"),
        [
            good,  # row 2: fine
            ("2099-9999", good[1]),  # row 3: unknown application
            (app_id, "R999"),  # row 4: unknown reviewer
            good,  # row 5: twice
            (app_id, outsider),  # row 6: not on the panel
            (app_id, good[1], "maybe"),  # row 7: not a yes/no value (and twice)
            ("", good[1]),  # row 8: no application
        ],
    )
    with pytest.raises(InvalidInputs) as refused:
        import_assignments(database, [path])
    found = {(e.key, e.location.row if e.location else None) for e in refused.value.errors}
    assert ("import.unknown_application", 3) in found
    assert ("import.unknown_reviewer", 4) in found
    assert ("assign.import.duplicate", 5) in found
    assert ("assign.import.not_on_panel", 6) in found
    assert ("import.flag", 7) in found
    assert ("import.required", 8) in found
    message = refused.value.message("en")
    assert "bad.csv, row 6, column 심사위원ID: reviewer " in message
    assert "is not on the panel of track" in message
    assert "bad.csv, 6행, 열 심사위원ID:" in refused.value.message("ko")
    assert _assigned(database) == set()


def test_an_assignment_file_refuses_a_same_organisation_pair(
    database: Database, tmp_path: Path
) -> None:
    app_id, reviewer_id = _a_panel_pair(database)
    with database.session() as session:
        company = next(a.company for a in repository.applications(session) if a.id == app_id)
    _set_affiliation(database, tmp_path, reviewer_id, company)
    path = write_csv(tmp_path / "a.csv", ("과제번호", "심사위원ID"), [(app_id, reviewer_id)])
    with pytest.raises(InvalidInputs) as refused:
        import_assignments(database, [path])
    assert [e.key for e in refused.value.errors] == ["assign.import.same_organisation"]


def test_a_conflict_cannot_be_declared_over_scores(database: Database, tmp_path: Path) -> None:
    app_id, reviewer_id = _a_panel_pair(database)
    assign(database, 3)
    with database.session() as session:
        config = repository.load_config(session)
        track = config.track(repository.application_tracks(session)[app_id])
        assert track is not None
        scores = {c.id: next(iter(c.grades)) if c.grades else c.max for c in track.criteria}
        repository.replace_reviews(session, [Review(app_id, reviewer_id, scores)], source="t")
    path = write_csv(
        tmp_path / "c.csv", ("과제번호", "심사위원ID", "이해충돌"), [(app_id, reviewer_id, "O")]
    )
    with pytest.raises(InvalidInputs) as refused:
        import_assignments(database, [path])
    assert [e.key for e in refused.value.errors] == ["assign.import.conflict_scored"]


# -- one pair at a time ------------------------------------------------------------------


def test_adding_and_removing_one_pair_is_audited(database: Database) -> None:
    app_id, reviewer_id = _a_panel_pair(database)
    add_assignment(database, app_id, reviewer_id)
    assert _assigned(database) == {(app_id, reviewer_id)}
    with pytest.raises(InvalidInput) as twice:
        add_assignment(database, app_id, reviewer_id)
    assert twice.value.key == "assign.exists"
    remove_assignment(database, app_id, reviewer_id)
    assert _assigned(database) == set()
    with pytest.raises(InvalidInput) as gone:
        remove_assignment(database, app_id, reviewer_id)
    assert gone.value.key == "assign.not_assigned"
    assert [e.target for e in _audit(database, "assignment.add")] == [f"{app_id}/{reviewer_id}"]
    assert [e.target for e in _audit(database, "assignment.remove")] == [f"{app_id}/{reviewer_id}"]


def test_a_reviewed_pair_cannot_be_removed(database: Database) -> None:
    app_id, reviewer_id = _a_panel_pair(database)
    add_assignment(database, app_id, reviewer_id)
    with database.session() as session:
        repository.replace_reviews(
            session, [Review(app_id, reviewer_id, conflict=True, conflict_reason="x")], source="t"
        )
    with pytest.raises(InvalidInput) as refused:
        remove_assignment(database, app_id, reviewer_id)
    assert refused.value.key == "assign.remove_reviewed"
    assert _assigned(database) == {(app_id, reviewer_id)}


def test_adding_refuses_unknown_ids_and_reviewers_off_the_panel(database: Database) -> None:
    app_id, _ = _a_panel_pair(database)
    tracks, panels = _round(database)
    outsider = next(r for r, own in panels.items() if tracks[app_id] not in own)
    for reviewer_id, key in (
        ("R999", "import.unknown_reviewer"),
        (outsider, "assign.import.not_on_panel"),
    ):
        with pytest.raises(InvalidInput) as refused:
            add_assignment(database, app_id, reviewer_id)
        assert refused.value.key == key
    with pytest.raises(InvalidInput) as unknown:
        add_assignment(database, "2099-0001", outsider)
    assert unknown.value.key == "import.unknown_application"
