"""The preview of an import: it reads the files as the import does, reports how every
header was matched, the first rows as they will be stored and every problem with its
place, and writes nothing; the import it confirms reads the files again."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.domain.config_toml import load_config
from reviewer.domain.model import Application, Review
from reviewer.errors import InvalidInput, RefusedByState
from reviewer.resources import template_path
from reviewer.sample.round import DemoFiles, write_demo_round
from reviewer.services import listing, locking, rounds, selecting
from reviewer.services.import_preview import (
    column_letter,
    confirm_import,
    guess_kind,
    preview_import,
)
from reviewer.store.engine import Database
from tests.integration.test_importers_errors import write_csv, write_xlsx

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    directory = tmp_path_factory.mktemp("preview-demo")
    return write_demo_round(directory, load_config(str(template_path())), applications=40, seed=5)


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    path = tmp_path / "round.db"
    rounds.create_round(path, load_config(str(template_path())))
    return path


@pytest.fixture
def database(fresh: Path) -> Iterator[Database]:
    with rounds.open_round(fresh) as db:
        yield db


def import_demo(database: Database, demo: DemoFiles, *kinds: str) -> None:
    files = {
        "applications": list(demo.applications),
        "reviewers": [demo.reviewers],
        "scores": list(demo.scores),
    }
    for kind in kinds:
        confirm_import(database, preview_import(database, kind, files[kind]))


def test_a_preview_matches_every_header_and_writes_nothing(
    fresh: Path, database: Database, demo: DemoFiles
) -> None:
    before = fresh.read_bytes()
    preview = preview_import(database, "applications", list(demo.applications))
    assert preview.errors == ()
    assert preview.importable
    assert preview.files == ("신청과제.xlsx",)
    assert preview.row_count == 40
    assert all(isinstance(row, Application) for row in preview.rows)
    matched = {c.header: (c.column, c.status, c.field) for c in preview.columns}
    assert matched["과제번호"] == ("A", "field", "id")
    assert matched["사업유형"] == ("B", "field", "track")
    assert matched["담당자 연락처"][1:] == ("attribute", "attribute")
    track = next(c for c in preview.columns if c.field == "track")
    assert (track.label("ko"), track.label("en")) == ("트랙", "track")
    assert track.header_row == 3  # a title and a blank row above the header
    assert fresh.read_bytes() == before
    assert listing.applications(database).applications == ()


def test_the_rows_previewed_are_the_rows_stored(database: Database, demo: DemoFiles) -> None:
    preview = preview_import(database, "applications", list(demo.applications))
    summary = confirm_import(database, preview)
    assert summary.added == 40
    stored = {a.id: a for a in listing.applications(database).applications}
    assert [stored[row.id] for row in preview.rows] == list(preview.rows)


def test_a_score_above_the_maximum_is_located_in_both_languages(
    tmp_path: Path, database: Database, demo: DemoFiles
) -> None:
    import_demo(database, demo, "applications", "reviewers")
    reviews = preview_import(database, "scores", list(demo.scores)).rows
    review = next(r for r in reviews if not r.conflict and "tech" in r.scores)
    path = write_xlsx(
        tmp_path / "scores.xlsx",
        [
            ["과제번호", "심사위원ID", "기술성", "사업성", "수행역량", "정책부합성"],
            [review.application_id, review.reviewer_id, 45, 20, 10, 5],
        ],
        sheet="점수",
    )
    preview = preview_import(database, "scores", [path])
    assert not preview.importable
    assert len(preview.errors) == 1
    error = preview.errors[0]
    where = (error.file, error.sheet, error.row, error.column)
    assert where == ("scores.xlsx", "점수", 2, "기술성")
    assert error.message("en") == "45 is above the maximum 40"
    assert error.message("ko") == "45는 최댓값 40보다 큽니다"
    with pytest.raises(InvalidInput) as refused:
        confirm_import(database, preview)
    assert refused.value.key == "import.preview_has_errors"


def test_an_unknown_track_is_an_error_of_its_row(tmp_path: Path, database: Database) -> None:
    path = write_csv(
        tmp_path / "apps.csv",
        [
            ["과제번호", "트랙", "과제명", "기업명", "신청금액"],
            ["X-1", "tips", "첫 과제", "가나", "400,000,000"],
            ["X-2", "space", "둘째 과제", "다라", "300,000,000"],
        ],
    )
    preview = preview_import(database, "applications", [path])
    assert [(e.row, e.column) for e in preview.errors] == [(3, "트랙")]
    assert "space" in preview.errors[0].message("en")
    assert [row.id for row in preview.rows] == ["X-1"]  # the good row is read all the same
    assert not preview.importable


def test_a_broken_workbook_is_reported_by_name(tmp_path: Path, database: Database) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    preview = preview_import(database, "applications", [path])
    assert [e.file for e in preview.errors] == ["broken.xlsx"]
    assert "xlsx" in preview.errors[0].message("en")
    assert preview.columns == () and preview.rows == ()
    assert guess_kind([path]) is None


def test_a_missing_file_is_an_error_of_the_preview(tmp_path: Path, database: Database) -> None:
    preview = preview_import(database, "reviewers", [tmp_path / "gone.xlsx"])
    assert len(preview.errors) == 1
    assert preview.errors[0].message("en") == "no such file"


def test_a_cp949_csv_is_read_like_a_workbook(
    tmp_path: Path, database: Database, demo: DemoFiles
) -> None:
    import_demo(database, demo, "applications", "reviewers")
    csv_file = next(p for p in demo.scores if p.suffix == ".csv")
    with pytest.raises(UnicodeDecodeError):
        csv_file.read_bytes().decode("utf-8")
    preview = preview_import(database, "scores", [csv_file])
    assert preview.errors == ()
    assert preview.row_count > 0 and isinstance(preview.rows[0], Review)
    headers = {c.header: c.status for c in preview.columns}
    assert headers["기술성"] == "criterion" and headers["과제명"] == "ignored"
    assert guess_kind([csv_file]) == "scores"


def test_the_kind_of_a_file_is_told_by_its_headers(demo: DemoFiles) -> None:
    assert guess_kind(list(demo.applications)) == "applications"
    assert guess_kind([demo.reviewers]) == "reviewers"
    assert guess_kind(list(demo.scores)) == "scores"
    assert guess_kind([demo.reviewers, *demo.scores]) is None  # they disagree
    assert guess_kind([FIXTURES / "lo_applications.xlsx"]) == "applications"
    assert guess_kind([FIXTURES / "lo_corrections.xlsx"]) == "corrections"


def test_a_file_changed_after_the_preview_is_not_imported(
    tmp_path: Path, fresh: Path, database: Database, demo: DemoFiles
) -> None:
    path = tmp_path / "신청과제.xlsx"
    shutil.copy(demo.applications[0], path)
    preview = preview_import(database, "applications", [path])
    assert preview.importable
    write_xlsx(path, [["과제번호", "트랙", "과제명", "기업명"], ["Z-1", "tips", "다른 과제", "가"]])
    before = fresh.read_bytes()
    with pytest.raises(InvalidInput) as refused:
        confirm_import(database, preview)
    assert refused.value.key == "import.files_changed"
    assert "신청과제.xlsx" in refused.value.message("ko")
    assert fresh.read_bytes() == before


def test_the_import_validates_again_against_the_round(database: Database, demo: DemoFiles) -> None:
    preview = preview_import(database, "applications", list(demo.applications))
    confirm_import(database, preview)  # another import of the same files since the preview
    with pytest.raises(InvalidInput) as refused:
        confirm_import(database, preview)
    assert "already in the round" in refused.value.message("en")


def test_a_locked_round_previews_but_refuses_the_import(
    database: Database, demo: DemoFiles
) -> None:
    import_demo(database, demo, "applications", "reviewers", "scores")
    selecting.run_selection(database, "en")
    locking.lock_round(database)
    preview = preview_import(database, "reviewers", [demo.reviewers])
    assert preview.importable
    with pytest.raises(RefusedByState):
        confirm_import(database, preview)


def test_a_libreoffice_correction_previews_the_corrected_applications(tmp_path: Path) -> None:
    path = tmp_path / "round.db"
    rounds.create_round(path, load_config(str(FIXTURES / "round.toml")))
    with rounds.open_round(path) as database:
        confirm_import(
            database,
            preview_import(database, "applications", [FIXTURES / "lo_applications.xlsx"]),
        )
        preview = preview_import(database, "corrections", [FIXTURES / "lo_corrections.xlsx"])
        assert preview.errors == ()
        assert [row.id for row in preview.rows] == ["1001", "A-1002"]
        assert preview.rows[0].amount == 450_000_000 and preview.rows[0].region is None
        status = {(c.header or c.field): c.status for c in preview.columns}
        assert status["신청금액(천원)"] == "field"
        assert status["비고"] == "attribute"
        assert status["title"] == "absent"  # left as it is
        assert all(c.sheet == "신청 과제" and c.header_row == 2 for c in preview.columns)
        summary = confirm_import(database, preview)
        assert summary.updated == 1 and summary.unchanged == 1


def test_column_letters_are_excels() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
