"""The round database: schema, transactions, audit, migrations."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from reviewer.domain.config import RoundConfig
from reviewer.domain.model import Application, Review, Reviewer
from reviewer.errors import InvalidInput, RefusedByState
from reviewer.services import locking, rounds
from reviewer.store import repository, updates
from reviewer.store.engine import Database, database_url
from reviewer.store.migrate import backup_file, current_revision, head_revision
from reviewer.store.models import AuditRow

FIXTURES = Path(__file__).parent.parent / "fixtures" / "db"


def _app(app_id: str, track: str = "challenge") -> Application:
    return Application(
        id=app_id,
        track=track,
        title="제목",
        company="(주)테스트",
        ai_category="AI",
        amount=100_000_000,
        attributes={"비고": "메모"},
    )


def test_create_round_keeps_config_and_tracks(database: Database, template: RoundConfig) -> None:
    with database.session() as session:
        config = repository.load_config(session)
        assert config.name == template.name
        assert config.track_ids == template.track_ids
        rows = session.execute(text("SELECT id, seats FROM track ORDER BY position")).all()
        assert [r[0] for r in rows] == list(template.track_ids)


def test_sqlite_has_foreign_keys_and_wal(database: Database) -> None:
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_foreign_key_refuses_unknown_track(database: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), database.session() as session:
        repository.add_applications(session, [_app("X-1", track="nope")], source="t")
    with database.session() as session:
        assert repository.application_tracks(session) == {}


def test_round_trip_and_replaced_review_is_audited(database: Database) -> None:
    with database.session() as session:
        repository.add_applications(session, [_app("A-1")], source="apps.xlsx")
        updates.upsert_reviewers(session, [Reviewer("R1", "김심사", "서울대", ("challenge",))])
        first = Review(
            "A-1",
            "R1",
            {"tech": 30.0, "biz": 20.0, "capability": 15.0, "policy": 8.0},
            comment="좋음",
        )
        assert repository.replace_reviews(session, [first], source="s1.xlsx") == (1, 0)
        assert repository.replace_reviews(session, [first], source="s1.xlsx") == (0, 0)
    with database.session() as session:
        second = Review(
            "A-1",
            "R1",
            {"tech": 35.0, "biz": 25.0, "capability": 15.0, "policy": 9.0},
            comment="수정",
        )
        assert repository.replace_reviews(session, [second], source="s2.xlsx") == (0, 1)
    with database.session() as session:
        data = repository.load_round(session)
        assert data.applications[0].attributes == {"비고": "메모"}
        assert data.reviewers[0].tracks == ("challenge",)
        assert len(data.reviews) == 1
        assert data.reviews[0].scores["tech"] == 35.0
        assert data.reviews[0].comment == "수정"
        entries = session.scalars(select(AuditRow).where(AuditRow.action == "review.replace")).all()
        assert len(entries) == 1
        assert entries[0].detail["old"]["scores"]["tech"] == 30.0
        assert entries[0].detail["old"]["comment"] == "좋음"


def test_graded_scores_round_trip(database: Database) -> None:
    with database.session() as session:
        repository.add_applications(session, [_app("T-1", track="tips")], source="t")
        updates.upsert_reviewers(session, [Reviewer("R1", "이심사")])
        repository.replace_reviews(
            session,
            [Review("T-1", "R1", {"tech": 30.0, "biz": 20.0, "invest": 4.0, "policy": "우수"})],
            source="s",
        )
    with database.session() as session:
        review = repository.load_round(session).reviews[0]
        assert review.scores == {"tech": 30.0, "biz": 20.0, "invest": 4.0, "policy": "우수"}


def test_a_failed_unit_of_work_writes_nothing(database: Database) -> None:
    with pytest.raises(RuntimeError), database.session() as session:
        repository.add_applications(session, [_app("A-1")], source="t")
        raise RuntimeError("boom")
    with database.session() as session:
        assert repository.application_tracks(session) == {}


def test_locked_round_refuses_changes(database: Database) -> None:
    with database.session() as session:
        repository.round_info(session).status = "locked"
    with pytest.raises(RefusedByState) as info, database.session() as session:
        repository.require_open(session)
    assert info.value.exit_code == 4
    with pytest.raises(InvalidInput):
        locking.unlock_round(database, " ")
    locking.unlock_round(database, "점수 정정 요청")
    with database.session() as session:
        repository.require_open(session)
        entry = session.scalars(select(AuditRow).where(AuditRow.action == "unlock")).one()
    assert entry.detail == {"reason": "점수 정정 요청"}


def test_create_refuses_an_existing_file(round_db: Path, template: RoundConfig) -> None:
    before = round_db.read_bytes()
    with pytest.raises(RefusedByState):
        rounds.create_round(round_db, template)
    assert round_db.read_bytes() == before


def test_open_missing_database_is_invalid_input(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput), rounds.open_round(tmp_path / "none.db"):
        pass
    assert not (tmp_path / "none.db").exists()


def test_newer_database_is_refused(round_db: Path) -> None:
    with sqlite3.connect(round_db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f999'")
    before = round_db.read_bytes()
    with pytest.raises(RefusedByState) as info, rounds.open_round(round_db):
        pass
    assert info.value.exit_code == 4
    assert "newer" in info.value.message("en")
    assert round_db.read_bytes() == before


def test_database_of_the_first_schema_revision_opens(tmp_path: Path) -> None:
    """A round saved by schema revision 0001 opens and reads with this program."""
    copy = tmp_path / "old.db"
    shutil.copy(FIXTURES / "round-0001.db", copy)
    with rounds.open_round(copy) as database:
        assert current_revision(database.engine) == head_revision()
        with database.session() as session:
            data = repository.load_round(session)
    assert [a.id for a in data.applications] == ["2025-0001", "2025-0002"]
    assert len(data.reviews) == 1


def test_backup_copies_the_file(round_db: Path) -> None:
    backup = backup_file(round_db, "0001")
    assert backup.exists()
    assert backup.name.startswith("round.db.bak-0001-")


def test_database_url_accepts_paths_and_urls(tmp_path: Path) -> None:
    assert database_url(tmp_path / "a.db").startswith("sqlite:///")
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    # a plain URL names the installed driver (tests/unit/test_database_url.py)
    assert database_url("postgresql://u@h/db").startswith("postgresql+psycopg")


def test_a_conflict_replaced_by_scores_leaves_no_conflict(database: Database) -> None:
    with database.session() as session:
        repository.add_applications(session, [_app("A-1")], source="t")
        updates.upsert_reviewers(session, [Reviewer("R1", "김")])
        repository.replace_reviews(
            session, [Review("A-1", "R1", conflict=True, conflict_reason="동일 기관")], source="a"
        )
        assert session.scalar(text("SELECT count(*) FROM conflict")) == 1
    with database.session() as session:
        repository.replace_reviews(
            session,
            [Review("A-1", "R1", {"tech": 1.0, "biz": 1.0, "capability": 1.0, "policy": 1.0})],
            source="b",
        )
        assert session.scalar(text("SELECT count(*) FROM conflict")) == 0


def test_migration_rebuild_keeps_every_row(database: Database) -> None:
    """Alembic's batch rebuild of a referenced table must not cascade or lose rows."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    from reviewer.store.migrate import upgrade

    with database.session() as session:
        repository.add_applications(session, [_app("A-1")], source="t")
        updates.upsert_reviewers(session, [Reviewer("R1", "김")])
        repository.replace_reviews(session, [Review("A-1", "R1", {"tech": 1.0})], source="s")
    with database.engine.connect() as connection:
        connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        with connection.begin():
            operations = Operations(MigrationContext.configure(connection))
            with operations.batch_alter_table("application", recreate="always"):
                pass
        connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")
    upgrade(database.engine)
    with database.session() as session:
        data = repository.load_round(session)
    assert len(data.applications) == 1
    assert len(data.reviews) == 1


