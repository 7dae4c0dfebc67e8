from app.db import connection


def list_active_accounts(limit: int = 100):
    with connection() as conn:
        rows = conn.execute(
            "SELECT id, email FROM accounts WHERE deleted_at IS NULL ORDER BY id LIMIT %s", (limit,)
        )
        return rows.fetchall()
