"""The rules of attachment files: which files are taken, which application a file
belongs to, what kind it is, and whether its content is what its name says.

**Which application.** An application id *occurs* in a name when it appears there
(letters compared case-insensitively) with no ASCII letter or digit right before or right
after it: ``2025-0001`` occurs in ``2025-0001_사업계획서.pdf``, ``[2025-0001] 계획.pdf`` and
``사업계획서2025-0001.pdf``, not in ``2025-00012.pdf`` or ``X2025-0001.pdf``. The file
belongs to the longest id that occurs in its name: an occurrence inside a longer one
does not count, so ``2025-0001-A_계획서.pdf`` is ``2025-0001-A``'s when both ids exist.
When the occurrences left name more than one application (``2025-0001_2025-0002.pdf``)
the name is *ambiguous* and the file is refused. A name in which no id occurs is looked up in
its folders' names, the nearest folder first (``2025-0001/계획서.pdf``), up to the folder
being imported.

**Kind.** A PDF is the application's ``proposal`` when its name holds nothing but the
application id, separators and words that mean the proposal itself (사업계획서, 계획서,
제안서, 신청서, proposal); every other file is ``other``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

#: The largest file imported (bytes): 200 MB.
MAX_SIZE = 200 * 1024 * 1024

PROPOSAL = "proposal"
OTHER = "other"

#: Accepted extensions (lower case, without the dot) → the signatures a file of that
#: type starts with.
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
SIGNATURES: Mapping[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "hwp": (*_OLE, b"HWP Document File"),
    "hwpx": _ZIP,
    "docx": _ZIP,
    "xlsx": _ZIP,
    "pptx": _ZIP,
    "zip": _ZIP,
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "bmp": (b"BM",),
    "tif": (b"II*\x00", b"MM\x00*"),
    "tiff": (b"II*\x00", b"MM\x00*"),
    "webp": (b"RIFF",),
}
#: How many bytes of a file decide its signature.
HEAD = 16

_PROPOSAL_WORDS = re.compile(r"사업\s*계획서|계획서|제안서|신청서|proposal", re.IGNORECASE)
_WORDLIKE = re.compile(r"[^\W_]", re.UNICODE)  # a letter or digit of any script


def _alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def extension(name: str) -> str:
    """The name's extension, lower case, without the dot ("" when it has none)."""
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def accepted(name: str) -> bool:
    return extension(name) in SIGNATURES


def signature_ok(ext: str, head: bytes) -> bool:
    """Whether ``head`` (the first bytes of a file) is what a file of ``ext`` starts with."""
    signatures = SIGNATURES.get(ext, ())
    if ext == "webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    return any(head.startswith(s) for s in signatures)


@dataclass(frozen=True)
class IdIndex:
    """The round's application ids, looked up by their case-folded text."""

    by_key: Mapping[str, str]
    lengths: frozenset[int]

    @classmethod
    def of(cls, ids: Iterable[str]) -> IdIndex:
        by_key = {_key(i): i for i in ids}
        return cls(by_key, frozenset(len(k) for k in by_key))


@dataclass(frozen=True)
class NameMatch:
    """The ids occurring in a name, those inside a longer occurrence left out:
    ``best`` holds one id unless the name is ambiguous."""

    best: tuple[str, ...]

    @property
    def application_id(self) -> str | None:
        return self.best[0] if len(self.best) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.best) > 1


def _key(text: str) -> str:
    """``text`` for comparing names: composed Hangul (a name from macOS comes decomposed),
    case folded where that keeps every character in its place."""
    text = unicodedata.normalize("NFC", text)
    return "".join(c.casefold() if len(c.casefold()) == 1 else c for c in text)


def ids_in(name: str, index: IdIndex) -> NameMatch:
    """The application ids occurring in ``name`` (see the module's rule): every
    occurrence inside a longer one is passed over; the ids of the rest, in order."""
    text = _key(name)
    starts = [i for i in range(len(text)) if i == 0 or not _alnum(text[i - 1])]
    ends = {j for j in range(1, len(text) + 1) if j == len(text) or not _alnum(text[j])}
    spans: list[tuple[int, int, str]] = []
    for start in starts:
        for length in index.lengths:
            end = start + length
            if end in ends and text[start:end] in index.by_key:
                spans.append((start, end, index.by_key[text[start:end]]))
    outer = {
        found
        for start, end, found in spans
        if not any(s <= start and end <= e and e - s > end - start for s, e, _ in spans)
    }
    return NameMatch(tuple(sorted(outer)))


def match_path(parts: Sequence[str], index: IdIndex) -> NameMatch:
    """The application of a file at ``parts`` (folders below the imported folder, then
    the file name): its name decides; else the nearest folder in which an id occurs."""
    for part in reversed(parts):
        match = ids_in(part, index)
        if match.best:
            return match
    return NameMatch(())


def kind_of(name: str, application_id: str) -> str:
    """``proposal`` for a PDF whose name holds only the id, separators and proposal
    words; ``other`` for every other file."""
    if extension(name) != "pdf":
        return OTHER
    stem = unicodedata.normalize("NFC", name)[: -len(".pdf")]
    folded = _key(stem)
    key = _key(application_id)
    position = folded.find(key)
    rest = stem if position < 0 else stem[:position] + " " + stem[position + len(key) :]
    rest = _PROPOSAL_WORDS.sub(" ", rest)
    return OTHER if _WORDLIKE.search(rest) else PROPOSAL
