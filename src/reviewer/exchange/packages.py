"""Reviewer packages (``.rvpkg``) and score files (``.rvscore``): the files that travel
between the secretariat and a reviewer's laptop.

A package is encrypted and authenticated as a whole::

    b"RVPKG1\\n" | header length (4 bytes, big-endian) | header (JSON) | AES-256-GCM ciphertext

The header names the package, the round and the reviewer and says how the key is made:
from the password by scrypt (its salt and cost in the header), or — for a package made
with ``--no-password`` — stored in the header itself (the package is then only protected
against damage, not against reading). ``check`` (the first 16 bytes of HMAC-SHA256 of a
fixed text under the key) tells a wrong password from a damaged file. The magic, the
length and the header are the ciphertext's associated data, so a change to any byte of
the file is detected. The plaintext is an 8-byte manifest length, the manifest (JSON: a
:class:`~reviewer.domain.package.ReviewerPackage` without its file contents) and then
every distinct attachment content once, in the order the manifest first lists it; each
content's SHA-256 and size are checked when the package is opened.

A score file is one canonical JSON document (keys sorted, no spaces, UTF-8, one final
newline) with a ``signature``: HMAC-SHA256 under the package's secret over the same
document without it. Reading a score file checks that its bytes are exactly that
canonical form, so a changed byte anywhere — a value, a key, the spacing — is refused,
even where JSON would not care; :meth:`SignedScores.verify` then checks the signature
under the secret the round keeps for the package.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import os
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from reviewer.domain.config import Criterion, Track
from reviewer.domain.package import (
    PackageApplication,
    PackageAttachment,
    ReviewerPackage,
    ScoreEntry,
    ScoreReturn,
)
from reviewer.errors import InvalidInput, Location
from reviewer.hashing import sha256

FORMAT = 1
MAGIC = b"RVPKG1\n"
SCORE_KIND = "reviewer-scores"
#: scrypt's cost for new packages (about 0.1 s and 32 MiB), and the most a package read
#: may ask for (a forged header must not make the reader spend minutes or gigabytes)
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MAX_SCRYPT_N, MAX_SCRYPT_R, MAX_SCRYPT_P = 2**17, 8, 2  # at most 128 MiB and about 0.5 s
MAX_HEADER = 64 * 1024
MAX_PACKAGE = 4 * 1024**3  # bytes
MAX_SCORE_FILE = 64 * 1024**2  # bytes
MAX_VERSION = 2**31 - 1  # sends of one package
_CHECK_TEXT = b"reviewer package key check"


class PackagePasswordError(InvalidInput):
    """The package needs a password, or the one given is not its password."""


# -- packages ------------------------------------------------------------------------


@dataclass(frozen=True)
class PackageHeader:
    """What a package says of itself before it is decrypted."""

    package_id: str
    round_id: str
    reviewer_id: str
    needs_password: bool


@dataclass(frozen=True)
class OpenedPackage:
    """A decrypted package: its manifest and the attachments' contents by SHA-256."""

    package: ReviewerPackage
    contents: Mapping[str, bytes]

    def content(self, sha256: str) -> bytes:
        return self.contents[sha256]


def write_package(
    path: Path,
    package: ReviewerPackage,
    contents: Mapping[str, bytes],
    password: str | None,
) -> None:
    """Write ``package`` encrypted to ``path`` (replacing it whole: written beside it, then
    renamed). ``contents`` holds every attachment's content by its SHA-256; ``password``
    None makes a package anyone can open (the command line asks for that explicitly)."""
    manifest = _canonical(_package_document(package))
    order: list[str] = []
    for app in package.applications:
        for attachment in app.attachments:
            if attachment.sha256 not in order:
                order.append(attachment.sha256)
    blobs: list[bytes] = []
    for digest in order:
        blob = contents[digest]
        if sha256(blob).hexdigest() != digest:
            raise ValueError(f"the content given for {digest} has another digest")
        blobs.append(blob)
    plaintext = b"".join([struct.pack(">Q", len(manifest)), manifest, *blobs])
    if len(plaintext) + 1024 > MAX_PACKAGE:  # what no reader would open
        raise InvalidInput("package.too_large", Location(file=path.name), limit=MAX_PACKAGE)

    header: dict[str, Any] = {
        "format": FORMAT,
        "cipher": "AES-256-GCM",
        "package": package.package_id,
        "round": package.round_id,
        "reviewer": package.reviewer_id,
        "nonce": _b64(os.urandom(12)),
    }
    if password is None:
        key = AESGCM.generate_key(bit_length=256)
        header["kdf"] = None
        header["key"] = _b64(key)
    else:
        salt = os.urandom(16)
        header["kdf"] = {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P}
        header["kdf"]["salt"] = _b64(salt)
        header["key"] = None
        key = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    header["check"] = _b64(_key_check(key))
    head = _canonical(header)
    prefix = MAGIC + struct.pack(">I", len(head)) + head
    ciphertext = AESGCM(key).encrypt(base64.b64decode(header["nonce"]), plaintext, prefix)
    _write_whole(path, prefix + ciphertext)


