"""The new-round form's editable tables and its reading of round.toml, without a window."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QSignalSpy

from reviewer.domain.config_toml import load_config, parse_config
from reviewer.domain.config_writer import document_toml
from reviewer.errors import ConfigError
from reviewer.resources import template_path
from reviewer.ui.dialogs.round_form.document import form_document, form_from_config
from reviewer.ui.dialogs.round_form.problems import locate
from reviewer.ui.models.config_tables import (
    PROBLEM_ROLE,
    CriteriaModel,
    CriterionRow,
    QuotaRow,
    QuotasModel,
    TrackRow,
    TracksModel,
)
from reviewer.ui.models.table import KEY_ROLE

EDIT = Qt.ItemDataRole.EditRole
CHECK = Qt.ItemDataRole.CheckStateRole


def test_a_budget_is_shown_in_won_and_edited_as_typed(qtbot: object) -> None:
    model = TracksModel()
    rows = [TrackRow(id="tips", name="TIPS", seats="20")]
    model.bind(rows)
    spy = QSignalSpy(model.edited)
    budget = model.index(0, model.column_of("budget"))
    assert model.setData(budget, "80억", EDIT)
    assert rows[0].budget == "80억"  # the bound list itself is edited
    assert model.data(budget) == "8,000,000,000"
    assert model.data(budget, EDIT) == "80억"
    assert "8,000,000,000" in model.data(budget, Qt.ItemDataRole.ToolTipRole)
    assert model.data(budget, Qt.ItemDataRole.TextAlignmentRole) is not None
    model.setData(budget, "45,000만원", EDIT)
    assert model.data(budget) == "450,000,000"
    model.setData(budget, "lots", EDIT)
    assert model.data(budget) == "lots"  # not an amount: shown as typed, judged by the parser
    assert spy.count() == 3


def test_flags_are_check_boxes_and_the_rubric_column_is_read_only(qtbot: object) -> None:
    model = TracksModel()
    model.bind([TrackRow(id="kibo", seats="5")])
    linked = model.index(0, model.column_of("linked"))
    assert model.flags(linked) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(linked) & Qt.ItemFlag.ItemIsEditable
    assert model.data(linked, CHECK) == Qt.CheckState.Unchecked
    assert model.setData(linked, Qt.CheckState.Checked.value, CHECK)
    assert model.data(linked, CHECK) == Qt.CheckState.Checked
    assert model.data(linked, KEY_ROLE) is True
    rubric = model.index(0, model.column_of("own_rubric"))
    assert not model.flags(rubric) & Qt.ItemFlag.ItemIsEditable
    assert model.data(rubric) == "Default"
    assert not model.setData(rubric, "x", EDIT)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Budget (won)"
    assert "억" in model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_rows_are_added_and_removed(qtbot: object) -> None:
    model = QuotasModel()
    rows: list[QuotaRow] = []
    model.bind(rows)
    assert model.add_row() == 0
    assert model.rowCount() == 1 and rows[0].tracks == "all" and rows[0].ai
    model.set_value(0, "name", "AI 과반")
    model.set_value(0, "strict", True)
    assert rows[0].name == "AI 과반" and rows[0].strict
    assert model.duplicate_row(0) == 1 and rows[1] == rows[0] and rows[1] is not rows[0]
    model.remove_row(0)
    assert model.rowCount() == 1
    model.remove_row(5)  # no such row: nothing happens
    assert model.rowCount() == 1


def test_a_share_shows_its_percentage_and_tracks_their_meaning(qtbot: object) -> None:
    model = QuotasModel()
    model.bind([QuotaRow(name="q", tracks="linked", min_share="1/3")])
    assert model.data(model.index(0, model.column_of("min_share"))) == "1/3  (33.33%)"
    assert model.data(model.index(0, model.column_of("tracks"))) == "Linked tracks"
    assert model.data(model.index(0, model.column_of("tracks")), EDIT) == "linked"


def test_a_graded_criterion_has_no_scale(qtbot: object) -> None:
    model = CriteriaModel()
    model.bind([CriterionRow(id="policy", weight="10", min="0", max="10", grades="A=1, B=0.5")])
    low = model.index(0, model.column_of("min"))
    assert model.data(low) == "—"
    assert not model.flags(low) & Qt.ItemFlag.ItemIsEditable
    model.set_value(0, "grades", "")
    assert model.data(low) == "0"
    assert model.flags(low) & Qt.ItemFlag.ItemIsEditable


def test_a_problem_marks_its_cells(qtbot: object) -> None:
    model = CriteriaModel()
    model.bind([CriterionRow(id="a", weight="1"), CriterionRow(id="b", weight="0")])
    model.set_problem(1, ("weight",), "criterion b: weight must be above 0 (got 0.0)")
    weight = model.index(1, model.column_of("weight"))
    assert model.data(weight, PROBLEM_ROLE).startswith("criterion b")
    assert model.data(weight, Qt.ItemDataRole.ToolTipRole).startswith("criterion b")
    assert model.data(weight, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, 2), PROBLEM_ROLE) is None
    assert model.problem_cells() == [(1, "weight")]
    model.set_problem(0, (), "row")
    assert len(model.problem_cells()) == model.columnCount()
    model.clear_problem()
    assert model.problem_cells() == []


def test_read_only_rows_cannot_be_edited(qtbot: object) -> None:
    model = CriteriaModel()
    model.bind([CriterionRow(id="a", weight="1")])
    model.read_only = True
    assert not model.setData(model.index(0, 0), "b", EDIT)
    assert model.row_at(0).id == "a"


# -- the form as round.toml ----------------------------------------------------------------


def test_the_template_through_the_form_reads_back_equal() -> None:
    config = load_config(str(template_path()))
    form = form_from_config(config)
    assert [t.id for t in form.tracks][:3] == ["pre-rnd", "challenge", "tips"]
    assert form.tracks[0].budget == "5,000,000,000"
    assert form.tracks[2].own_rubric and not form.tracks[0].own_rubric
    assert form.quotas[0].tracks == "linked" and form.quotas[0].min_share == "0.3"
    text = document_toml(form_document(form))
    assert replace(parse_config(text), source="") == replace(config, source="")


def _problem(form_text: dict[str, str]) -> tuple[str, str]:
    config = load_config(str(template_path()))
    form = form_from_config(config)
    for path, value in form_text.items():
        target: object = form
        *parts, last = path.split(".")
        for part in parts:
            target = target[int(part)] if part.isdigit() else getattr(target, part)  # type: ignore[index]
        if isinstance(target, dict):
            target[last] = value
        else:
            setattr(target, last, value)
    with pytest.raises(ConfigError) as caught:
        parse_config(document_toml(form_document(form)))
    problem = locate(caught.value, form, "en")
    where = f"{problem.section}:{problem.track}:{problem.row}:{','.join(problem.keys)}"
    return where, problem.text


@pytest.mark.parametrize(
    ("edits", "where", "text"),
    [
        ({"round.cutoff": "high"}, "round:None:None:cutoff", "cutoff must be a number"),
        ({"round.year": ""}, "round:None:None:year", "year is missing"),
        ({"aggregation.method": "trimed"}, "aggregation:None:None:method", "cannot be 'trimed'"),
        ({"selection.tie_break": "tech, nope"}, "selection:None:None:tie_break", "nope"),
        ({"criteria.1.weight": "0"}, "criteria:None:1:weight", "weight must be above 0"),
        ({"criteria.3.id": "tech"}, "criteria:None:3:id", "tech appears twice"),
        ({"tracks.2.criteria.2.max": "1"}, "criteria:2:2:min,max", "min 1.0 must be below"),
        ({"tracks.2.criteria.3.grades": "탁월=2"}, "criteria:2:3:grades", "grade 탁월"),
        ({"tracks.3.seats": "many"}, "tracks:None:3:seats", "seats must be a whole number"),
        ({"tracks.1.budget": "80억원쯤"}, "tracks:None:1:budget", "budget must be a whole"),
        ({"tracks.4.id": "kibo"}, "tracks:None:4:id", "track kibo appears twice"),
        ({"tracks.0.id": ""}, "tracks:None:0:id", "id is missing"),
        ({"quotas.1.tracks": "tips, nowhere"}, "quotas:None:1:tracks", "unknown track nowhere"),
        ({"quotas.0.min_share": "30%"}, "quotas:None:0:min_share", "a fraction written as"),
        ({"quotas.1.min_share": "1"}, "quotas:None:1:min_share,strict", "can never be met"),
    ],
)
def test_problems_are_placed_where_the_parser_names_them(
    edits: dict[str, str], where: str, text: str
) -> None:
    found, message = _problem(edits)
    assert found == where
    assert text in message
