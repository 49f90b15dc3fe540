"""The ranked PDF, read back with poppler: text, fonts, pages, footers."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from reviewer.domain.config_toml import parse_config
from reviewer.domain.digest import inputs_digest
from reviewer.domain.evaluate import evaluate
from reviewer.domain.model import Application, Review, Reviewer, RoundData, Status
from reviewer.domain.recorded import RecordedRun, record
from reviewer.domain.recorded_json import read_run, record_document
from reviewer.domain.statistics import review_statistics
from reviewer.exchange.reports.context import ReportContext
from reviewer.exchange.reports.pdf import layout as report_pdf_layout
from reviewer.exchange.reports.pdf.ranking import write_ranked_pdf

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")

ROUND_NAME = "2025 서울형 R&D 1차 평가"
EVIL = '=HYPERLINK("x")'

CONFIG = f"""
[round]
name = "{ROUND_NAME}"
year = 2025
cutoff = 70
min_reviews = 3
region = "서울"

[aggregation]
method = "mean"

[[criteria]]
id = "tech"
name = "기술성"
weight = 60
min = 0
max = 60

[[criteria]]
id = "biz"
name = "사업성"
weight = 40
min = 0
max = 40

[[tracks]]
id = "pre-rnd"
name = "초기 기술개발 (Pre-R&D)"
seats = 3

[[tracks]]
id = "tips"
name = "민간투자연계 R&D (서울형 TIPS)"
seats = 2
linked = true
requires = ["investment_commitment"]

[[tracks.criteria]]
id = "tech"
name = "기술성"
weight = 60
min = 0
max = 60

[[tracks.criteria]]
id = "invest"
name = "투자 적정성"
weight = 40
grades = {{ "탁월" = 1.0, "우수" = 0.8, "보통" = 0.6, "미흡" = 0.4 }}

[[quotas]]
name = "전체 선정 AI 과반"
categories = ["AI", "AI+X"]
tracks = "all"
scope = "combined"
min_share = 0.5
strict = true
"""

REVIEWERS = (
    Reviewer("R1", "김심사", "서울대학교"),
    Reviewer("R2", "이평가", "한국과학기술연구원"),
    Reviewer("R3", "박위원", "(주)벤처캐피탈"),
)

# id, title, company, AI category, (tech, biz-or-grade) given by every reviewer, extras
PRE_RND = (
    ("P01", "스마트 공장 공정 최적화 플랫폼 개발", EVIL, "none", (54, 36)),
    ("P02", "바이오 센서 기반 질병 조기진단 키트 개발", "(주)한빛바이오", "none", (51, 34)),
    ("P03", "핀테크 간편결제 보안 모듈 고도화", "주식회사 누리페이", "none", (48, 32)),
    ("P04", "대규모 언어모델 기반 민원 상담 자동화", "(주)딥브레인에이아이", "AI", (45, 30)),
    ("P09", "컴퓨터 비전 기반 물류 로봇 시제품 개발", "(주)비전로보틱스", "AI+X", (43, 29)),
    ("P05", "AI 기반 신약 후보물질 발굴 개념검증", "(주)메타바이오", "AI+X", (39, 26)),
    ("P06", "양자 암호 통신 장비 국산화", "큐브퀀텀(주)", "none", (36, 24)),
)
TIPS = (
    ("T01", "온디바이스 AI 음성 비서 상용화", "(주)라온에이아이", "AI", (54, "탁월")),
    ("T02", "AI 융합 스마트 농업 드론 고도화", "그린드론(주)", "AI+X", (48, "우수")),
    ("T03", "블록체인 전자계약 플랫폼 개발", "(주)체인링크", "none", (42, "보통")),
)


def _reviews(
    app_id: str,
    scores: tuple[float, float | str],
    track: str,
    reviewers: tuple[Reviewer, ...] = REVIEWERS,
) -> list[Review]:
    second = "invest" if track == "tips" else "biz"
    return [
        Review(
            app_id,
            r.id,
            {"tech": scores[0], second: scores[1]},
            comment=f"{r.name} 의견: 기술성 우수",
        )
        for r in reviewers
    ]


def sample_data(filler: int = 0) -> RoundData:
    """The sample round: quota decisions, a failure, ineligible and incomplete
    applications, and ``filler`` more (failing) pre-rnd applications."""
    config = parse_config(CONFIG)
    apps: list[Application] = []
    reviews: list[Review] = []
    for app_id, title, company, ai, scores in PRE_RND:
        apps.append(
            Application(
                app_id,
                "pre-rnd",
                title,
                company,
                ai,
                amount=200_000_000,
                region="서울특별시 강남구",
            )
        )
        reviews += _reviews(app_id, scores, "pre-rnd")
    apps.append(
        Application(
            "P07",
            "pre-rnd",
            "경기 소재 로봇 기업 과제",
            "(주)경기로봇",
            "none",
            amount=150_000_000,
            region="경기도 성남시",
        )
    )
    reviews += _reviews("P07", (50, 35), "pre-rnd")
    apps.append(
        Application(
            "P08",
            "pre-rnd",
            "평가 미완료 과제",
            "(주)미완료",
            "AI",
            amount=100_000_000,
            region="서울특별시 중구",
        )
    )
    reviews += _reviews("P08", (50, 35), "pre-rnd", REVIEWERS[:2])
    for index in range(filler):
        app_id = f"F{index:04d}"
        apps.append(
            Application(
                app_id,
                "pre-rnd",
                f"추가 과제 {index} 기술개발 및 실증",
                f"(주)추가기업{index}",
                "none",
                amount=100_000_000,
                region="서울특별시 강서구",
            )
        )
        reviews += _reviews(app_id, (30 + index % 10, 20), "pre-rnd")
    for app_id, title, company, ai, scores in TIPS:
        apps.append(
            Application(
                app_id,
                "tips",
                title,
                company,
                ai,
                amount=500_000_000,
                region="서울특별시 마포구",
                investment_commitment=True,
            )
        )
        reviews += _reviews(app_id, scores, "tips")
    apps.append(
        Application(
            "T04",
            "tips",
            "투자확약 없는 과제",
            "(주)무확약",
            "AI",
            amount=400_000_000,
            region="서울특별시 마포구",
            investment_commitment=False,
        )
    )
    reviews += _reviews("T04", (54, "탁월"), "tips")
    return RoundData(
        config=config, applications=tuple(apps), reviewers=REVIEWERS, reviews=tuple(reviews)
    )


RUN_AT = datetime(2025, 5, 20, 14, 30)


def recorded(data: RoundData) -> RecordedRun:
    """The run of ``data`` as a selection records it and an export reads it back (through
    the JSON the database keeps)."""
    run = record(data, evaluate(data), digest=inputs_digest(data), created_at=RUN_AT)
    document = json.loads(json.dumps({"record": record_document(run)}))
    return read_run(document, digest=run.digest, created_at=RUN_AT)


def context_for(data: RoundData, **extra: object) -> ReportContext:
    run = recorded(data)
    return ReportContext(
        data=data,
        run=run,
        statistics=review_statistics(data, run.applications),
        **extra,
    )  # type: ignore[arg-type]


def sample_context(filler: int = 0, **extra: object) -> ReportContext:
    return context_for(sample_data(filler), **extra)


def pdf_text(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(
        [*args, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


def pdf_fonts(path: Path) -> list[list[str]]:
    """The rows of ``pdffonts``: name, type, encoding, emb, sub, uni, object, generation."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


