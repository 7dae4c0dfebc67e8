# expect: unsafe-migration@14, unsafe-migration@15, unsafe-migration@20
"""add status to orders

Revision ID: 3f2a1c
"""
import sqlalchemy as sa
from alembic import op

revision = "3f2a1c"
down_revision = "9e1b77"


def upgrade():
    op.add_column("orders", sa.Column("status", sa.String(20), nullable=False))
    op.create_index("ix_orders_status", "orders", ["status"])


def downgrade():
    op.drop_index("ix_orders_status", table_name="orders")
    op.drop_column("orders", "status")
