"""The reviews matrix: applications × reviewers with each reviewer's total, conflicts and
missing reviews marked, and robust outliers highlighted; a track and a reviewer to
choose; the chosen cell's criterion scores and comment below the table, with the
buttons that ask for a score correction or a conflict."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.robust import OUTLIER_MIN_POINTS, ROBUST_Z_THRESHOLD
from reviewer.services import review_matrix
from reviewer.services.review_matrix import CellDetail, Mark, ReviewMatrix
from reviewer.ui import palette
from reviewer.ui.models.reviews import (
    CONFLICT_FILL,
    MISSING_FILL,
    OUTLIER_FILL,
    CriterionTable,
    MatrixFilter,
    MatrixTable,
    conflict_text,
    missing_text,
    reviewer_key,
    reviewer_of,
)
from reviewer.ui.models.table import ROW_ROLE
from reviewer.ui.round_session import RoundSession
from reviewer.ui.views.base import View
from reviewer.ui.views.filters import FilterBar
from reviewer.ui.views.widgets import data_table

TITLE_WIDTH = 170
TRACK_WIDTH = 150


class ReviewsView(View):
    key = "reviews"
    correction_requested = Signal(str, str)  # application id, reviewer id
    conflict_requested = Signal(str, str)  # application id, reviewer id

    def __init__(self, session: RoundSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.whole: ReviewMatrix | None = None  # the round's matrix, as read
        self.matrix: ReviewMatrix | None = None  # the part shown
        self.detail: CellDetail | None = None
        self._locked = False
        self._fitted: tuple[str, ...] = ()  # the columns last sized

        self.track_label = QLabel()
        self.track_filter = QComboBox()
        self.track_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.track_filter.currentIndexChanged.connect(self._track_changed)
        self.reviewer_label = QLabel()
        self.reviewer_filter = QComboBox()
        self.reviewer_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reviewer_filter.currentIndexChanged.connect(self._reviewer_changed)
        self.outliers_only = QCheckBox()
        self.outliers_only.toggled.connect(self._outliers_toggled)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setWordWrap(True)

        self.model = MatrixTable(self)
        self.proxy = MatrixFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = data_table(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.proxy.modelReset.connect(self._narrow_text_columns)  # after the table's fit
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.filters = FilterBar(self.model, self.proxy, self.table)
        self.filters.changed.connect(self._show_summary)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.criteria = CriterionTable(self)
        self.criteria_table = data_table(self.criteria, sortable=False, stretch=0)
        self.comment_label = QLabel()
        self.comment = QLabel()
        self.comment.setWordWrap(True)
        self.comment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.comment.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.comment.setStyleSheet(
            f"background: white; border: 1px solid {palette.LOCKED}; padding: 6px;"
        )
        self.correct_button = QPushButton()
        self.correct_button.clicked.connect(self.request_correction)
        self.conflict_button = QPushButton()
        self.conflict_button.clicked.connect(self.request_conflict)
        self.detail_box = QGroupBox()
        about = QVBoxLayout()
        about.addWidget(self.heading)
        about.addWidget(self.verdict)
        about.addWidget(self.comment_label)
        about.addWidget(self.comment, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.conflict_button)
        buttons.addStretch(1)
        about.addLayout(buttons)
        detail_layout = QHBoxLayout(self.detail_box)
        detail_layout.addLayout(about, 1)
        detail_layout.addWidget(self.criteria_table, 1)

        choices = QHBoxLayout()
        choices.addWidget(self.track_label)
        choices.addWidget(self.track_filter)
        choices.addSpacing(12)
        choices.addWidget(self.reviewer_label)
        choices.addWidget(self.reviewer_filter)
        choices.addSpacing(12)
        choices.addWidget(self.outliers_only)
        choices.addStretch(1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(choices)
        top_layout.addWidget(self.filters)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.legend)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.detail_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([540, 250])
        QVBoxLayout(self).addWidget(splitter)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Reviews")

    def retranslate(self) -> None:
        self.track_label.setText(self.tr("Track"))
        self.reviewer_label.setText(self.tr("Reviewer"))
        self.outliers_only.setText(self.tr("Outliers only"))
        self.outliers_only.setToolTip(self.tr("Show only the applications with an outlier"))
        if self.track_filter.count():
            self.track_filter.setItemText(0, self.tr("All tracks"))
        if self.reviewer_filter.count():
            self.reviewer_filter.setItemText(0, self.tr("All reviewers"))
        self.filters.retranslate()
        self.filters.set_placeholder(self.tr("Search id, title or company"))
        self.detail_box.setTitle(self.tr("Review"))
        self.comment_label.setText(self.tr("Comment"))
        self.correct_button.setText(self.tr("Correct score…"))
        self.conflict_button.setText(self.tr("Mark conflict…"))
        self.legend.setText(
            self.tr(
                "<span style='background:{outlier}'>&nbsp;▼ 52.00&nbsp;</span> outlier "
                "(▼ below, ▲ above the median) · "
                "<span style='background:{conflict}'>&nbsp;{coi}&nbsp;</span> conflict of "
                "interest, not counted · "
                "<span style='background:{missing}'>&nbsp;{missing_text}&nbsp;</span> "
                "assigned, no scores · blank: not assigned"
            ).format(
                outlier=OUTLIER_FILL,
                conflict=CONFLICT_FILL,
                missing=MISSING_FILL,
                coi=escape(conflict_text()),
                missing_text=escape(missing_text()),
            )
        )
        self.model.retranslate()
        self.criteria.retranslate()
        self._show_summary()
        self._show_detail()

    # -- data ----------------------------------------------------------------------------

    def load(self) -> None:
        self.session.read(
            "reviews", lambda r: review_matrix.review_matrix(r.database), self.show_matrix
        )

    def show_matrix(self, whole: ReviewMatrix) -> None:
        """Show the round's matrix, keeping the track, reviewer and cell chosen."""
        chosen = self._chosen()
        first = self.whole is None
        self.whole = whole
        track = str(self.track_filter.currentData() or "")
        if first and whole.tracks:
            track = whole.tracks[0][0]  # reviewers sit on a track's panel: start with one
        self._fill_combo(self.track_filter, self.tr("All tracks"), list(whole.tracks), track)
        self._apply(chosen)
        self.loaded_with()

    def clear(self) -> None:
        super().clear()
        self.whole = self.matrix = None
        self.model.replace(self.model.columns[: self.model.column_of("outliers") + 1], [])
        self._show_detail()

    def show_ids(self, ids: Sequence[str]) -> None:
        self.proxy.set_only(list(ids) or None)
        self._show_summary()

    # -- choosing a track, a reviewer, outliers ------------------------------------------

    def select_track(self, track_id: str) -> None:
        self.track_filter.setCurrentIndex(max(self.track_filter.findData(track_id), 0))

    def select_reviewer(self, reviewer_id: str) -> None:
        self.reviewer_filter.setCurrentIndex(max(self.reviewer_filter.findData(reviewer_id), 0))

    def _track_changed(self, _index: int) -> None:
        self._apply(self._chosen())

    def _reviewer_changed(self, _index: int) -> None:
        self._apply(self._chosen())

    def _outliers_toggled(self, on: bool) -> None:
        self.proxy.set_outliers_only(on)
        self._show_summary()

    def _apply(self, chosen: tuple[str, str] | None) -> None:
        """Show the part of the matrix the combos choose."""
        whole = self.whole
        if whole is None:
            return
        track = str(self.track_filter.currentData() or "") or None
        in_track = whole.restrict(track)
        reviewer = str(self.reviewer_filter.currentData() or "")
        people = [(r.id, f"{r.id} {r.name}".strip()) for r in in_track.reviewers]
        self._fill_combo(self.reviewer_filter, self.tr("All reviewers"), people, reviewer)
        reviewer = str(self.reviewer_filter.currentData() or "")
        self.matrix = in_track.restrict(track, reviewer or None) if reviewer else in_track
        self.model.set_matrix(self.matrix, dict(whole.tracks))
        self.table.setColumnHidden(self.model.column_of("track"), track is not None)
        self.table.setColumnHidden(self.model.column_of("company"), True)  # in the detail
        self._show_summary()
        if chosen is None or not self.select_cell(*chosen):
            self.detail = None
            self._show_detail()

    @staticmethod
    def _fill_combo(
        combo: QComboBox, everything: str, items: Sequence[tuple[str, str]], current: str
    ) -> None:
        blocked = combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(blocked)

    def _narrow_text_columns(self) -> None:
        """When the columns change: titles and track names narrow, so reviewers' columns
        show (the company is in the detail, and found by the search), and each reviewer's
        column as wide as the wider of its two header lines and a total."""
        keys = tuple(c.key for c in self.model.columns)
        if keys == self._fitted or not self.model.rowCount():
            return
        self._fitted = keys
        header = self.table.horizontalHeader()
        for key, width in (("title", TITLE_WIDTH), ("track", TRACK_WIDTH)):
            column = self.model.column_of(key)
            if header.sectionSize(column) > width:
                header.resizeSection(column, width)
        metrics = self.table.fontMetrics()
        widest = metrics.horizontalAdvance("▼ 100.00") + 16
        for column, spec in enumerate(self.model.columns):
            if reviewer_of(spec.key) is not None:
                lines = spec.header().split("\n")
                width = max(metrics.horizontalAdvance(line) + 20 for line in lines)
                header.resizeSection(column, max(width, widest))

    def _show_summary(self) -> None:
        matrix = self.matrix
        threshold = matrix.threshold if matrix is not None else ROBUST_Z_THRESHOLD
        rule = self.tr(
            "Outliers: robust z-score |z| > {threshold} (from the median and the MAD of each "
            "application's totals) and at least {points} points from the median."
        ).format(threshold=f"{threshold:g}", points=f"{OUTLIER_MIN_POINTS:g}")
        if matrix is None:
            self.summary.setText(rule)
            return
        counts = matrix.counts()
        figures = self.tr(
            "{applications} applications · {scored} scores · {outliers} outliers · "
            "{conflicts} conflicts · {missing} missing"
        ).format(
            applications=f"{counts.applications:,}",
            scored=f"{counts.scored:,}",
            outliers=f"{counts.outliers:,}",
            conflicts=f"{counts.conflicts:,}",
            missing=f"{counts.missing:,}",
        )
        if matrix.reviewer is not None:
            figures = self.tr("{reviewer}: {figures}").format(
                reviewer=matrix.reviewer, figures=figures
            )
        lines = [rule, figures]
        if matrix.normalize == "zscore":
            lines.append(
                self.tr("Totals before calibration; the final uses calibrated (z-score) totals.")
            )
        if matrix.method == "trimmed" and matrix.normalize == "zscore":
            lines.append(
                self.tr(
                    "Totals in parentheses are those whose calibrated totals are the highest "
                    "and lowest, which the trimmed mean drops."
                )
            )
        elif matrix.method == "trimmed":
            lines.append(
                self.tr("Totals in parentheses are the highest and lowest the trimmed mean drops.")
            )
        self.summary.setText("\n".join(lines))

    # -- the chosen cell -----------------------------------------------------------------

    def _chosen(self) -> tuple[str, str] | None:
        detail = self.detail
        return None if detail is None else (detail.application_id, detail.reviewer.id)

    def cell_index(self, application_id: str, reviewer_id: str) -> QModelIndex | None:
        """The proxy index of a cell, if it is shown."""
        columns = self.model.reviewer_columns()
        if reviewer_id not in columns:
            return None
        column = self.model.column_of(reviewer_key(reviewer_id))
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, column)
            if index.data(ROW_ROLE).application_id == application_id:
                return index
        return None

    def select_cell(self, application_id: str, reviewer_id: str) -> bool:
        """Make a cell current (its detail is shown); False when it is not shown."""
        index = self.cell_index(application_id, reviewer_id)
        if index is None:
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        header = self.table.horizontalHeader()
        right = header.sectionPosition(index.column()) + header.sectionSize(index.column())
        if right <= self.table.viewport().width():  # keep the application's id in view
            self.table.horizontalScrollBar().setValue(0)
        return True

    def _current_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: object = None
    ) -> None:
        matrix = self.matrix
        if matrix is None or not current.isValid():
            return
        rid = reviewer_of(self.model.columns[current.column()].key)
        if rid is None:
            return  # a fixed column: the detail stays
        row = current.data(ROW_ROLE)
        self.detail = matrix.detail(row.application_id, rid)
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.detail
        if detail is None:
            self.heading.setText(
                escape(self.tr("Click a reviewer's cell to see the criterion scores."))
            )
            self.verdict.setText("")
            self.criteria.set_rows([])
            self.comment.setText("")
            self._update_buttons()
            return
        reviewer = detail.reviewer
        who = f"{reviewer.id} {reviewer.name}".strip()
        if reviewer.affiliation:
            who += f" ({reviewer.affiliation})"
        self.heading.setText(
            f"<b>{escape(detail.application_id)}</b> · {escape(detail.track_name)} · "
            f"{escape(detail.company)}<br>{escape(detail.title)}<br>"
            f"{escape(self.tr('Reviewer'))}: <b>{escape(who)}</b>"
        )
        self.verdict.setText(self._verdict(detail))
        self.verdict.setStyleSheet(
            f"color: {palette.CUTOFF}; font-weight: bold;" if detail.cell.outlier else ""
        )
        self.criteria.set_rows(detail.criteria)
        self.comment.setText(detail.comment or self.tr("(no comment)"))
        self._update_buttons()

    def _verdict(self, detail: CellDetail) -> str:
        cell = detail.cell
        if cell.mark is Mark.SCORED and cell.total is not None:
            text = self.tr(
                "Total {total} · median {median} ({gap:+.2f} points) · robust z {z:+.2f}"
            ).format(
                total=f"{cell.total:.2f}",
                median=f"{detail.median or 0:.2f}",
                gap=cell.deviation or 0.0,
                z=cell.z or 0.0,
            )
            if cell.outlier:
                text += "\n" + self.tr(
                    "Outlier: |z| is above {threshold} and the total is at least {points} "
                    "points from the median"
                ).format(threshold=f"{detail.threshold:g}", points=f"{OUTLIER_MIN_POINTS:g}")
            return text
        if cell.mark is Mark.CONFLICT:
            text = self.tr("Conflict of interest: this review is not counted.")
            return f"{text}\n{cell.reason}" if cell.reason else text
        if cell.mark is Mark.MISSING:
            return self.tr("Assigned, but no scores yet.")
        return self.tr("Not assigned to this application.")

    def prepare_screenshot(self) -> None:
        """Choose the shown cell furthest out (for a screenshot that shows a detail)."""
        matrix = self.matrix
        if matrix is None:
            return
        cells = [
            (abs(cell.z or 0.0), row.application_id, rid)
            for row in matrix.rows
            for rid, cell in row.cells.items()
            if cell.outlier
        ]
        if cells:
            _, app_id, rid = max(cells)
            self.select_cell(app_id, rid)

    # -- corrections ---------------------------------------------------------------------

    def request_correction(self) -> None:
        chosen = self._chosen()
        if chosen is not None and self.correct_button.isEnabled():
            self.correction_requested.emit(*chosen)

    def request_conflict(self) -> None:
        chosen = self._chosen()
        if chosen is not None and self.conflict_button.isEnabled():
            self.conflict_requested.emit(*chosen)

    def set_locked(self, locked: bool) -> None:
        self._locked = locked
        self._update_buttons()

    def _update_buttons(self) -> None:
        detail = self.detail
        mark = None if detail is None else detail.cell.mark
        correctable = mark in (Mark.SCORED, Mark.MISSING)
        markable = mark in (Mark.SCORED, Mark.MISSING)
        self.correct_button.setEnabled(correctable and not self._locked)
        self.conflict_button.setEnabled(markable and not self._locked)
        if self._locked:
            tip = self.tr("The round is locked: unlock it to change scores")
            self.correct_button.setToolTip(tip)
            self.conflict_button.setToolTip(tip)
        else:
            self.correct_button.setToolTip(
                self.tr("Correct this reviewer's scores, with a reason for the audit log")
            )
            self.conflict_button.setToolTip(
                self.tr("Record a conflict of interest: the review is no longer counted")
            )
