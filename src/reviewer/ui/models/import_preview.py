"""The tables of an import's preview: how each header was matched, the first rows as
they will be stored, and every problem with its file, sheet, row and column."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from reviewer.domain.model import Review, Reviewer
from reviewer.i18n import Lang
from reviewer.services.import_preview import ColumnMatch, ImportPreview, PreviewError
from reviewer.ui import palette
from reviewer.ui.models.applications import application_columns, yes_no
from reviewer.ui.models.table import CENTER, Column, RowTableModel, header


def status_label(status: str) -> str:
    """What became of a header, in the window's language."""
    if status == "field":
        return QCoreApplication.translate("ImportPreview", "Read")
    if status == "criterion":
        return QCoreApplication.translate("ImportPreview", "Read as a score")
    if status == "attribute":
        return QCoreApplication.translate("ImportPreview", "Kept as an extra column")
    if status == "ignored":
        return QCoreApplication.translate("ImportPreview", "Not read")
    if status == "absent":
        return QCoreApplication.translate("ImportPreview", "Not in the file")
    return status


def status_tip(status: str, kind: str) -> str:
    if status == "attribute":
        return QCoreApplication.translate(
            "ImportPreview", "An unknown column: kept with each application under its header"
        )
    if status == "ignored":
        return QCoreApplication.translate(
            "ImportPreview", "No field of this table: the column is not imported"
        )
    if status == "absent" and kind == "corrections":
        return QCoreApplication.translate(
            "ImportPreview", "The file has no such column: the stored values stay as they are"
        )
    if status == "absent" and kind == "reviewers":
        return QCoreApplication.translate(
            "ImportPreview",
            "The file has no such column: a known reviewer keeps the stored value",
        )
    if status == "absent":
        return QCoreApplication.translate(
            "ImportPreview", "The file has no such column: the field stays blank"
        )
    return ""


_STATUS_FILL = {"attribute": palette.WARNING, "ignored": palette.UNRANKED}


class MatchTable(RowTableModel[ColumnMatch]):
    """Each header of each file with the field it is read as."""

    def __init__(self, lang: Callable[[], Lang], parent: Any = None) -> None:
        self.kind = ""
        super().__init__(
            [
                Column("file", header("ImportPreview", "File"), lambda m: m.file),
                Column("sheet", header("ImportPreview", "Sheet"), lambda m: m.sheet),
                Column(
                    "header_row",
                    header("ImportPreview", "Header row"),
                    lambda m: m.header_row,
                    number=True,
                ),
                Column(
                    "column", header("ImportPreview", "Column"), lambda m: m.column, align=CENTER
                ),
                Column("header", header("ImportPreview", "Header in the file"), lambda m: m.header),
                Column("field", header("ImportPreview", "Read as"), lambda m: m.label(lang())),
                Column(
                    "status",
                    header("ImportPreview", "Outcome"),
                    lambda m: status_label(m.status),
                    tooltip=lambda m: status_tip(m.status, self.kind) or None,
                    background=lambda m: _STATUS_FILL.get(m.status),
                ),
            ],
            parent,
        )

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.kind = preview.kind if preview is not None else ""
        self.set_rows(preview.columns if preview is not None else ())


class ErrorTable(RowTableModel[PreviewError]):
    """Every problem of the files, where it is."""

    def __init__(self, lang: Callable[[], Lang], parent: Any = None) -> None:
        super().__init__(
            [
                Column("file", header("ImportPreview", "File"), lambda e: e.file),
                Column("sheet", header("ImportPreview", "Sheet"), lambda e: e.sheet),
                Column("row", header("ImportPreview", "Row"), lambda e: e.row, number=True),
                Column("column", header("ImportPreview", "Column"), lambda e: e.column),
                Column(
                    "message",
                    header("ImportPreview", "Problem"),
                    lambda e: e.message(lang()),
                    tooltip=lambda e: e.message(lang()),
                ),
            ],
            parent,
        )


def _reviewer_columns(preview: ImportPreview) -> list[Column[Any]]:
    names = dict(preview.track_names)
    columns: list[Column[Reviewer]] = [
        Column("id", header("ImportPreview", "Reviewer"), lambda r: r.id),
        Column("name", header("ImportPreview", "Name"), lambda r: r.name),
        Column("affiliation", header("ImportPreview", "Affiliation"), lambda r: r.affiliation),
        Column(
            "tracks",
            header("ImportPreview", "Tracks"),
            lambda r: ", ".join(names.get(t, t) for t in r.tracks),
        ),
        Column("email", header("ImportPreview", "E-mail"), lambda r: r.email),
    ]
    return list(columns)


def _review_columns(preview: ImportPreview) -> list[Column[Any]]:
    columns: list[Column[Review]] = [
        Column("application", header("ImportPreview", "Application"), lambda r: r.application_id),
        Column("reviewer", header("ImportPreview", "Reviewer"), lambda r: r.reviewer_id),
    ]
    for criterion_id, name in preview.criteria:
        columns.append(
            Column(
                f"criterion:{criterion_id}",
                lambda n=name: n,  # type: ignore[misc]
                lambda r, c=criterion_id: r.scores.get(c),  # type: ignore[misc]
                display=lambda r, c=criterion_id: _score(r.scores.get(c)),  # type: ignore[misc]
                number=True,
            )
        )
    columns += [
        Column(
            "conflict",
            header("ImportPreview", "Conflict"),
            lambda r: r.conflict,
            display=lambda r: yes_no(True) if r.conflict else "",
            align=CENTER,
        ),
        Column(
            "comment", header("ImportPreview", "Comment"), lambda r: r.comment or r.conflict_reason
        ),
    ]
    return list(columns)


def _score(value: float | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _application_columns(preview: ImportPreview) -> list[Column[Any]]:
    attributes: list[str] = []
    for row in preview.rows:
        for name in row.attributes:
            if name not in attributes:
                attributes.append(name)
    columns = application_columns(dict(preview.track_names), {}, attributes)
    return [c for c in columns if c.key != "reviews"]


class PreviewRows(RowTableModel[Any]):
    """The first rows of the preview as they will be stored; its columns follow the kind."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([], parent)

    def set_preview(self, preview: ImportPreview | None) -> None:
        if preview is None:
            self.replace([], [])
            return
        if preview.kind == "reviewers":
            columns = _reviewer_columns(preview)
        elif preview.kind == "scores":
            columns = _review_columns(preview)
        else:
            columns = _application_columns(preview)
        self.replace(columns, preview.rows)