def read_header(path: Path) -> PackageHeader:
    """The package's header, without a password (InvalidInput when ``path`` is not a
    package)."""
    try:
        with path.open("rb") as handle:
            start = handle.read(len(MAGIC) + 4 + MAX_HEADER + 16)
    except FileNotFoundError:
        raise InvalidInput("package.missing", Location(file=path.name)) from None
    except OSError as exc:
        error = exc.strerror or str(exc)
        raise InvalidInput("package.unreadable", Location(file=path.name), error=error) from None
    header, _, _ = _split(path, start)
    return PackageHeader(
        package_id=header["package"],
        round_id=header["round"],
        reviewer_id=header["reviewer"],
        needs_password=header["kdf"] is not None,
    )


def open_package(path: Path, password: str | None) -> OpenedPackage:
    """Decrypt and check the package at ``path``.

    Raises :class:`PackagePasswordError` when it needs a password and none or another
    was given, and :class:`InvalidInput` when the file is not a package, was changed or
    damaged, or is of a newer format."""
    data = _read_limited(path, MAX_PACKAGE)
    header, prefix, ciphertext = _split(path, data)
    where = Location(file=path.name)
    kdf = header["kdf"]
    if kdf is None:
        key = _unb64(path, header["key"], 32)
    else:
        if password is None or password == "":
            raise PackagePasswordError("package.password_needed", where)
        key = _scrypt(password, _unb64(path, kdf["salt"], 16), kdf["n"], kdf["r"], kdf["p"])
    if not hmac.compare_digest(_key_check(key), _unb64(path, header["check"], 16)):
        if kdf is None:
            raise InvalidInput("package.damaged", where)
        raise PackagePasswordError("package.wrong_password", where)
    try:
        plaintext = AESGCM(key).decrypt(_unb64(path, header["nonce"], 12), ciphertext, prefix)
    except InvalidTag:
        raise InvalidInput("package.damaged", where) from None
    return _unpack(path, plaintext)


def _split(path: Path, data: bytes) -> tuple[dict[str, Any], bytes, bytes]:
    where = Location(file=path.name)
    if not data.startswith(MAGIC):
        raise InvalidInput("package.not_a_package", where)
    start = len(MAGIC) + 4
    if len(data) < start:
        raise InvalidInput("package.damaged", where)
    (length,) = struct.unpack(">I", data[len(MAGIC) : start])
    if length > MAX_HEADER or len(data) < start + length + 16:
        raise InvalidInput("package.damaged", where)
    try:
        header = _strict_json(data[start : start + length])
    except ValueError:
        raise InvalidInput("package.damaged", where) from None
    if not isinstance(header, dict) or not isinstance(header.get("format"), int):
        raise InvalidInput("package.damaged", where)
    if header["format"] > FORMAT:
        raise InvalidInput("package.newer_format", where, format=header["format"])
    try:
        for name in ("package", "round", "reviewer", "nonce", "check"):
            _text(header[name])
        if header.get("cipher") != "AES-256-GCM":
            raise ValueError("cipher")
        kdf = header["kdf"]
        if kdf is None:
            _text(header["key"])
        else:
            if kdf.get("name") != "scrypt":
                raise ValueError("kdf")
            n, r, p = (_integer(kdf[k]) for k in ("n", "r", "p"))
            if not (1 < n <= MAX_SCRYPT_N and n & (n - 1) == 0 and 0 < r <= MAX_SCRYPT_R) or not (
                0 < p <= MAX_SCRYPT_P
            ):
                raise ValueError("scrypt cost")
            _text(kdf["salt"])
    except (KeyError, TypeError, ValueError, AttributeError):
        raise InvalidInput("package.damaged", where) from None
    return header, data[: start + length], data[start + length :]


def _unpack(path: Path, plaintext: bytes) -> OpenedPackage:
    where = Location(file=path.name)
    try:
        (length,) = struct.unpack(">Q", plaintext[:8])
        document = _strict_json(plaintext[8 : 8 + length])
        package = _package_from(document)
        contents: dict[str, bytes] = {}
        offset = 8 + length
        sizes: dict[str, int] = {}
        for app in package.applications:
            for attachment in app.attachments:
                if sizes.setdefault(attachment.sha256, attachment.size) != attachment.size:
                    raise ValueError("one digest, two sizes")
        for digest, size in sizes.items():
            blob = plaintext[offset : offset + size]
            offset += size
            if len(blob) != size or sha256(blob).hexdigest() != digest:
                raise ValueError("attachment content")
            contents[digest] = blob
        if offset != len(plaintext):
            raise ValueError("trailing bytes")
    except (KeyError, TypeError, ValueError, AttributeError, struct.error):
        raise InvalidInput("package.damaged", where) from None
    return OpenedPackage(package, contents)


