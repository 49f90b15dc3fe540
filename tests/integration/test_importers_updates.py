"""Importing again what the round holds: corrections of applications (``--update``) and
reviewers re-imported. A column a file lacks leaves the stored value as it is; a blank
cell in a column it has clears the value; every problem is located."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import load_config
from reviewer.domain.model import Application, Reviewer
from reviewer.errors import Location
from reviewer.exchange.importers.applications import read_applications, read_corrections
from reviewer.exchange.importers.reviewers import read_reviewers
from tests.integration.test_importers_errors import errors_of, single, write_csv, write_xlsx

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture(scope="module")
def config() -> RoundConfig:
    return load_config(str(FIXTURES / "round.toml"))


@pytest.fixture(scope="module")
def stored(config: RoundConfig) -> dict[str, Application]:
    """The round's applications: those of lo_applications.xlsx."""
    return {a.id: a for a in read_applications([FIXTURES / "lo_applications.xlsx"], config)}


# -- reviewers --------------------------------------------------------------------------------

KIM = Reviewer("R01", "김심사", "서울대학교", ("tips", "challenge"), "kim@example.ac.kr")


def test_a_reviewer_file_without_a_column_keeps_the_stored_values(
    tmp_path: Path, config: RoundConfig
) -> None:
    path = write_xlsx(tmp_path / "names.xlsx", [["심사위원ID", "성명"], ["R01", "김심사"]])
    assert read_reviewers([path], config, {"R01": KIM}) == [KIM]


def test_a_blank_reviewer_cell_clears_the_stored_value(tmp_path: Path, config: RoundConfig) -> None:
    path = write_csv(
        tmp_path / "reviewers.csv",
        [["심사위원ID", "성명", "소속", "담당트랙", "이메일"], ["R01", "김심사", "", "", ""]],
    )
    assert read_reviewers([path], config, {"R01": KIM}) == [Reviewer("R01", "김심사")]


def test_a_reviewer_file_changes_the_columns_it_has(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "reviewers.xlsx",
        [
            ["심사위원ID", "성명", "담당트랙"],
            ["R01", "김심사", "pre-rnd"],
            ["R02", "이평가", "tips"],
        ],
    )
    assert read_reviewers([path], config, {"R01": KIM}) == [
        replace(KIM, tracks=("pre-rnd",)),
        Reviewer("R02", "이평가", tracks=("tips",)),
    ]


# -- applications: corrections --------------------------------------------------------------


def test_corrections_saved_by_libreoffice(
    config: RoundConfig, stored: dict[str, Application]
) -> None:
    """Only 과제번호, 신청금액(천원), 소재지 and 비고: the other fields stay as they are."""
    corrected = read_corrections([FIXTURES / "lo_corrections.xlsx"], config, stored)
    assert corrected == [
        replace(stored["1001"], amount=450_000_000, region=None, attributes={"비고": "보완 완료"}),
        stored["A-1002"],
    ]


def test_a_correction_clears_blank_cells_and_keeps_absent_columns(
    tmp_path: Path, config: RoundConfig, stored: dict[str, Application]
) -> None:
    path = write_xlsx(
        tmp_path / "fix.xlsx",
        [
            ["과제번호", "트랙", "과제명", "사업자등록번호", "AI구분", "가점", "투자확약", "메모"],
            ["1003", "challenge", "소형 로봇 관절 (수정)", "", "", "", "", "새 열"],
            ["1001", "tips", "AI 기반 신약 후보 탐색", "124-81-00998", "AI+X", 2, "Y", ""],
        ],
    )
    assert read_corrections([path], config, stored) == [
        replace(
            stored["1003"],
            track="challenge",
            title="소형 로봇 관절 (수정)",
            business_no=None,
            ai_category="none",
            bonus=0.0,
            investment_commitment=None,
            attributes={"비고": "재신청", "메모": "새 열"},
        ),
        stored["1001"],  # a blank cell of a column the application never had adds nothing
    ]


def test_a_correction_needs_only_the_id_column(
    tmp_path: Path, config: RoundConfig, stored: dict[str, Application]
) -> None:
    path = write_csv(tmp_path / "fix.csv", [["application_id", "penalty"], ["A-1002", "1.5"]])
    assert read_corrections([path], config, stored) == [replace(stored["A-1002"], penalty=1.5)]


def test_an_id_not_in_the_round_is_refused_at_its_cell(
    tmp_path: Path, config: RoundConfig, stored: dict[str, Application]
) -> None:
    path = write_xlsx(
        tmp_path / "fix.xlsx", [["과제번호", "신청금액"], ["1001", "5억"], ["9999", "1억"]], "보완"
    )
    error = single(lambda: read_corrections([path], config, stored))
    assert error.location == Location("fix.xlsx", "보완", 3, "과제번호")
    assert error.message("en") == (
        "fix.xlsx, sheet 보완, row 3, column 과제번호: application 9999 is not in the round; "
        "--update corrects applications already imported: import new ones without --update"
    )
    assert "새 과제는 --update 없이 가져오세요" in error.message("ko")


