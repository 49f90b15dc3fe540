"""Cell value parsers: every accepted form, and the message key of every refusal."""

from __future__ import annotations

import datetime

import pytest

from reviewer.exchange.tables import values
from reviewer.exchange.tables.values import BadValue


def refused(parse: object, value: object, *args: object) -> BadValue:
    with pytest.raises(BadValue) as caught:
        parse(value, *args)  # type: ignore[operator]
    return caught.value


# -- text and identifiers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (1001.0, "1001"),  # calamine reads every number as a float
        (1001, "1001"),
        (1001.5, "1001.5"),
        (" 2025-0001 ", "2025-0001"),
        ("\u1100\u1161\u1102\u1161", "가나"),  # decomposed Hangul (macOS) is composed
        (None, ""),
        ("", ""),
        (True, "TRUE"),
        (datetime.datetime(2025, 3, 1), "2025-03-01"),
        (datetime.date(2025, 3, 1), "2025-03-01"),
    ],
)
def test_text_of_a_cell(cell: values.Cell, expected: str) -> None:
    assert values.text(cell) == expected


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("과 제번호", "과제번호"),
        (" 과제 번호 ", "과제번호"),
        ("APPLICATION_ID", "applicationid"),
        ("application id", "applicationid"),
        ("Ｉｄ", "id"),  # full-width
        ("ＡＩ　분류", "ai분류"),  # full-width letters and an ideographic space
        ("Reviewer-ID", "reviewerid"),
    ],
)
def test_fold_ignores_case_spaces_and_width(header: str, key: str) -> None:
    assert values.fold(header) == key


# -- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (35.0, 35.0),
        (35, 35.0),
        ("35", 35.0),
        (" 35 ", 35.0),
        ("1,200", 1200.0),
        ("35.5", 35.5),
        ("３５", 35.0),
        ("35점", 35.0),
        ("-2", -2.0),
    ],
)
def test_number_forms(cell: values.Cell, expected: float) -> None:
    assert values.number(cell) == expected


@pytest.mark.parametrize("cell", ["abc", "", "nan", "inf", "1_000", True, None, "3 5 a"])
def test_not_a_number(cell: values.Cell) -> None:
    problem = refused(values.number, cell)
    assert problem.key == "import.not_number"


def test_not_a_number_names_the_value() -> None:
    assert refused(values.number, " abc ").params == {"value": "abc"}


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1,200", 1200.0),
        ("12,345.5", 12345.5),
        ("1,234,567", 1234567.0),
        ("-1,200", -1200.0),
        ("1,200점", 1200.0),
        ("35 점", 35.0),
        ("１，２００", 1200.0),  # full-width digits and comma
    ],
)
def test_a_comma_groups_thousands(cell: values.Cell, expected: float) -> None:
    assert values.number(cell) == expected


@pytest.mark.parametrize("cell", ["3,5", "1,2,3", "1,20", "1,2345", ",5", "35,", "3,5점", "3 5"])
def test_a_comma_that_is_no_thousands_separator_is_not_a_number(cell: str) -> None:
    """A decimal comma (3,5) is refused rather than read as 35, ten times the value."""
    problem = refused(values.number, cell)
    assert problem.key == "import.not_number"
    assert problem.params == {"value": cell}


def test_bonus_and_penalty_are_non_negative_and_blank_is_zero() -> None:
    assert values.non_negative(None) == 0.0
    assert values.non_negative(" ") == 0.0
    assert values.non_negative("1.5") == 1.5
    assert refused(values.non_negative, -1.0).key == "import.negative"


def test_number_text_drops_a_zero_fraction() -> None:
    assert values.number_text(45.0) == "45"
    assert values.number_text(45.5) == "45.5"


# -- amounts in won ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("400,000,000", 400_000_000),
        ("4억", 400_000_000),
        ("4억 5천만원", 450_000_000),
        ("4억5천만원", 450_000_000),
        ("45,000만원", 450_000_000),
        ("4.5억", 450_000_000),
        ("4.5억원", 450_000_000),
        ("1억2천", 120_000_000),
        ("1억 2천5백", 125_000_000),
        ("12억 3,400만원", 1_234_000_000),
        ("3억 5000만", 350_000_000),
        ("5천만원", 50_000_000),
        ("1만5000원", 15_000),
        ("400000000", 400_000_000),
        ("400,000,000원", 400_000_000),
        ("₩400,000,000", 400_000_000),
        ("400,000천원", 400_000_000),
        (" 2억 ", 200_000_000),
        ("４억", 400_000_000),
        (400_000_000.0, 400_000_000),
        (400_000_000, 400_000_000),
        (None, 0),
        ("", 0),
    ],
)
def test_amount_forms(cell: values.Cell, expected: int) -> None:
    assert values.amount(cell) == expected


def test_amount_unit_scales_plain_numbers_only() -> None:
    assert values.amount("400,000", 1000) == 400_000_000
    assert values.amount(45000.0, 10_000) == 450_000_000
    assert values.amount("4억", 1000) == 400_000_000


