"""A small round with assignments, conflicts, attachments, other reviewers' scores and a
selection run, for the package tests."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from reviewer.domain.config_toml import parse_config
from reviewer.domain.model import Application, Review, Reviewer
from reviewer.services import rounds, selecting
from reviewer.store import repository, updates
from reviewer.store.engine import Database
from reviewer.store.models import (
    AssignmentRow,
    AttachmentBlobRow,
    AttachmentRow,
    ConflictRow,
)

CONFIG = """
[round]
name = "패키지 시험 회차"
year = 2026
cutoff = 50
min_reviews = 2
comment_below = 55
comment_above = 90

[aggregation]
method = "mean"

[[criteria]]
id = "tech"
name = "기술성"
weight = 60
min = 0
max = 60

[[criteria]]
id = "plan"
name = "계획"
weight = 40
grades = { "A" = 1.0, "B" = 0.6, "C" = 0.2 }

[[tracks]]
id = "alpha"
name = "알파 트랙"
seats = 2

[[tracks]]
id = "beta"
name = "베타 트랙"
seats = 1

[[tracks.criteria]]
id = "invest"
name = "투자"
weight = 100
min = 1
max = 5
"""

APPLICATIONS = (
    Application("A01", "alpha", "양자 센서 개발", "(주)첫째기업", "AI", amount=100_000_000),
    Application("A02", "alpha", "로봇 물류 자동화", "(주)둘째기업", "none", amount=200_000_000),
    Application("A03", "alpha", "충돌 과제 비밀제목", "(주)셋째충돌", "AI+X", amount=300_000_000),
    Application("A04", "alpha", "미배정 과제 비밀제목", "(주)넷째미배정", "none", amount=4),
    Application("B01", "beta", "핀테크 결제", "(주)베타하나", "AI", field="fintech", amount=5),
    Application("B02", "beta", "미배정 베타 비밀제목", "(주)베타둘미배정", "none", amount=6),
)
REVIEWERS = (
    Reviewer("R1", "김하나", "대학", ("alpha", "beta")),
    Reviewer("R2", "박두울", "연구소", ("alpha", "beta")),
    Reviewer("R3", "최세엣", "기업", ("alpha",)),
)
ASSIGNED = {
    "R1": ("A01", "A02", "A03", "B01"),
    "R2": ("A01", "A02", "A03", "A04", "B01", "B02"),
    "R3": ("A01", "A04"),
}
R2_COMMENT = "R2의 비공개 심사의견 XYZZY"
OTHER_REVIEWS = (
    Review("A01", "R2", {"tech": 48.0, "plan": "A"}, R2_COMMENT),
    Review("A02", "R2", {"tech": 30.0, "plan": "B"}, R2_COMMENT),
    Review("A03", "R2", {"tech": 59.0, "plan": "A"}, R2_COMMENT),
    Review("A04", "R2", {"tech": 41.0, "plan": "C"}, R2_COMMENT),
    Review("B01", "R2", {"invest": 4.0}, R2_COMMENT),
    Review("B02", "R2", {"invest": 2.0}, R2_COMMENT),
    Review("A01", "R3", {"tech": 44.0, "plan": "B"}, "R3 의견"),
    Review("A04", "R3", {"tech": 37.0, "plan": "B"}, "R3 의견"),
)
PROPOSAL_A01 = b"%PDF-1.4\nA01 proposal " + "제안서 본문".encode() * 30
PROPOSAL_A02 = b"%PDF-1.4\nA02 proposal " + "두 번째 제안서".encode() * 10
APPENDIX_A01 = b"PK\x03\x04 A01 appendix hwpx"
SECRET_A04 = b"%PDF-1.4\nA04-SECRET-CONTENT unassigned proposal"
SECRET_A03 = b"%PDF-1.4\nA03-SECRET-CONTENT conflicted proposal"
ATTACHMENTS = (
    ("A01", "A01_제안서.pdf", "proposal", PROPOSAL_A01),
    ("A01", "A01_부속.hwpx", "other", APPENDIX_A01),
    ("A02", "A02_제안서.pdf", "proposal", PROPOSAL_A02),
    ("A03", "A03_제안서.pdf", "proposal", SECRET_A03),
    ("A04", "A04_제안서.pdf", "proposal", SECRET_A04),
)


def add_attachments(database: Database) -> None:
    with database.session() as session:
        stored: set[str] = set()
        for app_id, name, kind, content in ATTACHMENTS:
            digest = hashlib.sha256(content).hexdigest()
            if digest not in stored:
                session.add(AttachmentBlobRow(sha256=digest, size=len(content), content=content))
                session.flush()
                stored.add(digest)
            session.add(
                AttachmentRow(
                    application_id=app_id,
                    name=name,
                    path=f"proposals/{name}",
                    kind=kind,
                    sha256=digest,
                    size=len(content),
                    imported_at=datetime(2026, 11, 30, 10, 0),
                )
            )


def build_round(path: Path, *, assign: bool = True, select: bool = True) -> Path:
    """The package test round at ``path``: R1 is assigned A01, A02, A03 (a conflict of
    organisation) and B01; R2 scored everything, R3 two applications."""
    rounds.create_round(path, parse_config(CONFIG))
    with rounds.open_round(path) as database:
        with database.session() as session:
            repository.add_applications(session, list(APPLICATIONS), source="test")
            updates.upsert_reviewers(session, list(REVIEWERS))
        if assign:
            with database.session() as session:
                for reviewer, apps in ASSIGNED.items():
                    for app_id in apps:
                        session.add(AssignmentRow(application_id=app_id, reviewer_id=reviewer))
                session.add(
                    ConflictRow(
                        application_id="A03",
                        reviewer_id="R1",
                        reason="같은 기관",
                        source="organisation",
                    )
                )
            with database.session() as session:
                repository.replace_reviews(session, list(OTHER_REVIEWS), source="test")
        add_attachments(database)
        if select:
            selecting.run_selection(database, "en")
    return path
