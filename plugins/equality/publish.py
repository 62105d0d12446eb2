"""Publish dbt's suppressed tables to ``reporting``, only after the mart validation passed, without ever
blocking or confusing a reader.

``reporting`` keeps the same tables from night to night. In one transaction the rows of every table that a build
rebuilt since the last publication are replaced (DELETE, then INSERT from ``reporting_candidate``; every table
after a build of everything) and ``reporting.publication`` says which run published them: a night costs what it
built, and a table no build touched already holds its candidate's rows. DELETE and INSERT take only ROW EXCLUSIVE locks, which readers' ACCESS SHARE locks never conflict
with, and MVCC gives every reader, at any isolation level, either yesterday's complete tables or today's:
never a mixture, never an empty table, and no reader waits on publish or publish on a reader (so no
deadlock). Only a table whose shape changed (or that is no longer published) is dropped and created again,
which needs an ACCESS EXCLUSIVE lock: publish then waits at most ``LOCK_TIMEOUT`` for readers and retries the
whole transaction ``ATTEMPTS`` times, backing off, before it gives up with yesterday's publication intact.

Each table keeps one index on its grain (its period, area and group columns), built with the table, and a replaced
table is analysed after the replacement so BI's plans see today's rows. Table and column comments (dbt's
descriptions) are copied from the candidate tables.
"""

from __future__ import annotations

import logging
import time

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from equality.errors import PublishBlocked, PublishError
from equality.published_schema import published_tables
from equality.schema import READ_ROLE_LIMITS

log = logging.getLogger(__name__)

CANDIDATE_SCHEMA = "reporting_candidate"
REPORTING_SCHEMA = "reporting"
PUBLICATION_TABLE = "publication"
PUBLICATION_SHAPE = [("run_id", "text"), ("published_at", "timestamp with time zone"), ("last_load_id", "bigint")]
# What BI tools show for reporting.publication (the published tables take theirs from dbt's YAML).
PUBLICATION_COMMENTS = {
    None: "Which night published the tables of this schema: one row, replaced with them in the same transaction.",
    "run_id": "The Airflow run (or operator's run) that published these tables.",
    "published_at": "When these tables were published (UTC).",
    "last_load_id": "The newest load in audit.loads these tables include: files loaded after it are not yet published.",
}
LOCK_TIMEOUT = "2s"
ATTEMPTS = 5
FIRST_BACKOFF_SECONDS = 1.0


def publish(conn: psycopg.Connection, run_id: str) -> dict[str, int]:
    """Replace the rows of the ``reporting`` tables rebuilt since the last publication with the candidate's; return
    every published table's row count.

    Pass an idle connection: the replacement commits on its own, then the tables are analysed.
    """
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with conn.transaction():
                conn.execute(f"set local lock_timeout = '{LOCK_TIMEOUT}'")
                conn.execute("select pg_advisory_xact_lock(hashtext('equality.publish'))")
                row_counts, replaced = _replace_tables(conn, run_id)
            break
        except (psycopg.errors.LockNotAvailable, psycopg.errors.DeadlockDetected) as error:
            if attempt == ATTEMPTS:
                raise PublishBlocked(f"publishing gave up after {ATTEMPTS} attempts, each waiting at most "
                                   f"{LOCK_TIMEOUT} for readers of a table whose shape changed; the previous "
                                   f"publication is unchanged: {error.diag.message_primary}") from error
            log.warning("publish attempt %d waited too long for a lock (%s); retrying", attempt,
                        error.diag.message_primary)
            time.sleep(FIRST_BACKOFF_SECONDS * 2 ** (attempt - 1))
        except psycopg.Error as error:
            raise PublishError(f"publishing failed, the previous publication is unchanged: {error}") from error
    with conn.transaction():
        for table in [*replaced, PUBLICATION_TABLE]:
            conn.execute(sql.SQL("analyze {}").format(sql.Identifier(REPORTING_SCHEMA, table)))
    return row_counts


