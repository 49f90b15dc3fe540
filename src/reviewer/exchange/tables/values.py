"""Parsers of single cell values: identifiers, text, numbers, amounts in won, yes/no flags,
AI categories, business registration numbers, e-mail addresses (DESIGN §5).

A cell is what the workbook reader gives: ``str`` (CSV, text cells), ``float``/``int``
(numeric cells), ``bool``, a date or time, or ``None``. Each parser returns the clean
value or raises :class:`BadValue` with a message key of :mod:`reviewer.i18n.importing`;
the importers add the file, sheet, row and column.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    Context,
    Decimal,
    DecimalException,
    Inexact,
    InvalidOperation,
    Overflow,
    localcontext,
)
from typing import Any

from reviewer.domain.model import AICategory

Cell = str | float | int | bool | datetime.date | datetime.time | datetime.timedelta | None


class BadValue(ValueError):
    """A cell's value is not what its column needs; ``key`` and ``params`` form the message."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


# -- text ------------------------------------------------------------------------------


def nfc(text: str) -> str:
    """``text`` with composed Hangul (files written on macOS may hold decomposed jamo)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """The key two spellings of a name share: NFKC (full-/half-width), no case, no spaces,
    no ``_``, ``-``, ``.``, ``*`` (so ``과 제번호``, ``APPLICATION_ID`` and ``Ｉｄ`` match)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return "".join(text.casefold().split()).translate(_FOLD_DROP)


_FOLD_DROP = str.maketrans("", "", "_-.*")


def number_text(value: float) -> str:
    """A number as a person writes it: ``45`` rather than ``45.0``."""
    if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)  # 1e+308, not its 309 digits


def text(value: Cell) -> str:
    """The cell as text, trimmed; integer-valued numbers lose their ``.0``; blank is ``""``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return nfc(value.strip())
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def display(value: Cell) -> str:
    """The cell as shown in a message."""
    return text(value) if not is_blank(value) else '""'


# -- numbers ---------------------------------------------------------------------------

# digits grouped by thousands: the only place a comma may stand in a number
_GROUPED_NUMBER = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


def number(value: Cell) -> float:
    """A number, also when stored as text (``"35"``, ``" 1,200 "``, ``"35점"``)."""
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        raise BadValue("import.not_finite", value=display(value))
    elif isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    elif isinstance(value, str):
        result = number_from_text(value.strip())
        if result is not None:
            return result
    raise BadValue("import.not_number", value=display(value))


def number_from_text(stripped: str) -> float | None:
    """The number written in ``stripped`` (already trimmed), or None. A comma is read
    only as a thousands separator (``1,200``, ``12,345.5``): ``3,5`` or ``1,2,3`` is not
    a number, and neither is a number with spaces inside (``3 5``)."""
    if "_" in stripped:
        return None
    try:
        result = float(stripped)
    except ValueError:
        cleaned = unicodedata.normalize("NFKC", stripped)
        if cleaned.endswith("점"):
            cleaned = cleaned[:-1].rstrip()
        if "," in cleaned:
            if not _GROUPED_NUMBER.fullmatch(cleaned):
                return None
            cleaned = cleaned.replace(",", "")
        if not cleaned:
            return None
        try:
            result = float(cleaned)
        except ValueError:
            return None
    if not math.isfinite(result):
        return None
    return result


def non_negative(value: Cell) -> float:
    """A number ≥ 0; blank is 0 (bonus and penalty points)."""
    if is_blank(value):
        return 0.0
    result = number(value)
    if result < 0:
        raise BadValue("import.negative", value=display(value))
    return result


# -- amounts in won --------------------------------------------------------------------

_BIG_UNITS = {"조": 10**12, "억": 10**8, "만": 10**4}
_SMALL_UNITS = {"천": 10**3, "백": 10**2, "십": 10}
# a number in an amount: plain digits, or digits grouped by thousands with commas
_AMOUNT_NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?|[0-9]+(?:\.[0-9]*)?|\.[0-9]+"
_PLAIN_AMOUNT = re.compile(_AMOUNT_NUMBER)
_AMOUNT_TOKEN = re.compile(f"({_AMOUNT_NUMBER})|([조억만천백십])")
_AMOUNT_NOISE = str.maketrans({"₩": None, "\\": None})
# exact decimal arithmetic (amounts are only added and multiplied): never rounds
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, traps=[Inexact, Overflow, InvalidOperation])

MAX_AMOUNT = 10**15
"""The largest amount accepted, in won (1,000조): far above any grant, and well inside the
database's 64-bit integer column."""


