"""Checking an import's files before anything is written: a preview, then the import.

``preview_import`` reads the files exactly as the import does (the same readers, against
the same round data) and reports what it found: how each file's headers were matched to
fields, the first rows as they will be stored, and every problem with its file, sheet,
row and column in both languages. ``confirm_import`` imports a preview's files, refusing
when the preview found problems or when a file changed after it; the import validates
the files whole again, so nothing the round refuses is written either way.
``guess_kind`` tells from a file's headers whether it holds applications, reviewers or
scores.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.domain.config import RoundConfig
from reviewer.errors import ErrorList, InvalidInput, InvalidInputs, Location
from reviewer.exchange.importers import applications as application_files
from reviewer.exchange.importers import reviewers as reviewer_files
from reviewer.exchange.importers import scores as score_files
from reviewer.exchange.importers.scores_wide import CRITERION
from reviewer.exchange.tables.reader import Reading, TableMatch, file_labels, read_table
from reviewer.hashing import sha256
from reviewer.i18n import LANGS, Lang, render
from reviewer.services import importing
from reviewer.services.importing import ImportSummary
from reviewer.store import repository
from reviewer.store.engine import Database

KINDS = ("applications", "corrections", "reviewers", "scores")
PREVIEW_ROWS = 100  # rows of a preview kept as they will be stored

_READERS: dict[str, Callable[[Any, Sequence[Path]], Reading[Any]]] = {
    "applications": importing.read_applications,
    "corrections": importing.read_corrections,
    "reviewers": importing.read_reviewers,
    "scores": importing.read_scores,
}
_IMPORTS: dict[str, Callable[[Database, Sequence[Path]], ImportSummary]] = {
    "applications": importing.import_applications,
    "corrections": importing.correct_applications,
    "reviewers": importing.import_reviewers,
    "scores": importing.import_scores,
}
_FIELD_PREFIX = {
    "applications": "application",
    "corrections": "application",
    "reviewers": "reviewer",
    "scores": "score",
}


@dataclass(frozen=True)
class FileStamp:
    """A file as it was read: its size and the SHA-256 of its bytes (None: unreadable)."""

    path: str
    size: int | None
    digest: str | None

    @classmethod
    def of(cls, path: Path) -> FileStamp:
        try:
            data = path.read_bytes()
        except OSError:
            return cls(str(path), None, None)
        return cls(str(path), len(data), sha256(data).hexdigest())


@dataclass(frozen=True)
class PreviewError:
    """One problem of the files, where it is, and its message in each language."""

    file: str
    sheet: str
    row: int | None
    column: str
    messages: tuple[str, str]  # Korean, English

    def message(self, lang: Lang) -> str:
        return self.messages[LANGS.index(lang)]


@dataclass(frozen=True)
class ColumnMatch:
    """How one header of a file was read. ``status``: ``field`` (a field of the table),
    ``criterion`` (a criterion's score), ``attribute`` (an unknown column kept with the
    application), ``ignored``, or ``absent`` (a field the file has no column for:
    ``header`` is then blank)."""

    file: str
    sheet: str
    header_row: int
    column: str  # the column's letter, as Excel shows it
    header: str
    field: str | None
    labels: tuple[str, str]  # the field's name, Korean and English
    status: str

    def label(self, lang: Lang) -> str:
        return self.labels[LANGS.index(lang)]


@dataclass(frozen=True)
class ImportPreview:
    """What importing ``paths`` as ``kind`` would do; importable when ``errors`` is empty."""

    kind: str
    paths: tuple[str, ...]
    files: tuple[str, ...]  # each file's name in messages
    columns: tuple[ColumnMatch, ...]
    rows: tuple[Any, ...]  # the first rows read, as domain objects
    row_count: int  # every row read without a problem
    errors: tuple[PreviewError, ...]
    stamps: tuple[FileStamp, ...]
    criteria: tuple[tuple[str, str], ...] = ()  # (id, name) of the round's criteria
    track_names: tuple[tuple[str, str], ...] = ()  # (id, name) of the round's tracks

    @property
    def importable(self) -> bool:
        return not self.errors and self.row_count > 0


def column_letter(index: int) -> str:
    """Excel's name of the column ``index`` (0 → A, 26 → AA)."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def preview_errors(error: InvalidInput) -> tuple[PreviewError, ...]:
    """The problems of ``error`` (one, or every one of ``InvalidInputs``), located."""
    found = error.errors if isinstance(error, InvalidInputs) else [error]
    return tuple(_preview_error(e) for e in found)


def _preview_error(error: InvalidInput) -> PreviewError:
    where = error.location or Location()
    messages = tuple(render(error.key, lang, **error.params) for lang in LANGS)
    return PreviewError(
        where.file or "",
        where.sheet or "",
        where.row,
        where.column or "",
        (messages[0], messages[1]),
    )


