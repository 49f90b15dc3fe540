"""A small reviewer package with Korean proposal PDFs, for the reviewer's window tests
and screenshots (``python -m tests.reviewer_package OUT.rvpkg [PASSWORD]``)."""

from __future__ import annotations

import hashlib
import io
import sys
from datetime import datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from reviewer.domain.config import Criterion, Track
from reviewer.domain.package import PackageApplication, PackageAttachment, ReviewerPackage
from reviewer.exchange.packages import write_package
from reviewer.exchange.reports.fonts import register_fonts

PASSWORD = "seoul-2025"
SECRET = bytes(range(32))
PACKAGE_ID = "3f9c2a7be41d4c0a9b6e5d8f1a2c3b4d"

RUBRIC = (
    Criterion("tech", "기술성", 40, 0, 40),
    Criterion("biz", "사업성", 30, 0, 30),
    Criterion("capability", "수행역량", 20, 0, 20),
    Criterion(
        "policy", "정책부합성", 10, grades={"탁월": 1.0, "우수": 0.8, "보통": 0.6, "미흡": 0.4}
    ),
)
APPLICATIONS = (
    ("2025-0001", "AI 기반 의료영상 판독 보조 시스템", "㈜서울메디AI", "AI"),
    ("2025-0002", "도심 물류 자율주행 로봇 실증", "(주)한강로보틱스", "AI+X"),
    ("2025-0003", "양자내성암호 기반 금융 인증 모듈", "주식회사 퀀텀페이", "none"),
    ("2025-0004", "시각장애인용 실내 길안내 앱", "㈜함께걷기", "AI+X"),
    ("2025-0005", "바이오 소재 3D 프린팅 공정 개발", "(주)바이오프린트", "none"),
)


def proposal_pdf(app_id: str, title: str, company: str, pages: int = 2) -> bytes:
    """A small Korean proposal: a title page and a page of plan text."""
    fonts = register_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    width, height = A4
    for page in range(1, pages + 1):
        pdf.setFont(fonts.bold, 20)
        pdf.drawString(60, height - 90, "사업계획서" if page == 1 else "2. 기술개발 계획")
        pdf.setFont(fonts.regular, 12)
        lines = [
            f"과제번호: {app_id}",
            f"과제명: {title}",
            f"주관기관: {company}",
            "",
            "1. 기술개발 목표",
            "  - 핵심 기술의 성능을 2년 안에 상용화 수준으로 높인다.",
            "  - 서울 소재 실증 현장 2곳에서 검증한다.",
            "",
            "2. 추진 일정",
            "  - 1차년도: 시제품 개발 및 내부 시험",
            "  - 2차년도: 현장 실증 및 사업화 준비",
        ]
        y = height - 130
        for line in lines:
            pdf.drawString(60, y, line)
            y -= 20
        pdf.drawString(width / 2 - 10, 40, f"{page} / {pages}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _attachment(content: bytes, name: str, kind: str) -> PackageAttachment:
    return PackageAttachment(name, kind, hashlib.sha256(content).hexdigest(), len(content))


def build_package(path: Path, password: str | None = PASSWORD) -> ReviewerPackage:
    contents: dict[str, bytes] = {}
    applications = []
    for number, (app_id, title, company, category) in enumerate(APPLICATIONS):
        files: list[PackageAttachment] = []
        if number != 4:  # the last one came without a proposal
            pdf = proposal_pdf(app_id, title, company)
            files.append(_attachment(pdf, f"{app_id}_사업계획서.pdf", "proposal"))
            contents[files[-1].sha256] = pdf
        if number == 0:
            extra = f"{app_id} 부속서류".encode()
            files.append(_attachment(extra, f"{app_id}_부속서류.hwpx", "other"))
            contents[files[-1].sha256] = extra
        applications.append(
            PackageApplication(
                app_id, "pre-rnd", title, company, category, "AI", 300_000_000, tuple(files)
            )
        )
    package = ReviewerPackage(
        format=1,
        package_id=PACKAGE_ID,
        round_id="a1b2c3d4e5f60718293a4b5c6d7e8f90",
        round_name="2025 서울형 R&D 1차 평가",
        reviewer_id="R07",
        reviewer_name="김하늘",
        tracks=(Track("pre-rnd", "초기 기술개발 (Pre-R&D)", 0, RUBRIC),),
        applications=tuple(applications),
        secret=SECRET,
        created_at=datetime(2026, 12, 1, 9, 0),
    )
    write_package(path, package, contents, password)
    return package


if __name__ == "__main__":
    build_package(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else PASSWORD)
