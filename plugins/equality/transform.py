"""Run dbt in-process (one import, one build) against the warehouse named by a URL."""

from __future__ import annotations

import hashlib
import logging
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import psycopg

from equality.config import DBT_PROJECT_DIR
from equality.errors import EqualityError, TransformFailed
from equality.warehouse import connect, describe

log = logging.getLogger(__name__)

# Memory for each sort and hash of the build's queries (libpq's PGOPTIONS, so every dbt connection has it). At the
# server's default of 4 MB the oversight and rate marts sorted millions of rows on disk to group them; at 128 MB
# they hash in memory: on the all-sources test night mart_oversight_stop_search_officers took 11.6 s at 4 MB and
# 6.9 s at 64 MB or more, mart_workforce_representation 18.8 s and 11.6 s. Two threads with a few such nodes
# each stay well under a gigabyte.
BUILD_WORK_MEM = "128MB"


@dataclass(frozen=True)
class BuildResult:
    nodes: int
    failures: list[str]
    relations: list[str]  # 'schema.table' of every model, seed and snapshot the run built


RELATION_NODES = ("model", "seed", "snapshot")


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


@contextmanager
def build_session_options() -> Iterator[None]:
    """dbt's connections get the build's session settings (libpq reads PGOPTIONS); the process's later
    connections (publish, validation, a test's BI login) get the server's own again."""
    previous = os.environ.get("PGOPTIONS")
    os.environ["PGOPTIONS"] = " ".join(filter(None, [f"-c work_mem={BUILD_WORK_MEM}", previous]))  # the operator's last: theirs win
    try:
        yield
    finally:
        if previous is None:
            del os.environ["PGOPTIONS"]
        else:
            os.environ["PGOPTIONS"] = previous


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
    with build_session_options():
        outcome = dbtRunner().invoke(arguments)
    if outcome.exception is not None:
        raise TransformFailed(f"dbt {' '.join(args)} could not run: {outcome.exception}")
    results = list(outcome.result or [])
    failures = [f"{result.node.resource_type} {result.node.name}: {result.status} — {(result.message or '').strip()}"
                + broken_checks_described(url, result)
                for result in results if str(result.status) in ("error", "fail", "runtime error")]
    if not outcome.success:
        raise TransformFailed("dbt " + " ".join(args) + " failed:\n" + "\n".join(f"  - {f}" for f in failures))
    relations = sorted(f"{result.node.schema}.{result.node.alias}" for result in results
                       if str(result.node.resource_type) in RELATION_NODES)
    return BuildResult(nodes=len(results), failures=failures, relations=relations)


def broken_checks_described(url: str, result) -> str:
    """For a failed meets_its_checks test, the checks its model's rows break and how many rows break each (the
    test's own rows: names and counts, never a value, so no personal data reaches a log or an alert). The
    failure is reported whether or not they can be read."""
    metadata = getattr(result.node, "test_metadata", None)
    if str(result.status) != "fail" or metadata is None or metadata.name != "meets_its_checks":
        return ""
    try:
        with connect(url) as conn:
            broken = conn.execute(f"select check_name, failing_rows from ({result.node.compiled_code}) as broken"
                                  " order by check_name").fetchall()
    except (psycopg.Error, EqualityError) as error:
        return f"; its broken checks could not be read ({' '.join(str(error).split())})"
    return "; broken: " + ", ".join(f"{check} ({rows})" for check, rows in broken)


def build(url: str, work_dir: Path, select: list[str] | None = None) -> BuildResult:
    """Seeds, models, snapshots and their tests, in dependency order (dbt build), logging a line per node
    (`equality nightly` and `make demo` show the models' lines as progress): the nodes dbt's ``select`` names,
    their incremental models rebuilding the months the night's loads touched (macro months_rebuilt), or without
    ``select`` everything, every incremental model from all its rows (``--full-refresh``)."""
    return run_dbt(url, "build", *(["--select", *select] if select else ["--full-refresh"]), work_dir=work_dir)


PROJECT_OUTPUTS = ("target", "logs", "dbt_packages")  # what dbt writes into a project run by hand


def project_digest(project_dir: Path = DBT_PROJECT_DIR) -> str:
    """A digest of the dbt project as it builds: every file of it (models, macros, seeds, tests, configuration)
    and dbt's version, not what dbt writes (``PROJECT_OUTPUTS``, and hidden files such as the ``.user.yml`` its
    first run leaves beside profiles.yml). The models a build leaves are a function of this and of the raw tables."""
    from dbt.version import __version__

    digest = hashlib.sha256(__version__.encode())
    for path in sorted(project_dir.rglob("*")):
        relative = path.relative_to(project_dir)
        if (path.is_file() and relative.parts[0] not in PROJECT_OUTPUTS
                and not any(part.startswith(".") for part in relative.parts)):
            digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def selection(built_digest: str | None, digest: str, changed_tables: set[str]) -> list[str] | None:
    """What a night's build must build: None for everything (no build yet, or one of another project), no
    selector when nothing changed since the last build, else every node downstream of each raw table that
    gained or lost rows (dbt's ``source:raw.<table>+``). The models read nothing but raw tables, seeds and
    the project (no clock), so a node with no changed table upstream would be rebuilt as it stands."""
    if built_digest != digest:
        return None
    return [f"source:raw.{table}+" for table in sorted(changed_tables)]
