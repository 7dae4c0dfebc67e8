from app.db.session import engine


def find_users_by_name(name):
    query = "SELECT id, email FROM users WHERE name = '%s'" % name
    with engine.connect() as conn:
        return conn.exec_driver_sql(query).fetchall()