def amount(value: Cell, unit: int = 1) -> int:
    """An amount in won: ``400,000,000``, ``4억``, ``4억 5천만원``, ``45,000만원``, ``4.5억``,
    ``1억2천`` (= 1억 2천만). A plain number is multiplied by ``unit`` (a column headed
    ``(천원)`` holds thousands of won). A comma only groups thousands (``3,5억`` is
    refused). Blank is 0; more than :data:`MAX_AMOUNT` is refused."""
    if is_blank(value):
        return 0
    if isinstance(value, bool):
        raise BadValue("import.amount", value=display(value))
    try:
        with localcontext(_EXACT):
            if isinstance(value, int | float):
                exact = _decimal(value) * unit
            elif isinstance(value, str):
                exact = _amount_text(value, unit)
            else:
                raise BadValue("import.amount", value=display(value))
    except DecimalException:
        raise BadValue("import.amount", value=display(value)) from None
    if exact < 0:
        raise BadValue("import.negative", value=display(value))
    if exact > MAX_AMOUNT:
        raise BadValue("import.amount_too_large", value=display(value), max=f"{MAX_AMOUNT:,}")
    if exact != exact.to_integral_value():
        raise BadValue("import.amount_fraction", value=display(value))
    return int(exact)


def _decimal(value: float | int) -> Decimal:
    if isinstance(value, float) and not math.isfinite(value):
        raise BadValue("import.not_finite", value=display(value))
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def _number(digits: str) -> Decimal:
    return Decimal(digits.replace(",", ""))


def _amount_text(raw: str, unit: int) -> Decimal:
    cleaned = unicodedata.normalize("NFKC", raw).translate(_AMOUNT_NOISE)
    cleaned = "".join(cleaned.split())
    if cleaned.upper().startswith("KRW"):
        cleaned = cleaned[3:]
    if cleaned.endswith("원"):
        cleaned = cleaned[:-1]
    negative = cleaned.startswith("-")
    if negative:
        cleaned = cleaned[1:]
    if _PLAIN_AMOUNT.fullmatch(cleaned):
        exact = _number(cleaned) * unit
        return -exact if negative else exact
    exact = _korean_amount(cleaned, raw)
    return -exact if negative else exact


