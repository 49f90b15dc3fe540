"""The text of the sample round's proposals (사업계획서), one per application.

A proposal has the facts of its title page — the application's id, company, track, AI
category, field, requested amount and region — and sections of body text composed from
templates: background, goals, method, schedule, commercialisation, expected effects.
The words come from a generator seeded by the round's seed and the application's id, so
the same seed always gives the same text. ``ALPHABET`` holds every character of the fixed
texts (a PDF writer may embed it once for all proposals);
:mod:`reviewer.exchange.reports.pdf.proposal` lays them out as PDFs.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from reviewer.sample.rows import DemoApplication
from reviewer.sample.words import _object_particle

FOLDER = "사업계획서"
PROGRAM = "서울형 R&D 지원사업"

_AI_NAMES = {"AI": "AI", "AI+X": "AI 융합(AI+X)", "none": "일반"}

# fmt: off
_NEEDS = (
    "현장에서는 {field} 분야의 데이터가 기관마다 흩어져 있어 같은 작업을 되풀이하는 비용이 크다.",
    "기존 방식은 숙련 인력의 경험에 의존하여 품질이 고르지 않고, 처리 시간이 길다.",
    "국내 시장은 해외 제품 의존도가 높아 도입 비용과 유지보수 부담이 중소기업에 크게 작용한다.",
    "서울시 내 수요기관 면담 결과, 실시간 분석과 쉬운 사용을 함께 갖춘 제품이 "
    "부족한 것으로 나타났다.",
    "관련 규제와 안전 기준이 강화되면서 검증된 기술로 빠르게 전환해야 할 필요가 커지고 있다.",
)
_APPROACH = (
    "{company}는 자체 개발한 핵심 모듈을 바탕으로 {title}의 성능과 안정성을 높인다.",
    "개발 초기부터 수요기관과 함께 요구사항을 정의하고, 단계마다 현장 시험으로 성능을 확인한다.",
    "데이터 수집, 전처리, 모델 학습, 서비스 배포까지 한 흐름으로 관리하는 체계를 구축한다.",
    "핵심 부품과 소프트웨어를 국산화하여 도입 비용을 낮추고 유지보수 기간을 줄인다.",
    "표준 인터페이스를 지원하여 기존 시스템과 쉽게 연동되도록 설계한다.",
    "보안과 개인정보 보호 요건을 설계 단계에서 반영하여 공공기관 도입 장벽을 낮춘다.",
)
_AI_APPROACH = (
    "인공지능 모델은 공개 데이터와 협력기관의 현장 데이터를 함께 학습하여 정확도를 높인다.",
    "경량화한 모델을 현장 장비에서 직접 실행하여 응답 시간을 줄이고 통신 비용을 절감한다.",
    "판단 근거를 사용자에게 보여 주는 설명 기능을 넣어 결과의 신뢰성을 확보한다.",
)
_GOALS = (
    ("처리 정확도", "{a}% 이상"), ("응답 시간", "{b}초 이내"), ("현장 실증", "{c}곳 이상"),
    ("사용자 만족도", "{d}점 이상(5점 만점)"), ("특허 출원", "{e}건"), ("비용 절감", "{f}% 이상"),
)
_MARKET = (
    "1차년도에는 서울시 산하 기관과 협력하여 시범 서비스를 운영하고, 그 결과를 바탕으로 "
    "유료 전환을 추진한다.",
    "민간 수요처 {n}곳과 구매 의향을 협의 중이며, 개발 완료 후 1년 안에 매출 {m}억 원을 "
    "목표로 한다.",
    "국내 판로를 확보한 뒤 동남아시아와 중동 시장으로 수출을 넓힌다.",
    "구독형 요금제를 도입하여 초기 도입 비용을 낮추고 안정적인 반복 매출을 만든다.",
)
_EFFECTS = (
    "시민이 체감하는 공공서비스 품질이 높아지고, 관련 업무의 처리 시간이 줄어든다.",
    "연구 인력 {n}명을 새로 채용하여 서울 지역의 기술 일자리를 늘린다.",
    "개발한 기술은 {field} 분야의 다른 기업에도 공유되어 산업 생태계 전체의 경쟁력을 높인다.",
    "수입 제품을 대체하여 연간 {m}억 원 규모의 비용 절감이 기대된다.",
)
_STEPS = (
    "요구사항 정의 및 설계", "핵심 모듈 개발", "시제품 제작", "성능 시험 및 개선",
    "현장 실증", "사업화 준비",
)
# fmt: on


def amount_text(amount: int) -> str:
    """An amount of KRW the way a Korean form writes it: 4억 5,000만 원."""
    eok, rest = divmod(amount, 100_000_000)
    man = rest // 10_000
    parts = []
    if eok:
        parts.append(f"{eok:,}억")
    if man:
        parts.append(f"{man:,}만")
    return (" ".join(parts) or "0") + " 원"


def proposal_name(application_id: str) -> str:
    return f"{application_id}_사업계획서.pdf"


_HEADINGS = (
    "1. 개발 배경 및 필요성",
    "2. 개발 목표",
    "3. 개발 내용 및 방법",
    "4. 추진 일정",
    "5. 사업화 계획",
    "6. 기대 효과",
)
_LABELS = (
    "과제번호",
    "주관기관",
    "사업 유형",
    "AI 구분",
    "기술 분야",
    "신청 금액",
    "소재지",
    "사 업 계 획 서",
    "사업계획서",
    "2025년도",
    "2025년   월   일",
    "대표",
    "서울특별시 · 서울경제진흥원 귀중",
    "이에 본 과제는 「」을를 통해 이러한 문제를 해결하고자 한다.",
    "개월: –",
    "억 만 원 —",
    "0123456789 .,:;()[]%+-/·•…&R&D",
    "AI 융합(AI+X)",
    "일반",
    PROGRAM,
)


def _alphabet() -> str:
    """Every character of the fixed texts (placeholders taken out)."""
    texts = [*_NEEDS, *_APPROACH, *_AI_APPROACH, *_MARKET, *_EFFECTS, *_STEPS, *_HEADINGS]
    texts += [t for pair in _GOALS for t in pair] + list(_LABELS)
    joined = re.sub(r"\{[a-z]+\}", "", "".join(texts))
    return "".join(sorted(set(joined)))


ALPHABET = _alphabet()


@dataclass(frozen=True)
class ProposalSection:
    heading: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Proposal:
    application_id: str
    title: str
    company: str
    program: str  # the line above the title page's heading
    facts: tuple[tuple[str, str], ...]  # the title page's table: label, value
    sections: tuple[ProposalSection, ...]
    alphabet: str  # the fixed texts' characters


def proposal(app: DemoApplication, *, seed: int = 2025) -> Proposal:
    """The proposal of ``app``; the same seed gives the same text."""
    rng = random.Random(f"{seed}:{app.id}")
    facts = (
        ("과제번호", app.id),
        ("주관기관", app.company),
        ("사업 유형", app.track_name),
        ("AI 구분", _AI_NAMES.get(app.ai, app.ai)),
        ("기술 분야", app.field or "—"),
        ("신청 금액", amount_text(app.amount)),
        ("소재지", app.region or "—"),
    )
    return Proposal(
        application_id=app.id,
        title=app.title,
        company=app.company,
        program=f"2025년도 {PROGRAM}",
        facts=facts,
        sections=_sections(app, rng),
        alphabet=ALPHABET,
    )


def _fill(template: str, app: DemoApplication, rng: random.Random) -> str:
    return template.format(
        field=app.field or "해당",
        company=app.company,
        title=app.title,
        n=rng.randint(3, 12),
        m=rng.randint(5, 40),
    )


def _sections(app: DemoApplication, rng: random.Random) -> tuple[ProposalSection, ...]:
    background = (
        " ".join(_fill(t, app, rng) for t in rng.sample(_NEEDS, 3))
        + f" 이에 본 과제는 「{app.title}」{_object_particle(app.title)} 통해 이러한 문제를 "
        "해결하고자 한다."
    )
    values = {
        "a": rng.choice((90, 92, 95, 97)),
        "b": rng.choice((1, 2, 3, 5)),
        "c": rng.randint(2, 6),
        "d": rng.choice(("4.0", "4.2", "4.5")),
        "e": rng.randint(1, 4),
        "f": rng.choice((15, 20, 30)),
    }
    goals = tuple(f"{name}: {target.format(**values)}" for name, target in rng.sample(_GOALS, 4))
    approach = list(rng.sample(_APPROACH, 3))
    if app.ai != "none":
        approach.insert(1, rng.choice(_AI_APPROACH))
    schedule = []
    months = 0
    for step in _STEPS[: rng.randint(4, 6)]:
        length = rng.randint(2, 4)
        schedule.append(f"{months + 1}–{months + length}개월: {step}")
        months += length
    market = " ".join(_fill(t, app, rng) for t in rng.sample(_MARKET, 2))
    effects = " ".join(_fill(t, app, rng) for t in rng.sample(_EFFECTS, 3))
    return (
        ProposalSection(_HEADINGS[0], paragraphs=(background,)),
        ProposalSection(_HEADINGS[1], bullets=goals),
        ProposalSection(_HEADINGS[2], bullets=tuple(_fill(t, app, rng) for t in approach)),
        ProposalSection(_HEADINGS[3], bullets=tuple(schedule)),
        ProposalSection(_HEADINGS[4], paragraphs=(market,)),
        ProposalSection(_HEADINGS[5], paragraphs=(effects,)),
    )
