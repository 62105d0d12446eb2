"""dbt's compiled SQL of an inline query (macros expanded), for tests that run macros on PostgreSQL.

dbt parses the whole project first (seconds), and reuses that parse from the work folder (partial parsing) when
the profile is the same. A query that names no model compiles to the same SQL against any database, so such tests
compile against the server's ``postgres`` database (``server_database``) in the process's ``dbt_work_dir``: one
parse per test process.
"""

from __future__ import annotations

import os
from pathlib import Path

from equality.config import DBT_PROJECT_DIR
from equality.transform import dbt_environment
from equality.warehouse import with_database


def server_database(url: str) -> str:
    """The ``postgres`` database of the server ``url`` is on: one profile for every inline compilation."""
    return with_database(url, "postgres")


def compiled_inline(url: str, query: str, work_dir: Path) -> str:
    from dbt.cli.main import dbtRunner

    os.environ.update(dbt_environment(url))
    outcome = dbtRunner().invoke([
        "compile", "--quiet", "--inline", query, "--project-dir", str(DBT_PROJECT_DIR),
        "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(work_dir / "target"),
        "--log-path", str(work_dir / "logs")])
    assert outcome.success, outcome.exception
    return outcome.result.results[0].node.compiled_code
