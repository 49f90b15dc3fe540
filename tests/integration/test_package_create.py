"""Making reviewer packages: what goes in (and what never does), the package row, and
nothing left behind when any step fails."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewer.errors import InvalidInput, RefusedByState
from reviewer.exchange import packages as package_files
from reviewer.exchange.packages import open_package
from reviewer.services import locking, rounds
from reviewer.services import packages as service
from reviewer.store.audit import audit
from reviewer.store.engine import Database
from reviewer.store.models import AssignmentRow, AuditRow, PackageRow, ReviewRow
from tests.integration.package_round import (
    APPENDIX_A01,
    PROPOSAL_A01,
    PROPOSAL_A02,
    build_round,
)

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package_files, "SCRYPT_N", 2**4)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with rounds.open_round(build_round(tmp_path / "round.db")) as database:
        yield database


def package_rows(database: Database) -> list[PackageRow]:
    with database.session() as session:
        return list(session.scalars(select(PackageRow)))


def test_a_package_holds_the_assigned_non_conflicted_applications(
    db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "R1.rvpkg"
    summary = service.create_package(db, "R1", out, PASSWORD)
    opened = open_package(out, PASSWORD)
    package = opened.package
    assert [a.id for a in package.applications] == ["A01", "A02", "B01"]  # A03 is a conflict
    assert package.reviewer_id == "R1" and package.reviewer_name == "김하나"
    assert package.round_name == "패키지 시험 회차"
    assert (package.comment_below, package.comment_above) == (55.0, 90.0)
    assert [t.id for t in package.tracks] == ["alpha", "beta"]
    assert [c.id for c in package.track("beta").criteria] == ["invest"]
    assert dict(package.track("alpha").criteria[1].grades or {}) == {"A": 1.0, "B": 0.6, "C": 0.2}
    a01 = package.applications[0]
    assert (a01.title, a01.company, a01.ai_category, a01.amount) == (
        "양자 센서 개발",
        "(주)첫째기업",
        "AI",
        100_000_000,
    )
    assert [a.name for a in a01.attachments] == ["A01_제안서.pdf", "A01_부속.hwpx"]
    assert opened.content(a01.attachments[0].sha256) == PROPOSAL_A01
    assert opened.content(a01.attachments[1].sha256) == APPENDIX_A01
    assert opened.content(package.applications[1].attachments[0].sha256) == PROPOSAL_A02
    assert package.applications[2].attachments == ()
    assert summary.applications == 3 and summary.attachments == 3
    assert summary.attachment_bytes == len(PROPOSAL_A01) + len(APPENDIX_A01) + len(PROPOSAL_A02)

    [row] = package_rows(db)
    assert row.id == package.package_id and row.reviewer_id == "R1"
    assert bytes.fromhex(row.secret) == package.secret and len(package.secret) == 32
    assert row.applications == ["A01", "A02", "B01"]
    assert row.returned_version is None
    with db.session() as session:
        uid = session.scalars(select(AuditRow).where(AuditRow.action == "package.create")).one()
        assert uid.detail["package"] == package.package_id and uid.detail["password"] is True


def test_each_package_gets_its_own_id_and_secret(db: Database, tmp_path: Path) -> None:
    first = service.create_package(db, "R1", tmp_path / "a.rvpkg", PASSWORD)
    second = service.create_package(db, "R1", tmp_path / "b.rvpkg", PASSWORD)
    rows = {row.id: row.secret for row in package_rows(db)}
    assert set(rows) == {first.package_id, second.package_id}
    assert len(set(rows.values())) == 2


def test_a_conflict_the_reviewer_declared_in_a_review_is_left_out(
    db: Database, tmp_path: Path
) -> None:
    with db.session() as session:
        session.add(
            ReviewRow(
                application_id="A01",
                reviewer_id="R1",
                scores={},
                comment="",
                conflict=True,
                conflict_reason="가족",
                changed_at=datetime(2026, 12, 1),
            )
        )
    service.create_package(db, "R1", tmp_path / "R1.rvpkg", None)
    package = open_package(tmp_path / "R1.rvpkg", None).package
    assert [a.id for a in package.applications] == ["A02", "B01"]


def test_a_package_without_password_opens_without_one(db: Database, tmp_path: Path) -> None:
    summary = service.create_package(db, "R1", tmp_path / "R1.rvpkg", None)
    assert not summary.password
    assert open_package(tmp_path / "R1.rvpkg", None).package.reviewer_id == "R1"


def test_an_unknown_reviewer_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        service.create_package(db, "R9", tmp_path / "x.rvpkg", PASSWORD)
    assert caught.value.key == "package.unknown_reviewer" and caught.value.exit_code == 3
    assert "R9" in caught.value.message("en")
    assert not list(tmp_path.glob("*.rvpkg")) and not package_rows(db)


def test_a_reviewer_without_assignments_is_refused(tmp_path: Path) -> None:
    with rounds.open_round(build_round(tmp_path / "round.db")) as db:
        with db.session() as session:
            for row in session.scalars(
                select(AssignmentRow).where(AssignmentRow.reviewer_id == "R3")
            ):
                session.delete(row)
        with pytest.raises(InvalidInput) as caught:
            service.create_package(db, "R3", tmp_path / "R3.rvpkg", PASSWORD)
        assert caught.value.key == "package.reviewer_unassigned"
        assert "R3" in caught.value.message("en")
        assert not (tmp_path / "R3.rvpkg").exists() and not package_rows(db)


def test_a_round_without_assignments_says_to_assign_first(tmp_path: Path) -> None:
    with rounds.open_round(build_round(tmp_path / "round.db", assign=False)) as db:
        for make in (
            lambda: service.create_package(db, "R1", tmp_path / "R1.rvpkg", PASSWORD),
            lambda: service.create_all(db, tmp_path / "out"),
        ):
            with pytest.raises(InvalidInput) as caught:
                make()
            assert caught.value.key == "package.no_assignments"
            assert "reviewer assign" in caught.value.message("en")
            assert "import assignments" in caught.value.message("ko")
        assert not package_rows(db)
        assert not list((tmp_path / "out").iterdir())


def test_every_application_a_conflict_is_refused(db: Database, tmp_path: Path) -> None:
    with db.session() as session:
        for row in session.scalars(select(AssignmentRow).where(AssignmentRow.reviewer_id == "R1")):
            if row.application_id != "A03":
                session.delete(row)
    with pytest.raises(InvalidInput) as caught:
        service.create_package(db, "R1", tmp_path / "R1.rvpkg", PASSWORD)
    assert caught.value.key == "package.all_conflicted"


def test_a_short_password_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        service.create_package(db, "R1", tmp_path / "R1.rvpkg", "short")
    assert caught.value.key == "package.password_short"
    assert not package_rows(db)


def test_an_existing_file_is_kept_unless_forced(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "R1.rvpkg"
    out.write_bytes(b"earlier")
    with pytest.raises(RefusedByState) as caught:
        service.create_package(db, "R1", out, PASSWORD)
    assert caught.value.key == "package.exists" and caught.value.exit_code == 4
    assert out.read_bytes() == b"earlier" and not package_rows(db)
    service.create_package(db, "R1", out, PASSWORD, force=True)
    assert open_package(out, PASSWORD).package.reviewer_id == "R1"


def test_a_missing_folder_is_named(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        service.create_package(db, "R1", tmp_path / "nowhere" / "R1.rvpkg", PASSWORD)
    assert caught.value.key == "package.no_folder"
    assert "nowhere" in caught.value.message("en")


def test_a_locked_round_makes_no_package(db: Database, tmp_path: Path) -> None:
    locking.lock_round(db)
    with pytest.raises(RefusedByState):
        service.create_package(db, "R1", tmp_path / "R1.rvpkg", PASSWORD)
    assert not list(tmp_path.glob("*.rvpkg")) and not package_rows(db)


def leftovers(folder: Path) -> list[str]:
    """Every file in ``folder`` but the round database's own."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("round.db"))


