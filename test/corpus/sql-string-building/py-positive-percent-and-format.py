# expect: sql-string-building@7, sql-string-building@13
import sqlalchemy as sa
from app.db import engine


def count_events(kind, since):
    query = "SELECT count(*) FROM events WHERE kind = '%s' AND created_at > '%s'" % (kind, since)
    with engine.connect() as conn:
        return conn.execute(sa.text(query)).scalar()


def delete_user(user_id):
    stmt = "DELETE FROM users WHERE id = {}".format(user_id)
    with engine.begin() as conn:
        conn.execute(sa.text(stmt))
