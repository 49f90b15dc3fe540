"""Reviewer packages from the command line, and what a package must never give away: no
unassigned application, no other reviewer's score, no final score, even decrypted; a
wrong password, a changed byte of a package or of a score file, another round's or
reviewer's file and a replay are all refused with exit code 3."""

from __future__ import annotations

import base64
import csv
import io
import json
import struct
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select

from reviewer.cli import main
from reviewer.domain.package import ScoreEntry, ScoreReturn
from reviewer.errors import InvalidInput
from reviewer.exchange import packages as package_files
from reviewer.exchange.packages import open_package, write_score_file
from reviewer.services import importing, rounds, selecting
from reviewer.store.models import PackageRow, ReviewRow, RunResultRow
from tests.integration.package_round import (
    APPLICATIONS,
    R2_COMMENT,
    SECRET_A03,
    SECRET_A04,
    build_round,
)

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package_files, "SCRYPT_N", 2**4)
    monkeypatch.setenv("PKG_PASSWORD", PASSWORD)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--lang", "en", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def round_db(tmp_path: Path) -> Path:
    return build_round(tmp_path / "round.db")


@pytest.fixture
def package(round_db: Path, tmp_path: Path) -> Path:
    out = tmp_path / "R1.rvpkg"
    code, _, err = run(
        "package", "create", str(round_db), "--reviewer", "R1", "--out", str(out),
        "--password-env", "PKG_PASSWORD",
    )  # fmt: skip
    assert code == 0, err
    return out


def decrypted(path: Path, password: str) -> bytes:
    """The package's whole plaintext: the manifest and every attachment."""
    data = path.read_bytes()
    header, prefix, ciphertext = package_files._split(path, data)
    kdf = header["kdf"]
    key = package_files._scrypt(
        password, base64.b64decode(kdf["salt"]), kdf["n"], kdf["r"], kdf["p"]
    )
    return AESGCM(key).decrypt(base64.b64decode(header["nonce"]), ciphertext, prefix)


# -- the command line ------------------------------------------------------------------


def test_package_create_writes_an_encrypted_package(round_db: Path, package: Path) -> None:
    assert open_package(package, PASSWORD).package.reviewer_id == "R1"
    assert b"A01" not in package.read_bytes()  # the contents are encrypted
    code, out, err = run("package", "verify", str(package), "--password-env", "PKG_PASSWORD")
    assert code == 0, err
    assert "R1.rvpkg: reviewer package, intact" in out
    assert "3 applications, 3 attachments" in out and "encrypted under a password" in out


def test_package_create_json(round_db: Path, tmp_path: Path) -> None:
    code, out, _ = run(
        "package", "create", str(round_db), "--reviewer", "R1", "--out",
        str(tmp_path / "R1.rvpkg"), "--no-password", "--json",
    )  # fmt: skip
    assert code == 0
    document = json.loads(out)
    assert document["reviewer"] == "R1" and document["applications"] == 3
    assert document["password"] is False


def test_no_password_warns(round_db: Path, tmp_path: Path) -> None:
    code, out, err = run(
        "package", "create", str(round_db), "--reviewer", "R1", "--out",
        str(tmp_path / "R1.rvpkg"), "--no-password",
    )  # fmt: skip
    assert code == 0
    assert "warning: the package has no password" in err
    assert "R1.rvpkg: package of reviewer R1 (김하나)" in out