def _package_document(package: ReviewerPackage) -> dict[str, Any]:
    return {
        "format": package.format,
        "package_id": package.package_id,
        "round_id": package.round_id,
        "round_name": package.round_name,
        "reviewer": {"id": package.reviewer_id, "name": package.reviewer_name},
        "secret": package.secret.hex(),
        "created_at": package.created_at.isoformat(),
        "comment_below": package.comment_below,
        "comment_above": package.comment_above,
        "tracks": [
            {
                "id": track.id,
                "name": track.name,
                "criteria": [
                    {
                        "id": c.id,
                        "name": c.name,
                        "weight": c.weight,
                        "min": c.min,
                        "max": c.max,
                        "grades": None if c.grades is None else dict(c.grades),
                    }
                    for c in track.criteria
                ],
            }
            for track in package.tracks
        ],
        "applications": [
            {
                "id": app.id,
                "track": app.track,
                "title": app.title,
                "company": app.company,
                "ai_category": app.ai_category,
                "field": app.field,
                "amount": app.amount,
                "attachments": [
                    {"name": a.name, "kind": a.kind, "sha256": a.sha256, "size": a.size}
                    for a in app.attachments
                ],
            }
            for app in package.applications
        ],
    }


def _package_from(document: Any) -> ReviewerPackage:
    if not isinstance(document, dict) or _integer(document["format"]) > FORMAT:
        raise ValueError("format")
    tracks = tuple(
        Track(
            id=_text(t["id"]),
            name=_text(t["name"]),
            seats=0,
            criteria=tuple(
                Criterion(
                    id=_text(c["id"]),
                    name=_text(c["name"]),
                    weight=_number(c["weight"]),
                    min=_number(c["min"]),
                    max=_number(c["max"]),
                    grades=None
                    if c["grades"] is None
                    else {_text(k): _number(v) for k, v in dict(c["grades"]).items()},
                )
                for c in t["criteria"]
            ),
        )
        for t in document["tracks"]
    )
    applications = tuple(
        PackageApplication(
            id=_text(a["id"]),
            track=_text(a["track"]),
            title=_text(a["title"]),
            company=_text(a["company"]),
            ai_category=_text(a["ai_category"]),
            field=None if a["field"] is None else _text(a["field"]),
            amount=_integer(a["amount"]),
            attachments=tuple(
                PackageAttachment(
                    name=_text(f["name"]),
                    kind=_text(f["kind"]),
                    sha256=_digest(f["sha256"]),
                    size=_integer(f["size"]),
                )
                for f in a["attachments"]
            ),
        )
        for a in document["applications"]
    )
    track_ids = {t.id for t in tracks}
    if any(app.track not in track_ids for app in applications):
        raise ValueError("an application of a track the package has no rubric for")
    reviewer = document["reviewer"]
    return ReviewerPackage(
        format=_integer(document["format"]),
        package_id=_text(document["package_id"]),
        round_id=_text(document["round_id"]),
        round_name=_text(document["round_name"]),
        reviewer_id=_text(reviewer["id"]),
        reviewer_name=_text(reviewer["name"]),
        tracks=tracks,
        applications=applications,
        secret=bytes.fromhex(_text(document["secret"])),
        created_at=datetime.fromisoformat(_text(document["created_at"])),
        comment_below=_number(document["comment_below"]),
        comment_above=_number(document["comment_above"]),
    )


# -- score files ---------------------------------------------------------------------


@dataclass(frozen=True)
class SignedScores:
    """A score file read and checked for form: its scores, and what its signature covers."""

    scores: ScoreReturn
    payload: bytes  # the canonical document without its signature
    signature: bytes
    file: str

    def verify(self, secret: bytes) -> None:
        """Raise InvalidInput unless the signature is the package secret's."""
        expected = hmac.new(secret, self.payload, hashlib.sha256).digest()
        if not hmac.compare_digest(expected, self.signature):
            raise InvalidInput("package.score.signature", Location(file=self.file))


def write_score_file(path: Path, scores: ScoreReturn, secret: bytes) -> None:
    """Write ``scores`` signed under ``secret`` to ``path`` (replacing it whole)."""
    document = _score_document(scores)
    signature = hmac.new(secret, _canonical(document), hashlib.sha256).hexdigest()
    _write_whole(path, _canonical({**document, "signature": signature}) + b"\n")