def _replace_tables(conn: psycopg.Connection, run_id: str) -> tuple[dict[str, int], list[str]]:
    """Every published table's row count, and the tables whose rows were replaced."""
    candidate_shapes = _shapes(conn, CANDIDATE_SCHEMA)
    if not candidate_shapes:
        raise PublishError("nothing to publish: reporting_candidate is empty (did dbt build run?)")
    published_shapes = _shapes(conn, REPORTING_SCHEMA)
    rebuilt = _rebuilt_since_last_publication(conn)
    previous = conn.execute("select tables from audit.publications order by publication_id desc limit 1").fetchone()
    row_counts: dict[str, int] = previous[0] if previous else {}
    grains = {table.name: table.grain for table in published_tables()}
    for table in sorted(set(published_shapes) - {*candidate_shapes, PUBLICATION_TABLE}):
        conn.execute(sql.SQL("drop table {}").format(sql.Identifier(REPORTING_SCHEMA, table)))
    replaced = [table for table in sorted(candidate_shapes)
                if rebuilt is None or table in rebuilt or table not in row_counts
                or published_shapes.get(table) != candidate_shapes[table]]
    row_counts = {table: row_counts[table] for table in candidate_shapes if table not in replaced}
    for table in replaced:
        row_counts[table] = _replace_rows(conn, table, candidate_shapes[table], published_shapes.get(table),
                                          sql.SQL("select * from {}").format(sql.Identifier(CANDIDATE_SCHEMA, table)))
        if table in grains:
            _ensure_grain_index(conn, table, grains[table])
        _copy_comments(conn, table)
    log.info("%d of %d reporting tables replaced (%s)", len(replaced), len(candidate_shapes),
             "every table" if rebuilt is None else "those rebuilt since the last publication")
    _replace_rows(conn, PUBLICATION_TABLE, PUBLICATION_SHAPE, published_shapes.get(PUBLICATION_TABLE), sql.SQL(
        "select {}::text, now(), (select coalesce(max(load_id), 0) from audit.loads where status = 'loaded')"
    ).format(sql.Literal(run_id)))
    for column, comment in PUBLICATION_COMMENTS.items():
        on = sql.SQL("table {}").format(sql.Identifier(REPORTING_SCHEMA, PUBLICATION_TABLE)) if column is None else \
            sql.SQL("column {}").format(sql.Identifier(REPORTING_SCHEMA, PUBLICATION_TABLE, column))
        conn.execute(sql.SQL("comment on {} is {}").format(on, sql.Literal(comment)))
    conn.execute("insert into audit.publications (run_id, tables, replaced) values (%s, %s, %s)",
                 (run_id, Jsonb(dict(sorted(row_counts.items()))), replaced))
    conn.execute("update audit.builds set published_at = now() where published_at is null")
    return dict(sorted(row_counts.items())), replaced


def _rebuilt_since_last_publication(conn: psycopg.Connection) -> set[str] | None:
    """The candidate tables the builds not yet published rebuilt (``audit.builds.relations``), or None for every
    table when one of them built everything (or does not say what it built)."""
    rebuilt: set[str] = set()
    for built_everything, relations in conn.execute(
            "select selected is null or relations is null, relations from audit.builds where published_at is null"):
        if built_everything:
            return None
        rebuilt |= {relation.split(".", 1)[1] for relation in relations
                    if relation.split(".", 1)[0] == CANDIDATE_SCHEMA}
    return rebuilt


