"""Reviewer packages and score files: what is written is what is read, and a change to
any byte, a wrong password or a forged signature is detected."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from reviewer.domain.config import Criterion, Track
from reviewer.domain.package import (
    PackageApplication,
    PackageAttachment,
    ReviewerPackage,
    ScoreEntry,
    ScoreReturn,
)
from reviewer.errors import InvalidInput
from reviewer.exchange import packages
from reviewer.exchange.packages import (
    PackagePasswordError,
    open_package,
    read_header,
    read_score_file,
    write_package,
    write_score_file,
)

PDF = b"%PDF-1.4\n" + "제안서 본문".encode() * 20
OTHER = b"PK\x03\x04 hwpx"
SECRET = bytes(range(32))


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cost of scrypt is in the header; a small one keeps the byte-flip tests fast."""
    monkeypatch.setattr(packages, "SCRYPT_N", 2**4)


def attachment(content: bytes, name: str, kind: str = "proposal") -> PackageAttachment:
    return PackageAttachment(name, kind, hashlib.sha256(content).hexdigest(), len(content))


def package() -> ReviewerPackage:
    rubric = (
        Criterion("tech", "기술성", 40, 0, 40),
        Criterion("grade", "등급", 10, grades={"A": 1.0, "B": 0.5, "C": 0.0}),
    )
    proposal = attachment(PDF, "2025-0001_제안서.pdf")
    return ReviewerPackage(
        format=1,
        package_id="a" * 32,
        round_id="b" * 32,
        round_name="2025 서울형 R&D",
        reviewer_id="R01",
        reviewer_name="김심사",
        tracks=(Track("tips", "팁스", 0, rubric),),
        applications=(
            PackageApplication(
                "2025-0001",
                "tips",
                "AI 기반 진단",
                "㈜서울AI",
                "AI",
                "바이오",
                300_000_000,
                (proposal, attachment(OTHER, "2025-0001_부속.hwpx", "other")),
            ),
            PackageApplication(
                "2025-0002", "tips", "같은 파일", "(주)둘", "none", None, 1, (proposal,)
            ),
        ),
        secret=SECRET,
        created_at=datetime(2026, 12, 2, 9, 30),
        comment_below=55.0,
    )


def contents() -> dict[str, bytes]:
    return {hashlib.sha256(b).hexdigest(): b for b in (PDF, OTHER)}


def test_a_package_reads_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "R01.rvpkg"
    write_package(path, package(), contents(), "비밀 번호")
    opened = open_package(path, "비밀 번호")
    assert opened.package == package()
    assert opened.content(hashlib.sha256(PDF).hexdigest()) == PDF
    assert opened.contents == contents()
    header = read_header(path)
    assert (header.package_id, header.round_id, header.reviewer_id) == ("a" * 32, "b" * 32, "R01")
    assert header.needs_password


def test_the_package_is_unreadable_without_its_password(tmp_path: Path) -> None:
    path = tmp_path / "R01.rvpkg"
    write_package(path, package(), contents(), "right")
    data = path.read_bytes()
    for text in ("김심사", "AI 기반 진단", "2025-0001", "제안서 본문"):
        assert text.encode() not in data
    with pytest.raises(PackagePasswordError) as wrong:
        open_package(path, "wrong")
    assert wrong.value.key == "package.wrong_password"
    with pytest.raises(PackagePasswordError) as missing:
        open_package(path, None)
    assert missing.value.key == "package.password_needed"
    assert wrong.value.exit_code == 3


def test_a_package_without_password_opens_without_one(tmp_path: Path) -> None:
    path = tmp_path / "R01.rvpkg"
    write_package(path, package(), contents(), None)
    assert not read_header(path).needs_password
    assert open_package(path, None).package == package()
    assert open_package(path, "ignored").package == package()


