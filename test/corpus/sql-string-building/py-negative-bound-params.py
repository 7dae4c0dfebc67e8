# expect: none
from sqlalchemy import text
from app.db import engine


def orders_for(customer_id, status):
    with engine.connect() as conn:
        result = conn.execute(
            text("SELECT id, total FROM orders WHERE customer_id = :cid AND status = :status"),
            {"cid": customer_id, "status": status},
        )
        return result.all()


def log_line(cursor, user_id):
    cursor.execute("SELECT name FROM users WHERE id = %s", (user_id,))
    name = cursor.fetchone()[0]
    return f"Loaded {name} from the users table"
