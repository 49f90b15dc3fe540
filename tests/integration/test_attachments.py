"""Importing a folder of attachments: matching, digests, all-or-nothing, re-imports."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reviewer.domain.model import Application
from reviewer.errors import InvalidInput, RefusedByState
from reviewer.services import attachments
from reviewer.services.attachments import AttachmentsCancelled, import_attachments
from reviewer.store import attachments as stored
from reviewer.store import repository
from reviewer.store.engine import Database
from reviewer.store.models import AttachmentBlobRow, AttachmentRow, AuditRow

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"


@pytest.fixture
def round_with_apps(database: Database) -> Database:
    with database.session() as session:
        repository.add_applications(
            session,
            [
                Application("2025-0001", "tips", "과제 하나", "(주)하나"),
                Application("2025-0002", "tips", "과제 둘", "(주)둘"),
                Application("2025-0003", "kibo", "과제 셋", "(주)셋"),
            ],
            source="test",
        )
    return database


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def rows(database: Database) -> list[tuple[str, str, str, str | None, int | None]]:
    with database.session() as session:
        return [
            (r.application_id, r.name, r.kind, r.sha256, r.size)
            for r in session.scalars(select(AttachmentRow).order_by(AttachmentRow.name))
        ]


def blob_count(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(AttachmentBlobRow)) or 0)


def audits(database: Database, action: str) -> list[AuditRow]:
    with database.session() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.action == action)))


def test_files_are_matched_digested_and_stored(round_with_apps: Database, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    write(folder / "2025-0001_사업계획서.pdf", PDF)
    write(folder / "2025-0001_재무제표.xlsx", b"PK\x03\x04 sheet")
    write(folder / "2025-0002" / "계획서.pdf", PDF + b"two")
    write(folder / "메모.txt", b"note")  # a type not taken
    write(folder / "안내.pdf", PDF)  # no id
    write(folder / ".DS_Store", b"junk")  # hidden: passed over
    write(folder / ".git" / "2025-0003.pdf", b"not even a pdf")  # in a hidden folder
    write(folder / "~$2025-0003.docx", b"lock")  # an Office lock file

    result = import_attachments(round_with_apps, folder)

    assert sorted(result.added) == [
        "2025-0001_사업계획서.pdf",
        "2025-0001_재무제표.xlsx",
        "2025-0002/계획서.pdf",
    ]
    assert result.unmatched == ("안내.pdf",)
    assert result.skipped == ("메모.txt",)
    assert result.applications == 2
    assert rows(round_with_apps) == [
        (
            "2025-0001",
            "2025-0001_사업계획서.pdf",
            "proposal",
            hashlib.sha256(PDF).hexdigest(),
            len(PDF),
        ),
        (
            "2025-0001",
            "2025-0001_재무제표.xlsx",
            "other",
            hashlib.sha256(b"PK\x03\x04 sheet").hexdigest(),
            10,
        ),
        (
            "2025-0002",
            "계획서.pdf",
            "proposal",
            hashlib.sha256(PDF + b"two").hexdigest(),
            len(PDF) + 3,
        ),
    ]
    with round_with_apps.session() as session:
        listed = stored.attachments_of(session, "2025-0001")
        assert [a.kind for a in listed] == ["proposal", "other"]
        assert stored.content(session, hashlib.sha256(PDF).hexdigest()) == PDF
        assert stored.attachment_counts(session) == {"2025-0001": 2, "2025-0002": 1}
    (entry,) = audits(round_with_apps, "import.attachments")
    assert entry.detail["added"] == 3
    assert entry.detail["unmatched"] == ["안내.pdf"]


def test_the_same_content_is_stored_once(round_with_apps: Database, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    write(folder / "2025-0001.pdf", PDF)
    write(folder / "2025-0002.pdf", PDF)
    import_attachments(round_with_apps, folder)
    assert len(rows(round_with_apps)) == 2
    assert blob_count(round_with_apps) == 1


def test_reimporting_the_same_files_changes_nothing(
    round_with_apps: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "files"
    write(folder / "2025-0001.pdf", PDF)
    import_attachments(round_with_apps, folder)
    before = rows(round_with_apps)
    again = import_attachments(round_with_apps, folder)
    assert again.unchanged == ("2025-0001.pdf",)
    assert again.added == again.replaced == ()
    assert rows(round_with_apps) == before
    assert audits(round_with_apps, "attachment.replace") == []


def test_a_changed_file_replaces_the_old_one_audited_with_both_digests(
    round_with_apps: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "files"
    path = write(folder / "2025-0001.pdf", PDF)
    import_attachments(round_with_apps, folder)
    path.write_bytes(PDF + b"% revised\n")
    result = import_attachments(round_with_apps, folder)
    assert result.replaced == ("2025-0001.pdf",)
    ((_, _, _, sha, size),) = rows(round_with_apps)
    assert sha == hashlib.sha256(PDF + b"% revised\n").hexdigest()
    assert size == len(PDF) + 10
    (entry,) = audits(round_with_apps, "attachment.replace")
    assert entry.target == "2025-0001"
    assert entry.detail["old_sha256"] == hashlib.sha256(PDF).hexdigest()
    assert entry.detail["new_sha256"] == sha
    assert blob_count(round_with_apps) == 1  # the old content, no longer used, is gone


def test_a_second_proposal_is_refused_unless_replacing(
    round_with_apps: Database, tmp_path: Path
) -> None:
    first = tmp_path / "first"
    write(first / "2025-0001.pdf", PDF)
    write(first / "2025-0001_부록.pdf", PDF + b"annex")
    import_attachments(round_with_apps, first)
    second = tmp_path / "second"
    write(second / "2025-0001_사업계획서.pdf", PDF + b"new")
    with pytest.raises(InvalidInput) as caught:
        import_attachments(round_with_apps, second)
    message = caught.value.message("en")
    assert "2025-0001_사업계획서.pdf" in message and "--replace" in message
    assert len(rows(round_with_apps)) == 2

    result = import_attachments(round_with_apps, second, replace=True)
    assert result.added == ("2025-0001_사업계획서.pdf",)
    assert sorted(result.removed) == ["2025-0001/2025-0001.pdf", "2025-0001/2025-0001_부록.pdf"]
    assert [r[1] for r in rows(round_with_apps)] == ["2025-0001_사업계획서.pdf"]
    assert len(audits(round_with_apps, "attachment.remove")) == 2
    assert blob_count(round_with_apps) == 1


def test_replace_leaves_applications_the_folder_has_no_files_of(
    round_with_apps: Database, tmp_path: Path
) -> None:
    first = tmp_path / "first"
    write(first / "2025-0001.pdf", PDF)
    write(first / "2025-0002.pdf", PDF + b"2")
    import_attachments(round_with_apps, first)
    second = tmp_path / "second"
    write(second / "2025-0001.pdf", PDF + b"1")
    result = import_attachments(round_with_apps, second, replace=True)
    assert result.replaced == ("2025-0001.pdf",) and result.removed == ()
    assert [r[0] for r in rows(round_with_apps)] == ["2025-0001", "2025-0002"]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("2025-0001.pdf", b"<html>not a pdf</html>", "does not start with %PDF-"),
        ("2025-0001.pdf", b"", "empty"),
        ("2025-0001.docx", b"%PDF-1.4", "the extension says DOCX"),
        ("2025-0001_2025-0002.pdf", PDF, "several application ids"),
    ],
)
def test_bad_files_are_refused_by_name_and_nothing_is_written(
    round_with_apps: Database, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    folder = tmp_path / "files"
    write(folder / "2025-0003.pdf", PDF)  # a good file beside the bad one
    write(folder / "sub" / name, content)
    with pytest.raises(InvalidInput) as caught:
        import_attachments(round_with_apps, folder)
    message = caught.value.message("en")
    assert message.startswith(f"sub/{name}: ")
    assert expected in message
    assert rows(round_with_apps) == []
    assert blob_count(round_with_apps) == 0
    assert audits(round_with_apps, "import.attachments") == []


def test_every_bad_file_is_listed_at_once(round_with_apps: Database, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    write(folder / "2025-0001.pdf", b"nope")
    write(folder / "2025-0002.pdf", b"")
    with pytest.raises(InvalidInput) as caught:
        import_attachments(round_with_apps, folder)
    lines = caught.value.message("ko").splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("2025-0001.pdf: PDF 파일이 아닙니다")
    assert lines[1].startswith("2025-0002.pdf: 빈 파일입니다")


def test_a_file_above_the_limit_is_refused(
    round_with_apps: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attachments, "MAX_SIZE", 100)
    folder = tmp_path / "files"
    write(folder / "2025-0001.pdf", PDF + b"x" * 100)
    with pytest.raises(InvalidInput) as caught:
        import_attachments(round_with_apps, folder)
    assert "too large" in caught.value.message("en")
    assert rows(round_with_apps) == []


def test_two_files_of_one_name_for_one_application_are_refused(
    round_with_apps: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "files"
    write(folder / "a" / "2025-0001_표.xlsx", b"PK\x03\x04a")
    write(folder / "b" / "2025-0001_표.xlsx", b"PK\x03\x04b")
    with pytest.raises(InvalidInput) as caught:
        import_attachments(round_with_apps, folder)
    assert "b/2025-0001_표.xlsx" in caught.value.message("en")
    assert "a/2025-0001_표.xlsx" in caught.value.message("en")


def test_two_proposals_in_one_folder_are_refused(round_with_apps: Database, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    write(folder / "2025-0001.pdf", PDF)
    write(folder / "2025-0001_사업계획서.pdf", PDF + b"2")
    with pytest.raises(InvalidInput) as caught:
        import_attachments(round_with_apps, folder)
    assert "two proposals" in caught.value.message("en")


def test_strict_refuses_unmatched_and_skipped_files(
    round_with_apps: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "files"
    write(folder / "2025-0001.pdf", PDF)
    write(folder / "2099-0001.pdf", PDF)
    write(folder / "readme.txt", b"x")
    with pytest.raises(InvalidInput) as caught:
        import_attachments(round_with_apps, folder, strict=True)
    lines = caught.value.message("en").splitlines()
    assert lines == [
        "2099-0001.pdf: the file matches no application (--strict)",
        "readme.txt: the file is of a type that is not taken (--strict)",
    ]
    assert rows(round_with_apps) == []


def test_a_locked_round_refuses_the_import(round_with_apps: Database, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    write(folder / "2025-0001.pdf", PDF)
    with round_with_apps.session() as session:
        repository.round_info(session).status = "locked"
    with pytest.raises(RefusedByState):
        import_attachments(round_with_apps, folder)
    assert rows(round_with_apps) == []


def test_a_missing_folder_is_invalid_input(round_with_apps: Database, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        import_attachments(round_with_apps, tmp_path / "nowhere")
    assert "no such folder" in caught.value.message("en")


def test_a_cancelled_import_writes_nothing(round_with_apps: Database, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    write(folder / "2025-0001.pdf", PDF)
    write(folder / "2025-0002.pdf", PDF + b"2")
    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(AttachmentsCancelled):
        import_attachments(round_with_apps, folder, cancel=cancel)
    assert rows(round_with_apps) == []


def test_progress_counts_the_matched_files(round_with_apps: Database, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    write(folder / "2025-0001.pdf", PDF)
    write(folder / "2025-0002.pdf", PDF + b"2")
    seen: list[tuple[int, int]] = []
    import_attachments(round_with_apps, folder, progress=lambda d, t, _: seen.append((d, t)))
    assert seen == [(0, 2), (1, 2), (2, 2)]


def test_content_is_read_back_in_pieces_and_written_to_a_file(
    round_with_apps: Database, tmp_path: Path
) -> None:
    content = b"%PDF-1.4\n" + bytes(range(256)) * 40
    folder = tmp_path / "files"
    write(folder / "2025-0001.pdf", content)
    import_attachments(round_with_apps, folder)
    digest = hashlib.sha256(content).hexdigest()
    with round_with_apps.session() as session:
        pieces = list(stored.iter_content(session, digest, chunk=1000))
        assert [len(p) for p in pieces[:-1]] == [1000] * (len(pieces) - 1)
        assert b"".join(pieces) == content
        assert list(stored.iter_content(session, "0" * 64)) == []
        (item,) = stored.attachments_of(session, "2025-0001")
    (tmp_path / "out").mkdir()
    written = attachments.write_to_file(round_with_apps, item.id, tmp_path / "out")
    assert written.name == "2025-0001.pdf"
    assert written.read_bytes() == content


def test_a_damaged_content_is_not_handed_out(round_with_apps: Database, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    write(folder / "2025-0001.pdf", PDF)
    import_attachments(round_with_apps, folder)
    with round_with_apps.session() as session:
        blob = session.get(AttachmentBlobRow, hashlib.sha256(PDF).hexdigest())
        assert blob is not None
        blob.content = PDF + b"tampered"
        (item,) = stored.attachments_of(session, "2025-0001")
    (tmp_path / "out").mkdir()
    with pytest.raises(InvalidInput) as caught:
        attachments.write_to_file(round_with_apps, item.id, tmp_path / "out")
    assert "does not match its SHA-256" in caught.value.message("en")
    assert list((tmp_path / "out").iterdir()) == []
