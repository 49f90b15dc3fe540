"""The importers on good input: workbooks saved by LibreOffice, CSV in every encoding,
every header alias and value form, both score layouts."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import load_config
from reviewer.domain.model import Application, Review, Reviewer
from reviewer.errors import InvalidInputs, Location
from reviewer.exchange.importers.applications import read_applications
from reviewer.exchange.importers.reviewers import read_reviewers
from reviewer.exchange.importers.scores import read_scores
from reviewer.exchange.reports.score_sheets import HEADER_ROW, write_score_form
from tests.integration.test_report_pdf import sample_data

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


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


APPS = {"1001": "tips", "A-1002": "challenge", "1003": "pre-rnd"}
REVIEWERS = {"R01", "R02", "2"}


# -- applications ---------------------------------------------------------------------------


def test_applications_saved_by_libreoffice(config: RoundConfig) -> None:
    """A guide sheet before 신청 과제, a merged title and a note above the header."""
    apps = read_applications([FIXTURES / "lo_applications.xlsx"], config)
    assert apps == [
        Application(
            id="1001",
            track="tips",
            title="AI 기반 신약 후보 탐색",
            company="(주)가나바이오",
            ai_category="AI+X",
            amount=400_000_000,
            business_no="124-81-00998",
            region="서울특별시 강남구",
            bonus=2.0,
            investment_commitment=True,
            attributes={"비고": "우선 검토"},
        ),
        Application(
            id="A-1002",
            track="challenge",
            title="도시 열섬 지도",
            company="다라랩",
            ai_category="AI",
            amount=450_000_000,
            region="서울 마포구",
            investment_commitment=False,
            attributes={"비고": ""},
        ),
        Application(
            id="1003",
            track="pre-rnd",
            title="소형 로봇 관절",
            company="마바로보틱스",
            ai_category="none",
            amount=450_000_000,
            business_no="220-81-62517",
            region="서울특별시 성동구",
            bonus=1.5,
            investment_commitment=True,
            attributes={"비고": "재신청"},
        ),
    ]


HEADER_ALIASES = {
    "id": ["과제번호", "접수번호", "application_id", "id", "과 제번호", "APPLICATION ID"],
    "track": ["트랙", "사업유형", "세부사업", "track", "Track"],
    "title": ["과제명", "title", "과 제 명", "Title"],
    "company": ["기업명", "주관기관", "company", "COMPANY"],
    "business_no": ["사업자등록번호", "business_no", "사업자 등록번호"],
    "ai_category": ["AI구분", "AI 분류", "ai_category", "ＡＩ구분"],
    "field": ["기술분야", "field"],
    "amount": ["신청금액", "정부출연금", "requested_amount", "신청금액(원)"],
    "region": ["소재지", "region"],
    "bonus": ["가점", "bonus"],
    "penalty": ["감점", "penalty"],
    "investment_commitment": ["투자확약", "investment_commitment"],
    "guarantee": ["기보보증", "guarantee"],
}
ROW = {
    "id": 1001.0,
    "track": "서울형 TIPS",
    "title": "제목",
    "company": "회사",
    "business_no": "1248100998",
    "ai_category": "AI 융합",
    "field": "바이오",
    "amount": "4억 5천만원",
    "region": "서울특별시 중구",
    "bonus": "2",
    "penalty": 1,
    "investment_commitment": "예",
    "guarantee": "없음",
}


@pytest.mark.parametrize("variant", range(6))
def test_every_application_header_alias(tmp_path: Path, config: RoundConfig, variant: int) -> None:
    headers = [names[variant % len(names)] for names in HEADER_ALIASES.values()]
    path = write_xlsx(tmp_path / "apps.xlsx", [headers, list(ROW.values())])
    [app] = read_applications([path], config)
    assert app == Application(
        id="1001",
        track="tips",
        title="제목",
        company="회사",
        business_no="124-81-00998",
        ai_category="AI+X",
        field="바이오",
        amount=450_000_000,
        region="서울특별시 중구",
        bonus=2.0,
        penalty=1.0,
        investment_commitment=True,
        guarantee=False,
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_applications_csv(tmp_path: Path, config: RoundConfig, encoding: str) -> None:
    path = write_csv(
        tmp_path / "apps.csv",
        [
            [
                "과제번호",
                "트랙",
                "과제명",
                "기업명",
                "AI구분",
                "신청금액",
                "투자확약",
                "기보보증",
                "담당자",
            ],
            [
                "2025-0001",
                "초기 기술개발 (Pre-R&D)",
                "열화상 진단",
                "(주)한빛",
                "AI",
                "400,000,000",
                "Y",
                "N",
                "홍길동",
            ],
            ["", "", "", "", "", "", "", "", ""],
            ["2025-0002", "Pre-R&D", "배터리", "주식회사 둘", "", " 1억2천 ", "O", "X", ""],
            ["2025-0003", "pre-rnd", "3", "셋", "비AI", "4.5억", "1", "0", ""],
            ["2025-0004", "CHALLENGE", "4", "넷", "AIX", "45,000만원", "true", "false", ""],
            ["2025-0005", "서울혁신 챌린지", "5", "다섯", "AI+X", "", "있음", "", ""],
        ],
        encoding,
    )
    apps = read_applications([path], config)
    summary = [
        (a.id, a.track, a.ai_category, a.amount, a.investment_commitment, a.guarantee) for a in apps
    ]
    assert summary == [
        ("2025-0001", "pre-rnd", "AI", 400_000_000, True, False),
        ("2025-0002", "pre-rnd", "none", 120_000_000, True, False),
        ("2025-0003", "pre-rnd", "none", 450_000_000, True, False),
        ("2025-0004", "challenge", "AI+X", 450_000_000, True, False),
        ("2025-0005", "challenge", "AI+X", 0, True, None),
    ]
    assert apps[0].title == "열화상 진단"
    assert apps[0].attributes == {"담당자": "홍길동"}


def test_amount_header_unit_in_thousands(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "apps.xlsx",
        [
            ["과제번호", "트랙", "과제명", "기업명", "신청금액 (천원)"],
            ["1", "tips", "t", "c", 400000],
            ["2", "tips", "t", "c", "4억"],
        ],
    )
    assert [a.amount for a in read_applications([path], config)] == [400_000_000, 400_000_000]


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("신청금액(단위: 천원)", 10**3),
        ("신청금액 (단위:백만원)", 10**6),
        ("신청금액(천원)", 10**3),
        ("신청금액(만원)", 10**4),
        ("신청금액(원)", 1),
        ("신청금액 [단위 : 천 원]", 10**3),
        ("정부출연금（억원）", 10**8),
        ("requested_amount (KRW)", 1),
        ("amount (unit: 천원)", 10**3),
        ("신청금액", 1),
    ],
)
def test_amount_header_units(tmp_path: Path, config: RoundConfig, header: str, unit: int) -> None:
    path = write_xlsx(
        tmp_path / "apps.xlsx",
        [
            ["과제번호", "트랙", "과제명", "기업명", header],
            ["1", "pre-rnd", "t", "c", 45],
            ["2", "pre-rnd", "t", "c", "1,200"],
            ["3", "pre-rnd", "t", "c", "4억"],  # Korean units are not scaled
        ],
    )
    amounts = [a.amount for a in read_applications([path], config)]
    assert amounts == [45 * unit, 1200 * unit, 400_000_000]


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("400,000,000", 400_000_000),
        ("4억", 400_000_000),
        ("4억 5천만원", 450_000_000),
        ("45,000만원", 450_000_000),
        ("4.5억", 450_000_000),
        ("1억2천", 120_000_000),
        (400_000_000, 400_000_000),
    ],
)
def test_amount_forms_in_a_budgeted_track(
    tmp_path: Path, config: RoundConfig, written: object, amount: int
) -> None:
    path = write_csv(
        tmp_path / "apps.csv",
        [["과제번호", "트랙", "과제명", "기업명", "신청금액"], ["1", "pre-rnd", "t", "c", written]],
    )
    assert [a.amount for a in read_applications([path], config)] == [amount]


def test_applications_from_several_files_in_order(tmp_path: Path, config: RoundConfig) -> None:
    header = ["id", "track", "title", "company", "amount"]
    first = write_xlsx(tmp_path / "a.xlsx", [header, ["A", "tips", "t", "c", None]])
    second = write_csv(tmp_path / "b.csv", [header, ["B", "tips", "t", "c", ""]])
    assert [a.id for a in read_applications([first, second], config)] == ["A", "B"]


def test_unknown_columns_are_kept_as_attributes(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "apps.xlsx",
        [
            ["과제번호", "트랙", "과제명", "기업명", "신청금액", "접수일", "비고", "비고", None],
            ["1", "tips", "t", "c", "4억", 45000.0, "첫째", "둘째", "no header"],
        ],
    )
    [app] = read_applications([path], config)
    assert app.attributes == {"접수일": "45000", "비고": "첫째", "비고 (2)": "둘째"}


# -- reviewers ------------------------------------------------------------------------------


def test_reviewers_saved_by_libreoffice(config: RoundConfig) -> None:
    reviewers = read_reviewers([FIXTURES / "lo_reviewers.xlsx"], config)
    assert [(r.id, r.name, r.affiliation, r.tracks, r.email) for r in reviewers] == [
        ("R01", "김심사", "서울대학교", ("tips", "challenge"), "kim@example.ac.kr"),
        ("2", "이평가", "KIST", ("pre-rnd",), None),
    ]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp949"])
def test_reviewers_csv(tmp_path: Path, config: RoundConfig, encoding: str) -> None:
    path = write_csv(
        tmp_path / "reviewers.csv",
        [
            ["reviewer_id", "name", "affiliation", "tracks", "email"],
            ["R01", "김심사", "서울대", "tips,pre-rnd", ""],
            ["R02", "이평가", "", "", "lee@example.com"],
            ["R03", "박위원", "KAIST", "전체", ""],
            ["R04", "최위원", "", "서울혁신챌린지; 서울형 TIPS", ""],
        ],
        encoding,
    )
    reviewers = read_reviewers([path], config)
    assert [(r.id, r.tracks) for r in reviewers] == [
        ("R01", ("tips", "pre-rnd")),
        ("R02", ()),
        ("R03", ("pre-rnd", "challenge", "tips")),
        ("R04", ("challenge", "tips")),
    ]
    assert reviewers[1].email == "lee@example.com"
    assert reviewers[0].name == "김심사"


# -- scores ---------------------------------------------------------------------------------


def test_wide_scores_saved_by_libreoffice(config: RoundConfig) -> None:
    """A summary sheet before 점수, merged title cells, a 합계 formula column, a graded
    criterion, a score typed as text, a conflict with its reason."""
    reviews = read_scores([FIXTURES / "lo_scores.xlsx"], config, APPS, REVIEWERS, None)
    assert reviews == [
        Review(
            "1001",
            "R01",
            {"tech": 35.0, "biz": 25.0, "invest": 4.0, "policy": "우수"},
            comment="기술력 우수",
        ),
        Review("A-1002", "R01", {"tech": 30.5, "biz": 20.0, "capability": 15.0, "policy": 8.0}),
        Review("1003", "R01", {}, conflict=True, conflict_reason="동일 기관 재직"),
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_wide_scores_csv_with_criterion_ids(
    tmp_path: Path, config: RoundConfig, encoding: str
) -> None:
    path = write_csv(
        tmp_path / "scores.csv",
        [
            [
                "application_id",
                "reviewer_id",
                "심사위원명",
                "TECH",
                "biz",
                "capability",
                "policy",
                "invest",
                "comment",
                "conflict",
            ],
            ["1003", "R02", "이평가", " 35 ", "25.5", "20", "0", "", "보완 필요", "N"],
            ["1001", "R02", "이평가", "40", "0", "", " 탁월 ", "5", "", ""],
            ["A-1002", "R02", "이평가", "", "", "", "", "", "같은 기관", "예"],
        ],
        encoding,
    )
    reviews = read_scores([path], config, APPS, REVIEWERS, [])
    assert reviews == [
        Review(
            "1003",
            "R02",
            {"tech": 35.0, "biz": 25.5, "capability": 20.0, "policy": 0.0},
            comment="보완 필요",
        ),
        Review("1001", "R02", {"tech": 40.0, "biz": 0.0, "policy": "탁월", "invest": 5.0}),
        Review(
            "A-1002", "R02", {}, comment="같은 기관", conflict=True, conflict_reason="같은 기관"
        ),
    ]


def test_wide_scores_headers_with_notes_and_spacing(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "s.xlsx",
        [
            [
                "과 제 번 호",
                "심사위원 ID",
                "1. 기술성 (40점)",
                "② 사업성(30점)",
                "수행 역량",
                "정책 부합성",
                "합계",
            ],
            [1003.0, "R01", 30, 20, 10, 5, 65],
        ],
        sheet="평가",
    )
    [review] = read_scores([path], config, APPS, REVIEWERS, None)
    assert review.scores == {"tech": 30.0, "biz": 20.0, "capability": 10.0, "policy": 5.0}


def test_integer_valued_float_ids_match(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "s.xlsx",
        [
            ["과제번호", "심사위원ID", "tech", "biz", "capability", "policy"],
            [1003, 2, 1, 2, 3, 4],
        ],
    )
    [review] = read_scores([path], config, APPS, REVIEWERS, {("1003", "2")})
    assert (review.application_id, review.reviewer_id) == ("1003", "2")


def test_rows_with_ids_only_are_no_reviews_yet(tmp_path: Path, config: RoundConfig) -> None:
    header = [
        "과제번호",
        "심사위원ID",
        "기술성",
        "사업성",
        "수행역량",
        "정책부합성",
        "의견",
        "이해충돌",
    ]
    path = write_csv(
        tmp_path / "s.csv",
        [
            header,
            ["1003", "R01", 30, 25, 15, 5, "좋음", "N"],
            ["1003", "R02", "", "", "", "", " ", ""],  # not scored yet
            ["A-1002", "R01", "", "", "", "", "", "Y"],
        ],
    )
    reviews = read_scores([path], config, APPS, REVIEWERS, None)
    assert [(r.application_id, r.reviewer_id, r.conflict) for r in reviews] == [
        ("1003", "R01", False),
        ("A-1002", "R01", True),
    ]


def test_a_partly_filled_score_form_imports_the_rows_filled_in(tmp_path: Path) -> None:
    """The score form prefills the ids of every application it asks for; the rows a
    reviewer has not got to yet are no reviews, and no errors."""
    data = sample_data()
    data = replace(
        data, reviewers=(*data.reviewers, Reviewer("R9", "신규위원", "", tracks=("tips",)))
    )
    path = tmp_path / "R9.xlsx"
    write_score_form(path, data, "R9", "ko")
    book = load_workbook(path)
    sheet = book["점수"]
    column = {cell.value: cell.column for cell in sheet[HEADER_ROW]}
    rows = {sheet.cell(r, 1).value: r for r in range(HEADER_ROW + 1, sheet.max_row + 1)}
    assert set(rows) == {"T01", "T02", "T03", "T04"}
    sheet.cell(rows["T01"], column["기술성"]).value = 50
    sheet.cell(rows["T01"], column["투자 적정성"]).value = "보통"
    sheet.cell(rows["T03"], column["이해충돌"]).value = "Y"
    sheet.cell(rows["T03"], column["이해충돌 사유"]).value = "자문 이력"
    book.save(path)

    def read() -> list[Review]:
        return read_scores(
            [path],
            data.config,
            {a.id: a.track for a in data.applications},
            {r.id for r in data.reviewers},
            data.assignments,
        )

    reviews = read()
    assert [(r.application_id, r.reviewer_id, r.scores, r.conflict) for r in reviews] == [
        ("T01", "R9", {"tech": 50, "invest": "보통"}, False),
        ("T03", "R9", {}, True),
    ]
    # a row begun but not finished is still refused
    sheet.cell(rows["T02"], column["기술성"]).value = 40
    book.save(path)
    with pytest.raises(InvalidInputs) as caught:
        read()
    [error] = caught.value.errors
    assert error.key == "import.missing_score"
    assert error.location == Location("R9.xlsx", "점수", rows["T02"], "투자 적정성")


def test_long_scores(tmp_path: Path, config: RoundConfig) -> None:
    path = write_xlsx(
        tmp_path / "long.xlsx",
        [
            ["점수 목록"],
            ["과제번호", "심사위원ID", "평가항목", "점수", "의견", "이해충돌", "사유"],
            ["1003", "R01", "기술성", 30, "좋음", "", ""],
            ["1003", "R01", "biz", "25", "", "", ""],
            ["1001", "R01", "tech", 10, "", "N", ""],
            ["1003", "R01", "수행 역량", 15, "", "", ""],
            ["1003", "R01", "POLICY", 5, "좋음", "", ""],
            [],
            ["1001", "R01", "사업성", 10, "", "", ""],
            ["1001", "R01", "투자적정성", 3, "", "", ""],
            ["1001", "R01", "정책부합성", "보통", "보통 수준", "", ""],
            ["A-1002", "R01", "", "", "", "Y", "자문 이력"],
        ],
        sheet="scores",
    )
    reviews = read_scores([path], config, APPS, REVIEWERS, None)
    assert reviews == [
        Review(
            "1003",
            "R01",
            {"tech": 30.0, "biz": 25.0, "capability": 15.0, "policy": 5.0},
            comment="좋음",
        ),
        Review(
            "1001",
            "R01",
            {"tech": 10.0, "biz": 10.0, "invest": 3.0, "policy": "보통"},
            comment="보통 수준",
        ),
        Review("A-1002", "R01", {}, conflict=True, conflict_reason="자문 이력"),
    ]


def test_scores_from_several_files(tmp_path: Path, config: RoundConfig) -> None:
    header = ["과제번호", "심사위원ID", "기술성", "사업성", "수행역량", "정책부합성"]
    first = write_xlsx(tmp_path / "r01.xlsx", [header, ["1003", "R01", 1, 2, 3, 4]])
    second = write_csv(tmp_path / "r02.csv", [header, ["1003", "R02", 5, 6, 7, 8]], "cp949")
    reviews = read_scores(
        [first, second], config, APPS, REVIEWERS, {("1003", "R01"), ("1003", "R02")}
    )
    assert [(r.reviewer_id, r.scores["tech"]) for r in reviews] == [("R01", 1.0), ("R02", 5.0)]
