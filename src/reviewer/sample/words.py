"""Words of the sample round: company and person names, project titles, affiliations,
comments, and the text forms a secretariat types amounts and numbers in.

Every function takes the caller's ``random.Random`` so a sample round is the same for
the same seed. All text is encodable in CP949 (the sample writes one score file in it).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

FIELDS: tuple[str, ...] = ("AI", "바이오", "양자", "로봇", "핀테크", "창조산업")
NON_AI_FIELDS: tuple[str, ...] = ("바이오", "로봇", "핀테크", "창조산업", "양자")
NON_AI_FIELD_WEIGHTS: tuple[float, ...] = (0.34, 0.22, 0.14, 0.20, 0.10)

# -- companies ----------------------------------------------------------------------------

# fmt: off
_STEMS = (
    "딥", "뉴로", "에이블", "큐브", "하이퍼", "라온", "다온", "누리", "한빛", "미르", "이음",
    "루멘", "옵티", "비전", "모비", "센스", "그린", "블루", "코어", "노바", "메타", "브레인",
    "스텔라", "소울", "마루", "새봄", "아띠", "가온", "시선", "토닥", "하람", "포닉", "엑스",
    "온새", "별빛", "인사이트", "위드", "올리브", "제니스", "알파", "오르빗", "펄스", "리브",
)
_MIDDLES = (
    "", "", "", "텍", "웨이", "마인드", "링크", "브릿지", "웍스", "플로우", "로직", "넷", "젠",
    "비트", "랩", "온",
)
_SUFFIXES: dict[str, tuple[str, ...]] = {
    "AI": ("에이아이", "랩스", "인텔리전스", "소프트", "AI", "데이터"),
    "바이오": ("바이오", "메디컬", "파마", "헬스케어", "테라퓨틱스", "진"),
    "로봇": ("로보틱스", "로봇", "모빌리티", "메카닉스"),
    "핀테크": ("페이", "핀테크", "파이낸셜", "체인"),
    "양자": ("퀀텀", "포토닉스", "큐비트"),
    "창조산업": ("스튜디오", "엔터테인먼트", "미디어", "콘텐츠", "게임즈"),
}
# fmt: on
_GENERIC_SUFFIXES = ("테크", "시스템즈", "솔루션", "이노베이션", "테크놀로지")


def company_name(rng: random.Random, field: str, taken: set[str]) -> str:
    """A company name not in ``taken`` (which it extends), e.g. "(주)딥링크에이아이"."""
    for attempt in range(100):
        pool = _SUFFIXES.get(field, ()) if rng.random() < 0.75 else _GENERIC_SUFFIXES
        stem = rng.choice(_STEMS) + rng.choice(_MIDDLES) + rng.choice(pool or _GENERIC_SUFFIXES)
        extra = rng.choice(_STEMS)
        if attempt >= 50 and not stem.startswith(extra):  # a large round: two stems
            stem = extra + stem
        if stem not in taken:
            break
    base, serial = stem, 2
    while stem in taken:
        stem, serial = f"{base}{serial}", serial + 1
    taken.add(stem)
    form = rng.random()
    if form < 0.62:
        return f"(주){stem}"
    if form < 0.82:
        return f"주식회사 {stem}"
    return f"{stem}(주)"


def business_number(rng: random.Random, taken: set[str]) -> str:
    """A unique, checksum-valid business registration number, formatted 123-45-67890."""
    while True:
        digits = [rng.randint(1, 8), rng.randint(0, 9), rng.randint(1, 9)]
        digits += [int(d) for d in rng.choice(("81", "86", "87", "88"))]
        digits += [rng.randint(0, 9) for _ in range(4)]
        digits.append(business_check_digit(digits))
        text = "".join(map(str, digits))
        formatted = f"{text[:3]}-{text[3:5]}-{text[5:]}"
        if formatted not in taken:
            taken.add(formatted)
            return formatted


def business_check_digit(first_nine: Sequence[int]) -> int:
    """The tenth digit of a Korean business registration number."""
    weights = (1, 3, 7, 1, 3, 7, 1, 3, 5)
    total = sum(d * w for d, w in zip(first_nine, weights, strict=True))
    total += first_nine[8] * 5 // 10
    return (10 - total % 10) % 10


def phone(rng: random.Random) -> str:
    return f"010-{rng.randint(2000, 9999)}-{rng.randint(0, 9999):04d}"


# -- titles -------------------------------------------------------------------------------

# fmt: off
_AI_TECH = (
    "생성형 AI", "대규모 언어모델(LLM)", "멀티모달 AI", "온디바이스 AI", "경량 sLLM",
    "설명가능 AI", "강화학습", "컴퓨터 비전", "AI 에이전트", "연합학습", "그래프 신경망",
)
_AI_USES = (
    "공공 민원 상담", "법률 문서 분석", "제조 설비 예지보전", "실시간 교통 흐름 예측",
    "개인 맞춤형 학습", "보안 관제 자동화", "콜센터 상담 요약", "건설 현장 안전 관리",
    "전자상거래 상품 추천", "회의록 자동 작성", "코드 취약점 탐지", "다국어 통번역",
    "스마트 빌딩 에너지 최적화", "물류 수요 예측",
)
_X_USES: dict[str, tuple[str, ...]] = {
    "바이오": ("신약 후보물질 발굴", "의료영상 판독 보조", "디지털 치료제", "유전체 변이 분석",
              "암 조기진단", "웨어러블 생체신호 모니터링", "항체 구조 설계"),
    "로봇": ("물류 자율주행 로봇", "협동로봇 작업 계획", "서비스 로봇 대화", "배송 로봇 경로 계획",
            "수술 로봇 영상 유도", "재활 보조 로봇 제어"),
    "핀테크": ("이상거래 탐지", "대안 신용평가", "로보어드바이저 자산관리", "보험금 청구 자동 심사",
              "자금세탁 방지 모니터링"),
    "창조산업": ("웹툰 채색 자동화", "영상 자막 자동 생성", "게임 NPC 대화 생성", "음원 작곡 보조",
                "가상 인간 콘텐츠 제작", "실감형 XR 공연 연출"),
    "양자": ("양자 회로 최적화", "양자 센서 신호 처리", "양자내성암호 전환 진단"),
}
_PLAIN: dict[str, tuple[str, ...]] = {
    "바이오": ("오가노이드 기반 약물 독성 평가", "mRNA 백신용 지질나노입자 전달체",
              "현장형 분자진단 키트", "세포치료제 대량 배양 공정", "표적 항암제 후보물질",
              "고해상도 내시경 광학 모듈", "체외진단용 바이오센서"),
    "로봇": ("실내 자율주행 배송 로봇", "다관절 협동로봇 그리퍼", "하지 재활 웨어러블 로봇",
            "배관 점검용 소형 로봇", "물류센터 피킹 로봇", "방역 소독 자율주행 로봇"),
    "핀테크": ("블록체인 기반 전자계약", "소상공인 간편결제 정산", "토큰증권(STO) 발행 관리",
              "해외송금 실시간 정산", "마이데이터 기반 자산관리"),
    "창조산업": ("실감형 XR 공연 중계", "버추얼 프로덕션 촬영", "웹툰 IP 기반 인터랙티브 콘텐츠",
                "공간음향 제작 도구", "K-팝 팬 커뮤니티 플랫폼"),
    "양자": ("양자난수 생성 칩", "양자키분배(QKD) 네트워크 장비", "상온 동작 양자 센서",
            "초전도 큐비트 제어 장비", "양자내성암호 모듈"),
}
_DELIVERABLES = (
    "플랫폼 개발", "솔루션 개발", "시스템 개발", "핵심 기술 개발", "기술 고도화", "상용화",
    "서비스 개발",
)
_QUALIFIERS: dict[str, tuple[str, ...]] = {
    "바이오": ("차세대", "고효율", "저비용", "국산화"),
    "로봇": ("고정밀", "저전력", "모듈형", "경량", "국산화"),
    "핀테크": ("차세대", "고신뢰성", "저비용", "개방형"),
    "창조산업": ("차세대", "저비용", "개방형", "몰입형"),
    "양자": ("고정밀", "저전력", "초소형", "국산화"),
}
# fmt: on
_PLAIN_DELIVERABLES = ("개발", "핵심 기술 개발", "고도화", "상용화", "시제품 개발")
_PRE_RND = ("원천기술 개발", "개념검증(PoC)", "핵심 알고리즘 개발", "시제품 개발")
# fmt: off
_TESTBED_SITES = (
    "지하철역", "공공병원", "노인복지관", "자치구 청사", "한강공원", "전통시장", "공공도서관",
    "도시철도 차량기지", "공영주차장",
)
_REG_BREAK = (
    "규제특례 종료 대비 성능 개선", "정식 허가 취득을 위한 안전성 고도화",
    "인허가 대응 성능 검증 및 개선", "시장 출시를 위한 안전관리 체계 구축",
)
_WEAK_WHO = (
    "고령자", "시각장애인", "청각장애인", "발달장애인", "휠체어 사용자", "독거노인", "어린이",
    "치매 환자",
)
_WEAK_NEEDS = (
    "낙상 감지", "보행 보조", "실시간 자막 제공", "복약 관리", "의사소통 보조", "돌봄 모니터링",
    "위험 상황 알림", "이동 경로 안내",
)
# fmt: on
_WEAK_THINGS = ("웨어러블 기기", "앱 서비스", "스마트 센서", "보조기기", "플랫폼")


def _object_particle(word: str) -> str:
    """을 after a final consonant, 를 otherwise."""
    last = word[-1]
    if "가" <= last <= "힣":
        return "을" if (ord(last) - ord("가")) % 28 else "를"
    return "를"


def title(rng: random.Random, track_id: str, field: str, ai: str, taken: set[str]) -> str:
    """A project title not in ``taken`` (which it extends) composed from field-specific
    phrases and flavoured by the track; after many tries a repeated title is accepted."""
    for _ in range(30):
        text = _title(rng, track_id, field, ai)
        if text not in taken:
            break
    taken.add(text)
    return text


def _title(rng: random.Random, track_id: str, field: str, ai: str) -> str:
    if track_id == "weak-tech":
        who = rng.choice(_WEAK_WHO)
        lead = "AI 기반 " if ai != "none" else ""
        return (
            f"{lead}{who}{_object_particle(who)} 위한 {rng.choice(_WEAK_NEEDS)} "
            f"{rng.choice(_WEAK_THINGS)} 개발"
        )
    if ai == "AI":
        subject = f"{rng.choice(_AI_TECH)} 기반 {rng.choice(_AI_USES)}"
    elif ai == "AI+X":
        uses = _X_USES.get(field) or _AI_USES
        lead = rng.choice(_AI_TECH) + " 활용" if rng.random() < 0.6 else "AI 기반"
        subject = f"{lead} {rng.choice(uses)}"
    else:
        subject = rng.choice(_PLAIN.get(field) or _PLAIN["바이오"])
        qualifiers = _QUALIFIERS.get(field)
        if qualifiers and rng.random() < 0.5:
            subject = f"{rng.choice(qualifiers)} {subject}"
    if track_id == "testbed":
        return f"{subject} {rng.choice(_TESTBED_SITES)} 현장 실증"
    if track_id == "reg-break":
        return f"{subject} {rng.choice(_REG_BREAK)}"
    if track_id == "pre-rnd":
        return f"{subject} {rng.choice(_PRE_RND)}"
    deliverables = _DELIVERABLES if ai != "none" else _PLAIN_DELIVERABLES
    return f"{subject} {rng.choice(deliverables)}"


# -- places and amounts -------------------------------------------------------------------

# fmt: off
_SEOUL_GU = (
    ("강남구", 14), ("서초구", 9), ("금천구", 10), ("구로구", 9), ("마포구", 8), ("성동구", 7),
    ("영등포구", 6), ("송파구", 6), ("중구", 4), ("종로구", 3), ("용산구", 3), ("관악구", 3),
    ("동작구", 2), ("광진구", 2), ("성북구", 2), ("서대문구", 2), ("강서구", 3), ("노원구", 1),
    ("동대문구", 1), ("양천구", 1), ("은평구", 1), ("강동구", 1), ("중랑구", 1), ("도봉구", 1),
    ("강북구", 1),
)
_OUTSIDE = ("경기도 성남시", "경기도 성남시 분당구", "인천광역시 연수구", "경기도 수원시 영통구",
            "경기도 안양시 동안구", "대전광역시 유성구")
# fmt: on


def seoul_region(rng: random.Random) -> str:
    gu = rng.choices([g for g, _ in _SEOUL_GU], weights=[w for _, w in _SEOUL_GU])[0]
    form = rng.random()
    if form < 0.85:
        return f"서울특별시 {gu}"
    if form < 0.95:
        return f"서울시 {gu}"
    return f"서울 {gu}"


def outside_region(rng: random.Random) -> str:
    return rng.choice(_OUTSIDE)


def amount_form(rng: random.Random, amount: int) -> int | str:
    """``amount`` (KRW) as a secretariat types it: a number, "4억", "3억 5천만원",
    "45,000만원" or "200,000,000"."""
    roll = rng.random()
    if roll < 0.35:
        return amount
    if roll < 0.55:
        return f"{amount:,}"
    if roll < 0.70 or amount % 10_000_000:
        return f"{amount // 10_000:,}만원"
    eok, rest = divmod(amount, 100_000_000)
    if eok == 0:
        return f"{amount // 10_000:,}만원"
    if rest == 0:
        return f"{eok}억" if rng.random() < 0.6 else f"{eok}억원"
    return f"{eok}억 {rest // 10_000_000}천만원"


# -- people -------------------------------------------------------------------------------

# fmt: off
_SURNAMES = (
    ("김", "kim", 21), ("이", "lee", 15), ("박", "park", 8), ("최", "choi", 5), ("정", "jung", 5),
    ("강", "kang", 2), ("조", "cho", 2), ("윤", "yoon", 2), ("장", "jang", 2), ("임", "lim", 2),
    ("한", "han", 1), ("오", "oh", 1), ("서", "seo", 1), ("신", "shin", 1), ("권", "kwon", 1),
    ("황", "hwang", 1), ("안", "ahn", 1), ("송", "song", 1), ("류", "ryu", 1), ("홍", "hong", 1),
)
_GIVEN_FIRST = (
    ("민", "m"), ("서", "s"), ("지", "j"), ("현", "h"), ("수", "s"), ("준", "j"), ("영", "y"),
    ("은", "e"), ("재", "j"), ("성", "s"), ("혜", "h"), ("동", "d"), ("태", "t"), ("경", "k"),
    ("상", "s"), ("유", "y"), ("하", "h"), ("승", "s"), ("정", "j"), ("우", "w"),
)
_GIVEN_SECOND = (
    ("호", "h"), ("진", "j"), ("아", "a"), ("희", "h"), ("민", "m"), ("우", "w"), ("연", "y"),
    ("훈", "h"), ("원", "w"), ("석", "s"), ("빈", "b"), ("경", "k"), ("숙", "s"), ("철", "c"),
    ("윤", "y"), ("환", "h"), ("주", "j"), ("영", "y"),
)
# fmt: on


def person(rng: random.Random, taken: set[str]) -> tuple[str, str]:
    """A Korean name, not in ``taken`` unless the names run out, and the local part of an
    e-mail address for it."""
    for attempt in range(1000):
        surname, roman, _ = rng.choices(_SURNAMES, weights=[w for *_, w in _SURNAMES])[0]
        first, a = rng.choice(_GIVEN_FIRST)
        second, b = rng.choice(_GIVEN_SECOND)
        name = surname + first + second
        # namesakes happen in a large pool; the reviewer id tells them apart
        if first != second and (name not in taken or attempt >= 100):
            break
    taken.add(name)
    return name, f"{a}{b}{roman}"


# (affiliation, e-mail domain label)
# fmt: off
_UNIVERSITIES = (
    ("서울대학교", "snu"), ("연세대학교", "yonsei"), ("고려대학교", "korea"),
    ("한양대학교", "hanyang"), ("성균관대학교", "skku"), ("KAIST", "kaist"),
    ("서울과학기술대학교", "seoultech"), ("서강대학교", "sogang"), ("중앙대학교", "cau"),
    ("경희대학교", "khu"), ("건국대학교", "konkuk"), ("이화여자대학교", "ewha"),
    ("서울시립대학교", "uos"), ("숭실대학교", "ssu"), ("광운대학교", "kw"),
)
_DEPARTMENTS = (
    "컴퓨터공학과", "전기전자공학부", "기계공학과", "바이오메디컬공학과", "산업공학과", "경영학과",
    "산업디자인학과", "약학대학", "소프트웨어학부", "물리학과", "기술경영대학원",
)
_INSTITUTES = (
    ("한국전자통신연구원", "etri"), ("한국과학기술연구원", "kist"),
    ("한국생명공학연구원", "kribb"), ("한국로봇융합연구원", "kiro"),
    ("한국생산기술연구원", "kitech"), ("한국표준과학연구원", "kriss"),
    ("정보통신기획평가원", "iitp"), ("한국보건산업진흥원", "khidi"), ("한국전기연구원", "keri"),
)
_INVESTORS = (
    ("한강벤처파트너스", "hangangvp"), ("남산인베스트먼트", "namsaninv"),
    ("세종기술투자", "sejongtech"), ("청계액셀러레이터", "cheonggye"),
    ("미래혁신벤처스", "mirae-iv"), ("을지로캐피탈", "euljiro"),
)
_TRACK_ORGS: dict[str, tuple[tuple[str, str], ...]] = {
    "kibo": (("기술보증기금 서울기술혁신센터", "kibo"), ("기술보증기금 강남지점", "kibo"),
             ("기술보증기금 구로지점", "kibo")),
    "testbed": (("서울교통공사", "seoulmetro"), ("서울의료원", "seoulmc"),
                ("서울디지털재단", "sdf")),
    "weak-tech": (("한국장애인개발원", "koddi"), ("서울시복지재단", "welfare")),
    "reg-break": (("한국법제연구원", "klri"), ("한국산업기술시험원", "ktl")),
}
# fmt: on


def affiliation(rng: random.Random, track_id: str) -> tuple[str, str]:
    """An affiliation fitting a reviewer of ``track_id`` and its e-mail domain label."""
    roll = rng.random()
    if track_id == "tips" and roll < 0.4:
        return rng.choice(_INVESTORS)
    special = _TRACK_ORGS.get(track_id)
    if special and roll < 0.3:
        return rng.choice(special)
    if roll < 0.68:
        name, label = rng.choice(_UNIVERSITIES)
        return f"{name} {rng.choice(_DEPARTMENTS)}", label
    return rng.choice(_INSTITUTES)


# -- comments -----------------------------------------------------------------------------

# fmt: off
_HIGH = (
    "기술 차별성이 뚜렷하고 사업화 전략이 구체적임", "핵심 기술의 완성도가 높고 수행 역량이 우수함",
    "시장 수요가 명확하며 정책 부합성이 높음", "선행 연구 성과가 충실하고 목표가 도전적임",
    "정량 목표가 명확하고 달성 가능성이 높음",
)
_MIDDLE = (
    "전반적으로 양호하나 정량 목표 보완 필요", "기술성은 우수하나 시장 진입 전략이 다소 미흡함",
    "사업비 편성이 적정하며 실현 가능성이 있음", "경쟁 기술 대비 우위 근거 보완 필요",
    "인력 구성은 적절하나 일정 계획이 촉박함", "학습 데이터 확보 방안 구체화 필요",
)
_LOW = (
    "기술 개발 목표가 모호하고 차별성이 부족함", "사업화 계획의 구체성이 부족함",
    "수행 인력 및 인프라가 부족함", "선행 기술 조사가 미흡함", "예산 대비 성과 목표가 낮음",
)
_TRACK_NOTES: dict[str, tuple[str, ...]] = {
    "tips": ("투자사 후속 투자 계획이 구체적임", "투자 규모 대비 개발 범위가 과다함"),
    "kibo": ("보증 연계 사업화 계획이 현실적임", "매출 전망 근거 보완 필요"),
    "testbed": ("실증 기관 협의가 완료되어 실행 가능성 높음", "실증 장소 확보 계획 보완 필요"),
    "weak-tech": ("수요자 참여 설계가 돋보임", "실사용자 검증 계획 보완 필요"),
    "reg-break": ("규제 쟁점 분석이 충실함", "인허가 일정 리스크 검토 필요"),
}
CONFLICT_REASONS: tuple[str, ...] = (
    "동일 기관 소속", "최근 3년 내 공동연구 수행", "해당 기업 자문 이력",
    "신청기업 대표와 특수관계", "본인 신고(이해관계)",
)
# fmt: on


def comment(rng: random.Random, track_id: str, total: float) -> str:
    """A short comment in keeping with the reviewer's total; sometimes none."""
    if rng.random() < 0.08:
        return ""
    pool = _HIGH if total >= 82 else _MIDDLE if total >= 70 else _LOW
    text = rng.choice(pool)
    notes = _TRACK_NOTES.get(track_id)
    if notes and rng.random() < 0.25:
        text = f"{text}. {rng.choice(notes)}"
    return text