def test_the_password_is_asked_twice_on_a_terminal(
    round_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reviewer.cli as cli

    answers = iter([PASSWORD, PASSWORD, PASSWORD, "another password"])
    monkeypatch.setattr(cli, "_ask_password", lambda prompt: next(answers))
    monkeypatch.setattr(cli.sys.stdin, "isatty", lambda: True)
    out = tmp_path / "R1.rvpkg"
    assert run("package", "create", str(round_db), "--reviewer", "R1", "--out", str(out))[0] == 0
    assert open_package(out, PASSWORD).package.reviewer_id == "R1"
    code, _, err = run(
        "package", "create", str(round_db), "--reviewer", "R1", "--out",
        str(tmp_path / "again.rvpkg"),
    )  # fmt: skip
    assert code == 3 and "the two passwords differ" in err
    assert not (tmp_path / "again.rvpkg").exists()


def test_without_a_password_source_off_a_terminal_it_is_a_usage_error(
    round_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reviewer.cli as cli

    monkeypatch.setattr(cli.sys.stdin, "isatty", lambda: False)
    code, _, err = run(
        "package", "create", str(round_db), "--reviewer", "R1", "--out", str(tmp_path / "x.rvpkg")
    )
    assert code == 2 and "--password-env" in err
    code, _, err = run(
        "package", "create", str(round_db), "--reviewer", "R1", "--out",
        str(tmp_path / "x.rvpkg"), "--password-env", "NOT_SET_ANYWHERE",
    )  # fmt: skip
    assert code == 3 and "NOT_SET_ANYWHERE" in err
    assert not (tmp_path / "x.rvpkg").exists()


def test_verify_without_the_password_off_a_terminal_is_a_usage_error(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reviewer.cli as cli

    monkeypatch.setattr(cli.sys.stdin, "isatty", lambda: False)
    code, out, err = run("package", "verify", str(package))
    assert code == 2 and out == ""
    assert "the package needs its password: give --password-env VAR" in err


def test_no_password_and_a_password_together_are_a_usage_error(
    round_db: Path, tmp_path: Path
) -> None:
    code, _, _ = run(
        "package", "create", str(round_db), "--reviewer", "R1", "--out",
        str(tmp_path / "x.rvpkg"), "--no-password", "--password-env", "PKG_PASSWORD",
    )  # fmt: skip
    assert code == 2


def test_an_unassigned_round_and_an_unknown_reviewer_exit_3(tmp_path: Path) -> None:
    bare = build_round(tmp_path / "bare.db", assign=False, select=False)
    code, _, err = run(
        "package", "create", str(bare), "--reviewer", "R1", "--out", str(tmp_path / "x.rvpkg"),
        "--no-password",
    )  # fmt: skip
    assert code == 3 and "reviewer assign" in err
    assigned = build_round(tmp_path / "round.db", select=False)
    code, _, err = run(
        "package", "create", str(assigned), "--reviewer", "R9", "--out",
        str(tmp_path / "x.rvpkg"), "--no-password",
    )  # fmt: skip
    assert code == 3 and "reviewer R9 is not in the round" in err


def test_verify_against_another_round_fails(package: Path, tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    other = build_round(tmp_path / "other" / "round.db", select=False)
    code, _, err = run(
        "package", "verify", str(package), "--password-env", "PKG_PASSWORD", "--round", str(other)
    )
    assert code == 3 and "belongs to another round" in err
    code, out, _ = run(
        "package", "verify", str(package), "--password-env", "PKG_PASSWORD", "--round",
        str(tmp_path / "round.db"), "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["round_checked"] is True


def test_a_wrong_password_fails_cleanly(package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WRONG", "not the password")
    code, out, err = run("package", "verify", str(package), "--password-env", "WRONG")
    assert code == 3 and out == ""
    assert "R1.rvpkg: the password is not this package's password" in err
    assert "Traceback" not in err


def test_create_all_and_the_password_list(round_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "packages"
    code, text, err = run("package", "create-all", str(round_db), "--out", str(out))
    assert code == 0, err
    assert "made 3 reviewer packages" in text
    rows = list(csv.reader((out / "passwords.csv").read_text(encoding="utf-8-sig").splitlines()))
    for reviewer, _, name, password in rows[1:]:
        assert open_package(out / name, password).package.reviewer_id == reviewer
    assert run("package", "create-all", str(round_db), "--out", str(out))[0] == 4


def test_lock_refuses_packages_with_exit_4(round_db: Path, tmp_path: Path) -> None:
    assert run("lock", str(round_db))[0] == 0
    code, _, _ = run("package", "create-all", str(round_db), "--out", str(tmp_path / "p"))
    assert code == 4


# -- what a package never holds --------------------------------------------------------


def test_a_package_holds_nothing_of_unassigned_applications_or_other_scores(
    round_db: Path, package: Path
) -> None:
    plaintext = decrypted(package, PASSWORD)
    (length,) = struct.unpack(">Q", plaintext[:8])
    manifest = plaintext[8 : 8 + length]
    assert json.loads(manifest)["reviewer"] == {"id": "R1", "name": "김하나"}
    forbidden = [SECRET_A03, SECRET_A04, R2_COMMENT.encode(), "R3 의견".encode()]
    for app in APPLICATIONS:
        if app.id in ("A03", "A04", "B02"):  # a conflict, and two not assigned to R1
            forbidden += [app.id.encode(), app.title.encode(), app.company.encode()]
    forbidden += [name.encode() for name in ("박두울", "최세엣", "R2", "R3")]
    forbidden += [b"final", b"rank", b"status", b"selected", b"bonus", b"penalty", b"region"]
    with rounds.open_round(round_db) as database, database.session() as session:
        finals = [r.final_score for r in session.scalars(select(RunResultRow)) if r.final_score]
    assert finals  # the round has final scores that could leak
    forbidden += [f.encode() for f in finals]
    for item in forbidden:
        assert item not in plaintext, item
    # no review of anyone is in the manifest: no scores, no comments
    document = json.loads(manifest)
    assert "scores" not in json.dumps(document) and 'comment"' not in manifest.decode()
    assert set(document["applications"][0]) == {
        "id", "track", "title", "company", "ai_category", "field", "amount", "attachments",
    }  # fmt: skip


def test_every_changed_byte_of_a_package_is_detected(package: Path, tmp_path: Path) -> None:
    data = package.read_bytes()
    positions = sorted({*range(0, 400), *range(400, len(data), max(1, len(data) // 300))})
    positions.append(len(data) - 1)
    changed = tmp_path / "changed.rvpkg"
    for position in positions:
        flipped = bytearray(data)
        flipped[position] ^= 0x01
        changed.write_bytes(bytes(flipped))
        with pytest.raises(InvalidInput):
            open_package(changed, PASSWORD)
    code, _, err = run("package", "verify", str(changed), "--password-env", "PKG_PASSWORD")
    assert code == 3 and "damaged or was changed" in err


# -- returned score files ----------------------------------------------------------------


def score_file(package: Path, folder: Path, version: int = 1, **changes: object) -> Path:
    opened = open_package(package, PASSWORD).package
    fields: dict[str, object] = {
        "format": 1,
        "round_id": opened.round_id,
        "package_id": opened.package_id,
        "reviewer_id": opened.reviewer_id,
        "version": version,
        "created_at": datetime(2026, 12, 3, 9, 0),
        "sent_at": datetime(2026, 12, 3, 10, version),
        "entries": (
            ScoreEntry("A01", {"tech": 50.0, "plan": "A"}, "좋음"),
            ScoreEntry("A02", {"tech": 60.0, "plan": "B"}, ""),
            ScoreEntry("B01", {"invest": 3.0}, "", changed_at=datetime(2026, 12, 3, 9, 30)),
        ),
    }
    fields.update(changes)
    path = folder / f"R1-v{version}.rvscore"
    write_score_file(path, ScoreReturn(**fields), opened.secret)  # type: ignore[arg-type]
    return path


def r1_reviews(round_db: Path) -> dict[str, object]:
    with rounds.open_round(round_db) as database, database.session() as session:
        rows = session.scalars(select(ReviewRow).where(ReviewRow.reviewer_id == "R1"))
        return {r.application_id: (r.scores, r.comment) for r in rows}


def test_every_changed_byte_of_a_score_file_is_refused(
    round_db: Path, package: Path, tmp_path: Path
) -> None:
    path = score_file(package, tmp_path)
    data = path.read_bytes()
    changed = tmp_path / "changed.rvscore"
    with rounds.open_round(round_db) as database:
        for position in range(len(data)):
            for mask in (0x01, 0x20):
                flipped = bytearray(data)
                flipped[position] ^= mask
                changed.write_bytes(bytes(flipped))
                with pytest.raises(InvalidInput):
                    importing.import_scores(database, [changed])
    assert r1_reviews(round_db) == {}
    code, _, err = run("import", "scores", str(round_db), str(changed))
    assert code == 3 and "changed.rvscore" in err
    assert run("import", "scores", str(round_db), str(path))[0] == 0
    assert set(r1_reviews(round_db)) == {"A01", "A02", "B01"}


def test_import_and_verify_from_the_command_line(
    round_db: Path, package: Path, tmp_path: Path
) -> None:
    path = score_file(package, tmp_path)
    code, out, _ = run("package", "verify", str(path))
    assert code == 0 and "the signature was NOT checked" in out
    code, out, _ = run("package", "verify", str(path), "--round", str(round_db))
    assert code == 0 and "signature checked" in out and "of this round" in out
    code, out, _ = run(
        "package", "verify", str(path), "--package", str(package), "--password-env",
        "PKG_PASSWORD", "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["signature_checked"] is True
    forged = tmp_path / "forged.rvscore"
    opened = open_package(package, PASSWORD).package
    signed = package_files.read_score_file(path)
    write_score_file(forged, signed.scores, bytes(32))
    code, _, err = run("package", "verify", str(forged), "--round", str(round_db))
    assert code == 3 and "signature" in err
    assert run("package", "verify", str(forged))[0] == 0  # well formed, but not checked

    code, out, err = run("import", "scores", str(round_db), str(path))
    assert code == 0, err
    assert "added 3 reviews" in out
    code, _, err = run("import", "scores", str(round_db), str(path))
    assert code == 3 and "version 1" in err and "was imported already" in err
    newer = score_file(package, tmp_path, 2)
    assert run("import", "scores", str(round_db), str(newer))[0] == 0
    with rounds.open_round(round_db) as database, database.session() as session:
        row = session.get(PackageRow, opened.package_id)
        assert row is not None and row.returned_version == 2


def test_another_rounds_and_another_reviewers_files_are_refused(
    round_db: Path, package: Path, tmp_path: Path
) -> None:
    code, _, err = run(
        "import", "scores", str(round_db), str(score_file(package, tmp_path, round_id="9" * 32))
    )
    assert code == 3 and "belongs to another round" in err
    code, _, err = run(
        "import", "scores", str(round_db), str(score_file(package, tmp_path, reviewer_id="R2"))
    )
    assert code == 3 and "is not the package's reviewer (R1)" in err
    (tmp_path / "other").mkdir()
    other = build_round(tmp_path / "other" / "round.db", select=False)
    assert run("import", "scores", str(other), str(score_file(package, tmp_path)))[0] == 3
    assert r1_reviews(round_db) == {}


# -- end to end ----------------------------------------------------------------------------


@pytest.fixture
def handed_out(round_db: Path, tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    out = tmp_path / "packages"
    assert run("package", "create-all", str(round_db), "--out", str(out))[0] == 0
    rows = list(csv.reader((out / "passwords.csv").read_text(encoding="utf-8-sig").splitlines()))
    yield out, {row[0]: row[3] for row in rows[1:]}


def test_from_assignments_to_the_selection(
    round_db: Path, handed_out: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """create-all → the reviewer opens the package → sends scores → import → select."""
    out, passwords = handed_out
    with rounds.open_round(round_db) as database:
        before = {
            a["id"]: a for a in selecting.run_selection(database, "en").document["applications"]
        }
    assert before["A02"]["status"] == "incomplete"

    opened = open_package(out / "R1.rvpkg", passwords["R1"]).package
    entries = []
    for app in opened.applications:
        track = opened.track(app.track)
        scores: dict[str, float | str] = {}
        for criterion in track.criteria:
            scores[criterion.id] = (
                next(iter(criterion.grades)) if criterion.grades else criterion.max
            )
        entries.append(ScoreEntry(app.id, scores, "최고점" if app.id == "A02" else ""))
    sent = ScoreReturn(
        format=1,
        round_id=opened.round_id,
        package_id=opened.package_id,
        reviewer_id=opened.reviewer_id,
        version=1,
        created_at=datetime(2026, 12, 3, 9, 0),
        sent_at=datetime(2026, 12, 3, 11, 0),
        entries=tuple(entries),
    )
    returned = tmp_path / "R1.rvscore"
    write_score_file(returned, sent, opened.secret)
    code, _, err = run("import", "scores", str(round_db), str(returned))
    assert code == 0, err
    code, text, err = run("select", str(round_db), "--json")
    assert code == 0, err
    after = {a["id"]: a for a in json.loads(text)["applications"]}
    # A02: R2 gave 54 points, R1 now 100 → mean 77.00; A01: (88, 68) → (88, 68, 100);
    # B01: R2's 75 alone was incomplete, now (75, 100)
    assert after["A02"]["final_score"] == 77.0 and after["A02"]["reviews"] == 2
    assert before["A01"]["final_score"] == 78.0 and after["A01"]["final_score"] == 85.33
    assert before["B01"]["status"] == "incomplete"
    assert after["B01"]["final_score"] == 87.5 and after["B01"]["reviews"] == 2