def test_url_passwords_are_not_shown() -> None:
    from reviewer.store.engine import display_name

    shown = display_name("postgresql://rv:secret@db.example/round")
    assert "secret" not in shown
    assert "db.example" in shown


def test_reimported_reviewer_keeps_old_values_in_the_audit_log(database: Database) -> None:
    with database.session() as session:
        updates.upsert_reviewers(session, [Reviewer("R1", "김심사", "서울대", ("tips",))])
    with database.session() as session:
        changes = updates.upsert_reviewers(session, [Reviewer("R1", "김심사", "")])
        assert changes == updates.Changes(updated={"R1": ("affiliation", "tracks")})
    with database.session() as session:
        entry = session.scalars(select(AuditRow).where(AuditRow.action == "reviewer.update")).one()
        assert entry.target == "R1"
        assert entry.detail["old"] == {"affiliation": "서울대", "tracks": ["tips"]}
        assert entry.detail["new"] == {"affiliation": "", "tracks": []}
        assert repository.reviewers(session) == (Reviewer("R1", "김심사", ""),)


def test_a_reviewer_imported_again_unchanged_is_left_alone(database: Database) -> None:
    reviewer = Reviewer("R1", "김심사", "서울대", ("tips", "challenge"), "kim@example.kr")
    with database.session() as session:
        assert updates.upsert_reviewers(session, [reviewer]) == updates.Changes(added=1)
    with database.session() as session:
        assert updates.upsert_reviewers(session, [reviewer]) == updates.Changes(unchanged=1)
        entries = session.scalars(select(AuditRow).where(AuditRow.action == "reviewer.update"))
        assert list(entries) == []