def test_an_application_twice_in_the_corrections_is_refused(
    tmp_path: Path, config: RoundConfig, stored: dict[str, Application]
) -> None:
    first = write_xlsx(tmp_path / "a.xlsx", [["과제번호", "과제명"], ["1001", "첫째"]])
    second = write_xlsx(tmp_path / "b.xlsx", [["과제번호", "과제명"], ["1003", "둘"], [1001, "셋"]])
    error = single(lambda: read_corrections([first, second], config, stored))
    assert error.location == Location("b.xlsx", "Sheet1", 3, "과제번호")
    assert error.message("en").endswith("application id 1001 appears twice (also a.xlsx, row 2)")


def test_bad_corrections_are_each_located(
    tmp_path: Path, config: RoundConfig, stored: dict[str, Application]
) -> None:
    path = write_xlsx(
        tmp_path / "fix.xlsx",
        [
            ["과제번호", "트랙", "과제명", "신청금액"],
            ["1001", "quantum", "제목", "4억"],
            ["A-1002", "challenge", "", "4억"],
            ["1003", "pre-rnd", "제목", ""],  # pre-rnd has a budget: an amount is required
        ],
    )
    track, title, amount = errors_of(lambda: read_corrections([path], config, stored))
    assert track.location == Location("fix.xlsx", "Sheet1", 2, "트랙")
    assert track.key == "import.unknown_track"
    assert title.location == Location("fix.xlsx", "Sheet1", 3, "과제명")
    assert title.key == "import.required"
    assert amount.location == Location("fix.xlsx", "Sheet1", 4, "신청금액")
    assert amount.key == "import.amount_required"


def test_a_move_to_a_track_with_other_criteria_is_refused_once_scored(
    tmp_path: Path, config: RoundConfig, stored: dict[str, Application]
) -> None:
    path = write_xlsx(tmp_path / "fix.xlsx", [["과제번호", "트랙"], ["A-1002", "tips"]])
    error = single(lambda: read_corrections([path], config, stored, {"A-1002": 3}))
    assert error.location == Location("fix.xlsx", "Sheet1", 2, "트랙")
    assert error.message("en").endswith(
        "application A-1002 has 3 review(s) scored on the criteria of track challenge; "
        "track tips is scored on other criteria, so the application cannot move there "
        "(a track can change before scores are recorded, or to a track with the same criteria)"
    )
    # before any score, or to a track of the same criteria, the move is a correction
    moved = replace(stored["A-1002"], track="tips")
    assert read_corrections([path], config, stored, {"1001": 3}) == [moved]
    same = write_xlsx(tmp_path / "same.xlsx", [["과제번호", "트랙"], ["1003", "challenge"]])
    assert read_corrections([same], config, stored, {"1003": 3}) == [
        replace(stored["1003"], track="challenge")
    ]


def test_a_move_into_a_budgeted_track_needs_an_amount(
    tmp_path: Path, config: RoundConfig, stored: dict[str, Application]
) -> None:
    unpriced = {"X-1": Application("X-1", "challenge", "제목", "회사")}
    path = write_xlsx(tmp_path / "fix.xlsx", [["과제번호", "트랙"], ["X-1", "pre-rnd"]])
    error = single(lambda: read_corrections([path], config, unpriced))
    assert error.key == "import.amount_required"
    assert error.location == Location("fix.xlsx", "Sheet1", 2, "트랙")
    # a budgeted track without an amount column is fine when the amounts are known
    assert read_corrections([path], config, {"X-1": replace(unpriced["X-1"], amount=10)}) == [
        Application("X-1", "pre-rnd", "제목", "회사", amount=10)
    ]


def test_an_application_in_the_round_points_to_update(
    tmp_path: Path, config: RoundConfig, stored: dict[str, Application]
) -> None:
    path = write_xlsx(
        tmp_path / "again.xlsx",
        [
            ["과제번호", "트랙", "과제명", "기업명", "신청금액"],
            ["1001", "tips", "제목", "회사", "4억"],
        ],
    )
    error = single(lambda: read_applications([path], config, existing=stored))
    assert error.location == Location("again.xlsx", "Sheet1", 2, "과제번호")
    assert error.message("en").endswith(
        "application 1001 is already in the round; to correct it, import the file with "
        "reviewer import applications --update"
    )
    assert "reviewer import applications --update로 가져오세요" in error.message("ko")
