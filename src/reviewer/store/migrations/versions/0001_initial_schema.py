"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 04:27:00.330597
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("target", sa.String(length=300), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_at", ["at"], unique=False)

    op.create_table(
        "reviewer",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("affiliation", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviewer")),
    )
    op.create_table(
        "round_info",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("config_toml", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_round_info")),
    )
    op.create_table(
        "selection_run",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("config_toml", sa.Text(), nullable=False),
        sa.Column("program_version", sa.String(length=32), nullable=False),
        sa.Column("solver", sa.String(length=16), nullable=False),
        sa.Column("selected", sa.Integer(), nullable=False),
        sa.Column("shortfall", sa.Integer(), nullable=False),
        sa.Column("total_score", sa.String(length=32), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_selection_run")),
    )
    with op.batch_alter_table("selection_run", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_selection_run_digest"), ["digest"], unique=False)

    op.create_table(
        "track",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("budget", sa.BigInteger(), nullable=True),
        sa.Column("linked", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_track")),
    )
    op.create_table(
        "application",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("track_id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("company", sa.String(length=300), nullable=False),
        sa.Column("business_no", sa.String(length=16), nullable=True),
        sa.Column("ai_category", sa.String(length=8), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("region", sa.String(length=200), nullable=True),
        sa.Column("bonus", sa.Float(), nullable=False),
        sa.Column("penalty", sa.Float(), nullable=False),
        sa.Column("investment_commitment", sa.Boolean(), nullable=True),
        sa.Column("guarantee", sa.Boolean(), nullable=True),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["track_id"], ["track.id"], name=op.f("fk_application_track_id_track")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application")),
    )
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_track_id"), ["track_id"], unique=False)

    op.create_table(
        "criterion",
        sa.Column("track_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("min", sa.Float(), nullable=False),
        sa.Column("max", sa.Float(), nullable=False),
        sa.Column("grades", sa.JSON(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["track_id"], ["track.id"], name=op.f("fk_criterion_track_id_track")
        ),
        sa.PrimaryKeyConstraint("track_id", "id", name=op.f("pk_criterion")),
    )
    op.create_table(
        "reviewer_track",
        sa.Column("reviewer_id", sa.String(length=64), nullable=False),
        sa.Column("track_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["reviewer.id"], name=op.f("fk_reviewer_track_reviewer_id_reviewer")
        ),
        sa.ForeignKeyConstraint(
            ["track_id"], ["track.id"], name=op.f("fk_reviewer_track_track_id_track")
        ),
        sa.PrimaryKeyConstraint("reviewer_id", "track_id", name=op.f("pk_reviewer_track")),
    )
    op.create_table(
        "run_result",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.String(length=64), nullable=False),
        sa.Column("track_id", sa.String(length=64), nullable=False),
        sa.Column("final_score", sa.String(length=32), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["selection_run.id"],
            name=op.f("fk_run_result_run_id_selection_run"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("run_id", "application_id", name=op.f("pk_run_result")),
    )
    op.create_table(
        "assignment",
        sa.Column("application_id", sa.String(length=64), nullable=False),
        sa.Column("reviewer_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_assignment_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["reviewer.id"], name=op.f("fk_assignment_reviewer_id_reviewer")
        ),
        sa.PrimaryKeyConstraint("application_id", "reviewer_id", name=op.f("pk_assignment")),
    )
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("application_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_attachment_application_id_application"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attachment_application_id"), ["application_id"], unique=False
        )

    op.create_table(
        "conflict",
        sa.Column("application_id", sa.String(length=64), nullable=False),
        sa.Column("reviewer_id", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_conflict_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["reviewer.id"], name=op.f("fk_conflict_reviewer_id_reviewer")
        ),
        sa.PrimaryKeyConstraint("application_id", "reviewer_id", name=op.f("pk_conflict")),
    )
    op.create_table(
        "review",
        sa.Column("application_id", sa.String(length=64), nullable=False),
        sa.Column("reviewer_id", sa.String(length=64), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        sa.Column("conflict_reason", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_review_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["reviewer.id"], name=op.f("fk_review_reviewer_id_reviewer")
        ),
        sa.PrimaryKeyConstraint("application_id", "reviewer_id", name=op.f("pk_review")),
    )
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_reviewer_id"), ["reviewer_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_reviewer_id"))

    op.drop_table("review")
    op.drop_table("conflict")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_application_id"))

    op.drop_table("attachment")
    op.drop_table("assignment")
    op.drop_table("run_result")
    op.drop_table("reviewer_track")
    op.drop_table("criterion")
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_track_id"))

    op.drop_table("application")
    op.drop_table("track")
    with op.batch_alter_table("selection_run", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_selection_run_digest"))

    op.drop_table("selection_run")
    op.drop_table("round_info")
    op.drop_table("reviewer")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_at")

    op.drop_table("audit_log")