def preview_import(
    database: Database, kind: str, paths: Sequence[Path | str], *, limit: int = PREVIEW_ROWS
) -> ImportPreview:
    """Read ``paths`` as an import of ``kind`` (one of :data:`KINDS`) would, and write
    nothing."""
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}")
    files = [Path(p) for p in paths]
    stamps = tuple(FileStamp.of(p) for p in files)
    labels = tuple(file_labels(files)) if files else ()
    with database.session() as session:
        config = repository.load_config(session)
        try:
            importing.check_files(files)
        except InvalidInput as exc:
            return ImportPreview(
                kind, tuple(map(str, files)), labels, (), (), 0, preview_errors(exc), stamps
            )
        reading = _READERS[kind](session, files)
    errors = tuple(_preview_error(e) for e in reading.errors.errors)
    columns = tuple(
        match for table in reading.tables for match in _column_matches(kind, table, config)
    )
    return ImportPreview(
        kind,
        tuple(map(str, files)),
        labels,
        columns,
        tuple(reading.rows[:limit]),
        len(reading.rows),
        errors,
        stamps,
        criteria=_criteria(config),
        track_names=tuple((t.id, t.name) for t in config.tracks),
    )


def changed_files(preview: ImportPreview) -> list[str]:
    """The files of ``preview`` (as named in messages) that changed after it was read."""
    return [
        label
        for stamp, label in zip(preview.stamps, preview.files, strict=True)
        if FileStamp.of(Path(stamp.path)) != stamp
    ]


def confirm_import(database: Database, preview: ImportPreview) -> ImportSummary:
    """Import the files of ``preview``: refused when it found problems or a file changed
    after it; the import reads and validates the files whole again."""
    if preview.errors:
        raise InvalidInput("import.preview_has_errors")
    changed = changed_files(preview)
    if changed:
        raise InvalidInput("import.files_changed", files=", ".join(changed))
    return _IMPORTS[preview.kind](database, [Path(p) for p in preview.paths])


def guess_kind(paths: Sequence[Path | str]) -> str | None:
    """``applications``, ``reviewers``, ``scores`` or ``corrections`` (applications'
    ids with some of their columns) when every file's headers are those of that table;
    None when they are not, disagree, or a file cannot be read."""
    kinds = {_kind_of(Path(path)) for path in paths}
    if len(kinds) != 1:
        return None
    return kinds.pop()


def _kind_of(path: Path) -> str | None:
    # scores first: a score sheet may also have a reviewer's name beside the ids; a
    # correction needs only the id column, so it comes last
    for kind, spec in (
        ("scores", score_files.SPEC),
        ("applications", application_files.SPEC),
        ("reviewers", reviewer_files.SPEC),
        ("corrections", application_files.UPDATE_SPEC),
    ):
        errors = ErrorList()
        if read_table(path, spec, errors) is not None and not errors:
            return kind
    return None


def _criteria(config: RoundConfig) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {c.id: c.name for c in config.criteria}
    for track in config.tracks:
        for criterion in track.criteria:
            found.setdefault(criterion.id, criterion.name)
    return tuple(found.items())


def _column_matches(kind: str, table: TableMatch, config: RoundConfig) -> list[ColumnMatch]:
    prefix = _FIELD_PREFIX[kind]
    names = dict(_criteria(config))
    sheet = table.sheet or ""
    matches: list[ColumnMatch] = []

    def both(key: str, **params: object) -> tuple[str, str]:
        return (render(key, "ko", **params), render(key, "en", **params))

    for header in table.headers:
        field = header.field
        if field is None:
            status, labels = "ignored", ("", "")
        elif field == application_files.ATTRIBUTE:
            status, labels = "attribute", both("field.attribute", header=header.header)
        elif field.startswith(CRITERION):
            criterion = field[len(CRITERION) :]
            name = names.get(criterion, criterion)
            shown = criterion if name == criterion else f"{name} ({criterion})"
            status, labels = "criterion", both("field.score.criterion_column", criterion=shown)
        else:
            status, labels = "field", both(f"field.{prefix}.{field}")
        matches.append(
            ColumnMatch(
                table.file,
                sheet,
                table.header_row,
                column_letter(header.column),
                header.header,
                field,
                labels,
                status,
            )
        )
    if kind != "scores":  # a score file's layout decides which of its fields it needs
        for field in table.absent:
            matches.append(
                ColumnMatch(
                    table.file,
                    sheet,
                    table.header_row,
                    "",
                    "",
                    field,
                    both(f"field.{prefix}.{field}"),
                    "absent",
                )
            )
    return matches
