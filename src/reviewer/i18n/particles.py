"""Korean particles chosen by the word they follow.

A Korean template writes the particle after a placeholder as a marker, ``{region|이}``:
the value is formatted as ``{region}`` would be, and the particle of the pair that fits
its last sounded syllable follows it — ``유성구가``, ``강남구이``, ``서울로``, ``3을``,
``AI+X는``, ``'abc'는``. Either form of a pair may be written in the marker (``{x|가}``
is ``{x|이}``).

The last syllable is found past closing brackets, quotes and punctuation. A Hangul
syllable decides by its final consonant (batchim); before (으)로, a final ㄹ counts as
none (``서울로``). A number is read the Korean way (``1`` 일, ``10`` 십, ``1,000`` 천,
``20000`` 이만, ``0.5`` 영점오), a Latin letter by its English name (L 엘, M 엠, N 엔,
R 알 end in a consonant; the others, like X 엑스, in a vowel). When nothing decides
(symbols only, Hanja), both forms are written the traditional way, ``이(가)``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# each form of a pair → (after a final consonant, after none); a marker may name either
PAIRS: Mapping[str, tuple[str, str]] = {
    form: pair
    for pair in (("이", "가"), ("은", "는"), ("을", "를"), ("과", "와"), ("으로", "로"))
    for form in pair
}

_DIGITS = "영일이삼사오육칠팔구"
# the unit read last in a number with this many trailing zeros (10^1 십 … 10^16 경)
_UNITS = {1: "십", 2: "백", 3: "천"}
_GROUPS = ((16, "경"), (12, "조"), (8, "억"), (4, "만"))
# English letter names: the final sound of each (ㄹ for L and R, other consonants for M, N)
_LETTER_FINAL = {"l": "ㄹ", "r": "ㄹ", "m": "ㅁ", "n": "ㄴ"}
_CLOSING = set(")]}>'\"`»›」』》〉】〕）］｝＞”’.,;:!?…·~ \t\n")
_GLOSS = re.compile(r"^(.*[^\s(\[（［])\s*[(\[（［][^()\[\]（）［］]*[)\]）］]\s*$")
_NUMBER = re.compile(r"(\d[\d,]*)(?:\.(\d+))?$")

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8  # the index of the final ㄹ among Hangul syllables' final consonants
_JAMO_CONSONANTS = range(0x3131, 0x314F)  # ㄱ … ㅎ


def _final(syllable: str) -> str | None:
    """The final consonant of a Hangul syllable as "" (none), "ㄹ" or "c" (another)."""
    code = ord(syllable)
    if not _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return None
    index = (code - _HANGUL_FIRST) % 28
    if index == 0:
        return ""
    return "ㄹ" if index == _RIEUL else "c"


def _number_reading_end(integer: str, fraction: str | None) -> str:
    """The last syllable of a number read in Korean."""
    if fraction:
        return _DIGITS[int(fraction[-1])]
    digits = integer.replace(",", "").lstrip("0")
    if not digits:
        return "영"
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == 0:
        return _DIGITS[int(digits[-1])]
    for power, unit in _GROUPS:
        if zeros >= power:
            return unit
    return _UNITS[zeros]


def final_sound(word: str) -> str | None:
    """How ``word`` ends when read aloud: "" (a vowel), "ㄹ", "c" (another consonant), or
    None when it cannot be told. A gloss in brackets after a word is passed over, as
    Korean writes it (``기술성 (tech)은``); a word inside brackets or quotes is read."""
    gloss = _GLOSS.match(word)
    if gloss is not None:
        word = gloss.group(1)
    end = len(word)
    while end > 0 and word[end - 1] in _CLOSING:
        end -= 1
    text = word[:end]
    if not text:
        return None
    last = text[-1]
    if last.isdigit() and last.isascii():
        match = _NUMBER.search(text)
        assert match is not None
        return _final(_number_reading_end(match.group(1), match.group(2)))
    sound = _final(last)
    if sound is not None:
        return sound
    if ord(last) in _JAMO_CONSONANTS:
        return "ㄹ" if last == "ㄹ" else "c"
    if last == "%":  # 퍼센트
        return ""
    if last.isascii() and last.isalpha():
        final = _LETTER_FINAL.get(last.lower())
        if final is None:
            return ""
        return "ㄹ" if final == "ㄹ" else "c"
    return None


def particle(word: str, marker: str) -> str:
    """The particle of ``marker``'s pair (``이``/``가``, ``은``/``는``, ``을``/``를``,
    ``과``/``와``, ``으로``/``로``) that follows ``word``."""
    with_final, without = PAIRS[marker]
    sound = final_sound(word)
    if sound is None:
        return "(으)로" if with_final == "으로" else f"{with_final}({without})"
    if sound == "" or (sound == "ㄹ" and with_final == "으로"):
        return without
    return with_final


MARKER = re.compile(
    r"(?<!\{)\{([^{}|]+)\|(" + "|".join(sorted(PAIRS, key=len, reverse=True)) + r")\}"
)


def attach(template: str, values: dict[str, object]) -> tuple[str, dict[str, object]]:
    """``template`` with each particle marker replaced by a plain placeholder whose value
    is the formatted field followed by its particle; ``values`` extended to match."""
    if "|" not in template:
        return template, values
    extended = dict(values)

    def replace(match: re.Match[str]) -> str:
        field, marker = match.group(1), match.group(2)
        rendered = ("{" + field + "}").format(**values)
        name = f"_particle_{len(extended)}"
        extended[name] = rendered + particle(rendered, marker)
        return "{" + name + "}"

    return MARKER.sub(replace, template), extended
