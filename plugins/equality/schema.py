"""Warehouse layout: schemas with one job each, the audit tables, the raw tables and the roles.

``bootstrap`` is idempotent and runs at the start of every night, so a new server (the embedded one, the
compose stack, a force's PostgreSQL) is prepared by the pipeline itself.

Schemas: raw (extracts as landed), audit (load registry, quarantine, validation results, publications,
stage timings), staging / intermediate / marts (dbt), oversight (dbt's officer-level oversight marts,
restricted), reporting_candidate (dbt's suppressed tables, not yet published) and reporting (what BI reads,
replaced atomically by ``publish``).

Roles: the pipeline's login (the WAREHOUSE_URL user) owns every schema; ``equality_analyst`` reads the
marts and reporting; ``equality_bi`` reads ``reporting`` only, cannot create temporary tables, and of the
server's databases connects only to the warehouse's; ``professional_standards`` reads the officer-level
oversight schema (and reporting), which no other read role may. Every login of a read role gets its session limits
(``READ_ROLE_LIMITS``), so no reader holds a night's build or publish up for long.
"""

from __future__ import annotations

import logging

import psycopg
from psycopg import sql

from equality.contracts import SourceContract
from equality.sources import contracts

log = logging.getLogger(__name__)

ANALYST_ROLE = "equality_analyst"
BI_ROLE = "equality_bi"
PROFESSIONAL_STANDARDS_ROLE = "professional_standards"
DBT_SCHEMAS = ("staging", "intermediate", "marts", "oversight", "reporting_candidate")
ANALYST_SCHEMAS = ("marts", "reporting")
# Officer-level oversight (pseudonymised officers flagged against their peers) is for professional standards only.
PROFESSIONAL_STANDARDS_SCHEMAS = ("oversight", "reporting")
# Session limits of every login in a read role, so no reader holds a lock for long: an idle transaction is
# ended, a statement is cancelled, and a query waiting for a lock gives up instead of queueing others behind
# it. BI reads small published tables; analysts run longer queries on the marts, which dbt rebuilds nightly.
READ_ROLE_LIMITS = {
    BI_ROLE: {"idle_in_transaction_session_timeout": "1min", "statement_timeout": "1min", "lock_timeout": "5s"},
    ANALYST_ROLE: {"idle_in_transaction_session_timeout": "5min", "statement_timeout": "15min",
                   "lock_timeout": "10s"},
    PROFESSIONAL_STANDARDS_ROLE: {"idle_in_transaction_session_timeout": "5min", "statement_timeout": "15min",
                                  "lock_timeout": "10s"},
}

AUDIT_DDL = """
create table if not exists audit.loads (
    load_id bigserial primary key,
    source text not null,
    file_name text not null,
    sha256 text not null,
    extract_key text,
    status text not null check (status in ('loaded', 'superseded', 'rejected')),
    rows_in_file bigint,
    rows_loaded bigint,
    rows_quarantined bigint,
    message text,
    superseded_by bigint references audit.loads (load_id),
    loaded_at timestamptz not null default now()
);
-- Columns added since the table's first version come before any index on it: ALTER TABLE takes the table's
-- strongest lock even when the column exists, and a transaction that first took an index's weaker lock would
-- have to upgrade it, deadlocking with a mapped load inserting into the registry at the same time.
-- A registered file's size and change times: a night recognises a file it already loaded without reading it.
alter table audit.loads add column if not exists file_fingerprint text;
-- When a load's rows passed their raw suite, and which version of it (the suite's file and code lists): a night
-- validates only the loads no current suite has passed.
alter table audit.loads add column if not exists raw_validated_at timestamptz;
alter table audit.loads add column if not exists raw_validated_by text;
-- When a load's rows (or, superseded, their removal) reached the models, and what each night's build built: the
-- next night builds only what is downstream of the raw tables whose loads no build has taken in.
alter table audit.loads add column if not exists built_at timestamptz;
create index if not exists loads_sha256 on audit.loads (sha256);
create index if not exists loads_extract_key on audit.loads (source, extract_key) where status = 'loaded';

create table if not exists audit.quarantined_rows (
    load_id bigint not null references audit.loads (load_id),
    source text not null,
    file_name text not null,
    line_number integer not null,
    reasons text[] not null,
    record jsonb not null,
    quarantined_at timestamptz not null default now()
);
create index if not exists quarantined_rows_load on audit.quarantined_rows (load_id);

create table if not exists audit.validation_results (
    validation_id bigserial primary key,
    run_id text not null,
    suite_name text not null,
    schema_name text not null,
    table_name text not null,
    expectation_type text not null,
    column_name text,
    success boolean not null,
    unexpected_count bigint,
    observed_value text,
    details jsonb,
    validated_at timestamptz not null default now()
);

create table if not exists audit.publications (
    publication_id bigserial primary key,
    run_id text not null,
    tables jsonb not null,
    published_at timestamptz not null default now()
);

create table if not exists audit.run_stages (
    run_id text not null,
    stage text not null,
    status text not null,
    seconds numeric not null,
    detail text,
    finished_at timestamptz not null default now()
);
alter table audit.run_stages add column if not exists started_at timestamptz;
create index if not exists loads_fingerprint on audit.loads (source, file_name, file_fingerprint);
create index if not exists loads_not_validated on audit.loads (source) where status = 'loaded' and raw_validated_at is null;
create index if not exists loads_not_built on audit.loads (source) where built_at is null and status <> 'rejected';
create table if not exists audit.builds (
    run_id text not null,
    project_digest text not null,
    selected text[],
    nodes integer not null,
    finished_at timestamptz not null default now()
);
-- The tables each build rebuilt, and when the mart suites passed on them (and which version of the suites): a
-- night validates the marts its build rebuilt, and any an earlier night rebuilt whose validation did not pass.
alter table audit.builds add column if not exists relations text[];
alter table audit.builds add column if not exists marts_validated_at timestamptz;
alter table audit.builds add column if not exists marts_validated_by text;
-- When a build's tables were published, and which tables each publication replaced: a night publishes the tables
-- rebuilt since the last publication (every table after a build of everything), and keeps the others' rows.
alter table audit.builds add column if not exists published_at timestamptz;
alter table audit.publications add column if not exists replaced text[];
"""