def test_a_failure_before_the_commit_leaves_no_file_and_no_row(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is written (under a temporary name) before the row is committed; a
    failure in between removes it."""

    def failing_audit(session: object, action: str, *args: object, **kwargs: object) -> None:
        if action == "package.create":
            raise OSError(28, "No space left on device")
        audit(session, action, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "audit", failing_audit)
    with pytest.raises(OSError):
        service.create_package(db, "R1", tmp_path / "R1.rvpkg", PASSWORD)
    assert leftovers(tmp_path) == []
    assert not package_rows(db)


def test_a_failure_renaming_into_place_removes_the_row(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace

    def failing_replace(source: str | Path, target: str | Path) -> None:
        if str(target).endswith("R1.rvpkg"):
            raise PermissionError(13, "Permission denied")
        real(source, target)

    monkeypatch.setattr(service.os, "replace", failing_replace)
    with pytest.raises(InvalidInput) as caught:
        service.create_package(db, "R1", tmp_path / "R1.rvpkg", PASSWORD)
    assert caught.value.key == "package.unwritable"
    assert leftovers(tmp_path) == []
    assert not package_rows(db)


# -- create-all --------------------------------------------------------------------------


def read_passwords(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads Korean from UTF-8 only with a BOM
    return list(csv.reader(data.decode("utf-8-sig").splitlines()))


def test_create_all_makes_one_package_per_assigned_reviewer(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "packages"
    made = service.create_all(db, out, lang="ko")
    assert [s.reviewer_id for s in made.packages] == ["R1", "R2", "R3"]
    rows = read_passwords(made.passwords)
    assert rows[0] == ["심사위원ID", "성명", "파일", "비밀번호"]
    assert [r[:3] for r in rows[1:]] == [
        ["R1", "김하나", "R1.rvpkg"],
        ["R2", "박두울", "R2.rvpkg"],
        ["R3", "최세엣", "R3.rvpkg"],
    ]
    passwords = [r[3] for r in rows[1:]]
    assert len(set(passwords)) == 3
    for (reviewer, _, name, password), summary in zip(rows[1:], made.packages, strict=True):
        assert len(password) == 19 and password.count("-") == 3
        assert set(password.replace("-", "")) <= set(service.PASSWORD_ALPHABET)
        package = open_package(out / name, password).package
        assert package.reviewer_id == reviewer and package.package_id == summary.package_id
        with pytest.raises(package_files.PackagePasswordError):
            open_package(out / name, passwords[(passwords.index(password) + 1) % 3])
    assert len(package_rows(db)) == 3
    assert sorted(p.name for p in out.iterdir()) == [
        "R1.rvpkg",
        "R2.rvpkg",
        "R3.rvpkg",
        "passwords.csv",
    ]


def test_create_all_is_all_or_nothing(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = service.write_package
    calls: list[str] = []

    def failing_write(path: Path, package: object, contents: object, password: object) -> None:
        calls.append(path.name)
        if len(calls) == 3:
            raise InvalidInput("package.unwritable", error="disk full")
        real(path, package, contents, password)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "write_package", failing_write)
    out = tmp_path / "packages"
    with pytest.raises(InvalidInput):
        service.create_all(db, out)
    assert list(out.iterdir()) == [] and not package_rows(db)


def test_create_all_a_failure_placing_the_password_list_undoes_everything(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace

    def failing_replace(source: str | Path, target: str | Path) -> None:
        if str(target).endswith("passwords.csv"):
            raise OSError(5, "Input/output error")
        real(source, target)

    monkeypatch.setattr(service.os, "replace", failing_replace)
    out = tmp_path / "packages"
    with pytest.raises(InvalidInput) as caught:
        service.create_all(db, out)
    assert "passwords.csv" in caught.value.message("en")
    assert list(out.iterdir()) == [] and not package_rows(db)


def test_create_all_keeps_existing_files_unless_forced(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "packages"
    service.create_all(db, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(RefusedByState):
        service.create_all(db, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert len(package_rows(db)) == 3
    service.create_all(db, out, force=True)
    assert len(package_rows(db)) == 6
    assert {p.name: p.read_bytes() for p in out.iterdir()} != before


def test_create_all_passes_over_a_reviewer_whose_every_application_is_a_conflict(
    db: Database, tmp_path: Path
) -> None:
    with db.session() as session:
        for row in session.scalars(select(AssignmentRow).where(AssignmentRow.reviewer_id == "R1")):
            if row.application_id != "A03":
                session.delete(row)
    made = service.create_all(db, tmp_path / "out")
    assert made.skipped == ("R1",)
    assert [s.reviewer_id for s in made.packages] == ["R2", "R3"]


def test_file_names_are_safe_and_distinct() -> None:
    names = service.file_names(["R1", "r1", "a/b", "..", "심사-01", "passwords"])
    assert names == {
        "R1": "R1.rvpkg",
        "r1": "r1-2.rvpkg",
        "a/b": "a_b.rvpkg",
        "..": "reviewer.rvpkg",
        "심사-01": "심사-01.rvpkg",
        "passwords": "passwords.rvpkg",
    }


def test_a_spreadsheet_never_reads_a_name_as_a_formula() -> None:
    data = service._password_list([("R1", "=HYPERLINK(1)", "R1.rvpkg", "AAAA")], "en")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[1][1] == "'=HYPERLINK(1)"


def test_generated_passwords_differ() -> None:
    assert len({service.generate_password() for _ in range(200)}) == 200
