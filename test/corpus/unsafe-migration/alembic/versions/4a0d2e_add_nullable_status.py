# expect: none
"""add nullable status

Revision ID: 4a0d2e
"""
import sqlalchemy as sa
from alembic import op

revision = "4a0d2e"
down_revision = "3f2a1c"


def upgrade():
    op.add_column("orders", sa.Column("status", sa.String(20), nullable=True))
    op.add_column("orders", sa.Column("channel", sa.String(20), nullable=False, server_default="web"))
    with op.get_context().autocommit_block():
        op.create_index("ix_orders_status", "orders", ["status"], postgresql_concurrently=True)
