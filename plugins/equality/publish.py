"""Publish dbt's suppressed tables to ``reporting`` atomically, only after the mart validation passed.

The new tables are copied into ``reporting_next``; then, in one transaction, ``reporting`` is renamed away,
``reporting_next`` takes its name, and the old one is dropped. Readers see yesterday's tables or today's,
never a mixture and never an empty schema; if anything fails the transaction rolls back and yesterday's
publication stays.
"""

from __future__ import annotations

import json

import psycopg

from equality.errors import PublishError
from equality.schema import grant_reporting

CANDIDATE_SCHEMA = "reporting_candidate"


def publish(conn: psycopg.Connection, run_id: str) -> dict[str, int]:
    """Replace ``reporting`` with the candidate tables; return their row counts."""
    tables = [row[0] for row in conn.execute(
        "select table_name from information_schema.tables where table_schema = %s order by table_name",
        (CANDIDATE_SCHEMA,)).fetchall()]
    if not tables:
        raise PublishError("nothing to publish: reporting_candidate is empty (did dbt build run?)")
    row_counts: dict[str, int] = {}
    try:
        with conn.transaction():
            conn.execute("select pg_advisory_xact_lock(hashtext('equality.publish'))")
            conn.execute("drop schema if exists reporting_next cascade")
            conn.execute("create schema reporting_next")
            for table in tables:
                conn.execute(f'create table reporting_next."{table}" as table {CANDIDATE_SCHEMA}."{table}"')
                row_counts[table] = conn.execute(f'select count(*) from reporting_next."{table}"').fetchone()[0]
            conn.execute(
                "create table reporting_next.publication as select %s::text as run_id, now() as published_at, "
                "(select coalesce(max(load_id), 0) from audit.loads where status = 'loaded') as last_load_id",
                (run_id,))
            grant_reporting(conn, "reporting_next")
            conn.execute("alter schema reporting rename to reporting_previous")
            conn.execute("alter schema reporting_next rename to reporting")
            conn.execute("drop schema reporting_previous cascade")
            conn.execute("insert into audit.publications (run_id, tables) values (%s, %s)",
                         (run_id, json.dumps(row_counts)))
    except psycopg.Error as error:
        raise PublishError(f"publishing failed, the previous reporting schema is unchanged: {error}") from error
    return row_counts
