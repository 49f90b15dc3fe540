"""Korean particles follow the word before them (batchim, numbers, Latin letters)."""

from __future__ import annotations

import pytest

from reviewer.i18n import render
from reviewer.i18n.particles import particle


@pytest.mark.parametrize(
    ("word", "marker", "expected"),
    [
        # Hangul: a final consonant or none
        ("유성구", "이", "가"),
        ("강남구", "가", "가"),
        ("서울", "이", "이"),
        ("기술성", "은", "은"),
        ("사업", "는", "은"),
        ("트랙", "을", "을"),
        ("과제", "를", "를"),
        ("심사위원", "과", "과"),
        ("위원회", "과", "와"),
        # (으)로: a final ㄹ takes 로
        ("서울", "으로", "로"),
        ("대전", "으로", "으로"),
        ("부산", "로", "으로"),
        ("세종시", "으로", "로"),
        ("팔", "으로", "로"),
        # numbers read in Korean
        ("0", "이", "이"),  # 영
        ("1", "이", "이"),  # 일
        ("1", "으로", "로"),
        ("2", "이", "가"),  # 이
        ("3", "은", "은"),  # 삼
        ("4", "를", "를"),  # 사
        ("5", "과", "와"),  # 오
        ("6", "이", "이"),  # 육
        ("7", "으로", "로"),  # 칠
        ("8", "은", "은"),  # 팔
        ("9", "가", "가"),  # 구
        ("10", "이", "이"),  # 십
        ("20", "은", "은"),  # 이십
        ("100", "이", "이"),  # 백
        ("1,000", "이", "이"),  # 천
        ("1,200", "이", "이"),  # 천이백
        ("10000", "으로", "으로"),  # 만
        ("400,000,000", "이", "이"),  # 사억
        ("1000000000000", "는", "는"),  # 일조
        ("12", "가", "가"),  # 십이
        ("45", "는", "는"),  # 사십오
        ("0.4", "는", "는"),  # 영점사
        ("84.90", "은", "은"),  # 팔십사점구영
        ("2025-0001", "이", "이"),  # … 영영영일
        ("2025-0002", "이", "가"),
        ("30%", "이", "가"),  # 퍼센트
        # Latin letters by their English names
        ("AI", "는", "는"),  # 아이
        ("AI+X", "은", "는"),  # 엑스
        ("L", "이", "이"),  # 엘
        ("M", "은", "은"),  # 엠
        ("N", "을", "을"),  # 엔
        ("R", "으로", "로"),  # 알
        ("L", "으로", "로"),
        ("M", "으로", "으로"),
        ("tips", "가", "가"),  # 에스
        ("Python", "이", "이"),  # 엔
        ("kibo", "는", "는"),
        # mixed, and brackets or quotes after the word
        ("AI융합", "이", "이"),
        ("2025년", "은", "은"),
        ("R&D", "가", "가"),
        ("(주)기업1", "이", "이"),
        ("'유성구'", "이", "가"),
        ("'서울'", "으로", "로"),
        ("「기술성」", "은", "은"),
        ("기술성 (tech)", "은", "은"),  # a gloss in brackets is passed over
        ("AI+X(AI 융합)", "은", "는"),
        ("(유성구)", "이", "가"),
        ("[서울]", "으로", "로"),
        ('"45"', "은", "는"),
        ("tech)", "을", "를"),
        ("(주)기업", "이", "이"),
        ("ㄱ", "이", "이"),
        # nothing to read: both forms, the traditional way
        ("", "이", "이(가)"),
        ("—", "은", "은(는)"),
        ("漢", "으로", "(으)로"),
        ("'?'", "을", "을(를)"),
    ],
)
def test_particle_follows_the_sound_of_the_word(word: str, marker: str, expected: str) -> None:
    assert particle(word, marker) == expected


def test_a_message_chooses_its_particle_end_to_end() -> None:
    assert render("scoring.outside_region", "ko", region="대전광역시 유성구", required="서울") == (
        "소재지 대전광역시 유성구가 지원 지역 서울에 속하지 않습니다"
    )
    assert render("scoring.outside_region", "ko", region="서울시 강남구", required="부산") == (
        "소재지 서울시 강남구가 지원 지역 부산에 속하지 않습니다"
    )
    assert render("scoring.outside_region", "ko", region="경기도 성남시 분당", required="서울") == (
        "소재지 경기도 성남시 분당이 지원 지역 서울에 속하지 않습니다"
    )
    assert render("scoring.outside_region", "en", region="유성구", required="서울") == (
        "region 유성구 is outside 서울"
    )


def test_a_marker_keeps_the_conversion_and_the_value_may_hold_braces() -> None:
    assert render("config.not_number", "ko", key="cutoff", value="칠십") == (
        "cutoff는 숫자여야 합니다 (값: '칠십')"
    )
    assert render("import.not_number", "ko", value="{1}") == "{1}은 숫자가 아닙니다"
    assert render("import.not_number", "ko", value="삼십오") == "삼십오는 숫자가 아닙니다"
    assert render("config.min_max", "ko", id="tech", min=60.0, max=60.0) == (
        "평가항목 tech: 최솟값 60.0이 최댓값 60.0보다 작아야 합니다"
    )


def test_a_real_error_writes_its_particles_in_korean() -> None:
    from reviewer.domain.config_toml import parse_config
    from reviewer.errors import ConfigError

    text = '[round]\nname = "회차"\nyear = 2025\ncutoff = "칠십"\n'
    with pytest.raises(ConfigError) as info:
        parse_config(text, filename="round.toml")
    assert info.value.message("ko") == (
        "round.toml, 열 [round]: cutoff는 숫자여야 합니다 (값: '칠십')"
    )
