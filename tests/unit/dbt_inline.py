"""dbt's compiled SQL of an inline query (macros expanded), for tests that run macros on PostgreSQL.

dbt parses the whole project first (10-15 s), and reuses that parse from the work folder (partial parsing) when
the profile is the same, the database's name included. So such tests compile against their module database in
``module_dbt_work_dir``, the folder and database name of the test process's module builds (``SHARED_SET_UPS``
runs them in one process): one parse for all of them.
"""

from __future__ import annotations

import os
from pathlib import Path

from equality.config import DBT_PROJECT_DIR
from equality.transform import dbt_environment


def compiled_inline(url: str, query: str, work_dir: Path) -> str:
    from dbt.cli.main import dbtRunner

    os.environ.update(dbt_environment(url))
    outcome = dbtRunner().invoke([
        "compile", "--quiet", "--inline", query, "--project-dir", str(DBT_PROJECT_DIR),
        "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(work_dir / "target"),
        "--log-path", str(work_dir / "logs")])
    assert outcome.success, outcome.exception
    return outcome.result.results[0].node.compiled_code
