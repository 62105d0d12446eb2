"""dbt's compiled SQL of an inline query (macros expanded), for tests that run macros on PostgreSQL."""

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
