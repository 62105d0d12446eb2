"""Run dbt in-process (one import, one build) against the warehouse named by a URL."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from equality.config import DBT_PROJECT_DIR
from equality.errors import TransformFailed
from equality.warehouse import describe

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    nodes: int
    failures: list[str]


def dbt_environment(url: str) -> dict[str, str]:
    """The variables profiles.yml reads, from a WAREHOUSE_URL."""
    parts = describe(url)
    return {
        "EQUALITY_DBT_HOST": str(parts["host"]),
        "EQUALITY_DBT_PORT": str(parts["port"]),
        "EQUALITY_DBT_USER": str(parts["user"] or "postgres"),
        "EQUALITY_DBT_PASSWORD": str(parts["password"] or ""),
        "EQUALITY_DBT_DATABASE": str(parts["database"]),
    }


def run_dbt(url: str, *args: str, work_dir: Path, project_dir: Path = DBT_PROJECT_DIR) -> BuildResult:
    """Invoke dbt with the given arguments (e.g. 'build'); raise TransformFailed listing failing nodes.

    dbt's compiled SQL and logs go to ``work_dir`` (under EQUALITY_HOME), so the checkout stays clean and
    two warehouses can be built from one checkout at once.
    """
    from dbt.cli.main import dbtRunner

    os.environ.update(dbt_environment(url))
    # No usage statistics: a police warehouse does not report to a vendor, and where outbound traffic is blocked
    # the tracker's attempts only cost time.
    arguments = [*args, "--no-send-anonymous-usage-stats", "--project-dir", str(project_dir), "--profiles-dir", str(project_dir),
                 "--target-path", str(work_dir / "target"), "--log-path", str(work_dir / "logs")]
    outcome = dbtRunner().invoke(arguments)
    if outcome.exception is not None:
        raise TransformFailed(f"dbt {' '.join(args)} could not run: {outcome.exception}")
    results = list(outcome.result or [])
    failures = [f"{result.node.resource_type} {result.node.name}: {result.status} — {(result.message or '').strip()}"
                for result in results if str(result.status) in ("error", "fail", "runtime error")]
    if not outcome.success:
        raise TransformFailed("dbt " + " ".join(args) + " failed:\n" + "\n".join(f"  - {f}" for f in failures))
    return BuildResult(nodes=len(results), failures=failures)


def build(url: str, work_dir: Path) -> BuildResult:
    """Seeds, models, snapshots and their tests, in dependency order (dbt build), logging a line per node
    (`equality nightly` and `make demo` show the models' lines as progress)."""
    return run_dbt(url, "build", work_dir=work_dir)
