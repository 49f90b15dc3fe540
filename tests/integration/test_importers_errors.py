"""The importers on bad input: every problem is reported with its file, sheet, row (as
Excel shows it) and column, in English and Korean, and nothing is returned."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import load_config, parse_config
from reviewer.errors import InvalidInput, InvalidInputs, Location
from reviewer.exchange.importers.applications import read_applications
from reviewer.exchange.importers.reviewers import read_reviewers
from reviewer.exchange.importers.scores import read_scores

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TRACKS = (
    "pre-rnd (초기 기술개발 (Pre-R&D)), challenge (서울혁신챌린지), "
    "tips (민간투자연계 R&D (서울형 TIPS))"
)
APPS = {**{f"P{i:02d}": "pre-rnd" for i in range(1, 21)}, "T01": "tips", "T02": "tips"}
REVIEWERS = {"R01", "R02", "R03"}
WIDE = [
    "과제번호",
    "심사위원ID",
    "기술성",
    "사업성",
    "수행역량",
    "정책부합성",
    "투자 적정성",
    "의견",
    "이해충돌",
]
APP_HEADER = [
    "과제번호",
    "트랙",
    "과제명",
    "기업명",
    "사업자등록번호",
    "AI구분",
    "신청금액",
    "투자확약",
]


@pytest.fixture(scope="module")
def config() -> RoundConfig:
    return load_config(str(FIXTURES / "round.toml"))


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], sheet: str = "Sheet1") -> Path:
    book = Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(list(row))
    book.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[object]], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def errors_of(call: Callable[[], object]) -> list[InvalidInput]:
    with pytest.raises(InvalidInputs) as caught:
        call()
    assert caught.value.exit_code == 3
    return caught.value.errors


def single(call: Callable[[], object]) -> InvalidInput:
    errors = errors_of(call)
    assert len(errors) == 1, [e.message("en") for e in errors]
    return errors[0]


def scores(
    config: RoundConfig, *paths: Path, assignments: set[tuple[str, str]] | None = None
) -> Callable[[], object]:
    return lambda: read_scores(list(paths), config, APPS, REVIEWERS, assignments)


def apps(config: RoundConfig, *paths: Path) -> Callable[[], object]:
    return lambda: read_applications(list(paths), config)


def ok_row(app: str, reviewer: str = "R01") -> list[object]:
    return [app, reviewer, 30, 20, 10, 5, None, None, None]


# -- scores: values ---------------------------------------------------------------------------


def test_score_above_maximum_reads_like_the_design(tmp_path: Path, config: RoundConfig) -> None:
    rows: list[list[object]] = [["2025 심사 점수"], [], WIDE]
    rows += [ok_row(f"P{i:02d}") for i in range(1, 11)]  # rows 4–13
    rows.append(["P11", "R01", 45, 20, 10, 5, None, None, None])  # row 14
    path = write_xlsx(tmp_path / "scores.xlsx", rows, sheet="점수")
    error = single(scores(config, path))
    assert error.location == Location("scores.xlsx", "점수", 14, "기술성")
    assert error.message("en") == (
        "scores.xlsx, sheet 점수, row 14, column 기술성: 45 is above the maximum 40"
    )
    assert (
        error.message("ko") == "scores.xlsx, 시트 점수, 14행, 열 기술성: 45는 최댓값 40보다 큽니다"
    )


def test_score_below_minimum(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [WIDE, ["T01", "R01", 30, 20, None, "우수", 0]])
    error = single(scores(config, path))
    assert error.location == Location("s.xlsx", "Sheet1", 2, "투자 적정성")
    assert error.message("en").endswith(": 0 is below the minimum 1")
    assert error.message("ko").endswith(": 0은 최솟값 1보다 작습니다")


def test_non_numeric_score(tmp_path: Path, config: RoundConfig) -> None:
    path = write_csv(tmp_path / "s.csv", [WIDE, ["P01", "R01", "30", "abc", "10", "5"]])
    error = single(scores(config, path))
    assert error.location == Location("s.csv", None, 2, "사업성")
    assert error.message("en") == "s.csv, row 2, column 사업성: abc is not a number"
    assert error.message("ko") == "s.csv, 2행, 열 사업성: abc는 숫자가 아닙니다"


def test_text_score_above_maximum(tmp_path: Path, config: RoundConfig) -> None:
    path = write_csv(tmp_path / "s.csv", [WIDE, ["P01", "R01", " 41 ", "20", "10", "5"]])
    assert single(scores(config, path)).message("en").endswith(": 41 is above the maximum 40")


def test_not_a_grade(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [WIDE, ["T01", "R01", 30, 20, None, 0.8, 3]])
    error = single(scores(config, path))
    assert error.location == Location("s.xlsx", "Sheet1", 2, "정책부합성")
    assert error.message("en").endswith(
        ": 0.8 is not a grade of 정책부합성 (policy) (grades: 탁월, 우수, 보통, 미흡)"
    )
    assert "등급이 아닙니다 (등급: 탁월, 우수, 보통, 미흡)" in error.message("ko")


def test_missing_score(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [WIDE, ["P01", "R01", 30, None, 10, 5]])
    error = single(scores(config, path))
    assert error.location == Location("s.xlsx", "Sheet1", 2, "사업성")
    assert error.message("en").endswith(": the score for 사업성 (biz) is missing")
    assert error.message("ko").endswith(": 사업성 (biz) 점수가 비어 있습니다")


def test_missing_criterion_column_is_reported_once(tmp_path: Path, config: RoundConfig) -> None:
    header = ["과제번호", "심사위원ID", "기술성", "사업성", "수행역량", "정책부합성"]
    path = write_xlsx(
        tmp_path / "s.xlsx",
        [
            header,
            ["P01", "R01", 30, 20, 10, 5],  # pre-rnd: its rubric is all there
            ["T01", "R01", 30, 20, None, "우수"],  # tips: 투자 적정성 has no column
            ["T02", "R01", 30, 20, None, "우수"],
        ],
    )
    error = single(scores(config, path))
    assert error.location == Location("s.xlsx", "Sheet1", 3, None)
    assert error.message("en") == (
        "s.xlsx, sheet Sheet1, row 3: track tips is scored on "
        "투자 적정성 (invest), but the file has no column for it"
    )
    assert error.message("ko").endswith(
        ": 트랙 tips의 평가항목 투자 적정성 (invest) 열이 파일에 없습니다"
    )


def test_two_columns_for_one_criterion(tmp_path: Path, config: RoundConfig) -> None:
    header = ["과제번호", "심사위원ID", "tech", "기술성 (40점)", "사업성", "수행역량", "정책부합성"]
    path = write_xlsx(tmp_path / "s.xlsx", [header, ["P01", "R01", 30, 30, 20, 10, 5]])
    error = single(scores(config, path))
    assert error.location == Location("s.xlsx", "Sheet1", 1, "기술성 (40점)")
    assert error.message("en").endswith(
        ": this column and column tech both hold criterion 기술성 (tech); keep one"
    )
    assert error.message("ko").endswith(
        ": 이 열과 tech 열이 모두 평가항목 기술성 (tech)입니다. 하나만 남기세요"
    )


def test_conflict_row_with_scores(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "s.xlsx", [WIDE, ["P01", "R01", 30, None, None, None, None, "동일 기관", "Y"]]
    )
    error = single(scores(config, path))
    assert error.location == Location("s.xlsx", "Sheet1", 2, "이해충돌")
    assert error.message("en").endswith(
        ": a conflict of interest is declared, but scores are filled in (기술성); "
        "leave them blank or clear the conflict"
    )
    assert "이해충돌(회피)로 표시되었는데 점수가 입력되어 있습니다 (기술성)" in error.message("ko")


def test_bad_conflict_value(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "s.xlsx", [WIDE, ["P01", "R01", 30, 20, 10, 5, None, None, "아마도"]]
    )
    error = single(scores(config, path))
    assert error.location == Location("s.xlsx", "Sheet1", 2, "이해충돌")
    assert error.message("en").endswith(
        ": 아마도 is not a yes/no value (Y/N, 예/아니오, O/X, 1/0, true/false)"
    )


# -- scores: who and what ---------------------------------------------------------------------


def test_unknown_application_and_reviewer(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "s.xlsx",
        [WIDE, ok_row("P01"), ok_row("X99"), ok_row("P02", "R77")],
        sheet="점수",
    )
    unknown_app, unknown_reviewer = errors_of(scores(config, path))
    assert unknown_app.location == Location("s.xlsx", "점수", 3, "과제번호")
    assert unknown_app.message("en").endswith(": application X99 is not in the round")
    assert unknown_app.message("ko").endswith(": 과제 X99는 이 평가 회차에 없습니다")
    assert unknown_reviewer.location == Location("s.xlsx", "점수", 4, "심사위원ID")
    assert unknown_reviewer.message("en").endswith(": reviewer R77 is not in the round")
    assert unknown_reviewer.message("ko").endswith(": 심사위원 R77은 이 평가 회차에 없습니다")


def test_duplicate_pair_in_one_file(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [WIDE, ok_row("P01"), ok_row("P02"), ok_row("P01")])
    error = single(scores(config, path))
    assert error.location == Location("s.xlsx", "Sheet1", 4, "심사위원ID")
    assert error.message("en").endswith(
        ": application P01 × reviewer R01 is scored twice (also row 2)"
    )
    assert error.message("ko").endswith(
        ": 과제 P01 × 심사위원 R01의 점수가 두 번 있습니다 (2행에도 있음)"
    )


def test_duplicate_pair_across_files(tmp_path: Path, config: RoundConfig) -> None:
    first = write_xlsx(tmp_path / "a.xlsx", [WIDE, ok_row("P02"), ok_row("P01")])
    second = write_csv(tmp_path / "b.csv", [["제출 점수"], WIDE, ok_row("P01")])
    error = single(scores(config, first, second))
    assert error.location == Location("b.csv", None, 3, "심사위원ID")
    assert error.message("en") == (
        "b.csv, row 3, column 심사위원ID: application P01 × "
        "reviewer R01 is scored twice (also a.xlsx, row 3)"
    )
    assert error.message("ko").endswith("(a.xlsx 3행에도 있음)")


def test_the_same_file_twice(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [WIDE, ok_row("P01"), ok_row("P02")])
    error = single(scores(config, path, tmp_path / "sub" / ".." / "s.xlsx"))
    assert error.location == Location("s.xlsx")
    assert error.message("en") == "s.xlsx: the same file is given twice"
    assert error.message("ko") == "s.xlsx: 같은 파일이 두 번 지정되었습니다"


def test_unassigned_pair(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [WIDE, ok_row("P01"), ok_row("P02", "R02")])
    error = single(scores(config, path, assignments={("P01", "R01"), ("P02", "R01")}))
    assert error.location == Location("s.xlsx", "Sheet1", 3, "심사위원ID")
    assert error.message("en").endswith(": reviewer R02 is not assigned to application P02")
    assert error.message("ko").endswith(": 심사위원 R02는 과제 P02에 배정되지 않았습니다")


def test_without_assignments_any_reviewer_may_score(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [WIDE, ok_row("P01"), ok_row("P02", "R02")])
    assert len(read_scores([path], config, APPS, REVIEWERS, set())) == 2
    assert len(read_scores([path], config, APPS, REVIEWERS, None)) == 2


def test_decimal_comma_in_a_score(tmp_path: Path, config: RoundConfig) -> None:
    """3,5 must not be read as 35 (it would even pass as a 사업성 score of 30 points max
    in another column)."""
    path = write_csv(tmp_path / "s.csv", [WIDE, ["P01", "R01", "30", "20", "10", "3,5"]])
    error = single(scores(config, path))
    assert error.location == Location("s.csv", None, 2, "정책부합성")
    assert error.message("en") == "s.csv, row 2, column 정책부합성: 3,5 is not a number"
    assert error.message("ko") == "s.csv, 2행, 열 정책부합성: 3,5는 숫자가 아닙니다"


def test_scores_on_several_sheets_are_refused(tmp_path: Path, config: RoundConfig) -> None:
    book = Workbook()
    book.active.title = "1차"
    book.active.append(WIDE)
    book.active.append(ok_row("P01"))
    second = book.create_sheet("2차")
    second.append(WIDE)
    second.append(ok_row("P02"))
    book.save(tmp_path / "s.xlsx")
    error = single(scores(config, tmp_path / "s.xlsx"))
    assert error.location == Location("s.xlsx")
    assert error.message("en") == (
        "s.xlsx: the table appears on several sheets: 1차, 2차 — name one sheet like the "
        "table (e.g. 점수) or split the file"
    )
    assert error.message("ko").startswith("s.xlsx: 표가 여러 시트에 있습니다: 1차, 2차.")


def test_duplicate_pair_in_files_of_the_same_name(tmp_path: Path, config: RoundConfig) -> None:
    for folder in ("김위원", "이위원"):
        (tmp_path / folder).mkdir()
    first = write_xlsx(tmp_path / "김위원" / "점수.xlsx", [WIDE, ok_row("P02"), ok_row("P01")])
    second = write_xlsx(tmp_path / "이위원" / "점수.xlsx", [WIDE, ok_row("P01")])
    error = single(scores(config, first, second))
    assert error.location == Location(str(Path("이위원", "점수.xlsx")), "Sheet1", 2, "심사위원ID")
    assert error.message("en").endswith(
        f"is scored twice (also {Path('김위원', '점수.xlsx')}, row 3)"
    )


def test_a_partly_scored_row_is_still_an_error(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "s.xlsx",
        [
            WIDE,
            ok_row("P01"),
            ["P02", "R01", None, None, None, None, None, "검토 중", None],  # a comment only
            ["P03", "R01", None, None, None, None, None, None, "N"],  # "no conflict" only
            ["P04", "R01", None, None, None, None, None, None, None],  # untouched: skipped
        ],
    )
    errors = errors_of(scores(config, path))
    assert [(e.location.row, e.location.column) for e in errors if e.location] == [
        (row, column) for row in (3, 4) for column in ("기술성", "사업성", "수행역량", "정책부합성")
    ]
    assert all(e.key == "import.missing_score" for e in errors)


def test_a_file_with_no_row_filled_in_is_refused(tmp_path: Path, config: RoundConfig) -> None:
    untouched = [["P01", "R01"], ["P02", "R01"]]
    path = write_xlsx(tmp_path / "s.xlsx", [WIDE, *untouched], sheet="점수")
    error = single(scores(config, path))
    assert error.location == Location("s.xlsx", "점수")
    assert error.message("en") == (
        "s.xlsx, sheet 점수: no row has a score, a comment or a conflict filled in; "
        "check that this is the filled-in file"
    )
    assert error.message("ko").startswith("s.xlsx, 시트 점수: 점수, 의견, 이해충돌이 입력된")
    headers_only = write_xlsx(
        tmp_path / "t.xlsx", [["과제번호", "심사위원ID", "기술 점수"], ["P01", "R01", 30]]
    )
    error = single(scores(config, headers_only))
    assert error.key == "import.no_criterion_columns"
    assert error.location == Location("t.xlsx", "Sheet1", 1)
    assert error.message("en").endswith(
        ": the table has no criterion column; head each score column with a criterion's name "
        "or id (criteria: 기술성 (tech), 사업성 (biz), 수행역량 (capability), "
        "정책부합성 (policy), 투자 적정성 (invest))"
    )


def test_blank_ids(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [WIDE, ["P01", None, 30, 20, 10, 5]])
    error = single(scores(config, path))
    assert error.location == Location("s.xlsx", "Sheet1", 2, "심사위원ID")
    assert error.message("en").endswith(": a value is required")
    assert error.message("ko").endswith(": 필수 값이 비어 있습니다")


# -- scores: long layout ------------------------------------------------------------------------

LONG = ["application_id", "reviewer_id", "criterion", "score", "comment", "conflict"]


def test_long_unknown_duplicate_and_missing_criteria(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "long.xlsx",
        [
            LONG,
            ["P01", "R01", "tech", 30, "", ""],
            ["P01", "R01", "biz", 20, "", ""],
            ["P01", "R01", "invest", 3, "", ""],  # row 4: not in pre-rnd's rubric
            ["P01", "R01", "기술성", 31, "", ""],  # row 5: tech again
            ["P01", "R01", "policy", None, "", ""],  # row 6: blank score
        ],
    )
    unknown, duplicate, missing, blank = errors_of(scores(config, path))
    assert unknown.location == Location("long.xlsx", "Sheet1", 4, "criterion")
    assert unknown.message("en").endswith(
        ": invest is not a criterion of track pre-rnd (criteria: 기술성 (tech), 사업성 (biz), "
        "수행역량 (capability), 정책부합성 (policy))"
    )
    assert duplicate.location == Location("long.xlsx", "Sheet1", 5, "criterion")
    assert duplicate.message("en").endswith(
        ": the score for 기술성 (tech) is given twice (also row 2)"
    )
    assert duplicate.message("ko").endswith(": 기술성 (tech) 점수가 두 번 있습니다 (2행에도 있음)")
    # the criteria left without a score, in rubric order: one never named (reported at
    # the pair's first row), one named with a blank score (reported at that row)
    assert missing.location == Location("long.xlsx", "Sheet1", 2, "criterion")
    assert missing.message("en").endswith(": the score for 수행역량 (capability) is missing")
    assert blank.location == Location("long.xlsx", "Sheet1", 6, "score")
    assert blank.message("en").endswith(": the score for 정책부합성 (policy) is missing")


def test_long_missing_criterion_and_bad_value(tmp_path: Path, config: RoundConfig) -> None:
    path = write_csv(
        tmp_path / "long.csv",
        [
            LONG,
            ["P01", "R01", "tech", "30", "", ""],
            ["P01", "R01", "biz", "20", "", ""],
            ["P01", "R01", "capability", "10", "", ""],
            ["P02", "R01", "tech", "50", "", ""],
        ],
    )
    errors = errors_of(scores(config, path))
    assert [(e.location, e.key) for e in errors] == [
        (Location("long.csv", None, 5, "score"), "import.above_max"),
        (Location("long.csv", None, 2, "criterion"), "import.missing_score"),
        (Location("long.csv", None, 5, "criterion"), "import.missing_score"),
        (Location("long.csv", None, 5, "criterion"), "import.missing_score"),
        (Location("long.csv", None, 5, "criterion"), "import.missing_score"),
    ]
    assert errors[0].message("en").endswith(": 50 is above the maximum 40")
    assert errors[1].message("en").endswith(": the score for 정책부합성 (policy) is missing")
    # P02's refused tech score is not reported again as missing; its other criteria are
    assert [e.params["criterion"] for e in errors[2:]] == [
        "사업성 (biz)",
        "수행역량 (capability)",
        "정책부합성 (policy)",
    ]


def test_long_conflict_with_scores(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "long.xlsx",
        [
            LONG,
            ["P01", "R01", "tech", 30, "", ""],
            ["P01", "R01", "", None, "같은 회사", "Y"],
        ],
    )
    error = single(scores(config, path))
    assert error.location == Location("long.xlsx", "Sheet1", 3, "conflict")
    assert "scores are filled in (기술성 (tech))" in error.message("en")


# -- applications -------------------------------------------------------------------------------


def test_duplicate_application_id(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "apps.xlsx",
        [
            ["신청 과제 목록"],
            APP_HEADER,
            ["A1", "tips", "t", "c"],
            ["A2", "tips", "t", "c"],
            ["A1", "tips", "t", "c"],
        ],
        sheet="과제",
    )
    error = single(apps(config, path))
    assert error.location == Location("apps.xlsx", "과제", 5, "과제번호")
    assert error.message("en") == (
        "apps.xlsx, sheet 과제, row 5, column 과제번호: "
        "application id A1 appears twice (also row 3)"
    )
    assert error.message("ko") == (
        "apps.xlsx, 시트 과제, 5행, 열 과제번호: 과제번호 A1이 중복되었습니다 (3행에도 있음)"
    )


def test_duplicate_application_id_across_files(tmp_path: Path, config: RoundConfig) -> None:
    first = write_xlsx(tmp_path / "a.xlsx", [APP_HEADER, ["A1", "tips", "t", "c"]])
    second = write_csv(
        tmp_path / "b.csv",
        [
            ["id", "track", "title", "company", "amount"],
            ["B1", "tips", "t", "c", ""],
            [1, "tips", "t", "c", ""],
            ["A1", "tips", "t", "c", ""],
        ],
        "cp949",
    )
    error = single(apps(config, first, second))
    assert error.location == Location("b.csv", None, 4, "id")
    assert error.message("en").endswith(": application id A1 appears twice (also a.xlsx, row 2)")
    assert error.message("ko").endswith(": 과제번호 A1이 중복되었습니다 (a.xlsx 2행에도 있음)")


def test_unknown_track_lists_the_tracks(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(tmp_path / "apps.xlsx", [APP_HEADER, ["A1", "바이오", "t", "c"]])
    error = single(apps(config, path))
    assert error.location == Location("apps.xlsx", "Sheet1", 2, "트랙")
    assert error.message("en") == (
        f"apps.xlsx, sheet Sheet1, row 2, column 트랙: unknown track 바이오 (tracks: {TRACKS})"
    )
    assert error.message("ko").endswith(f": 알 수 없는 트랙 바이오 (트랙: {TRACKS})")


@pytest.mark.parametrize(
    ("value", "english", "korean"),
    [
        (
            "124-81-00997",
            "124-81-00997: the business registration number's check digit is wrong",
            "124-81-00997: 사업자등록번호의 검증번호가 맞지 않습니다",
        ),
        (
            "124-81-0099",
            "124-81-0099 is not a business registration number (10 digits, e.g. 123-45-67890)",
            "124-81-0099는 사업자등록번호 형식이 아닙니다",
        ),
    ],
)
def test_bad_business_number(
    tmp_path: Path, config: RoundConfig, value: str, english: str, korean: str
) -> None:
    path = write_xlsx(tmp_path / "apps.xlsx", [APP_HEADER, ["A1", "tips", "t", "c", value]])
    error = single(apps(config, path))
    assert error.location == Location("apps.xlsx", "Sheet1", 2, "사업자등록번호")
    assert error.message("en").endswith(f"column 사업자등록번호: {english}")
    assert korean in error.message("ko")


def test_every_problem_of_a_row_and_file_is_listed(tmp_path: Path, config: RoundConfig) -> None:
    path = write_csv(
        tmp_path / "apps.csv",
        [
            APP_HEADER,
            ["", "tips", "", "c", "", "ML", "4억억", "글쎄"],
            ["A2", "tips", "t", "c", "", "AI", "-4억", "Y"],
        ],
    )
    errors = errors_of(apps(config, path))
    assert [(e.location.row, e.location.column, e.key) for e in errors if e.location] == [
        (2, "과제번호", "import.required"),
        (2, "과제명", "import.required"),
        (2, "AI구분", "import.ai_category"),
        (2, "투자확약", "import.flag"),
        (2, "신청금액", "import.amount"),
        (3, "신청금액", "import.negative"),
    ]
    assert (
        errors[2]
        .message("en")
        .endswith(": ML is not an AI category (AI, AI+X (AI 융합), or none (비AI, 일반))")
    )
    assert (
        errors[4]
        .message("en")
        .endswith(": 4억억 is not an amount in won (e.g. 400,000,000, 4억, 4억 5천만원)")
    )


def test_amount_header_note_that_is_no_unit_of_won(tmp_path: Path, config: RoundConfig) -> None:
    header = [*APP_HEADER[:6], "신청금액(USD)"]
    path = write_xlsx(tmp_path / "apps.xlsx", [header, ["A1", "tips", "t", "c", "", "AI", 300000]])
    error = single(apps(config, path))
    assert error.location == Location("apps.xlsx", "Sheet1", 1, "신청금액(USD)")
    assert error.message("en") == (
        "apps.xlsx, sheet Sheet1, row 1, column 신청금액(USD): the amount header's note (USD) "
        "is not a unit of won; write (원), (천원), (만원), (백만원) or (억원), e.g. 신청금액(천원)"
    )
    assert error.message("ko") == (
        "apps.xlsx, 시트 Sheet1, 1행, 열 신청금액(USD): 금액 열 제목의 단위 (USD)를 알 수 "
        "없습니다. (원), (천원), (만원), (백만원), (억원) 중 하나로 적으세요 (예: 신청금액(천원))"
    )


@pytest.mark.parametrize(
    "header", ["신청금액 (단위: 달러)", "신청금액(천원, VAT 포함)", "신청금액[억]"]
)
def test_other_amount_header_notes_are_refused(
    tmp_path: Path, config: RoundConfig, header: str
) -> None:
    path = write_csv(
        tmp_path / "apps.csv",
        [["과제번호", "트랙", "과제명", "기업명", header], ["A1", "tips", "t", "c", "3"]],
    )
    error = single(apps(config, path))
    assert (error.key, error.location) == (
        "import.amount_unit",
        Location("apps.csv", None, 1, header),
    )


def test_amount_column_is_required_when_a_track_has_a_budget(
    tmp_path: Path, config: RoundConfig
) -> None:
    rows = [["과제 목록"], ["과제번호", "트랙", "과제명", "기업명"], ["A1", "challenge", "t", "c"]]
    path = write_xlsx(tmp_path / "apps.xlsx", rows, sheet="과제")
    error = single(apps(config, path))
    assert error.location == Location("apps.xlsx", "과제", 2, None)
    assert error.message("en") == (
        "apps.xlsx, sheet 과제, row 2: tracks have budgets (pre-rnd), so the table needs a "
        "requested amount column (headers: 신청금액, 정부출연금, 정부지원금, 신청액, "
        "지원요청금액, requested_amount, amount)"
    )
    assert error.message("ko") == (
        "apps.xlsx, 시트 과제, 2행: 예산이 정해진 트랙이 있으므로 (pre-rnd) 신청금액 열이 "
        "필요합니다 (열 제목: 신청금액, 정부출연금, 정부지원금, 신청액, 지원요청금액, "
        "requested_amount, amount)"
    )
    # without budgets the amount column may be left out
    unbudgeted = parse_config(
        (FIXTURES / "round.toml").read_text(encoding="utf-8").replace("budget = 2000000000", "")
    )
    [app] = read_applications([path], unbudgeted)
    assert app.amount == 0


def test_blank_amount_in_a_track_with_a_budget(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "apps.xlsx",
        [
            APP_HEADER,
            ["P1", "pre-rnd", "t", "c", "", "AI", "1억"],
            ["P2", "pre-rnd", "t", "c", "", "AI", None],  # row 3: pre-rnd has a budget
            ["C1", "challenge", "t", "c", "", "AI", None],  # no budget: blank is 0
            ["T1", "tips", "t", "c", "", "AI", "  "],
        ],
    )
    error = single(apps(config, path))
    assert error.location == Location("apps.xlsx", "Sheet1", 3, "신청금액")
    assert error.message("en") == (
        "apps.xlsx, sheet Sheet1, row 3, column 신청금액: "
        "requested amount is required: track pre-rnd has a budget"
    )
    assert error.message("ko").endswith(
        ": 신청금액이 비어 있습니다. 트랙 pre-rnd에는 예산이 정해져 있어 금액이 필요합니다"
    )
    rows = [
        APP_HEADER,
        ["P1", "pre-rnd", "t", "c", "", "AI", "1억"],
        ["C1", "challenge", "t", "c", "", "AI", None],
        ["T1", "tips", "t", "c", "", "AI", "  "],
    ]
    fine = write_xlsx(tmp_path / "fine.xlsx", rows)
    assert [a.amount for a in read_applications([fine], config)] == [100_000_000, 0, 0]


def test_amount_too_large(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "apps.xlsx", [APP_HEADER, ["P1", "pre-rnd", "t", "c", "", "AI", "2000조"]]
    )
    error = single(apps(config, path))
    assert error.location == Location("apps.xlsx", "Sheet1", 2, "신청금액")
    assert error.message("en").endswith(
        ": 2000조 is too large an amount (at most 1,000,000,000,000,000 won)"
    )
    assert error.message("ko").endswith(
        ": 2000조는 너무 큰 금액입니다 (최대 1,000,000,000,000,000원)"
    )


def test_decimal_comma_in_an_amount(tmp_path: Path, config: RoundConfig) -> None:
    path = write_csv(
        tmp_path / "apps.csv",
        [
            ["과제번호", "트랙", "과제명", "기업명", "신청금액"],
            ["P1", "pre-rnd", "t", "c", "3,5억"],
        ],
    )
    error = single(apps(config, path))
    assert error.location == Location("apps.csv", None, 2, "신청금액")
    assert error.message("en").endswith(
        ": 3,5억 is not an amount in won (e.g. 400,000,000, 4억, 4억 5천만원)"
    )
    assert "3,5억은 금액으로 읽을 수 없습니다" in error.message("ko")


def test_application_values_longer_than_the_database_keeps(
    tmp_path: Path, config: RoundConfig
) -> None:
    header = ["과제번호", "트랙", "과제명", "기업명", "기술분야", "소재지", "신청금액"]
    longest = ["A" * 64, "tips", "제" * 5000, "기" * 300, "분" * 100, "서" * 200, ""]
    too_long = ["B" * 65, "tips", "t", "기" * 301, "분" * 101, "서" * 201, ""]
    path = write_xlsx(tmp_path / "apps.xlsx", [header, longest, too_long])
    errors = errors_of(apps(config, path))
    assert [(e.location, e.key, e.params) for e in errors] == [
        (Location("apps.xlsx", "Sheet1", 3, column), "import.too_long", {"length": n + 1, "max": n})
        for column, n in (("과제번호", 64), ("기업명", 300), ("기술분야", 100), ("소재지", 200))
    ]
    assert errors[0].message("en") == (
        "apps.xlsx, sheet Sheet1, row 3, column 과제번호: "
        "the value is too long (65 characters, at most 64)"
    )
    assert errors[0].message("ko").endswith(": 값이 너무 깁니다 (65자, 최대 64자)")
    good = write_xlsx(tmp_path / "good.xlsx", [header, longest])
    [app] = read_applications([good], config)
    assert (len(app.id), len(app.title), len(app.company)) == (64, 5000, 300)


def test_length_limits_mirror_the_database_columns() -> None:
    from reviewer.exchange.importers import applications, reviewers
    from reviewer.store.models import ApplicationRow, ReviewerRow

    for limits, model in (
        (applications.MAX_LENGTHS, ApplicationRow),
        (reviewers.MAX_LENGTHS, ReviewerRow),
    ):
        columns = model.__table__.columns
        bounded = {c.name for c in columns if getattr(c.type, "length", None)}
        assert {name: columns[name].type.length for name in limits} == limits
        assert bounded - set(limits) <= {"ai_category", "source", "track_id"}


def test_duplicate_application_id_in_files_of_the_same_name(
    tmp_path: Path, config: RoundConfig
) -> None:
    (tmp_path / "1차").mkdir()
    (tmp_path / "2차").mkdir()
    first = write_xlsx(tmp_path / "1차" / "apps.xlsx", [APP_HEADER, ["A1", "tips", "t", "c"]])
    second = write_xlsx(
        tmp_path / "2차" / "apps.xlsx",
        [APP_HEADER, ["B1", "tips", "t", "c"], ["A1", "tips", "t", "c"]],
    )
    error = single(apps(config, first, second))
    assert error.location == Location(str(Path("2차", "apps.xlsx")), "Sheet1", 3, "과제번호")
    assert error.message("en") == (
        f"{Path('2차', 'apps.xlsx')}, sheet Sheet1, row 3, column 과제번호: "
        f"application id A1 appears twice (also {Path('1차', 'apps.xlsx')}, row 2)"
    )
    assert error.message("ko").endswith(f"({Path('1차', 'apps.xlsx')} 2행에도 있음)")


# -- reviewers ----------------------------------------------------------------------------------


def test_reviewer_problems(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "reviewers.xlsx",
        [
            ["심사위원ID", "성명", "소속", "담당트랙", "이메일"],
            ["R01", "김", "", "tips, 양자", ""],
            ["R02", "", "", "", "lee@"],
            ["R01", "박", "", "", ""],
        ],
        sheet="심사위원",
    )
    track, name, email, duplicate = errors_of(lambda: read_reviewers([path], config))
    assert track.location == Location("reviewers.xlsx", "심사위원", 2, "담당트랙")
    assert track.message("en").endswith(f": unknown track 양자 (tracks: {TRACKS})")
    assert name.location == Location("reviewers.xlsx", "심사위원", 3, "성명")
    assert email.location == Location("reviewers.xlsx", "심사위원", 3, "이메일")
    assert email.message("en").endswith(": lee@ is not an e-mail address")
    assert duplicate.location == Location("reviewers.xlsx", "심사위원", 4, "심사위원ID")
    assert duplicate.message("en").endswith(": reviewer id R01 appears twice (also row 2)")
    assert duplicate.message("ko").endswith(": 심사위원 ID R01이 중복되었습니다 (2행에도 있음)")


def test_reviewer_values_longer_than_the_database_keeps(
    tmp_path: Path, config: RoundConfig
) -> None:
    email = "a" * 290 + "@example.kr"  # 301 characters
    path = write_xlsx(
        tmp_path / "reviewers.xlsx",
        [
            ["심사위원ID", "성명", "소속", "이메일"],
            ["R" * 64, "이" * 200, "소" * 300, email[1:]],
            ["R" * 65, "이" * 201, "소" * 301, email],
        ],
    )
    errors = errors_of(lambda: read_reviewers([path], config))
    assert [(e.location, e.params) for e in errors] == [
        (Location("reviewers.xlsx", "Sheet1", 3, column), {"length": n + 1, "max": n})
        for column, n in (("심사위원ID", 64), ("성명", 200), ("소속", 300), ("이메일", 300))
    ]
    assert all(e.key == "import.too_long" for e in errors)
    assert "(201자, 최대 200자)" in errors[1].message("ko")


def test_duplicate_reviewer_in_files_of_the_same_name(tmp_path: Path, config: RoundConfig) -> None:
    header = ["심사위원ID", "성명"]
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        write_csv(tmp_path / folder / "위원.csv", [header, ["R01", folder]])
    paths = [tmp_path / "a" / "위원.csv", tmp_path / "b" / "위원.csv"]
    error = single(lambda: read_reviewers(paths, config))
    assert error.message("en").endswith(
        f": reviewer id R01 appears twice (also {Path('a', '위원.csv')}, row 2)"
    )
    assert error.location == Location(str(Path("b", "위원.csv")), None, 2, "심사위원ID")


# -- files --------------------------------------------------------------------------------------


READERS: dict[str, Callable[[RoundConfig, Path], object]] = {
    "applications": lambda c, p: read_applications([p], c),
    "reviewers": lambda c, p: read_reviewers([p], c),
    "scores": lambda c, p: read_scores([p], c, APPS, REVIEWERS, None),
}


@pytest.mark.parametrize("reader", READERS)
def test_corrupt_workbook(tmp_path: Path, config: RoundConfig, reader: str) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    error = single(lambda: READERS[reader](config, path))
    assert error.location == Location("broken.xlsx")
    assert error.message("en").startswith(
        "broken.xlsx: cannot open the .xlsx workbook; the file is damaged or not an Excel file"
    )
    assert error.message("ko").startswith("broken.xlsx: 엑셀(.xlsx) 파일을 열 수 없습니다")


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("name", ["empty.xlsx", "empty.csv"])
def test_zero_byte_file(tmp_path: Path, config: RoundConfig, reader: str, name: str) -> None:
    (tmp_path / name).write_bytes(b"")
    error = single(lambda: READERS[reader](config, tmp_path / name))
    assert error.location == Location(name)
    assert error.message("en") == f"{name}: the file is empty (0 bytes)"
    assert error.message("ko") == f"{name}: 빈 파일입니다 (0바이트)"


def test_header_only_workbook_and_csv(tmp_path: Path, config: RoundConfig) -> None:
    book = write_xlsx(tmp_path / "scores.xlsx", [["점수표"], WIDE], sheet="점수")
    text = write_csv(tmp_path / "scores.csv", [WIDE], "utf-8-sig")
    first, second = errors_of(scores(config, book, text))
    assert first.location == Location("scores.xlsx", "점수", 2)
    assert first.message("en") == (
        "scores.xlsx, sheet 점수, row 2: there are no data rows below the header"
    )
    assert first.message("ko") == "scores.xlsx, 시트 점수, 2행: 제목 행 아래에 데이터 행이 없습니다"
    assert second.location == Location("scores.csv", None, 1)
    assert second.message("ko") == "scores.csv, 1행: 제목 행 아래에 데이터 행이 없습니다"


def test_wrong_encoding(tmp_path: Path, config: RoundConfig) -> None:
    path = tmp_path / "reviewers.csv"
    path.write_bytes("심사위원ID,성명\n".encode("utf-16"))
    error = single(lambda: read_reviewers([path], config))
    assert error.location == Location("reviewers.csv")
    assert error.message("en") == (
        "reviewers.csv: cannot decode the text; save the CSV as UTF-8 or CP949 (EUC-KR)"
    )
    assert error.message("ko") == (
        "reviewers.csv: 텍스트 인코딩을 알 수 없습니다. CSV를 UTF-8 또는 CP949(EUC-KR)로 저장하세요"
    )


def test_unsupported_extension(tmp_path: Path, config: RoundConfig) -> None:
    path = tmp_path / "apps.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    error = single(apps(config, path))
    assert error.location == Location("apps.xls")
    assert error.message("en") == "apps.xls: unsupported file type .xls; use an .xlsx or .csv file"
    assert error.message("ko") == (
        "apps.xls: 지원하지 않는 파일 형식입니다 (.xls). .xlsx 또는 .csv 파일을 사용하세요"
    )


def test_all_files_are_validated_before_anything_is_returned(
    tmp_path: Path, config: RoundConfig
) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", [WIDE, ok_row("P01")])
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    bad = write_xlsx(tmp_path / "bad.xlsx", [WIDE, ok_row("P02"), ok_row("P99")])
    errors = errors_of(scores(config, good, empty, bad))
    assert [e.location.file for e in errors if e.location] == ["empty.csv", "bad.xlsx"]


def test_many_errors_are_capped(tmp_path: Path, config: RoundConfig) -> None:
    rows: list[list[object]] = [WIDE]
    rows += [[f"X{i:02d}", "R01", 30, 20, 10, 5] for i in range(60)]
    path = write_xlsx(tmp_path / "s.xlsx", rows)
    with pytest.raises(InvalidInputs) as caught:
        read_scores([path], config, APPS, REVIEWERS, None)
    assert caught.value.total == 60
    assert len(caught.value.errors) == 50
    lines = caught.value.message("en").splitlines()
    assert lines[0] == (
        "s.xlsx, sheet Sheet1, row 2, column 과제번호: application X00 is not in the round"
    )
    assert lines[-1] == "… and 10 more"


def _with_values(path: Path, replacements: dict[str, str]) -> Path:
    """The workbook at ``path`` with the stored text of numeric cells replaced, as a
    program writing ``NaN`` or ``INF`` into a cell would leave it."""
    import zipfile

    data: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data[name] = archive.read(name)
    sheet = data["xl/worksheets/sheet1.xml"].decode()
    for old, new in replacements.items():
        assert f"<v>{old}</v>" in sheet
        sheet = sheet.replace(f"<v>{old}</v>", f"<v>{new}</v>")
    data["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in data.items():
            archive.writestr(name, content)
    return path


@pytest.mark.parametrize("spelled", ["NaN", "nan", "inf", "-inf", "Infinity"])
def test_a_score_that_is_not_finite_is_refused(
    tmp_path: Path, config: RoundConfig, spelled: str
) -> None:
    """Every comparison with NaN is false, so a range check alone would let it in."""
    path = write_xlsx(tmp_path / "s.xlsx", [WIDE, ["P01", "R01", 31.25, 20, 10, 5]])
    _with_values(path, {"31.25": spelled})
    error = single(scores(config, path))
    assert error.location == Location("s.xlsx", "Sheet1", 2, "기술성")
    assert error.key == "import.not_finite"
    assert "is not a number a score or amount can be (NaN or infinity)" in error.message("en")
    assert "점수나 금액이 될 수 없는 값입니다" in error.message("ko")


@pytest.mark.parametrize("column", ["신청금액", "가점"])
def test_an_amount_or_bonus_that_is_not_finite_is_refused(
    tmp_path: Path, config: RoundConfig, column: str
) -> None:
    header = [*APP_HEADER, "가점"]
    row: list[object] = ["P01", "pre-rnd", "t", "c", "", "AI", 100_000_000, "", 1.5]
    row[header.index(column)] = 7777.5
    path = write_xlsx(tmp_path / "a.xlsx", [header, row])
    _with_values(path, {"7777.5": "NaN"})
    error = single(apps(config, path))
    assert error.location == Location("a.xlsx", "Sheet1", 2, column)
    assert error.key == "import.not_finite"


FOREIGN_ROWS = {
    "shift_jis": [
        ("株式会社テスト研究所", "人工知能による画像認識の研究開発"),
        ("東京ソフトウェア株式会社", "自然言語処理を用いた審査支援システム"),
        ("大阪ロボティクス", "工場向け協働ロボットの制御技術"),
        ("北海道データ解析", "気象データを活用した需要予測"),
    ],
    "gbk": [
        ("北京科技有限公司", "基于人工智能的图像识别研究"),
        ("上海数据分析公司", "自然语言处理审查辅助系统"),
        ("深圳机器人技术", "工厂协作机器人控制技术开发"),
        ("广州智能制造", "利用气象数据的需求预测"),
    ],
    "latin-1": [
        ("Société Générale Études", "Réseaux électriques intelligents à faible coût"),
        ("Müller Straßenbau GmbH", "Größenprüfung für Brücken über Flüsse"),
        ("Ibáñez y Peña S.A.", "Diseño de señales acústicas en túneles"),
        ("Crème Brûlée Café", "Façade à énergie positive"),
    ],
}


# texts of those encodings whose bytes also decode as CP949 (into nonsense)
DECODABLE_ROWS = {
    "shift_jis": [("株式会社東京研究所", "半導体製造装置"), ("株式会社テスト研究所", "事業計画")],
    "gbk": [
        ("北京科技有限公司", "基于人工智能的图像识别研究"),
        ("广州智能制造", "利用气象数据的需求预测"),
    ],
    "latin-1": [("ÂGE ÇÀ", "ÀÀ ÈÉ"), ("ÖÄ", "ÜÖ Çà")],
}


@pytest.mark.parametrize("decodable", [False, True], ids=["real", "decodable"])
@pytest.mark.parametrize("encoding", sorted(FOREIGN_ROWS))
def test_a_csv_in_another_encoding_is_refused_not_read_as_mojibake(
    tmp_path: Path, config: RoundConfig, encoding: str, decodable: bool
) -> None:
    """A file of Japanese, Chinese or Western text is refused with the encoding message;
    also when its bytes happen to decode as CP949, rather than imported as nonsense."""
    header = ["id", "track", "title", "company", "business_no", "ai_category", "amount", "x"]
    rows: list[list[object]] = [header]
    texts = (DECODABLE_ROWS if decodable else FOREIGN_ROWS)[encoding] * 3
    for number, (company, title) in enumerate(texts, start=1):
        rows.append([f"P{number:02d}", "pre-rnd", title, company, "", "AI", 100_000_000, ""])
    path = write_csv(tmp_path / "apps.csv", rows, encoding=encoding)
    if decodable:
        path.read_bytes().decode("cp949")  # it does decode
    error = single(apps(config, path))
    assert error.key == "import.encoding"
    assert error.message("en") == (
        "apps.csv: cannot decode the text; save the CSV as UTF-8 or CP949 (EUC-KR)"
    )


def test_a_cp949_csv_with_hanja_and_rare_syllables_is_read(
    tmp_path: Path, config: RoundConfig
) -> None:
    """Korean text keeps a few Hanja and syllables outside KS X 1001 (똠, 햏)."""
    rows: list[list[object]] = [APP_HEADER]
    names = ["㈜삼성 三星전자", "똠방각하 연구소", "햏 스튜디오", "대한 인공지능"]
    for number, name in enumerate(names * 3, start=1):
        title = "인공지능 기반 영상 인식 기술 개발"
        rows.append([f"P{number:02d}", "pre-rnd", title, name, "", "AI", 100_000_000, ""])
    path = write_csv(tmp_path / "apps.csv", rows, encoding="cp949")
    read = read_applications([path], config)
    assert [a.company for a in read][:4] == names
