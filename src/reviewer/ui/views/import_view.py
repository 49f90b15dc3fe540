"""Importing applications, reviewers and scores: the files are checked first, and the
preview shows how each header was matched, the first rows as they will be stored and
every problem with its place. Nothing is written until the user presses Import, which
is refused while the preview has problems or the round is locked."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import InvalidInput
from reviewer.services import import_preview
from reviewer.services.import_preview import ImportPreview
from reviewer.services.importing import ImportSummary
from reviewer.ui import palette
from reviewer.ui.models.import_preview import ErrorTable, MatchTable, PreviewRows
from reviewer.ui.models.table import RowFilter
from reviewer.ui.round_session import RoundSession, error_text
from reviewer.ui.views.base import View
from reviewer.ui.views.widgets import data_table

TABLES = ("applications", "reviewers", "scores")  # what the files may hold, as chosen

_BANNER = "QLabel#importBanner {{ background: {fill}; color: {ink}; padding: 8px 10px; }}"


class ImportView(View):
    key = "import"
    attachments_requested = Signal()  # the chair asks to import a folder of attachments

    def __init__(self, session: RoundSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.paths: list[Path] = []
        self.preview: ImportPreview | None = None
        self.summary: ImportSummary | None = None
        self.notice: BaseException | None = None  # why the last import was not made
        self.checking = False
        self.importing = False
        self.asking = False  # the kind of the files could not be told: the user chooses
        self.locked = False
        self.file_dialog: QFileDialog | None = None
        self._generation = 0

        self.kind_label = QLabel()
        self.kind = QComboBox()
        for _ in TABLES:
            self.kind.addItem("")
        self.kind.activated.connect(self._kind_chosen)
        self.correcting = QCheckBox()
        self.correcting.toggled.connect(self._mode_changed)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(lambda: self.choose_files())
        self.attachments_button = QPushButton()
        self.attachments_button.setObjectName("importAttachments")
        self.attachments_button.clicked.connect(self.attachments_requested.emit)
        self.files_label = QLabel()
        self.files_label.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setObjectName("importBanner")
        self.banner.setWordWrap(True)

        lang = session.lang
        self.errors = ErrorTable(lang, self)
        self.error_proxy = RowFilter(self)
        self.error_proxy.setSourceModel(self.errors)
        self.error_table = data_table(self.error_proxy)
        self.matches = MatchTable(lang, self)
        self.match_proxy = RowFilter(self)
        self.match_proxy.setSourceModel(self.matches)
        self.match_table = data_table(self.match_proxy)
        self.rows = PreviewRows(self)
        self.row_proxy = RowFilter(self)
        self.row_proxy.setSourceModel(self.rows)
        self.row_table = data_table(self.row_proxy)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.error_table, "")
        self.tabs.addTab(self.match_table, "")
        self.tabs.addTab(self.row_table, "")

        self.recheck_button = QPushButton()
        self.recheck_button.clicked.connect(self.check)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_files)
        self.import_button = QPushButton()
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.confirm)

        top = QHBoxLayout()
        top.addWidget(self.kind_label)
        top.addWidget(self.kind)
        top.addWidget(self.correcting)
        top.addStretch(1)
        top.addWidget(self.choose_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.recheck_button)
        bottom.addWidget(self.clear_button)
        bottom.addWidget(self.attachments_button)
        bottom.addStretch(1)
        bottom.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.files_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.retranslate()

    # -- texts ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Import")

    def retranslate(self) -> None:
        self.kind_label.setText(self.tr("The files hold:"))
        self.kind.setItemText(0, self.tr("Applications"))
        self.kind.setItemText(1, self.tr("Reviewers"))
        self.kind.setItemText(2, self.tr("Scores"))
        self.kind.setPlaceholderText(self.tr("Choose…"))
        self.correcting.setText(self.tr("Correct existing applications"))
        self.correcting.setToolTip(
            self.tr(
                "Each row names an application already in the round: the columns the file "
                "has replace the stored values, and every change is recorded in the audit log"
            )
        )
        self.choose_button.setText(self.tr("Choose files…"))
        self.attachments_button.setText(self.tr("Attachments folder…"))
        self.attachments_button.setToolTip(
            self.tr(
                "Import a folder of proposal PDFs and other files, matched to applications "
                "by the application id in their names (Ctrl+Shift+T)"
            )
        )
        self.recheck_button.setText(self.tr("Check again"))
        self.recheck_button.setToolTip(self.tr("Read the files again (after correcting them)"))
        self.clear_button.setText(self.tr("Clear"))
        self.import_button.setText(self.tr("Import"))
        for model in (self.errors, self.matches, self.rows):
            model.retranslate()
        self._update()

    # -- choosing the files -------------------------------------------------------------------

    def choose_files(self, kind: str | None = None) -> None:
        """Ask for the files to import in a window-modal dialog; they are imported as
        ``kind`` when given, else as their headers tell."""
        dialog = QFileDialog(self, self.tr("Choose the files to import"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(
            [self.tr("Workbooks (*.xlsx *.xlsm *.csv)"), self.tr("All files (*)")]
        )
        dialog.filesSelected.connect(lambda files: self.set_files(files, kind))
        dialog.open()
        self.file_dialog = dialog

    def set_files(self, paths: Sequence[str | Path], kind: str | None = None) -> None:
        """Check ``paths`` as an import of ``kind``; without one, tell it from the files'
        headers, and ask when they do not tell. Refused while an import runs (its files
        would be forgotten when it ends)."""
        if self.importing:
            return
        self.paths = [Path(p) for p in paths]
        self.preview = None
        self.summary = None
        self.notice = None
        self.asking = False
        self._stale = False  # what load() would do is done here
        self.rows.set_preview(None)
        self.matches.set_preview(None)
        self.errors.set_rows([])
        if not self.paths:
            self._update()
            return
        if kind is not None:
            self._set_kind(kind)
            self.check()
            return
        self.checking = True
        self._generation += 1
        generation = self._generation
        files = list(self.paths)
        self._update()
        handle = self.session.read(
            "import-guess",
            lambda r: import_preview.guess_kind(files),
            lambda guessed: self._guessed(generation, guessed),
            on_error=lambda error: self._failed(generation, error),
        )
        if handle is None:
            self.checking = False
            self._update()

    def _guessed(self, generation: int, kind: str | None) -> None:
        if generation != self._generation:
            return
        self.checking = False
        if kind is None:
            self.asking = True
            self.kind.setCurrentIndex(-1)
            self._update()
            self.loaded_with()
            return
        self._set_kind(kind)
        self.check()

    def _set_kind(self, kind: str) -> None:
        """Show ``kind`` as chosen (the caller checks the files): the correction mode is
        ticked for corrections and only then."""
        kind_blocked = self.kind.blockSignals(True)
        mode_blocked = self.correcting.blockSignals(True)
        self.kind.setCurrentIndex(TABLES.index("applications" if kind == "corrections" else kind))
        self.correcting.setChecked(kind == "corrections")
        self.kind.blockSignals(kind_blocked)
        self.correcting.blockSignals(mode_blocked)

    def chosen_kind(self) -> str | None:
        """What the files are imported as (``corrections`` in the correction mode)."""
        index = self.kind.currentIndex()
        if index < 0:
            return None
        kind = TABLES[index]
        if kind == "applications" and self.correcting.isChecked():
            return "corrections"
        return kind

    def _kind_chosen(self, _index: int) -> None:
        self.asking = False
        if self.paths:
            self.check()
        else:
            self._update()

    def _mode_changed(self, _checked: bool) -> None:
        if self.paths and self.chosen_kind() in ("applications", "corrections"):
            self.check()
        else:
            self._update()

    def clear_files(self) -> None:
        self.set_files([])

    # -- the preview ----------------------------------------------------------------------------

    def load(self) -> None:
        """The round changed: files waiting to be imported are checked again."""
        if self.paths and self.chosen_kind() is not None:
            self.check()
        else:
            self._update()
            self.loaded_with()

    def check(self) -> None:
        """Read the files as the import would, in the background, and show the preview."""
        kind = self.chosen_kind()
        if not self.paths or kind is None:
            self._update()
            return
        self.checking = True
        self.summary = None
        self._generation += 1
        generation = self._generation
        files = list(self.paths)
        self._update()
        handle = self.session.read(
            "import-preview",
            lambda r: import_preview.preview_import(r.database, kind, files),
            lambda preview: self._show_preview(generation, preview),
            on_error=lambda error: self._failed(generation, error),
        )
        if handle is None:
            self.checking = False
            self._update()

    def _show_preview(self, generation: int, preview: ImportPreview) -> None:
        if generation != self._generation:
            return
        self.checking = False
        self.preview = preview
        self.errors.set_rows(preview.errors)
        self.matches.set_preview(preview)
        self.rows.set_preview(preview)
        self.tabs.setCurrentIndex(0 if preview.errors else 2)
        self._update()
        self.loaded_with()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.checking = False
        self.notice = error
        self._update()
        self.loaded_with()

    # -- importing --------------------------------------------------------------------------------

    def confirm(self) -> None:
        """Import the previewed files: read and validated again in the background, and
        refused when they changed after the preview."""
        preview = self.preview
        if preview is None or not self.import_button.isEnabled():
            return
        self.importing = True
        self.notice = None
        self._update()
        handle = self.session.change(
            "import",
            lambda r, control: import_preview.confirm_import(r.database, preview),
            self._imported,
            on_error=self._import_failed,
        )
        if handle is None:
            self.importing = False
            self._update()

    def _imported(self, summary: ImportSummary) -> None:
        self.importing = False
        self.set_files([])
        self.summary = summary
        self._update()

    def _import_failed(self, error: BaseException) -> None:
        self.importing = False
        self.notice = error
        if isinstance(error, InvalidInput) and self.paths:
            self.check()  # show what the files hold now
        self._update()

    # -- state ----------------------------------------------------------------------------------

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        self._update()

    def clear(self) -> None:
        super().clear()
        self.paths = []
        self.preview = None
        self.summary = None
        self.notice = None
        self.asking = False
        self.checking = self.importing = False
        self._generation += 1
        self.errors.set_rows([])
        self.matches.set_preview(None)
        self.rows.set_preview(None)
        self._update()

    def import_refusal(self) -> str:
        """Why Import cannot be pressed now; empty when it can."""
        preview = self.preview
        if self.locked:
            return self.tr("The round is locked: unlock it to import")
        if not self.paths:
            return self.tr("Choose the files to import first")
        if self.chosen_kind() is None:
            return self.tr("Choose what the files hold first")
        if self.importing:
            return self.tr("Importing…")
        if self.checking or preview is None:
            return self.tr("The files are being checked")
        if preview.errors:
            return self.tr("Problems found: {count}. Correct the files and check again").format(
                count=len(preview.errors)
            )
        if preview.row_count == 0:
            return self.tr("The files hold no rows to import")
        return ""

    def _update(self) -> None:
        refusal = self.import_refusal()
        self.import_button.setEnabled(not refusal)
        self.import_button.setToolTip(
            refusal
            or self.tr("Write the checked rows ({count}) to the round").format(
                count=self.preview.row_count if self.preview else 0
            )
        )
        idle = not (self.checking or self.importing)
        self.kind.setEnabled(idle)
        self.correcting.setEnabled(idle and self.kind.currentIndex() == 0)
        self.choose_button.setEnabled(idle)
        self.attachments_button.setEnabled(idle and not self.locked)
        self.recheck_button.setEnabled(idle and bool(self.paths) and self.chosen_kind() is not None)
        self.clear_button.setEnabled(idle and bool(self.paths))
        self._show_files()
        self._show_banner()
        self._show_tab_titles()

    def _show_files(self) -> None:
        if not self.paths:
            self.files_label.setText(
                self.tr(
                    "Choose files, or drop workbooks (.xlsx, .csv) on the window. Nothing is "
                    "written to the round until you press Import."
                )
            )
            self.files_label.setToolTip("")
            return
        names = self.preview.files if self.preview else tuple(p.name for p in self.paths)
        self.files_label.setText(self.tr("Files: {files}").format(files=", ".join(names)))
        self.files_label.setToolTip("\n".join(str(p) for p in self.paths))

    def _banner(self, text: str, fill: str) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(_BANNER.format(fill=fill, ink=palette.INK))
        self.banner.setVisible(bool(text))

    def _show_banner(self) -> None:
        lang = self.session.lang()
        preview = self.preview
        locked = self.tr(
            "The round is locked: files can be checked, but nothing is imported until it is "
            "unlocked."
        )
        if self.importing:
            self._banner(self.tr("Importing…"), palette.LOCKED)
        elif self.summary is not None:
            self._banner(self.summary.message(lang), palette.SELECTED)
        elif self.checking:
            self._banner(self.tr("Checking the files…"), palette.LOCKED)
        elif self.notice is not None and preview is None:
            self._banner(error_text(self.notice, lang), palette.CUTOFF_FILL)
        elif self.asking:
            self._banner(
                self.tr(
                    "The headers do not tell what these files hold: choose applications, "
                    "reviewers or scores above."
                ),
                palette.WARNING,
            )
        elif preview is None:
            self._banner(locked if self.locked else "", palette.LOCKED)
        else:
            lines = []
            if self.notice is not None:
                lines.append(
                    self.tr("Nothing was imported: {reason}").format(
                        reason=error_text(self.notice, lang)
                    )
                )
            if preview.errors:
                lines.append(
                    self.tr(
                        "Problems found: {count}. Correct the files and check again; nothing "
                        "can be imported until then. Rows read without a problem: {rows}."
                    ).format(count=len(preview.errors), rows=preview.row_count)
                )
                fill = palette.CUTOFF_FILL
            elif preview.row_count == 0:
                lines.append(self.tr("The files hold no rows to import."))
                fill = palette.WARNING
            else:
                lines.append(
                    self.tr(
                        "Rows checked: {rows}, and no problems found. Nothing is written to "
                        "the round until you press Import."
                    ).format(rows=preview.row_count)
                )
                fill = palette.CUTOFF_FILL if self.notice is not None else palette.SELECTED
            if self.locked:
                lines.append(locked)
            self._banner("\n".join(lines), fill)

    def _show_tab_titles(self) -> None:
        preview = self.preview
        errors = len(preview.errors) if preview else 0
        columns = len(preview.columns) if preview else 0
        shown = len(preview.rows) if preview else 0
        total = preview.row_count if preview else 0
        self.tabs.setTabText(0, self.tr("Problems ({count})").format(count=errors))
        self.tabs.setTabText(1, self.tr("Columns ({count})").format(count=columns))
        if shown < total:
            rows = self.tr("Rows (first {shown} of {total})").format(shown=shown, total=total)
        else:
            rows = self.tr("Rows ({count})").format(count=total)
        self.tabs.setTabText(2, rows)

    def table(self, name: str) -> QTableView:
        """The table ``errors``, ``columns`` or ``rows`` (for tests and screenshots)."""
        return {"errors": self.error_table, "columns": self.match_table, "rows": self.row_table}[
            name
        ]