@pytest.mark.parametrize("password", [None, "pw"])
def test_every_changed_byte_of_a_package_is_detected(tmp_path: Path, password: str | None) -> None:
    path = tmp_path / "R01.rvpkg"
    small = replace(package(), applications=package().applications[1:])
    write_package(path, small, contents(), password)
    original = path.read_bytes()
    changed = tmp_path / "changed.rvpkg"
    for position in range(len(original)):
        data = bytearray(original)
        data[position] ^= 0x01
        changed.write_bytes(bytes(data))
        with pytest.raises(InvalidInput):
            open_package(changed, password)
    for cut in (0, 5, len(original) // 2, len(original) - 1):
        changed.write_bytes(original[:cut])
        with pytest.raises(InvalidInput):
            open_package(changed, password)


def test_a_file_that_is_not_a_package(tmp_path: Path) -> None:
    path = tmp_path / "x.rvpkg"
    path.write_bytes(b"%PDF-1.4 not a package")
    with pytest.raises(InvalidInput) as error:
        open_package(path, "pw")
    assert error.value.key == "package.not_a_package"
    assert "x.rvpkg" in error.value.message("en")
    with pytest.raises(InvalidInput) as gone:
        open_package(tmp_path / "none.rvpkg", "pw")
    assert gone.value.key == "package.missing"


def test_a_forged_header_cannot_ask_for_a_huge_scrypt_cost(tmp_path: Path) -> None:
    path = tmp_path / "R01.rvpkg"
    write_package(path, package(), contents(), "pw")
    data = path.read_bytes().replace(b'"n":16', b'"n":1073741824'.ljust(6))
    path.write_bytes(data)
    with pytest.raises(InvalidInput):
        open_package(path, "pw")


def test_contents_must_match_their_digests(tmp_path: Path) -> None:
    wrong = {hashlib.sha256(PDF).hexdigest(): b"other", hashlib.sha256(OTHER).hexdigest(): OTHER}
    with pytest.raises(ValueError):
        write_package(tmp_path / "p.rvpkg", package(), wrong, None)
    assert not (tmp_path / "p.rvpkg").exists()


def scores(version: int = 1) -> ScoreReturn:
    return ScoreReturn(
        format=1,
        round_id="b" * 32,
        package_id="a" * 32,
        reviewer_id="R01",
        version=version,
        created_at=datetime(2026, 12, 2, 9, 30),
        sent_at=datetime(2026, 12, 3, 18, 0, 5),
        entries=(
            ScoreEntry("2025-0001", {"tech": 35.5, "grade": "A"}, "우수함", changed_at=None),
            ScoreEntry("2025-0002", {}, conflict=True, conflict_reason="동일 기관 근무"),
        ),
    )


def test_a_score_file_reads_back_and_verifies(tmp_path: Path) -> None:
    path = tmp_path / "R01.rvscore"
    write_score_file(path, scores(3), SECRET)
    signed = read_score_file(path)
    assert signed.scores == scores(3)
    signed.verify(SECRET)
    with pytest.raises(InvalidInput) as forged:
        signed.verify(bytes(32))
    assert forged.value.key == "package.score.signature"


def test_every_changed_byte_of_a_score_file_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "R01.rvscore"
    write_score_file(path, scores(), SECRET)
    original = path.read_bytes()
    changed = tmp_path / "changed.rvscore"
    for position in range(len(original)):
        for flip in (0x01, 0x20):
            data = bytearray(original)
            data[position] ^= flip
            changed.write_bytes(bytes(data))
            with pytest.raises(InvalidInput):
                read_score_file(changed).verify(SECRET)


def test_a_score_file_reformatted_or_forged_is_refused(tmp_path: Path) -> None:
    import json

    path = tmp_path / "R01.rvscore"
    write_score_file(path, scores(), SECRET)
    document = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    with pytest.raises(InvalidInput) as reformatted:
        read_score_file(path)
    assert reformatted.value.key == "package.score.changed"
    write_score_file(path, replace(scores(), version=9), bytes(32))  # another key
    with pytest.raises(InvalidInput):
        read_score_file(path).verify(SECRET)
    path.write_bytes(b"\xff\xfe not json")
    with pytest.raises(InvalidInput) as garbage:
        read_score_file(path)
    assert garbage.value.key == "package.score.not_a_score_file"


@pytest.mark.parametrize(
    "text",
    [
        "[" * 30_000 + "]" * 30_000,  # nested beyond what a reader can follow
        '{"kind":"reviewer-scores","format":1,"version":1e400}',  # not a finite number
    ],
)
def test_a_malformed_score_file_is_refused_not_a_crash(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.rvscore"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput):
        read_score_file(path)


def test_a_version_beyond_any_count_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "R01.rvscore"
    write_score_file(path, scores(2**63), SECRET)
    with pytest.raises(InvalidInput) as error:
        read_score_file(path)
    assert error.value.key == "package.score.changed"


def test_a_package_header_nested_too_deeply_is_damaged(tmp_path: Path) -> None:
    import struct

    head = ("[" * 20_000 + "]" * 20_000).encode()
    path = tmp_path / "deep.rvpkg"
    path.write_bytes(packages.MAGIC + struct.pack(">I", len(head)) + head + bytes(32))
    with pytest.raises(InvalidInput) as error:
        read_header(path)
    assert error.value.key == "package.damaged"
