"""Test databases on the session's server: new ones, copies of a built one, and a scratch one emptied in place."""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from typing import Iterator

from equality.warehouse import connect, describe, with_database


def new_database_name() -> str:
    return f"equality_test_{uuid.uuid4().hex[:12]}"


def create_database(server_url: str, template: str = "template0", name: str | None = None) -> str:
    """A new database on the server (a copy of ``template``, which nobody may be connected to), named ``name`` or
    a new name; its URL."""
    name = name or new_database_name()
    with connect(with_database(server_url, "postgres"), autocommit=True) as conn:
        conn.execute(f'create database "{name}" template "{template}" strategy file_copy')
        conn.execute(f'alter database "{name}" set synchronous_commit = off')
    return with_database(server_url, name)


def drop_database(url: str) -> None:
    with connect(with_database(url, "postgres"), autocommit=True) as conn:
        conn.execute(f'drop database if exists "{describe(url)["database"]}" with (force)')


def empty_database(url: str) -> None:
    """Drop every schema the tests may have made and give back an empty ``public``: as good as a new database,
    in a fiftieth of the time."""
    with connect(url, autocommit=True) as conn:
        conn.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                     "and pid <> pg_backend_pid() and state like 'idle in transaction%%'")
        schemas = [name for (name,) in conn.execute(
            "select nspname from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema'")]
        if schemas:
            conn.execute("drop schema " + ", ".join(f'"{name}"' for name in schemas) + " cascade")
        conn.execute("create schema public authorization pg_database_owner")


def end_sessions(conn, name: str) -> None:
    """End every session on database ``name``, waiting for each to go (a template, or a database renamed, may have
    none)."""
    conn.execute("select pg_terminate_backend(pid, 10000) from pg_stat_activity where datname = %s", (name,))


def clone_database(url: str) -> str:
    """A copy of a built database (CREATE DATABASE ... TEMPLATE), for a test that changes what it holds."""
    name = describe(url)["database"]
    with connect(with_database(url, "postgres"), autocommit=True) as conn:
        end_sessions(conn, name)
    return create_database(url, template=name)


@contextmanager
def copy_under_its_name(url: str) -> Iterator[str]:
    """A copy of a built database under the built one's name (its URL), the built one kept under another name
    meanwhile and given its name back after: a build in the copy reuses dbt's saved parse of the built one, which
    dbt keys on the connection, the database's name included (a copy under a new name parses the project again,
    12 s). Nothing else may use the built database meanwhile."""
    name = describe(url)["database"]
    kept = new_database_name()
    with connect(with_database(url, "postgres"), autocommit=True) as conn:
        end_sessions(conn, name)
        conn.execute(f'alter database "{name}" rename to "{kept}"')
    try:
        create_database(url, template=kept, name=name)
        yield url
    finally:
        drop_database(url)
        with connect(with_database(url, "postgres"), autocommit=True) as conn:
            conn.execute(f'alter database "{kept}" rename to "{name}"')


def copy_per_test(built: str):
    """A fixture: a copy of the database the fixture named ``built`` returns (one per module, say), for one test to
    change; dropped after the test."""
    import pytest

    @pytest.fixture
    def copy(request):
        url = clone_database(request.getfixturevalue(built))
        yield url
        drop_database(url)

    return copy
