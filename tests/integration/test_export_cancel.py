"""An export writes all its reports or none: cancelled or failed — during the PDF, the
workbook or the score sheets, or while the files are put in place — it leaves no new
file, no temporary, and the reports of an earlier export exactly as they were."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewer.errors import ExportCancelled, InvalidInput
from reviewer.exchange.reports import staging as staging_module
from reviewer.services import exporting, listing, rounds
from reviewer.services.exporting import export_reports
from tests.integration.test_report_pdf import sample_data

Snapshot = dict[str, bytes | None]


@pytest.fixture
def round_db(selected_sample_round: Path) -> Path:
    return selected_sample_round


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder with the reports of an earlier export (and a file of the user's)."""
    folder = tmp_path / "out"
    (folder / "sheets").mkdir(parents=True)
    (folder / "ranking.pdf").write_bytes(b"old pdf")
    (folder / "ranking.xlsx").write_bytes(b"old workbook")
    (folder / "sheets" / "R1_평가표.pdf").write_bytes(b"old sheet")
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    return folder


def snapshot(folder: Path) -> Snapshot:
    """Every file and folder under ``folder`` (hidden ones too), with its bytes."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


def cancel_at(label: str, seen: list[tuple[str, int, int]]) -> Callable[[], bool]:
    """A cancel hook that turns true once a step of ``label`` has reported progress
    after its start (so the report is being written)."""
    return lambda: any(step == label and done > 0 for step, done, _ in seen)


def export_all(round_db: Path, out: Path, **options: object) -> list[Path]:
    with rounds.open_round(round_db) as database:
        return export_reports(
            database,
            pdf=out / "ranking.pdf",
            xlsx=out / "ranking.xlsx",
            sheets=out / "sheets",
            **options,  # type: ignore[arg-type]
        )


def exports_audited(round_db: Path) -> int:
    with rounds.open_round(round_db) as database:
        return sum(1 for e in listing.audit_log(database) if e.action == "export")


@pytest.mark.parametrize("label", ["PDF", "XLSX", "sheets"])
def test_a_cancelled_export_leaves_everything_as_it_was(
    round_db: Path, out: Path, label: str
) -> None:
    before = snapshot(out)
    seen: list[tuple[str, int, int]] = []
    with pytest.raises(ExportCancelled) as info:
        export_all(
            round_db,
            out,
            progress=lambda *step: seen.append(step),
            cancel=cancel_at(label, seen),
        )
    assert any(step == label and done > 0 for step, done, _ in seen)  # it was under way
    assert snapshot(out) == before  # no new file, no temporary, the old reports intact
    assert info.value.message("en") == "the export was cancelled; no file was written"
    assert exports_audited(round_db) == 0


@pytest.mark.parametrize("label", ["PDF", "XLSX", "sheets"])
def test_a_cancelled_export_into_new_folders_leaves_no_folder(
    round_db: Path, tmp_path: Path, label: str
) -> None:
    seen: list[tuple[str, int, int]] = []
    target = tmp_path / "new"
    target.mkdir()
    with rounds.open_round(round_db) as database, pytest.raises(ExportCancelled):
        export_reports(
            database,
            pdf=target / "ranking.pdf",
            xlsx=target / "ranking.xlsx",
            sheets=target / "a" / "b" / "sheets",
            progress=lambda *step: seen.append(step),
            cancel=cancel_at(label, seen),
        )
    assert list(target.iterdir()) == []


def test_a_cancel_before_the_start_writes_nothing(round_db: Path, out: Path) -> None:
    before = snapshot(out)
    with pytest.raises(ExportCancelled):
        export_all(round_db, out, cancel=lambda: True)
    assert snapshot(out) == before


def test_an_export_replaces_all_reports_together(round_db: Path, out: Path) -> None:
    steps: list[tuple[str, int, int]] = []
    written = export_all(round_db, out, progress=lambda *s: steps.append(s), cancel=lambda: False)
    assert (out / "ranking.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "ranking.xlsx").read_bytes().startswith(b"PK")
    assert (out / "sheets" / "R1_평가표.pdf").read_bytes().startswith(b"%PDF")
    assert written[:2] == [out / "ranking.pdf", out / "ranking.xlsx"]
    assert set(written[2:]) == {p for p in (out / "sheets").iterdir()}
    assert len(written) == 2 + 2 * len(sample_data().reviewers)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert not [p for p in out.rglob(".*")]  # no temporary, no earlier file kept aside
    for label in ("PDF", "XLSX", "sheets"):
        last = [s for s in steps if s[0] == label][-1]
        assert last[1] == last[2]  # each step reached its total
    assert exports_audited(round_db) == 1


def test_a_failed_workbook_leaves_no_new_pdf_beside_the_old_workbook(
    round_db: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(out)

    def full_disk(path: Path, *args: object) -> None:
        path.write_bytes(b"half a workbook")
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(exporting, "write_workbook", full_disk)
    with pytest.raises(InvalidInput) as info:
        export_all(round_db, out)
    assert info.value.key == "export.write_failed"
    assert info.value.params["path"] == str(out / "ranking.xlsx")  # not the hidden name
    assert snapshot(out) == before


def test_a_failure_while_putting_files_in_place_restores_the_earlier_ones(
    round_db: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF is already renamed into place when the workbook's rename fails: the new
    PDF is taken back and the old one restored."""
    before = snapshot(out)
    real_replace = os.replace

    def replace(source: str | Path, destination: str | Path) -> None:
        if Path(destination) == out / "ranking.xlsx" and Path(source).name.startswith(".ranking-"):
            raise PermissionError(13, "Permission denied", str(destination))
        real_replace(source, destination)

    monkeypatch.setattr(staging_module.os, "replace", replace)
    with pytest.raises(InvalidInput) as info:
        export_all(round_db, out)
    assert info.value.params["path"] == str(out / "ranking.xlsx")
    monkeypatch.undo()
    assert snapshot(out) == before


