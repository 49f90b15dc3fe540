"""Reading a table: sheet choice, header row detection, header matching, row numbers,
CSV encodings, and the file-level problems."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook

from reviewer.errors import ErrorList
from reviewer.exchange.tables.reader import (
    Field,
    Table,
    TableSpec,
    file_labels,
    header_keys,
    header_note,
    match_header,
    read_table,
)

SPEC = TableSpec(
    sheet_names=("과제", "applications"),
    fields=(
        Field("id", ("과제번호", "접수번호", "application_id", "id"), required=True),
        Field("title", ("과제명", "title"), required=True),
        Field("amount", ("신청금액", "amount")),
    ),
)


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def read(path: Path) -> tuple[Table | None, ErrorList]:
    errors = ErrorList()
    return read_table(path, SPEC, errors), errors


def read_ok(path: Path) -> Table:
    table, errors = read(path)
    assert not errors, [e.message("en") for e in errors.errors]
    assert table is not None
    return table


def only_error(path: Path) -> tuple[str, str, str]:
    """(key, English, Korean) of the single error reading ``path`` gives."""
    table, errors = read(path)
    assert table is None
    assert len(errors.errors) == 1, [e.message("en") for e in errors.errors]
    error = errors.errors[0]
    return error.key, error.message("en"), error.message("ko")


# -- header matching ------------------------------------------------------------------------


def test_header_keys_also_try_the_header_without_a_trailing_note() -> None:
    assert header_keys("과제번호") == ("과제번호",)
    assert header_keys("신청금액(원)") == ("신청금액(원)", "신청금액")
    assert header_keys("기술성 (40점)") == ("기술성(40점)", "기술성")
    assert header_keys("과제번호 [필수]") == ("과제번호[필수]", "과제번호")
    assert header_keys("1. 기술성 (40점)") == ("1기술성(40점)", "기술성(40점)", "기술성")
    assert header_keys("① 기술성") == ("1기술성", "기술성")
    assert header_note("신청금액 (천원)") == "천원"
    assert header_note("신청금액") == ""
    assert header_note("신청금액 (단위: 천 원)") == "단위:천원"
    assert header_note("신청금액 (단위: 천 원)", folded=False) == "단위: 천 원"


@pytest.mark.parametrize(
    "header",
    [
        "과제번호",
        "과 제번호",
        "과 제 번 호",
        "APPLICATION_ID",
        "Application ID",
        "ａｐｐｌｉｃａｔｉｏｎ＿ｉｄ",
        "과제번호(필수)",
        "과제번호*",
        " 과제번호 ",
    ],
)
def test_header_variations_match_the_field(header: str) -> None:
    columns, extra, duplicates = match_header([header, "과제명", "비고"], SPEC)
    assert columns["id"].header == header.strip()
    assert columns["id"].index == 0
    assert [c.header for c in extra] == ["비고"]
    assert not duplicates


def test_a_better_alias_wins_and_the_other_column_becomes_extra() -> None:
    columns, extra, _ = match_header(["id", "과제명", "과제번호"], SPEC)
    assert columns["id"].index == 2
    assert [c.header for c in extra] == ["id"]


def test_the_same_header_twice_is_reported() -> None:
    _, _, duplicates = match_header(["과제번호", "과제명", "과제 번호"], SPEC)
    assert [(a.header, b.header) for a, b in duplicates] == [("과제번호", "과제 번호")]


# -- header row, sheet, row numbers -----------------------------------------------------------


def test_title_and_blank_rows_above_the_header_are_skipped(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {
            "Sheet1": [
                ["2025년 신청 과제"],
                [],
                ["작성: 간사", None, "과제번호 목록"],
                ["과제번호", "과제명", "신청금액"],
                ["A1", "제목1", 100],
                [],
                ["A2", "제목2", None],
            ]
        },
    )
    table = read_ok(path)
    assert table.sheet == "Sheet1"
    assert table.header_row == 4
    assert [(number, row[0]) for number, row in table.data()] == [(5, "A1"), (7, "A2")]


def test_row_numbers_count_leading_blank_rows_and_columns(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet["C4"] = "과제번호"
    sheet["D4"] = "과제명"
    sheet["C6"] = "A1"
    sheet["D6"] = "t"
    book.save(tmp_path / "b.xlsx")
    table = read_ok(tmp_path / "b.xlsx")
    assert table.header_row == 4
    assert table.columns["id"].index == 2
    assert [number for number, _ in table.data()] == [6]


def test_a_sheet_named_like_the_table_wins_over_the_first(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "c.xlsx",
        {
            "안내": [["과제번호", "과제명"], ["X", "guide"]],
            "Applications": [["과제번호", "과제명"], ["A1", "real"]],  # matched like a header
        },
    )
    table = read_ok(path)
    assert table.sheet == "Applications"
    assert [row[1] for _, row in table.data()] == ["real"]


def test_the_table_on_several_sheets_is_refused_when_none_is_named_like_it(
    tmp_path: Path,
) -> None:
    """Reading only the first sheet would silently drop the rows of the others."""
    path = write_xlsx(
        tmp_path / "d.xlsx",
        {
            "시트1": [["과제번호", "과제명"], ["A1", "first"]],
            "안내": [["이 파일의 작성 방법"], ["과제번호와 과제명을 적습니다"]],
            "시트2": [["2차 접수"], ["과제번호", "과제명"], ["A2", "second"]],
        },
    )
    key, english, korean = only_error(path)
    assert key == "import.several_sheets"
    assert english == (
        "d.xlsx: the table appears on several sheets: 시트1, 시트2 — name one sheet like "
        "the table (e.g. 과제) or split the file"
    )
    assert korean == (
        "d.xlsx: 표가 여러 시트에 있습니다: 시트1, 시트2. 읽을 시트 하나의 이름을 표 이름"
        "(예: 과제)으로 바꾸거나 파일을 나누세요"
    )


def test_the_table_on_other_sheets_than_the_first_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "d.xlsx",
        {
            "안내": [["작성 방법"]],
            "1차": [["과제번호", "과제명"], ["A1", "first"]],
            "2차": [["과제번호", "과제명"], ["A2", "second"]],
        },
    )
    assert only_error(path)[0] == "import.several_sheets"


def test_rows_far_down_another_sheet_count(tmp_path: Path) -> None:
    far = [["과제번호", "과제명"], *([[None, None]] * 150), ["A2", "second"]]
    path = write_xlsx(
        tmp_path / "d.xlsx", {"시트1": [["과제번호", "과제명"], ["A1", "first"]], "시트2": far}
    )
    assert only_error(path)[0] == "import.several_sheets"


def test_the_first_sheet_is_read_when_the_others_hold_no_rows_of_the_table(
    tmp_path: Path,
) -> None:
    path = write_xlsx(
        tmp_path / "d.xlsx",
        {
            "시트1": [["과제번호", "과제명"], ["A1", "first"]],
            "양식": [["과제번호", "과제명"]],  # a header with no rows below it
            "메모": [["비고"], ["과제번호", "메모"], ["A1", "note"]],  # another table
            "빈 시트": [],
        },
    )
    table = read_ok(path)
    assert table.sheet == "시트1"
    assert [row[1] for _, row in table.data()] == ["first"]


def test_a_sheet_named_like_the_table_wins_over_several_with_the_table(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "d.xlsx",
        {
            "시트1": [["과제번호", "과제명"], ["A1", "first"]],
            "시트2": [["과제번호", "과제명"], ["A2", "second"]],
            "과제": [["과제번호", "과제명"], ["A3", "named"]],
        },
    )
    table = read_ok(path)
    assert table.sheet == "과제"
    assert [row[1] for _, row in table.data()] == ["named"]


def test_a_hidden_sheet_with_the_table_does_not_count(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "목록"
    book.active.append(["과제번호", "과제명"])
    book.active.append(["A1", "real"])
    hidden = book.create_sheet("코드표")
    hidden.append(["과제번호", "과제명"])
    hidden.append(["X", "lookup"])
    hidden.sheet_state = "hidden"
    book.save(tmp_path / "h.xlsx")
    assert read_ok(tmp_path / "h.xlsx").sheet == "목록"


def test_a_hidden_first_sheet_is_passed_over(tmp_path: Path) -> None:
    book = Workbook()
    hidden = book.active
    hidden.title = "코드표"
    hidden.append(["과제번호", "과제명"])
    hidden.append(["X", "lookup"])
    hidden.sheet_state = "hidden"
    visible = book.create_sheet("목록")
    visible.append(["과제번호", "과제명"])
    visible.append(["A1", "real"])
    book.save(tmp_path / "h.xlsx")
    assert read_ok(tmp_path / "h.xlsx").sheet == "목록"


def test_integer_valued_numbers_come_as_floats(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "e.xlsx", {"S": [["과제번호", "과제명"], [1001, "t"]]})
    [(_, row)] = list(read_ok(path).data())
    assert row[0] == 1001.0  # the importers turn it into "1001"


def test_a_file_is_named_by_its_name_and_by_folders_only_where_names_repeat(
    tmp_path: Path,
) -> None:
    paths = [
        tmp_path / "1차" / "scores.xlsx",
        tmp_path / "2차" / "scores.xlsx",
        tmp_path / "other.csv",
        tmp_path / "a" / "x" / "s.csv",
        tmp_path / "b" / "x" / "s.csv",
    ]
    assert file_labels(paths) == [
        str(Path("1차", "scores.xlsx")),
        str(Path("2차", "scores.xlsx")),
        "other.csv",
        str(Path("a", "x", "s.csv")),
        str(Path("b", "x", "s.csv")),
    ]


def test_the_same_file_twice_keeps_its_name(tmp_path: Path) -> None:
    path = tmp_path / "scores.xlsx"
    assert file_labels([path, tmp_path / "sub" / ".." / "scores.xlsx"]) == ["scores.xlsx"] * 2


def test_read_table_names_the_file_as_told(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    errors = ErrorList()
    assert read_table(path, SPEC, errors, "1차/empty.csv") is None
    assert errors.errors[0].message("en") == "1차/empty.csv: the file is empty (0 bytes)"


# -- CSV --------------------------------------------------------------------------------------

CSV_TEXT = '과제번호,과제명,신청금액\r\nA1,"쉼표, 있는 제목",4억\r\n\r\nA2,두 번째,\r\n'


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949", "euc-kr"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "apps.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    table = read_ok(path)
    assert table.sheet is None
    assert table.columns["id"].header == "과제번호"
    assert [(n, row) for n, row in table.data()] == [
        (2, ["A1", "쉼표, 있는 제목", "4억"]),
        (4, ["A2", "두 번째", ""]),
    ]


def test_short_csv_rows_are_padded(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("과제번호,과제명,신청금액\nA1,t\n", encoding="utf-8")
    assert [row for _, row in read_ok(path).data()] == [["A1", "t", ""]]


def test_undecodable_csv(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes("과제번호,과제명\n".encode() + b"A1,\xff\xfe\xff\n")
    key, english, korean = only_error(path)
    assert key == "import.encoding"
    assert english.startswith("bad.csv: cannot decode the text")
    assert "UTF-8" in english and "CP949" in english
    assert korean.startswith("bad.csv: 텍스트 인코딩을 알 수 없습니다")


# -- file-level problems --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.csv", "empty.xlsx"])
def test_zero_byte_file(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")
    key, english, korean = only_error(tmp_path / name)
    assert key == "import.empty_file"
    assert english == f"{name}: the file is empty (0 bytes)"
    assert korean == f"{name}: 빈 파일입니다 (0바이트)"


def test_header_without_data_rows(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "h.xlsx", {"과제": [["제목"], ["과제번호", "과제명"], [], [" "]]})
    key, english, korean = only_error(path)
    assert key == "import.no_rows"
    assert english == "h.xlsx, sheet 과제, row 2: there are no data rows below the header"
    assert korean == "h.xlsx, 시트 과제, 2행: 제목 행 아래에 데이터 행이 없습니다"


def test_header_only_csv(tmp_path: Path) -> None:
    (tmp_path / "h.csv").write_text("\ufeff과제번호,과제명\r\n", encoding="utf-8")
    key, english, _ = only_error(tmp_path / "h.csv")
    assert key == "import.no_rows"
    assert english == "h.csv, row 1: there are no data rows below the header"


def test_empty_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "blank.xlsx", {"과제": []})
    key, english, _ = only_error(path)
    assert key == "import.empty_sheet"
    assert english == "blank.xlsx, sheet 과제: there is no data (the sheet is empty)"


def test_no_header_row(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", {"S": [["번호", "이름"], ["1", "x"]]})
    key, english, korean = only_error(path)
    assert key == "import.no_header"
    assert english == (
        "n.xlsx, sheet S: no header row found; the table needs the columns "
        "과제번호/application_id, 과제명/title"
    )
    assert "제목 행을 찾을 수 없습니다" in korean


def test_header_missing_a_required_column_names_it(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "m.xlsx", {"S": [["목록"], ["과제번호", "제목"], ["1", "x"]]})
    key, english, _ = only_error(path)
    assert key == "import.header_incomplete"
    assert english.startswith(
        "m.xlsx, sheet S, row 2: the header row lacks the column(s) 과제명/title"
    )


def test_duplicate_header(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "d.xlsx", {"S": [["과제번호", "과제명", "과제 명"], ["1", "a", "b"]]}
    )
    key, english, _ = only_error(path)
    assert key == "import.duplicate_column"
    assert (
        english
        == "d.xlsx, sheet S, row 1, column 과제 명: this header appears twice (also column 과제명)"
    )


@pytest.mark.parametrize("name", ["apps.xls", "apps.ods", "apps.txt", "apps"])
def test_other_file_types_are_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("과제번호,과제명\n1,a\n", encoding="utf-8")
    key, english, korean = only_error(tmp_path / name)
    assert key == "import.unsupported_type"
    assert english.startswith(f"{name}: unsupported file type")
    assert "use an .xlsx or .csv file" in english
    assert "지원하지 않는 파일 형식" in korean


def test_missing_file(tmp_path: Path) -> None:
    key, english, _ = only_error(tmp_path / "nowhere.xlsx")
    assert key == "import.unreadable"
    assert english.startswith("nowhere.xlsx: cannot read the file")


@pytest.mark.parametrize(
    "content",
    [b"this is not a zip archive", b"PK\x03\x04truncated", "과제번호,과제명\n".encode()],
)
def test_corrupt_workbook(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "broken.xlsx").write_bytes(content)
    key, english, korean = only_error(tmp_path / "broken.xlsx")
    assert key == "import.corrupt"
    assert english.startswith("broken.xlsx: cannot open the .xlsx workbook; the file is damaged")
    assert korean.startswith("broken.xlsx: 엑셀(.xlsx) 파일을 열 수 없습니다")


def test_truncated_workbook(tmp_path: Path) -> None:
    whole = write_xlsx(tmp_path / "whole.xlsx", {"S": [["과제번호", "과제명"], ["1", "a"]]})
    data = whole.read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    key, english, _ = only_error(tmp_path / "cut.xlsx")
    assert key == "import.corrupt"
    assert english.startswith("cut.xlsx: ")


def test_password_protected_or_old_xls_workbook(tmp_path: Path) -> None:
    (tmp_path / "locked.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    key, english, korean = only_error(tmp_path / "locked.xlsx")
    assert key == "import.protected_or_xls"
    assert english == (
        "locked.xlsx: the workbook is password-protected or an old .xls file; "
        "remove the password and save it as .xlsx"
    )
    assert korean.startswith("locked.xlsx: 암호가 걸린 통합 문서이거나 예전 .xls 파일입니다")