def _replace_rows(conn: psycopg.Connection, table: str, shape: list[tuple[str, str]],
                  published_shape: list[tuple[str, str]] | None, rows: sql.Composable) -> int:
    """Replace the rows of ``reporting.<table>`` with ``rows``; a table that is new or changed shape is
    (re)created with ``shape``, readable by the read roles. Returns the number of rows."""
    target = sql.Identifier(REPORTING_SCHEMA, table)
    if published_shape == shape:
        conn.execute(sql.SQL("delete from {}").format(target))
    else:
        log.info("reporting.%s is new or changed shape: created again", table)
        conn.execute(sql.SQL("drop table if exists {}").format(target))
        conn.execute(sql.SQL("create table {} ({})").format(target, sql.SQL(", ").join(
            sql.SQL("{} {}").format(sql.Identifier(column), sql.SQL(column_type)) for column, column_type in shape)))
        conn.execute(sql.SQL("grant select on {} to {}").format(
            target, sql.SQL(", ").join(sql.Identifier(role) for role in READ_ROLE_LIMITS)))
    return conn.execute(sql.SQL("insert into {} {}").format(target, rows)).rowcount


def _shapes(conn: psycopg.Connection, schema: str) -> dict[str, list[tuple[str, str]]]:
    """Each base table of a schema: its columns and their types, in order."""
    shapes: dict[str, list[tuple[str, str]]] = {}
    for table, column, column_type in conn.execute(
            "select c.relname, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute as a "
            "join pg_class as c on c.oid = a.attrelid join pg_namespace as n on n.oid = c.relnamespace "
            "where n.nspname = %s and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped "
            "order by c.relname, a.attnum", (schema,)).fetchall():
        shapes.setdefault(table, []).append((column, column_type))
    return shapes


def published_shapes(conn: psycopg.Connection) -> dict[str, list[tuple[str, str]]]:
    return _shapes(conn, REPORTING_SCHEMA)


def _ensure_grain_index(conn: psycopg.Connection, table: str, grain: list[str]) -> None:
    """One index on the table's grain as its published model declares it (the columns a BI query selects its
    rows by), built once and kept; built again when the declared grain changes."""
    name = f"{table}_grain"[:63]
    [(indexed,)] = conn.execute(
        "select array(select attribute.attname from pg_index as index cross join unnest(index.indkey) with ordinality "
        "as key (attnum, position) join pg_attribute as attribute on attribute.attrelid = index.indrelid "
        "and attribute.attnum = key.attnum where index.indexrelid = to_regclass(%s) order by key.position)",
        (f"{REPORTING_SCHEMA}.{name}",)).fetchall()
    if indexed == grain:
        return
    conn.execute(sql.SQL("drop index if exists {}").format(sql.Identifier(REPORTING_SCHEMA, name)))
    conn.execute(sql.SQL("create index {} on {} ({})").format(
        sql.Identifier(name), sql.Identifier(REPORTING_SCHEMA, table), sql.SQL(", ").join(map(sql.Identifier, grain))))


COMMENTS = """
    select candidate_column.attname, col_description(candidate_column.attrelid, candidate_column.attnum),
           col_description(published_column.attrelid, published_column.attnum)
    from pg_attribute as candidate_column
    join pg_attribute as published_column
      on published_column.attrelid = %(published)s::regclass and published_column.attname = candidate_column.attname
    where candidate_column.attrelid = %(candidate)s::regclass and candidate_column.attnum > 0
      and not candidate_column.attisdropped
    union all
    select null, obj_description(%(candidate)s::regclass, 'pg_class'),
           obj_description(%(published)s::regclass, 'pg_class')
"""


def _copy_comments(conn: psycopg.Connection, table: str) -> None:
    """The candidate's table and column comments (dbt's descriptions) on the reporting table, where they differ."""
    target = sql.Identifier(REPORTING_SCHEMA, table)
    names = {"candidate": f'{CANDIDATE_SCHEMA}."{table}"', "published": f'{REPORTING_SCHEMA}."{table}"'}
    for column, wanted, current in conn.execute(COMMENTS, names).fetchall():
        if wanted != current:
            on = sql.SQL("table {}").format(target) if column is None else sql.SQL("column {}.{}").format(
                target, sql.Identifier(column))
            conn.execute(sql.SQL("comment on {} is {}").format(on, sql.Literal(wanted)))
