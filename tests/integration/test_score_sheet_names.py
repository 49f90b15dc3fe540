"""Score-sheet file names: two reviewers never write to one file, also where names are
compared without case or Unicode normal form (Windows, macOS)."""

from __future__ import annotations

import shutil
import unicodedata
from dataclasses import replace
from pathlib import Path

from reviewer.domain.model import Reviewer
from reviewer.exchange.reports.context import safe_filename, unique_filenames
from reviewer.exchange.reports.score_sheets import write_score_sheets
from tests.integration.test_report_pdf import context_for, pdf_text, sample_data

CLASHING_IDS = (
    "R1",
    "r1",
    "a/b",
    "a_b",
    "a:b",
    "x*?",
    'q"<>|',
    "back\\slash",
    "dot.",
    "space ",
    "CON",
    "con",
    "nul.txt",
    "COM1",
    "김심사",
    unicodedata.normalize("NFD", "김심사"),
    "plain",
)


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def test_unique_filenames_never_share_a_file() -> None:
    names = unique_filenames(CLASHING_IDS)
    assert set(names) == set(CLASHING_IDS)
    assert len({_key(name) for name in names.values()}) == len(CLASHING_IDS)
    for name in names.values():
        assert name == safe_filename(name)  # every name is safe as it is
        assert not set(name) & set('<>:"/\\|?*') and not name.endswith((".", " "))
        assert name.split(".")[0].upper() not in {"CON", "NUL", "COM1"}
    assert names["plain"] == "plain"  # a safe name that clashes with none stays
    assert unique_filenames(["김심사"]) == {"김심사": "김심사"}
    # The same name in another Unicode normal form is the same file on macOS.
    nfd = names[unicodedata.normalize("NFD", "김심사")]
    assert names["김심사"].startswith("김심사-") and names["김심사"] != nfd
    assert names["R1"] != "R1" and names["r1"] != "r1"  # equal but for case: both hashed
    assert names["a/b"].startswith("a_b-") and names["a_b"].startswith("a_b-")


def test_unique_filenames_are_deterministic() -> None:
    names = unique_filenames(CLASHING_IDS)
    assert unique_filenames(reversed(CLASHING_IDS)) == names
    # A name depends on the clash, not on the order or on unrelated ids.
    assert unique_filenames(["R1", "r1"])["R1"] == names["R1"]
    assert unique_filenames(["R1"]) == {"R1": "R1"}


def test_a_hashed_name_that_meets_a_real_id_is_lengthened() -> None:
    first = unique_filenames(["a/b"])["a/b"]
    names = unique_filenames(["a/b", first, first.upper()])
    assert len({_key(name) for name in names.values()}) == 3


def test_reviewers_differing_in_case_or_unsafe_characters_get_their_own_sheets(
    tmp_path: Path,
) -> None:
    data = sample_data()
    renamed_ids = ("R1", "r1", "a/b")
    reviewers = (
        *(replace(r, id=new) for r, new in zip(data.reviewers, renamed_ids, strict=True)),
        Reviewer("a_b", "최위원"),
        Reviewer("CON", "정위원"),
    )
    renamed = {old.id: new.id for old, new in zip(data.reviewers, reviewers, strict=False)}
    reviews = tuple(replace(r, reviewer_id=renamed[r.reviewer_id]) for r in data.reviews)
    context = context_for(replace(data, reviewers=reviewers, reviews=reviews))
    written = write_score_sheets(tmp_path, context, "ko")
    assert len(written) == 2 * len(reviewers)
    assert len({_key(p.name) for p in written}) == len(written)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)
    names = unique_filenames(r.id for r in reviewers)
    for reviewer in reviewers:
        pdf = tmp_path / f"{names[reviewer.id]}_평가표.pdf"
        assert pdf in written and (tmp_path / f"{names[reviewer.id]}_평가양식.xlsx") in written
        if shutil.which("pdftotext") is not None:
            assert f"({reviewer.id})" in pdf_text(pdf)