def read_score_file(path: Path) -> SignedScores:
    """Read a score file and check its form (not yet its signature: see
    :meth:`SignedScores.verify`). Raises InvalidInput naming the file."""
    where = Location(file=path.name)
    data = _read_limited(path, MAX_SCORE_FILE)
    try:
        document = _strict_json(data)
    except ValueError:
        raise InvalidInput("package.score.not_a_score_file", where) from None
    if not isinstance(document, dict) or document.get("kind") != SCORE_KIND:
        raise InvalidInput("package.score.not_a_score_file", where)
    if not isinstance(document.get("format"), int) or document["format"] > FORMAT:
        raise InvalidInput("package.newer_format", where, format=document.get("format"))
    try:
        if _canonical(document) + b"\n" != data:
            raise ValueError("not the canonical form")
        signature = bytes.fromhex(_digest(document.pop("signature")))
        scores = _scores_from(document)
        payload = _canonical(document)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise InvalidInput("package.score.changed", where) from None
    return SignedScores(scores, payload, signature, path.name)


def _score_document(scores: ScoreReturn) -> dict[str, Any]:
    return {
        "format": scores.format,
        "kind": SCORE_KIND,
        "round": scores.round_id,
        "package": scores.package_id,
        "reviewer": scores.reviewer_id,
        "version": scores.version,
        "created_at": scores.created_at.isoformat(),
        "sent_at": scores.sent_at.isoformat(),
        "entries": [
            {
                "application": entry.application_id,
                "scores": dict(entry.scores),
                "comment": entry.comment,
                "conflict": entry.conflict,
                "conflict_reason": entry.conflict_reason,
                "changed_at": None if entry.changed_at is None else entry.changed_at.isoformat(),
            }
            for entry in scores.entries
        ],
    }


def _scores_from(document: dict[str, Any]) -> ScoreReturn:
    entries: list[ScoreEntry] = []
    for entry in document["entries"]:
        values: dict[str, float | str] = {}
        for criterion, value in dict(entry["scores"]).items():
            values[_text(criterion)] = value if isinstance(value, str) else _number(value)
        conflict = entry["conflict"]
        if not isinstance(conflict, bool):
            raise ValueError("conflict")
        changed = entry["changed_at"]
        entries.append(
            ScoreEntry(
                application_id=_text(entry["application"]),
                scores=values,
                comment=_text(entry["comment"]),
                conflict=conflict,
                conflict_reason=_text(entry["conflict_reason"]),
                changed_at=None if changed is None else datetime.fromisoformat(_text(changed)),
            )
        )
    version = _integer(document["version"])
    if not 1 <= version <= MAX_VERSION:
        raise ValueError("version")
    return ScoreReturn(
        format=_integer(document["format"]),
        round_id=_text(document["round"]),
        package_id=_text(document["package"]),
        reviewer_id=_text(document["reviewer"]),
        version=version,
        created_at=datetime.fromisoformat(_text(document["created_at"])),
        sent_at=datetime.fromisoformat(_text(document["sent_at"])),
        entries=tuple(entries),
    )


# -- helpers -------------------------------------------------------------------------


def _canonical(document: Any) -> bytes:
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"not a JSON number: {name}")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {text}")
    return value


def _strict_json(data: bytes) -> Any:
    """JSON without NaN or infinities, from UTF-8 (ValueError otherwise, also for a
    document nested too deeply to read)."""
    try:
        return json.loads(
            data.decode("utf-8"), parse_constant=_reject_constant, parse_float=_finite
        )
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a text")
    return value


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not an integer")
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("not a number")
    return float(value)


def _digest(value: Any) -> str:
    """64 lowercase hex digits (a SHA-256 or an HMAC-SHA256), in exactly one spelling."""
    text = _text(value)
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        raise ValueError("not a SHA-256")
    return text


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(path: Path, text: str, length: int) -> bytes:
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError:
        raise InvalidInput("package.damaged", Location(file=path.name)) from None
    if len(data) != length:
        raise InvalidInput("package.damaged", Location(file=path.name))
    return data


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def _key_check(key: bytes) -> bytes:
    return hmac.new(key, _CHECK_TEXT, hashlib.sha256).digest()[:16]


def _read_limited(path: Path, limit: int) -> bytes:
    where = Location(file=path.name)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InvalidInput("package.missing", where) from None
    except OSError as exc:
        raise InvalidInput("package.unreadable", where, error=exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise InvalidInput("package.too_large", where, limit=limit)
    return data


def _write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` and rename it into place (never half a file)."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InvalidInput(
            "package.unwritable", Location(file=path.name), error=exc.strerror or str(exc)
        ) from None