# A safe cast test: pg_input_is_valid exists from PostgreSQL 16; older servers get an exception block.
# Declared stable like pg_input_is_valid itself, so PostgreSQL inlines it (immutable would block that).
# The exception block is a subtransaction, which a parallel plan may not start: that version is parallel unsafe.
VALID_TIMESTAMP_FUNCTION_16 = """
create or replace function audit.is_valid_timestamptz(value text) returns boolean
language sql stable parallel safe as $$ select pg_input_is_valid(value, 'timestamptz') $$
"""
VALID_TIMESTAMP_FUNCTION_OLD = """
create or replace function audit.is_valid_timestamptz(value text) returns boolean
language plpgsql stable parallel unsafe as $$
begin
    perform value::timestamptz;
    return true;
exception when others then
    return false;
end $$
"""


def raw_table_ddl(contract: SourceContract, schema: str = "raw") -> str:
    """A raw table (the contract's columns as text, after the load's columns) and its indexes: by load, by
    record key (unique where a key may not repeat across extracts: the load relies on it), and by each look-up
    column."""
    table = f"{schema}.{contract.raw_table}"
    columns = ",\n    ".join(f"{name} text" for name in contract.column_names)
    ddl = (f"create table if not exists {table} (\n    load_id bigint not null,\n"
           f"    file_name text not null,\n    line_number integer not null,\n    {columns}\n);\n"
           f"create index if not exists {contract.raw_table}_load on {table} (load_id);\n")
    key_name = f"{contract.raw_table}_{'_'.join(contract.record_key)}"
    if contract.key_unique_across_extracts:
        # before December 2026 the key's index was not unique, under the name without "_key"
        ddl += (f"drop index if exists {schema}.{key_name};\n"
                f"create unique index if not exists {key_name}_key on {table} ({', '.join(contract.record_key)});\n")
    elif contract.record_key:
        ddl += f"create index if not exists {key_name} on {table} ({', '.join(contract.record_key)});\n"
    for column in contract.lookup_columns:
        ddl += f"create index if not exists {contract.raw_table}_{column} on {table} ({column});\n"
    return ddl


def backfill_lock(contract: SourceContract) -> str:
    """The advisory lock a backfill holds while the contract's raw table is without its indexes (until it has
    built them again); released with the backfill's session, also when it dies."""
    return f"equality.backfill.{contract.raw_table}"