@pytest.fixture(scope="module")
def context() -> ReportContext:
    return sample_context()


@pytest.fixture(scope="module")
def ranked_pdf(context: ReportContext, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "ranking.pdf"
    write_ranked_pdf(path, context, "ko")
    return path


def test_the_sample_round_has_every_status(context: ReportContext) -> None:
    statuses = {app.status for app in context.run.applications.values()}
    assert statuses == set(Status)


def test_korean_round_tracks_and_statuses_are_in_the_text(
    ranked_pdf: Path, context: ReportContext
) -> None:
    text = pdf_text(ranked_pdf)
    assert ROUND_NAME in text
    for track in context.config.tracks:
        assert track.name in text
    for label in ("선정", "쿼터 선정", "쿼터 미선정", "미선정", "과락", "부적격", "평가 미완료"):
        assert label in text
    assert EVIL in text  # a company name is printed as it is
    assert "투자확약이 없습니다" in text  # the ineligible application's reason
    assert "심사위원회 확인" in text and "김심사" in text  # the signature block


def test_selected_ids_appear_in_rank_order(ranked_pdf: Path, context: ReportContext) -> None:
    text = pdf_text(ranked_pdf)
    expected = [row.id for row in context.rows if row.status.is_selected]
    assert expected == ["P01", "P02", "P04", "T01", "T02"]
    positions = [text.index(app_id) for app_id in expected]
    assert positions == sorted(positions)
    # the displaced application is listed between the selected ones, by rank
    assert text.index("P02") < text.index("P03") < text.index("P04")


def test_cutoff_line_falls_between_the_last_pass_and_the_first_fail(ranked_pdf: Path) -> None:
    text = pdf_text(ranked_pdf)
    line = text.index("기준선")
    line = text.index("기준선", line + 1)  # the first is the legend
    assert text.rindex("P09", 0, line) < line < text.index("P05", line)


def test_every_font_is_embedded_nanum(ranked_pdf: Path) -> None:
    rows = pdf_fonts(ranked_pdf)
    assert rows
    for row in rows:
        assert "Nanum" in row[0], row
        assert row[-5] == "yes", row  # emb
    assert not any(
        base in " ".join(map(" ".join, rows))
        for base in ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")
    )


def test_every_page_has_its_number_and_the_digest(ranked_pdf: Path, context: ReportContext) -> None:
    total = pdf_pages(ranked_pdf)
    assert total >= 5  # cover, summary, two tracks, signatures
    for page in range(1, total + 1):
        text = pdf_text(ranked_pdf, page)
        assert re.search(rf"(?<!\d){page}\s*/\s*{total}(?!\d)", text), page
        assert context.digest in text


def test_more_applications_make_more_pages(tmp_path: Path, ranked_pdf: Path) -> None:
    big = tmp_path / "big.pdf"
    write_ranked_pdf(big, sample_context(filler=150), "ko")
    assert pdf_pages(big) >= pdf_pages(ranked_pdf) + 4
    text = pdf_text(big)
    assert "F0149" in text and "추가 과제 149 기술개발 및 실증" in text


def test_english_variant(tmp_path: Path, context: ReportContext) -> None:
    path = tmp_path / "ranking-en.pdf"
    write_ranked_pdf(path, context, "en")
    text = pdf_text(path)
    for label in (
        "Selected by quota",
        "Displaced by quota",
        "Not selected",
        "Below cutoff",
        "Ineligible",
        "Incomplete",
        "Evaluation results",
        "Committee sign-off",
    ):
        assert label in text
    assert "선정 요약" not in text
    assert ROUND_NAME in text  # data stays as it is


def test_committee_and_members_fill_the_cover_and_signatures(tmp_path: Path) -> None:
    path = tmp_path / "committee.pdf"
    context = sample_context(
        committee="2025 서울형 R&D 심사위원회", chair="최위원장", members=("정위원", "한위원")
    )
    write_ranked_pdf(path, context, "ko")
    text = pdf_text(path)
    assert "2025 서울형 R&D 심사위원회" in text
    assert "최위원장" in text and "정위원" in text and "한위원" in text
    assert "김심사" not in text  # the reviewers are not listed when members are given


def test_boundary_tie_is_marked(tmp_path: Path) -> None:
    context = sample_context()
    data = context.data
    # T03 scores as T02 does and is AI+X as T02 is: they tie at the boundary of the two
    # tips seats (were T03 not AI, the AI majority quota would split them: no tie)
    reviews = tuple(
        replace(r, scores={"tech": 48, "invest": "우수"}) if r.application_id == "T03" else r
        for r in data.reviews
    )
    applications = tuple(
        replace(a, ai_category="AI+X") if a.id == "T03" else a for a in data.applications
    )
    data = replace(data, reviews=reviews, applications=applications)
    tied = context_for(data)
    assert tied.run.boundary_ties
    path = tmp_path / "tie.pdf"
    write_ranked_pdf(path, tied, "ko")
    text = pdf_text(path)
    assert "경계 동점:" in text and "T02, T03" in text
    rows = [line for line in text.splitlines() if re.match(r"\s*\d+\s+T0[23]\b", line)]
    assert len(rows) == 2 and all("◆" in line for line in rows)


def test_progress_reaches_the_total(tmp_path: Path, context: ReportContext) -> None:
    calls: list[tuple[int, int]] = []
    write_ranked_pdf(tmp_path / "p.pdf", context, "ko", lambda d, t: calls.append((d, t)))
    assert calls and calls[-1][0] == calls[-1][1]
    assert all(0 <= done <= total for done, total in calls)


def test_a_failed_export_leaves_no_file(
    tmp_path: Path, context: ReportContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ranking.pdf"
    path.write_bytes(b"old report")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(report_pdf_layout.ReportDocument, "render", broken)
    with pytest.raises(RuntimeError):
        write_ranked_pdf(path, context, "ko")
    assert path.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["ranking.pdf"]


@pytest.mark.parametrize(
    "long_text",
    ["아주 긴 과제명 " * 250, "가" * 5_000, "줄\n" * 400, "W" * 3_000],
    ids=["words", "one-word", "lines", "latin"],
)
def test_a_text_of_any_length_lays_out_cut_with_a_mark(tmp_path: Path, long_text: str) -> None:
    """A title or company longer than a table cell can hold is cut where the cell's
    height ends and marked; the report is written and every other row is whole."""
    data = sample_data()
    first, second, *rest = data.applications
    apps = (replace(first, title=long_text), replace(second, company=long_text), *rest)
    path = tmp_path / "long.pdf"
    write_ranked_pdf(path, context_for(replace(data, applications=apps)), "ko")
    text = pdf_text(path)
    assert "[…]" in text
    for app in rest:
        assert app.id in text
    assert len(text) < 200_000  # cut, not printed whole in every table


@pytest.mark.parametrize("filler", [40, 70, 103])
def test_a_paragraph_split_across_pages_lays_out(tmp_path: Path, filler: int) -> None:
    """A note of several lines in the page's flow (the boundary ties of many tied
    applications) that falls across a page break is split like any paragraph."""
    data = sample_data(filler=filler)
    reviews = tuple(
        replace(r, scores={"tech": 54, "biz": 36}) if r.application_id.startswith("F") else r
        for r in data.reviews
    )
    path = tmp_path / "ties.pdf"
    write_ranked_pdf(path, context_for(replace(data, reviews=reviews)), "ko")
    assert pdf_pages(path) > 1
