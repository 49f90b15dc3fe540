"""Which application a file belongs to, its kind, and its content signature."""

from __future__ import annotations

import pytest

from reviewer.domain.attachments import (
    OTHER,
    PROPOSAL,
    IdIndex,
    accepted,
    extension,
    ids_in,
    kind_of,
    match_path,
    signature_ok,
)

INDEX = IdIndex.of(["2025-0001", "2025-0002", "2025-0001-A", "2025-0010", "B-7"])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2025-0001.pdf", "2025-0001"),
        ("2025-0001_사업계획서.pdf", "2025-0001"),
        ("[2025-0002] 사업계획서.pdf", "2025-0002"),
        ("사업계획서2025-0002.pdf", "2025-0002"),  # Hangul is no ASCII letter: a boundary
        ("접수 2025-0010 (최종).hwp", "2025-0010"),
        ("2025-0001-A_계획서.pdf", "2025-0001-A"),  # the longest id wins
        ("2025-0001-B.pdf", "2025-0001"),
        ("b-7 요약.pdf", "B-7"),  # letters compared case-insensitively, the stored id given
    ],
)
def test_a_file_belongs_to_the_longest_id_delimited_in_its_name(name: str, expected: str) -> None:
    match = ids_in(name, INDEX)
    assert match.application_id == expected
    assert not match.ambiguous


@pytest.mark.parametrize(
    "name",
    ["2025-00012.pdf", "X2025-0001.pdf", "2025-0001x.pdf", "20250001.pdf", "계획서.pdf", ""],
)
def test_an_id_glued_to_letters_or_digits_does_not_occur(name: str) -> None:
    assert ids_in(name, INDEX).application_id is None
    assert ids_in(name, INDEX).best == ()


def test_two_ids_of_the_longest_length_make_a_name_ambiguous() -> None:
    match = ids_in("2025-0001_2025-0002_합본.pdf", INDEX)
    assert match.ambiguous
    assert match.application_id is None
    assert match.best == ("2025-0001", "2025-0002")


def test_ids_in_different_places_make_a_name_ambiguous_whatever_their_lengths() -> None:
    # 2025-0001 inside 2025-0001-A does not count; 2025-0002 beside it does
    match = ids_in("2025-0001-A 2025-0002.pdf", INDEX)
    assert match.best == ("2025-0001-A", "2025-0002")
    assert match.ambiguous


def test_the_same_id_twice_is_not_ambiguous() -> None:
    assert ids_in("2025-0001 (2025-0001 수정).pdf", INDEX).application_id == "2025-0001"


def test_the_nearest_folder_names_the_application_when_the_file_does_not() -> None:
    assert match_path(("2025-0002", "사업계획서.pdf"), INDEX).application_id == "2025-0002"
    assert match_path(("2025-0002", "2025-0001 계획서.pdf"), INDEX).application_id == "2025-0001"
    assert match_path(("2025-0010", "부록", "표.xlsx"), INDEX).application_id == "2025-0010"
    assert match_path(("자료", "표.xlsx"), INDEX).application_id is None


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("2025-0001.pdf", PROPOSAL),
        ("2025-0001_사업계획서.pdf", PROPOSAL),
        ("2025-0001 사업 계획서.PDF", PROPOSAL),
        ("[2025-0001] 제안서.pdf", PROPOSAL),
        ("2025-0001_proposal.pdf", PROPOSAL),
        ("사업계획서.pdf", PROPOSAL),  # the id in a folder's name
        ("2025-0001_사업계획서_요약.pdf", OTHER),
        ("2025-0001_재무제표.pdf", OTHER),
        ("2025-0001_v2.pdf", OTHER),
        ("2025-0001_사업계획서.hwp", OTHER),
        ("2025-0001.docx", OTHER),
    ],
)
def test_a_pdf_with_no_other_marker_is_the_proposal(name: str, kind: str) -> None:
    assert kind_of(name, "2025-0001") == kind


def test_accepted_types_by_extension() -> None:
    for name in ("a.pdf", "a.HWP", "a.hwpx", "a.docx", "a.xlsx", "a.pptx", "a.zip", "a.png"):
        assert accepted(name), name
    for name in ("a.txt", "a.exe", "a.db", "pdf", ".pdf", "a"):
        assert not accepted(name), name
    assert extension("계획서.최종.PDF") == "pdf"
    assert extension(".hidden") == ""


def test_content_signatures() -> None:
    assert signature_ok("pdf", b"%PDF-1.7\n")
    assert not signature_ok("pdf", b"<html><body>")
    assert not signature_ok("pdf", b" %PDF-1.7")
    assert signature_ok("docx", b"PK\x03\x04rest")
    assert not signature_ok("hwpx", b"%PDF-1.4")
    assert signature_ok("hwp", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....")
    assert signature_ok("jpg", b"\xff\xd8\xff\xe0")
    assert signature_ok("webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ")
    assert not signature_ok("webp", b"RIFF\x00\x00\x00\x00WAVEfmt ")


def test_a_decomposed_name_from_macos_matches_as_the_composed_one() -> None:
    import unicodedata

    index = IdIndex.of(["2025-0001", "과제-7"])
    name = unicodedata.normalize("NFD", "2025-0001_사업계획서.pdf")
    assert ids_in(name, index).application_id == "2025-0001"
    assert kind_of(name, "2025-0001") == "proposal"
    hangul = unicodedata.normalize("NFD", "과제-7_계획서.pdf")
    assert ids_in(hangul, index).application_id == "과제-7"
    assert ids_in("ﬁ_2025-0001.pdf", index).application_id == "2025-0001"  # a ligature stays
