"""The window's Korean translation is complete and loads."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from reviewer.resources import path
from reviewer.ui.app import install_translator
from reviewer.ui.models.status import status_label

UI = Path(__file__).parents[2] / "src" / "reviewer" / "ui"
# a literal in either quote style (no escaped quotes are used in the window's strings)
LITERAL = r"""(?:"[^"]*"|'[^']*')"""
CALL = re.compile(
    rf"""(?:\btr|\btranslate|\bheader)\(\s*(?:(?:"[A-Za-z]+"|'[A-Za-z]+'),\s*)?((?:{LITERAL}\s*)+)"""
)


def _sources_in_code() -> set[str]:
    found: set[str] = set()
    for module in UI.rglob("*.py"):
        for match in CALL.finditer(module.read_text(encoding="utf-8")):
            found.add(
                "".join(a or b for a, b in re.findall(r""""([^"]*)"|'([^']*)'""", match.group(1)))
            )
    return found


def test_both_quote_styles_are_found() -> None:
    text = """self.tr('Single quoted.') translate("Ctx", "Double " 'mixed')"""
    found = {
        "".join(a or b for a, b in re.findall(r""""([^"]*)"|'([^']*)'""", m.group(1)))
        for m in CALL.finditer(text)
    }
    assert found == {"Single quoted.", "Double mixed"}


def _translations() -> dict[str, str]:
    root = ET.parse(path("translations", "reviewer_ko.ts")).getroot()
    result: dict[str, str] = {}
    for message in root.iter("message"):
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") != "unfinished", message.findtext("source")
        result[message.findtext("source") or ""] = translation.text or ""
    return result


def test_every_string_of_the_window_has_a_korean_translation() -> None:
    translations = _translations()
    sources = _sources_in_code()
    assert len(sources) > 120
    missing = sorted(s for s in sources if not translations.get(s))
    assert not missing


def test_korean_translation_loads(qapp: QApplication) -> None:
    translator = install_translator(qapp, "ko")
    assert translator is not None
    try:
        assert status_label("selected") == "선정"
        assert QCoreApplication.translate("Status", "Below cutoff") == "과락"
    finally:
        qapp.removeTranslator(translator)
    assert status_label("selected") == "Selected"


def test_no_string_hides_from_the_translation_tools() -> None:
    """lupdate reads ``tr``, ``translate`` and ``header`` calls with literal text only:
    an alias of ``translate`` under another name, or ``tr`` of an f-string, would leave
    a string untranslated without any test noticing."""
    alias = re.compile(r"^\s*(\w+)\s*=\s*QCoreApplication\.translate\s*$", re.M)
    fstring = re.compile(r"""\b(?:tr|translate)\(\s*(?:"[A-Za-z]+",\s*)?f["']""")
    for module in UI.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        names = [m.group(1) for m in alias.finditer(text)]
        assert all(name == "translate" for name in names), (module, names)
        assert not fstring.search(text), module