def test_a_missing_folder_is_named_in_the_message(round_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "ranking.pdf"
    with rounds.open_round(round_db) as database, pytest.raises(InvalidInput) as info:
        export_reports(database, pdf=target, xlsx=tmp_path / "ranking.xlsx")
    assert info.value.key == "export.no_folder"
    assert info.value.message("en") == (
        f"the folder {target.parent} does not exist (create it or choose another place)"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["round.db"]


def test_an_unwritable_folder_is_named_in_the_message(
    round_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(The folder refuses through the file system's answer: permissions do not stop
    every user, so the refusal is simulated.)"""
    real = staging_module.new_file_beside

    def refuse(path: Path) -> Path:
        if path.suffix == ".xlsx":
            raise PermissionError(13, "Permission denied", str(path.with_name(".x-1.xlsx")))
        return real(path)

    monkeypatch.setattr(staging_module, "new_file_beside", refuse)
    target = tmp_path / "ranking.xlsx"
    with rounds.open_round(round_db) as database, pytest.raises(InvalidInput) as info:
        export_reports(database, pdf=tmp_path / "ranking.pdf", xlsx=target)
    assert info.value.key == "export.not_writable"
    assert info.value.message("en") == f"no permission to write {target} (choose another place)"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["round.db"]  # not the PDF either


def test_a_folder_in_place_of_a_file_is_refused_before_writing(
    round_db: Path, tmp_path: Path
) -> None:
    (tmp_path / "ranking.pdf").mkdir()
    with rounds.open_round(round_db) as database, pytest.raises(InvalidInput) as info:
        export_reports(database, pdf=tmp_path / "ranking.pdf")
    assert info.value.params["path"] == str(tmp_path / "ranking.pdf")
    assert list((tmp_path / "ranking.pdf").iterdir()) == []


def test_what_a_killed_export_left_is_cleaned_by_the_next(round_db: Path, out: Path) -> None:
    """An export killed outright leaves its hidden temporaries (and, killed while putting
    files in place, an earlier report renamed aside). The next export removes those an
    hour old, keeps younger ones (another export's, maybe running), and puts an earlier
    report back where nothing took its place."""
    old = 1_000_000_000  # 2001: far more than an hour ago
    debris = [
        out / ".ranking-0123456789ab.pdf",
        out / ".ranking-ba9876543210.xlsx",
        out / ".ranking.pdf-00aa11bb22cc.old",
        out / ".sheets-reviewer-abc_1234" / "R1_평가표.pdf",
    ]
    for path in debris:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"left by a killed export")
        os.utime(path, (old, old))
    os.utime(out / ".sheets-reviewer-abc_1234", (old, old))
    users = out / ".sheets-20250101"  # a hidden folder of the user's, named alike
    users.mkdir()
    os.utime(users, (old, old))
    young = out / ".ranking-fedcba987654.pdf"
    young.write_bytes(b"another export, running")
    (out / "ranking.xlsx").unlink()  # killed between renaming aside and into place
    (out / ".ranking.xlsx-0011aa22bb33.old").write_bytes(b"old workbook")
    written = export_all(round_db, out)
    assert {p.name for p in written} >= {"ranking.pdf", "ranking.xlsx"}
    for path in debris:
        assert not path.exists()
    assert not (out / ".sheets-reviewer-abc_1234").exists()
    assert users.is_dir()
    assert young.read_bytes() == b"another export, running"
    assert not (out / ".ranking.xlsx-0011aa22bb33.old").exists()
    hidden = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
    assert hidden == sorted([young.name, users.name])
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_an_earlier_report_left_aside_is_put_back(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / ".ranking.xlsx-0011aa22bb33.old").write_bytes(b"old workbook")
    staging_module.remove_abandoned(folder / "ranking.xlsx")
    assert (folder / "ranking.xlsx").read_bytes() == b"old workbook"
    assert [p.name for p in folder.iterdir()] == ["ranking.xlsx"]
