"""Every message exists in Korean and English with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest

from reviewer.i18n import catalog, normalise_lang, render
from reviewer.i18n.particles import MARKER, PAIRS


def _fields(template: str) -> set[str]:
    """The placeholders of a template; a Korean particle marker ``{name|이}`` is ``name``."""
    plain = MARKER.sub(lambda match: "{" + match.group(1) + "}", template)
    return {name for _, name, _, _ in string.Formatter().parse(plain) if name}


@pytest.mark.parametrize("key", sorted(catalog()))
def test_message_complete_in_both_languages(key: str) -> None:
    korean, english = catalog()[key]
    assert korean.strip() and english.strip()
    assert _fields(korean) == _fields(english), key
    assert any("\uac00" <= ch <= "\ud7a3" for ch in korean), f"{key} is not Korean"
    # particles after a value are chosen for it, never written in both forms
    assert not re.search(
        r"\}['\"」)]?(이\(가\)|은\(는\)|을\(를\)|\(으\)로|와\(과\)|과\(와\)|는\(은\))", korean
    ), key
    for marker in re.findall(r"\{[^{}|]*\|([^{}]*)\}", korean):
        assert marker in PAIRS, (key, marker)


def test_render_picks_the_language() -> None:
    assert render("loc.row", "ko", row=3) == "3행"
    assert render("loc.row", "en", row=3) == "row 3"


def test_lang_normalisation(monkeypatch: pytest.MonkeyPatch) -> None:
    assert normalise_lang("en_US.UTF-8") == "en"
    assert normalise_lang("ko") == "ko"
    monkeypatch.setenv("REVIEWER_LANG", "ko")
    assert normalise_lang(None) == "ko"