def bootstrap(conn: psycopg.Connection) -> None:
    """Create what is missing of schemas, audit and raw tables, helper functions and roles. Idempotent. A raw
    table that a backfill holds is left alone: its indexes are missing on purpose, and the backfill builds them."""
    with conn.transaction():
        conn.execute("select pg_advisory_xact_lock(hashtext('equality.bootstrap'))")
        for schema in ("raw", "audit", "reporting", *DBT_SCHEMAS):
            conn.execute(f"create schema if not exists {schema}")
        conn.execute(AUDIT_DDL)
        version = conn.info.server_version
        conn.execute(VALID_TIMESTAMP_FUNCTION_16 if version >= 160000 else VALID_TIMESTAMP_FUNCTION_OLD)
        for contract in contracts():
            if conn.execute("select pg_try_advisory_xact_lock(hashtext(%s))", (backfill_lock(contract),)).fetchone()[0]:
                conn.execute(raw_table_ddl(contract))
        _ensure_roles(conn)


def _ensure_roles(conn: psycopg.Connection) -> None:
    for role in READ_ROLE_LIMITS:
        exists = conn.execute("select 1 from pg_roles where rolname = %s", (role,)).fetchone()
        if not exists:
            try:
                with conn.transaction():  # a savepoint: another database's bootstrap may create it at the same time
                    conn.execute(f"create role {role} nologin")
            except (psycopg.errors.DuplicateObject, psycopg.errors.UniqueViolation):
                pass  # roles belong to the server, and another bootstrap made it first
    for role, schemas in ((ANALYST_ROLE, ANALYST_SCHEMAS), (PROFESSIONAL_STANDARDS_ROLE, PROFESSIONAL_STANDARDS_SCHEMAS)):
        for schema in schemas:
            conn.execute(f"grant usage on schema {schema} to {role}")
            conn.execute(f"grant select on all tables in schema {schema} to {role}")
            conn.execute(f"alter default privileges in schema {schema} grant select on tables to {role}")
    for schema in ("raw", "audit", *DBT_SCHEMAS):
        conn.execute(f"revoke all on schema {schema} from public")
    conn.execute(f"grant usage on schema reporting to {BI_ROLE}")
    conn.execute(f"grant select on all tables in schema reporting to {BI_ROLE}")
    database = sql.Identifier(conn.info.dbname)
    conn.execute(sql.SQL("grant connect, temporary on database {} to current_user").format(database))
    conn.execute(sql.SQL("revoke connect, temporary on database {} from public").format(database))
    conn.execute(sql.SQL("grant connect on database {} to {}").format(
        database, sql.SQL(", ").join(sql.Identifier(role) for role in READ_ROLE_LIMITS)))
    conn.execute(sql.SQL("grant temporary on database {} to {}").format(database, sql.Identifier(ANALYST_ROLE)))
    for group in READ_ROLE_LIMITS:
        members = conn.execute("select login.rolname from pg_auth_members as membership join pg_roles as login "
                               "on login.oid = membership.member where membership.roleid = %s::regrole",
                               (group,)).fetchall()
        for (role,) in [(group,), *members]:
            try:
                with conn.transaction():
                    _limit_sessions(conn, role, group)
            except psycopg.errors.InsufficientPrivilege:
                log.warning("cannot set the session limits of login %s (a role the pipeline does not administer): "
                            "a database administrator should run %s", role, "; ".join(
                                f"alter role {role} set {setting} = '{value}'"
                                for setting, value in READ_ROLE_LIMITS[group].items()))


def _limit_sessions(conn: psycopg.Connection, role: str, group: str) -> None:
    """The read role's session limits on a role (settings of a group role do not reach its members' logins)."""
    current = conn.execute("select coalesce(setconfig, '{}') from pg_roles as role left join pg_db_role_setting "
                           "on setrole = role.oid and setdatabase = 0 where role.rolname = %s", (role,)).fetchone()[0]
    for setting, value in READ_ROLE_LIMITS[group].items():
        if f"{setting}={value}" not in current:  # altering only what differs keeps concurrent bootstraps apart
            conn.execute(sql.SQL("alter role {} set {} = {}").format(
                sql.Identifier(role), sql.Identifier(setting), sql.Literal(value)))


def ensure_login(conn: psycopg.Connection, login: str, password: str, group: str) -> None:
    """A login role (e.g. for a BI tool) that is a member of a read role. Idempotent; resets the password."""
    exists = conn.execute("select 1 from pg_roles where rolname = %s", (login,)).fetchone()
    verb = "alter" if exists else "create"
    conn.execute(sql.SQL("{} role {} login password {}").format(
        sql.SQL(verb), sql.Identifier(login), sql.Literal(password)))
    conn.execute(sql.SQL("grant {} to {}").format(
        sql.Identifier(group), sql.Identifier(login)))
    if group in READ_ROLE_LIMITS:
        _limit_sessions(conn, login, group)
