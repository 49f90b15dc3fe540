"""Importing returned score files: each check in its order with its own message, nothing
written on any error, a newer version replacing the scores (audited), and the scores
then deciding the selection."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewer.domain.package import ReviewerPackage, ScoreEntry, ScoreReturn
from reviewer.errors import InvalidInput, InvalidInputs, RefusedByState
from reviewer.exchange import packages as package_files
from reviewer.exchange.packages import open_package, write_score_file
from reviewer.services import importing, locking, rounds, selecting
from reviewer.services import packages as service
from reviewer.store.engine import Database
from reviewer.store.models import AuditRow, ConflictRow, PackageRow, ReviewRow
from tests.integration.package_round import build_round

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package_files, "SCRYPT_N", 2**4)


@dataclass
class Returned:
    database: Database
    package: ReviewerPackage
    folder: Path

    def scores(self, *entries: ScoreEntry, version: int = 1, **changes: object) -> ScoreReturn:
        base = ScoreReturn(
            format=1,
            round_id=self.package.round_id,
            package_id=self.package.package_id,
            reviewer_id=self.package.reviewer_id,
            version=version,
            created_at=datetime(2026, 12, 3, 9, 0),
            sent_at=datetime(2026, 12, 3, 9, version),
            entries=entries,
        )
        return replace(base, **changes)  # type: ignore[arg-type]

    def write(
        self, scores: ScoreReturn, name: str = "R1.rvscore", secret: bytes | None = None
    ) -> Path:
        path = self.folder / name
        write_score_file(path, scores, self.package.secret if secret is None else secret)
        return path


def full(**changes: object) -> tuple[ScoreEntry, ...]:
    entries = (
        ScoreEntry("A01", {"tech": 50.0, "plan": "A"}, "좋음"),
        ScoreEntry("A02", {"tech": 60.0, "plan": "A"}, "매우 좋음"),
        ScoreEntry("B01", {"invest": 3.0}, ""),
    )
    return tuple(replace(e, **changes) for e in entries)  # type: ignore[arg-type]


@pytest.fixture
def returned(tmp_path: Path) -> Iterator[Returned]:
    with rounds.open_round(build_round(tmp_path / "round.db")) as database:
        service.create_package(database, "R1", tmp_path / "R1.rvpkg", PASSWORD)
        package = open_package(tmp_path / "R1.rvpkg", PASSWORD).package
        yield Returned(database, package, tmp_path)


def reviews_of(database: Database, reviewer: str) -> dict[str, tuple[dict[str, object], str, bool]]:
    with database.session() as session:
        return {
            r.application_id: (r.scores, r.comment, r.conflict)
            for r in session.scalars(select(ReviewRow).where(ReviewRow.reviewer_id == reviewer))
        }


def package_row(database: Database) -> PackageRow:
    with database.session() as session:
        return session.scalars(select(PackageRow)).one()


def refused(database: Database, path: Path | list[Path]) -> list[str]:
    """The keys of the errors importing ``path`` fails with; asserts nothing changed."""
    before = reviews_of(database, "R1"), package_row(database).returned_version
    with pytest.raises(InvalidInput) as caught:
        importing.import_scores(database, path if isinstance(path, list) else [path])
    assert caught.value.exit_code == 3
    assert (reviews_of(database, "R1"), package_row(database).returned_version) == before
    error = caught.value
    return [e.key for e in error.errors] if isinstance(error, InvalidInputs) else [error.key]


def test_a_score_file_is_imported(returned: Returned) -> None:
    path = returned.write(returned.scores(*full()))
    summary = importing.import_scores(returned.database, [path])
    assert (summary.added, summary.replaced, summary.conflicts) == (3, 0, 0)
    assert reviews_of(returned.database, "R1") == {
        "A01": ({"tech": 50.0, "plan": "A"}, "좋음", False),
        "A02": ({"tech": 60.0, "plan": "A"}, "매우 좋음", False),
        "B01": ({"invest": 3.0}, "", False),
    }
    row = package_row(returned.database)
    assert row.returned_version == 1 and row.returned_at is not None
    with returned.database.session() as session:
        entry = session.scalars(
            select(AuditRow).where(AuditRow.action == "import.score_file")
        ).one()
    assert entry.target == "R1"
    assert entry.detail["package"] == returned.package.package_id
    assert entry.detail["version"] == 1 and entry.detail["added"] == 3


def test_a_newer_version_replaces_the_scores_and_is_audited(returned: Returned) -> None:
    importing.import_scores(returned.database, [returned.write(returned.scores(*full()))])
    newer = (full()[0], ScoreEntry("A02", {"tech": 10.0, "plan": "C"}, "다시 보니 약함"))
    summary = importing.import_scores(
        returned.database, [returned.write(returned.scores(*newer, version=2), "v2.rvscore")]
    )
    assert (summary.added, summary.replaced, summary.unchanged) == (0, 1, 1)
    assert reviews_of(returned.database, "R1")["A02"] == (
        {"tech": 10.0, "plan": "C"},
        "다시 보니 약함",
        False,
    )
    assert package_row(returned.database).returned_version == 2
    with returned.database.session() as session:
        replaced = session.scalars(
            select(AuditRow).where(AuditRow.action == "review.replace")
        ).all()
    [old] = [r for r in replaced if r.target == "A02/R1"]
    assert old.detail["old"]["scores"] == {"tech": 60.0, "plan": "A"}
    assert returned.package.package_id in old.detail["source"]
    assert "v2" in old.detail["source"]


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_or_equal_version_is_a_replay(returned: Returned, version: int) -> None:
    importing.import_scores(
        returned.database, [returned.write(returned.scores(*full(), version=2), "v2.rvscore")]
    )
    replay = returned.write(returned.scores(*full(comment="바뀐 의견"), version=version))
    assert refused(returned.database, replay) == ["package.import.replay"]


def test_a_file_of_a_package_the_round_did_not_make_is_refused(
    returned: Returned, tmp_path: Path
) -> None:
    (tmp_path / "other").mkdir()
    with rounds.open_round(build_round(tmp_path / "other" / "round.db", select=False)) as other:
        service.create_package(other, "R1", tmp_path / "other" / "R1.rvpkg", PASSWORD)
    package = open_package(tmp_path / "other" / "R1.rvpkg", PASSWORD).package
    foreign = Returned(returned.database, package, tmp_path / "other")
    path = foreign.write(foreign.scores(*full()))
    assert refused(returned.database, path) == ["package.import.unknown_package"]


def test_a_changed_signature_is_refused(returned: Returned) -> None:
    path = returned.write(returned.scores(*full()), secret=bytes(32))
    assert refused(returned.database, path) == ["package.score.signature"]


def test_a_file_signed_for_another_round_is_refused(returned: Returned) -> None:
    path = returned.write(returned.scores(*full(), round_id="f" * 32))
    assert refused(returned.database, path) == ["package.import.other_round"]


def test_a_file_of_another_reviewer_is_refused(returned: Returned) -> None:
    path = returned.write(returned.scores(*full(), reviewer_id="R2"))
    keys = refused(returned.database, path)
    assert keys == ["package.import.other_reviewer"]


def test_the_checks_run_in_order(returned: Returned) -> None:
    """A file wrong in every way is refused for the first check: the signature."""
    scores = returned.scores(*full(), round_id="f" * 32, reviewer_id="R2")
    assert refused(returned.database, returned.write(scores, secret=bytes(32))) == [
        "package.score.signature"
    ]
    assert refused(returned.database, returned.write(scores)) == ["package.import.other_round"]


def test_an_application_outside_the_package_is_refused(returned: Returned) -> None:
    entries = (*full(), ScoreEntry("A04", {"tech": 1.0, "plan": "A"}))
    keys = refused(returned.database, returned.write(returned.scores(*entries)))
    assert keys == ["package.import.not_in_package"]


def test_an_application_no_longer_assigned_is_refused(returned: Returned) -> None:
    from reviewer.store.models import AssignmentRow

    with returned.database.session() as session:
        row = session.get(AssignmentRow, ("B01", "R1"))
        assert row is not None
        session.delete(row)
    keys = refused(returned.database, returned.write(returned.scores(*full())))
    assert keys == ["import.not_assigned"]


def test_scores_out_of_range_are_refused_like_a_spreadsheets(returned: Returned) -> None:
    entries = (
        ScoreEntry("A01", {"tech": 61.0, "plan": "A"}),
        ScoreEntry("A02", {"tech": -1.0, "plan": "D"}),
        ScoreEntry("B01", {"invest": 3.0, "tech": 4.0}),
    )
    with pytest.raises(InvalidInputs) as caught:
        importing.import_scores(returned.database, [returned.write(returned.scores(*entries))])
    keys = [e.key for e in caught.value.errors]
    assert keys == [
        "import.above_max",
        "import.below_min",
        "import.not_grade",
        "package.import.unknown_criterion",
    ]
    text = caught.value.message("en")
    assert "R1.rvscore: application A01, 기술성 (tech): 61 is above the maximum 60" in text
    assert "application A02, 계획 (plan): D is not a grade of 계획 (plan)" in text
    assert reviews_of(returned.database, "R1") == {}


def test_a_missing_criterion_is_refused(returned: Returned) -> None:
    keys = refused(
        returned.database, returned.write(returned.scores(ScoreEntry("A01", {"tech": 3.0})))
    )
    assert keys == ["import.missing_score"]


def test_a_conflict_with_scores_is_refused(returned: Returned) -> None:
    entry = ScoreEntry("A01", {"tech": 3.0, "plan": "A"}, conflict=True)
    keys = refused(returned.database, returned.write(returned.scores(entry)))
    assert keys == ["package.import.conflict_with_scores"]


def test_scores_for_an_application_the_round_records_a_conflict_for_are_refused(
    returned: Returned,
) -> None:
    with returned.database.session() as session:
        session.add(ConflictRow(application_id="A02", reviewer_id="R1", source="declared"))
    keys = refused(returned.database, returned.write(returned.scores(*full())))
    assert keys == ["package.import.conflicted"]


def test_an_application_scored_twice_is_refused(returned: Returned) -> None:
    entries = (*full(), ScoreEntry("A01", {"tech": 1.0, "plan": "B"}))
    keys = refused(returned.database, returned.write(returned.scores(*entries)))
    assert keys == ["package.import.duplicate_entry"]


def test_a_declared_conflict_is_imported_as_the_reviewers(returned: Returned) -> None:
    entries = (ScoreEntry("A01", conflict=True, conflict_reason="친족 관계"), *full()[1:])
    summary = importing.import_scores(
        returned.database, [returned.write(returned.scores(*entries))]
    )
    assert summary.conflicts == 1
    assert reviews_of(returned.database, "R1")["A01"] == ({}, "", True)
    with returned.database.session() as session:
        conflict = session.get(ConflictRow, ("A01", "R1"))
    assert conflict is not None
    assert (conflict.source, conflict.reason) == ("reviewer", "친족 관계")
    # and the reviewer may change their mind in a later version
    importing.import_scores(
        returned.database, [returned.write(returned.scores(*full(), version=2), "v2.rvscore")]
    )
    assert reviews_of(returned.database, "R1")["A01"][2] is False
    with returned.database.session() as session:
        assert session.get(ConflictRow, ("A01", "R1")) is None
    # so a third version scoring it again is no conflict either
    third = returned.write(returned.scores(*full(comment="셋째"), version=3), "v3.rvscore")
    assert importing.import_scores(returned.database, [third]).replaced == 3


def test_unscored_entries_are_passed_over(returned: Returned) -> None:
    entries = (
        ScoreEntry("A01", {"tech": 50.0, "plan": "A"}),
        ScoreEntry("A02"),
        ScoreEntry("B01", comment="나중에"),
    )
    summary = importing.import_scores(
        returned.database, [returned.write(returned.scores(*entries))]
    )
    assert summary.added == 1
    assert set(reviews_of(returned.database, "R1")) == {"A01"}
    assert package_row(returned.database).returned_version == 1


def test_a_locked_round_refuses_the_import(returned: Returned) -> None:
    path = returned.write(returned.scores(*full()))
    locking.lock_round(returned.database)
    with pytest.raises(RefusedByState) as caught:
        importing.import_scores(returned.database, [path])
    assert caught.value.exit_code == 4
    assert reviews_of(returned.database, "R1") == {}
    assert package_row(returned.database).returned_version is None


def test_one_bad_file_of_several_imports_none(returned: Returned, tmp_path: Path) -> None:
    with rounds.open_round(tmp_path / "round.db") as database:
        service.create_package(database, "R3", tmp_path / "R3.rvpkg", PASSWORD)
    r3 = Returned(
        returned.database, open_package(tmp_path / "R3.rvpkg", PASSWORD).package, tmp_path
    )
    good = r3.write(r3.scores(ScoreEntry("A01", {"tech": 40.0, "plan": "A"})), "R3.rvscore")
    bad = returned.write(returned.scores(*full()), secret=bytes(32))
    with pytest.raises(InvalidInputs):
        importing.import_scores(returned.database, [good, bad])
    assert reviews_of(returned.database, "R3")["A01"][0] == {"tech": 44.0, "plan": "B"}
    summary = importing.import_scores(
        returned.database, [good, returned.write(returned.scores(*full()))]
    )
    assert summary.added == 3 and summary.replaced == 1


def test_two_files_of_one_package_in_one_import_are_refused(returned: Returned) -> None:
    first = returned.write(returned.scores(*full()))
    second = returned.write(returned.scores(*full(), version=2), "v2.rvscore")
    assert refused(returned.database, [first, second]) == ["package.import.same_package_twice"]


def test_a_score_file_and_a_spreadsheet_in_one_import_are_refused(returned: Returned) -> None:
    sheet = returned.folder / "scores.csv"
    sheet.write_text("과제번호,심사위원ID,기술성,계획\nA01,R1,10,A\n", encoding="utf-8")
    path = returned.write(returned.scores(*full()))
    with pytest.raises(InvalidInput) as caught:
        importing.import_scores(returned.database, [path, sheet])
    assert caught.value.key == "package.import.mixed"
    assert "scores.csv" in caught.value.message("en")


def test_a_damaged_file_is_refused_naming_it(returned: Returned) -> None:
    path = returned.write(returned.scores(*full()))
    path.write_bytes(path.read_bytes().replace(b'"tech":50', b'"tech":60'))
    keys = refused(returned.database, path)
    assert keys == ["package.score.signature"]
    path.write_bytes(b"not json")
    assert refused(returned.database, path) == ["package.score.not_a_score_file"]


def test_returned_scores_decide_the_selection(returned: Returned) -> None:
    """A02 had one review (R2: 54 points) of the two the round needs: incomplete. R1's
    returned 100 completes it at the mean, 77.00."""

    def a02(document: dict[str, object]) -> dict[str, object]:
        apps = document["applications"]
        assert isinstance(apps, list)
        return next(a for a in apps if a["id"] == "A02")

    before = a02(selecting.run_selection(returned.database, "en").document)
    assert before["status"] == "incomplete" and before["final_score"] is None
    importing.import_scores(returned.database, [returned.write(returned.scores(*full()))])
    after = a02(selecting.run_selection(returned.database, "en").document)
    assert after["final_score"] == 77.0 and after["reviews"] == 2
    assert after["status"] in ("selected", "not_selected", "selected_by_quota")


def test_an_older_package_cannot_overwrite_a_newer_packages_scores(returned: Returned) -> None:
    old = returned.write(returned.scores(*full()), "old.rvscore")
    # made at once after the first (within the same second): still the newer one
    service.create_package(returned.database, "R1", returned.folder / "new.rvpkg", PASSWORD)
    package = open_package(returned.folder / "new.rvpkg", PASSWORD).package
    newer = Returned(returned.database, package, returned.folder)
    importing.import_scores(returned.database, [newer.write(newer.scores(*full()), "new.rvscore")])
    with pytest.raises(InvalidInputs) as caught:
        importing.import_scores(returned.database, [old])
    assert [e.key for e in caught.value.errors] == ["package.import.superseded"]
    assert package.package_id in caught.value.message("en")


def test_the_dashboard_sees_each_reviewers_package(returned: Returned) -> None:
    from reviewer.services.dashboard import dashboard

    before = dashboard(returned.database, "en").packages
    r1 = before["R1"]
    assert r1.package_id == returned.package.package_id and r1.returned_version is None
    assert r1.applications == 3 and len(r1.missing) == 3
    assert "R2" not in before  # no package made for R2
    entries = (*full()[:2], ScoreEntry("B01"))
    importing.import_scores(returned.database, [returned.write(returned.scores(*entries))])
    r1 = dashboard(returned.database, "en").packages["R1"]
    assert (r1.missing, r1.returned_version) == (("B01",), 1)
    assert r1.returned_at is not None


def test_two_packages_of_one_reviewer_in_one_import_are_refused(returned: Returned) -> None:
    """Which of two packages is newer is known against the round, file by file: an old
    package's scores must never land after a newer one's in the same command."""
    old = returned.write(returned.scores(*full(comment="OLD")), "old.rvscore")
    service.create_package(returned.database, "R1", returned.folder / "new.rvpkg", PASSWORD)
    package = open_package(returned.folder / "new.rvpkg", PASSWORD).package
    newer = Returned(returned.database, package, returned.folder)
    new = newer.write(newer.scores(*full(comment="NEW")), "new.rvscore")
    with pytest.raises(InvalidInputs) as caught:
        importing.import_scores(returned.database, [new, old])
    assert [e.key for e in caught.value.errors] == ["package.import.same_reviewer_twice"]
    assert reviews_of(returned.database, "R1") == {}


def test_a_conflict_sent_again_unchanged_keeps_its_record(returned: Returned) -> None:
    entries = (ScoreEntry("A01", conflict=True, conflict_reason="친족 관계"), *full()[1:])
    importing.import_scores(returned.database, [returned.write(returned.scores(*entries))])
    again = (entries[0], *full(comment="다시")[1:])  # the conflict as it was, scores changed
    importing.import_scores(
        returned.database, [returned.write(returned.scores(*again, version=2), "v2.rvscore")]
    )
    with returned.database.session() as session:
        conflict = session.get(ConflictRow, ("A01", "R1"))
    assert conflict is not None
    assert (conflict.source, conflict.reason) == ("reviewer", "친족 관계")
    assert reviews_of(returned.database, "R1")["A01"] == ({}, "", True)


def test_assign_again_keeps_the_pairs_of_a_package_handed_out(returned: Returned) -> None:
    from reviewer.services.assignments import assign
    from reviewer.store import repository

    held = set(returned.package.applications)
    assign(returned.database, 2)
    with returned.database.session() as session:
        assigned = repository.assignments(session)
    assert {(app.id, "R1") for app in held} <= assigned
    summary = importing.import_scores(returned.database, [returned.write(returned.scores(*full()))])
    assert summary.added == 3


def test_the_round_of_a_score_file_is_found_among_round_databases(
    returned: Returned, tmp_path: Path
) -> None:
    from reviewer.services.score_returns import round_of_score_file

    path = returned.write(returned.scores(*full()))
    target = tmp_path / "round.db"
    missing = tmp_path / "missing.db"
    not_a_round = tmp_path / "notes.db"
    not_a_round.write_text("notes", encoding="utf-8")
    assert rounds.round_uid(target) == returned.package.round_id
    assert rounds.round_uid(missing) is None and not missing.exists()  # nothing made
    assert rounds.round_uid(not_a_round) is None
    assert round_of_score_file(path, [missing, not_a_round, target]) == str(target)
    assert round_of_score_file(path, [missing, not_a_round]) is None
    other = returned.write(returned.scores(*full(), round_id="c" * 32), name="other.rvscore")
    assert round_of_score_file(other, [target]) is None
    broken = tmp_path / "broken.rvscore"
    broken.write_text("{", encoding="utf-8")
    assert round_of_score_file(broken, [target]) is None
    assert round_of_score_file(tmp_path / "gone.rvscore", [target]) is None