def _korean_amount(cleaned: str, raw: str) -> Decimal:
    """Read ``4억5천만``-style amounts: 조/억/만 separate groups, 천/백/십 multiply within
    a group. After 억 (or 조) a trailing group written with 천/백/십 alone means 만 (억):
    ``1억2천`` is 1억 2천만; a trailing bare number there is ambiguous and refused."""
    tokens = _AMOUNT_TOKEN.findall(cleaned)
    if not tokens or "".join(n + u for n, u in tokens) != cleaned:
        raise BadValue("import.amount", value=raw.strip())
    total = Decimal(0)
    group = Decimal(0)
    pending: Decimal | None = None  # a bare number not yet followed by a unit
    last_big: int | None = None
    for digits, unit_char in tokens:
        if digits:
            if pending is not None:
                raise BadValue("import.amount", value=raw.strip())
            pending = _number(digits)
        elif unit_char in _SMALL_UNITS:
            group += (pending if pending is not None else Decimal(1)) * _SMALL_UNITS[unit_char]
            pending = None
        else:
            big = _BIG_UNITS[unit_char]
            if last_big is not None and big >= last_big:
                raise BadValue("import.amount", value=raw.strip())
            if pending is not None:
                group += pending
            elif group == 0:
                group = Decimal(1)
            total += group * big
            group, pending, last_big = Decimal(0), None, big
    trailing = group + (pending if pending is not None else 0)
    if trailing:
        if last_big is None or last_big == _BIG_UNITS["만"]:
            total += trailing
        elif pending is None:
            total += trailing * (last_big // _BIG_UNITS["만"])
        else:
            raise BadValue("import.amount_ambiguous", value=raw.strip())
    return total


# -- flags and categories --------------------------------------------------------------

_YES = frozenset({"y", "yes", "예", "네", "o", "1", "true", "있음", "유", "○", "●", "v", "✓", "✔"})
_NO = frozenset({"n", "no", "아니오", "아니요", "x", "0", "false", "없음", "무", "×", "✕", "-"})
_FLAGS = {
    **{word: True for word in _YES},
    **{word.upper(): True for word in _YES},
    **{word: False for word in _NO},
    **{word.upper(): False for word in _NO},
}


def flag(value: Cell) -> bool | None:
    """Y/N, 예/아니오, O/X, 1/0, true/false, 있음/없음; blank is None."""
    if isinstance(value, str):
        known = _FLAGS.get(value)
        if known is not None:
            return known
        key = fold(value)
        if not key:
            return None
        if key in _YES:
            return True
        if key in _NO:
            return False
    elif value is None:
        return None
    elif isinstance(value, bool):
        return value
    elif isinstance(value, int | float):
        if value == 1:
            return True
        if value == 0:
            return False
    raise BadValue("import.flag", value=display(value))


_AI_SPELLINGS = {
    "ai": AICategory.AI.value,
    "ai+x": AICategory.AI_X.value,
    "aix": AICategory.AI_X.value,
    "ai융합": AICategory.AI_X.value,
    "ai×x": AICategory.AI_X.value,
    "aix융합": AICategory.AI_X.value,
    "ai+x융합": AICategory.AI_X.value,
    "none": AICategory.NONE.value,
    "비ai": AICategory.NONE.value,
    "nonai": AICategory.NONE.value,
    "일반": AICategory.NONE.value,
    "해당없음": AICategory.NONE.value,
    "없음": AICategory.NONE.value,
    "": AICategory.NONE.value,
}


def ai_category(value: Cell) -> str:
    """``AI``; ``AI+X`` (``AI 융합``, ``AI융합``, ``AIX``); ``none`` (``비AI``, ``일반``, blank)."""
    key = fold(text(value))
    category = _AI_SPELLINGS.get(key)
    if category is None:
        raise BadValue("import.ai_category", value=display(value))
    return category


# -- identifiers -----------------------------------------------------------------------

_BUSINESS_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def business_no(value: Cell) -> str | None:
    """A business registration number, checksum validated, as ``123-45-67890``; blank is None."""
    raw = text(value)
    if not raw:
        return None
    digits = unicodedata.normalize("NFKC", raw).replace("-", "").replace(" ", "")
    if len(digits) != 10 or not digits.isdigit() or not digits.isascii():
        raise BadValue("import.business_no_format", value=raw)
    numbers = [int(d) for d in digits]
    total = sum(d * w for d, w in zip(numbers, _BUSINESS_WEIGHTS, strict=False))
    total += numbers[8] * 5 // 10
    if (10 - total % 10) % 10 != numbers[9]:
        raise BadValue("import.business_no_checksum", value=raw)
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


def email(value: Cell) -> str | None:
    """An e-mail address, checked loosely (``name@host.tld``); blank is None."""
    raw = text(value)
    if not raw:
        return None
    if not _EMAIL.fullmatch(raw):
        raise BadValue("import.email", value=raw)
    return raw
