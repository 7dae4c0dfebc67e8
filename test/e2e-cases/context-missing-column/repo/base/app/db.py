import psycopg


def connection():
    return psycopg.connect()