def test_config_limits_are_the_column_lengths() -> None:
    from reviewer.store.limits import config_limits
    from reviewer.store.models import CriterionRow, RoundInfo, TrackRow

    limits = config_limits()
    assert (limits.round_name, limits.track_id, limits.track_name) == (200, 64, 200)
    assert (limits.criterion_id, limits.criterion_name) == (64, 200)
    for model, held in (
        (RoundInfo, {"name": limits.round_name}),
        (TrackRow, {"id": limits.track_id, "name": limits.track_name}),
        (CriterionRow, {"id": limits.criterion_id, "name": limits.criterion_name}),
    ):
        columns = model.__table__.columns
        bounded = {c.name for c in columns if getattr(c.type, "length", None)}
        assert {name: columns[name].type.length for name in held} == held
        # the other bounded columns hold no round.toml text: the round's status and its
        # own id, and the track a criterion belongs to (the track id, checked as such)
        assert bounded - set(held) <= {"status", "uid", "track_id"}


def test_init_refuses_a_track_id_too_long_for_its_column(tmp_path: Path) -> None:
    from reviewer.resources import read_text

    config = tmp_path / "round.toml"
    long_id = "t" * 65
    config.write_text(
        read_text("templates", "seoul-2025.toml").replace('id = "tips"', f'id = "{long_id}"', 1),
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as info:
        rounds.init_round(tmp_path / "r.db", config)
    assert info.value.exit_code == 3
    assert info.value.message("en") == (
        f"{config}, column [[tracks]] #3: id is longer than 64 characters (65)"
    )
    assert not (tmp_path / "r.db").exists()


def test_the_migrated_schema_is_the_models(database: Database) -> None:
    """Upgrading to the newest revision gives exactly the tables, columns, keys and indexes
    the models declare (nothing a model has that no migration creates, or the reverse)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from reviewer.store.models import Base

    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_a_round_of_the_first_revision_gains_attachment_contents_and_packages(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "old.db"
    shutil.copy(FIXTURES / "round-0001.db", copy)
    with rounds.open_round(copy) as database, database.session() as session:
        assert session.scalar(text("SELECT count(*) FROM package")) == 0
        assert session.scalar(text("SELECT count(*) FROM attachment_blob")) == 0
        assert session.scalar(text("SELECT count(sha256) FROM attachment")) == 0


def test_stored_score_mappings_are_read_as_floats_and_grades() -> None:
    """Whether the driver gives the stored JSON as text (SQLite) or parsed, every number
    comes back a float and every grade a string."""
    from reviewer.store.repository import _stored_scores

    text = '{"tech": 14, "novelty": 10.5, "policy": "보통"}'
    expected = {"tech": 14.0, "novelty": 10.5, "policy": "보통"}
    for raw in (text, json.loads(text)):
        scores = _stored_scores(raw)
        assert scores == expected
        assert type(scores["tech"]) is float
    assert _stored_scores(None) == {} and _stored_scores("null") == {}
    assert _stored_scores("{}") == {}
    assert _stored_scores('{"tech": true}') == {"tech": 1.0}


def test_a_score_mapping_holding_nan_is_never_stored(database: Database) -> None:
    """Invalid JSON (``NaN``) would stop every later read of the round: the store
    refuses it, and the unit of work writes nothing."""
    with database.session() as session:
        repository.add_applications(session, [_app("A-1")], source="apps.xlsx")
        updates.upsert_reviewers(session, [Reviewer("R1", "김심사", "서울대", ("challenge",))])
    for bad in (float("nan"), float("inf")):
        with pytest.raises(Exception, match="JSON compliant"), database.session() as session:
            review = Review("A-1", "R1", {"tech": bad})
            repository.replace_reviews(session, [review], source="s.xlsx")
    with database.session() as session:
        assert repository.load_round(session).reviews == ()


def test_a_declared_conflict_on_a_pair_with_another_sources_conflict_imports(
    database: Database,
) -> None:
    """A score sheet declaring a conflict the round already holds from another source
    (the same organisation, say) is imported; that conflict stays as it was."""
    from reviewer.domain.assignment import Conflict
    from reviewer.store import assignments
    from reviewer.store.models import ConflictRow

    with database.session() as session:
        repository.add_applications(session, [_app("A-1"), _app("A-2")], source="apps.xlsx")
        updates.upsert_reviewers(session, [Reviewer("R1", "김심사", "서울대", ("challenge",))])
        assignments.record_conflicts(session, [Conflict("A-1", "R1", "같은 기관", "organisation")])
    declared = [
        Review("A-1", "R1", {}, conflict=True, conflict_reason="자문 관계"),
        Review("A-2", "R1", {}, conflict=True, conflict_reason="공동 연구"),
    ]
    with database.session() as session:
        assert repository.replace_reviews(session, declared, source="s.xlsx") == (2, 0)
    with database.session() as session:
        rows = {
            (row.application_id, row.source): row.reason
            for row in session.scalars(select(ConflictRow))
        }
    assert rows == {("A-1", "organisation"): "같은 기관", ("A-2", "declared"): "공동 연구"}
