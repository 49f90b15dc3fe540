"""Importing again what the round holds: reviewers re-imported. A column a file lacks
leaves the stored value as it is; a blank cell in a column it has clears the value."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import load_config
from reviewer.domain.model import Reviewer
from reviewer.exchange.importers.reviewers import read_reviewers
from tests.integration.test_importers_errors import write_csv, write_xlsx

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture(scope="module")
def config() -> RoundConfig:
    return load_config(str(FIXTURES / "round.toml"))


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