@pytest.mark.parametrize(
    ("cell", "key"),
    [
        ("abc", "import.amount"),
        ("4억억", "import.amount"),
        ("만억", "import.amount"),
        ("1억-2", "import.amount"),
        (True, "import.amount"),
        ("-5", "import.negative"),
        (-5.0, "import.negative"),
        ("1.5", "import.amount_fraction"),
        ("1억 2000", "import.amount_ambiguous"),
        ("3,5억", "import.amount"),  # a decimal comma, not 35억
        ("4,5", "import.amount"),
        ("1,2,3", "import.amount"),
        ("1,2345만원", "import.amount"),
        ("400,000,00", "import.amount"),
        ("1001조", "import.amount_too_large"),
        ("1,000,000,000,000,001", "import.amount_too_large"),
        (1e16, "import.amount_too_large"),
        ("9" * 40, "import.amount_too_large"),
    ],
)
def test_amount_refusals(cell: values.Cell, key: str) -> None:
    assert refused(values.amount, cell).key == key


def test_amount_bound_is_a_thousand_trillion_won() -> None:
    assert values.MAX_AMOUNT == 10**15 < 2**63  # fits the database's 64-bit column
    assert values.amount("1000조") == values.MAX_AMOUNT
    assert values.amount("1,000,000", 10**9) == values.MAX_AMOUNT
    problem = refused(values.amount, "1,000,001", 10**9)
    assert problem.params == {"value": "1,000,001", "max": "1,000,000,000,000,000"}


# -- flags and AI categories --------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        "Y",
        "y",
        " Y ",
        "yes",
        "예",
        "네",
        "O",
        "o",
        "1",
        1.0,
        1,
        True,
        "true",
        "TRUE",
        "있음",
        "○",
        "Ｙ",
    ],
)
def test_flag_yes(cell: values.Cell) -> None:
    assert values.flag(cell) is True


@pytest.mark.parametrize(
    "cell",
    ["N", "n", "no", "아니오", "아니요", "X", "x", "0", 0.0, False, "false", "없음"],
)
def test_flag_no(cell: values.Cell) -> None:
    assert values.flag(cell) is False


@pytest.mark.parametrize("cell", [None, "", "  "])
def test_flag_blank_is_unknown(cell: values.Cell) -> None:
    assert values.flag(cell) is None


@pytest.mark.parametrize("cell", ["maybe", "2", 2.0, "동일기관"])
def test_flag_refusals(cell: values.Cell) -> None:
    assert refused(values.flag, cell).key == "import.flag"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("AI", "AI"),
        ("ai", "AI"),
        (" AI ", "AI"),
        ("ＡＩ", "AI"),
        ("AI+X", "AI+X"),
        ("ai+x", "AI+X"),
        ("AI + X", "AI+X"),
        ("AI 융합", "AI+X"),
        ("AI융합", "AI+X"),
        ("AIX", "AI+X"),
        ("none", "none"),
        ("None", "none"),
        ("비AI", "none"),
        ("비 AI", "none"),
        ("일반", "none"),
        ("", "none"),
        (None, "none"),
    ],
)
def test_ai_category_spellings(cell: values.Cell, expected: str) -> None:
    assert values.ai_category(cell) == expected


@pytest.mark.parametrize("cell", ["ML", "AI+Y", "바이오", 1.0])
def test_ai_category_refusals(cell: values.Cell) -> None:
    problem = refused(values.ai_category, cell)
    assert problem.key == "import.ai_category"


# -- business registration numbers and e-mail ---------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("124-81-00998", "124-81-00998"),
        ("1248100998", "124-81-00998"),
        (1248100998.0, "124-81-00998"),  # a number cell
        (" 220-81-62517 ", "220-81-62517"),
        ("220 81 62517", "220-81-62517"),
        ("105-87-12345", "105-87-12345"),
        (None, None),
        ("", None),
    ],
)
def test_business_no_is_normalised(cell: values.Cell, expected: str | None) -> None:
    assert values.business_no(cell) == expected


@pytest.mark.parametrize(
    ("cell", "key"),
    [
        ("124-81-00997", "import.business_no_checksum"),
        ("220-81-62510", "import.business_no_checksum"),
        ("124-81-0099", "import.business_no_format"),
        ("124-81-009981", "import.business_no_format"),
        ("12a-81-00998", "import.business_no_format"),
    ],
)
def test_business_no_refusals(cell: values.Cell, key: str) -> None:
    problem = refused(values.business_no, cell)
    assert problem.key == key
    assert problem.params["value"] == str(cell).strip()


def test_email_is_checked_loosely() -> None:
    assert values.email(" kim@example.ac.kr ") == "kim@example.ac.kr"
    assert values.email("") is None
    for bad in ("kim", "kim@example", "kim @example.com", "a@b@c.kr"):
        assert refused(values.email, bad).key == "import.email"


def test_a_huge_number_is_shown_readably() -> None:
    from reviewer.exchange.tables.values import display, number_text

    assert number_text(1e308) == "1e+308"
    assert display(1e308) == "1e+308"
    assert number_text(123456789012345.0) == "123456789012345"
    assert number_text(45.0) == "45"
