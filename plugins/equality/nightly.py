"""The night's stages as plain functions: what the Airflow DAG's tasks call, and what tests call directly.

load -> validate_raw -> build -> validate_marts -> publish. Each stage records its duration in
``audit.run_stages``. A stage that fails raises, so nothing after it runs and ``reporting`` stays as it was.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from contextlib import contextmanager
from collections import Counter
from pathlib import Path
from typing import Iterator

from equality import ingest, publish as publishing, raw_suites, transform
from equality.config import EXPECTATIONS_DIR, REFERENCE_DIR, SEEDS_DIR, Settings
from equality.contracts import TABLE, SourceContract
from equality.sources import by_name, contract_for, contracts, registry
from equality.night_lock import one_night
from equality.schema import bootstrap
from equality.warehouse import connect, warehouse_url

log = logging.getLogger(__name__)

MART_SUITES = "marts_*.json"


ABANDONED = "the process running this stage ended before it could record its outcome (killed or crashed)"


@contextmanager
def stage(url: str, run_id: str, name: str) -> Iterator[None]:
    """Record a stage in audit.run_stages: 'running' when it starts, then 'success' or 'failed' with its duration.

    Called under the night lock, so a stage still 'running' from an earlier process is one that was killed:
    it is marked 'failed' first.
    """
    with connect(url, autocommit=True) as conn:
        abandoned = conn.execute("update audit.run_stages set status = 'failed', detail = %s "
                                 "where status = 'running'", (ABANDONED,)).rowcount
        if abandoned:
            log.warning("%d stage(s) left 'running' by an earlier process marked 'failed'", abandoned)
        conn.execute("insert into audit.run_stages (run_id, stage, status, seconds, started_at) "
                     "values (%s, %s, 'running', 0, now())", (run_id, name))
    started = time.perf_counter()
    status, detail = "success", None
    try:
        yield
    except Exception as error:
        status, detail = "failed", str(error)[:2000]
        raise
    finally:
        seconds = round(time.perf_counter() - started, 3)
        with connect(url, autocommit=True) as conn:
            conn.execute("update audit.run_stages set status = %s, seconds = %s, detail = %s, finished_at = now() "
                         "where run_id = %s and stage = %s and status = 'running'",
                         (status, seconds, detail, run_id, name))
        log.info("stage %s %s in %.1f s", name, status, seconds)


@contextmanager
def night_stage(run_id: str, name: str, settings: Settings) -> Iterator[str]:
    """The warehouse URL, for one stage of a night run under the night lock and recorded in audit.run_stages."""
    url = warehouse_url(settings)
    with one_night(url, settings.home, run_id), stage(url, run_id, name):
        yield url


def delivered(landing_dir: Path, settings: Settings | None = None) -> list[Path]:
    """The complete extracts waiting in the landing folder (the sensor's question)."""
    settings = settings or Settings.from_env()
    return ingest.delivered_files([landing_dir], settle_seconds=settings.delivery_settle_seconds)


def sources() -> list[str]:
    """The sources' names (``equality.sources``): they load and are checked side by side.

    A contract's row checks read only raw tables of its own source (tested), so loading a source in contract
    order keeps complaint cases before the allegations and proceedings that name them.
    """
    return [source.name for source in registry()]


def stage_name(name: str, source: str | None) -> str:
    """A stage's name in audit.run_stages: the stage, then the source when it runs for one ('load hr')."""
    return name if source is None else f"{name} {source}"


def load(landing_dir: Path, run_id: str, settings: Settings | None = None, source: str | None = None,
         backfill: bool = False) -> dict[str, int]:
    """Prepare the warehouse, then load the reference files and every extract in the landing folder (of one
    source, if named; as a backfill, raw's indexes built after the load, if asked); return a summary (files by
    status, rows loaded and quarantined), small enough for a task's log and XCom."""
    settings = settings or Settings.from_env()
    url = warehouse_url(settings)
    with one_night(url, settings.home, run_id):
        with connect(url) as conn:
            bootstrap(conn)  # before the stage is recorded: it creates audit.run_stages on a new warehouse
        with night_stage(run_id, stage_name("load", source), settings), connect(url, autocommit=True) as conn:
            files = [path for path in ingest.delivered_files([REFERENCE_DIR, landing_dir],
                                                             settle_seconds=settings.delivery_settle_seconds)
                     if source is None or contract_for(path.name) in by_name(source).contracts]
            results = ingest.load_files(conn, files, key=settings.pseudonym_key(), seeds_dir=SEEDS_DIR,
                                        backfill=backfill)
    summary = Counter(f"files_{result.status}" for result in results)
    summary.update(rows_loaded=sum(result.rows_loaded for result in results),
                   rows_quarantined=sum(result.rows_quarantined for result in results))
    return dict(summary)


def raw_suite_parameters(url: str) -> dict:
    """Suite parameters for the raw suites: allowed values from the seeds, and the rows the registry counts as
    loaded by the loads not validated yet (the rows a raw suite's batch holds)."""
    from equality.validation import seed_value_parameters

    parameters = seed_value_parameters(SEEDS_DIR)
    with connect(url) as conn:
        for contract in contracts():
            expected = conn.execute(
                "select coalesce(sum(rows_loaded), 0) from audit.loads where source = %s and status = 'loaded' "
                "and raw_validated_at is null", (contract.name,)).fetchone()[0]
            parameters[f"{contract.raw_table}_expected_row_count"] = int(expected)
    return parameters


def suite_version(suites: list[Path], parameters: dict) -> str:
    """Suites as they check: their files and the parameters they read. What another version passed is validated
    again (a contract, seed or threshold change re-checks the history once)."""
    return hashlib.sha256(b"".join(path.read_bytes() for path in suites)
                          + json.dumps(parameters, sort_keys=True).encode()).hexdigest()


def raw_suite_version(path: Path, seed_values: dict[str, list[str]]) -> str:
    """A raw suite's version: its file and the code lists it reads."""
    from equality.validation import SuiteFile

    used = SuiteFile.load(path).required_parameters() & set(seed_values)
    return suite_version([path], {name: seed_values[name] for name in used})


def _validate(url: str, run_id: str, suites: list[Path], parameters: dict | None, gx_root: Path) -> int:
    from equality.validation import validate

    if not suites:
        return 0
    results = validate(url, suites, run_id=run_id, parameters_for=parameters, gx_root=gx_root)
    return len(results)


def validate_raw(run_id: str, settings: Settings | None = None, source: str | None = None) -> int:
    """Run the raw suites (of one source, if named: its own GX project, so sources validate side by side) on the
    loads no current suite has passed, then mark those loads validated: a night reads what it loaded."""
    from equality.validation import seed_value_parameters

    settings = settings or Settings.from_env()
    checked = [contract for contract in (contracts() if source is None else by_name(source).contracts)
               if raw_suites.suite_path(contract).is_file()]
    gx_root = settings.gx_root if source is None else settings.gx_root / "sources" / source
    with night_stage(run_id, stage_name("validate_raw", source), settings) as url:
        if not checked:
            return 0
        seed_values = seed_value_parameters(SEEDS_DIR)
        versions = {contract.name: raw_suite_version(raw_suites.suite_path(contract), seed_values)
                    for contract in checked}
        with connect(url, autocommit=True) as conn:
            for name, version in versions.items():
                conn.execute("update audit.loads set raw_validated_at = null where source = %s and "
                             "raw_validated_at is not null and raw_validated_by is distinct from %s", (name, version))
            pending = conn.execute("select source, load_id from audit.loads where source = any(%s) and "
                                   "status = 'loaded' and raw_validated_at is null", (list(versions),)).fetchall()
            _, tables_loaded = _loads_not_built(conn)
            to_read = [contract for contract in checked if _has_rows_to_validate(conn, contract, tables_loaded)]
        log.info("raw suites with rows to read: %s", ", ".join(contract.name for contract in to_read) or "none")
        validated = _validate(url, run_id, [raw_suites.suite_path(contract) for contract in to_read],
                              raw_suite_parameters(url), gx_root)
        with connect(url, autocommit=True) as conn:
            conn.execute("update audit.loads set raw_validated_at = now(), raw_validated_by = (%s::jsonb ->> source) "
                         "where load_id = any(%s)", (json.dumps(versions), [load_id for _, load_id in pending]))
        log.info("raw suites passed on %d new load(s)", len(pending))
        return validated


def _has_rows_to_validate(conn, contract: SourceContract, tables_loaded: set[str]) -> bool:
    """Whether a raw suite has anything to read tonight: rows in its batch (a load not validated yet, or rows of a
    load the registry does not hold as loaded), or a rule against the whole table when that table, or another
    the rule reads, is among ``tables_loaded`` by loads no build has taken in yet (nothing else can break such a
    rule). A suite with neither would pass on no rows, so it is not run."""
    if any((check.tables_read | {contract.raw_table}) & tables_loaded
           for check in contract.raw_checks if check.spans == TABLE):
        return True
    return conn.execute(f"select exists ({raw_suites.night_batch_query(contract)})").fetchone()[0]


def _loads_not_built(conn) -> tuple[list[int], set[str]]:
    """The loads no build has taken in yet, and the raw tables they loaded."""
    loads = conn.execute("select load_id, source from audit.loads where built_at is null "
                         "and status <> 'rejected'").fetchall()
    tables = {contract.name: contract.raw_table for contract in contracts()}
    return [load_id for load_id, _ in loads], {tables[source] for _, source in loads}


def build(run_id: str, settings: Settings | None = None) -> int:
    """dbt build of what the night's loads touch: every node downstream of a raw table that a load no build
    has taken in changed, or everything when the project differs from the last build's (or there was none)."""
    settings = settings or Settings.from_env()
    with night_stage(run_id, "build", settings) as url:
        digest = transform.project_digest()
        with connect(url) as conn:
            built = conn.execute("select project_digest from audit.builds order by finished_at desc limit 1").fetchone()
            changed, tables_loaded = _loads_not_built(conn)
        select = transform.selection(built and built[0], digest, tables_loaded)
        if select == []:
            log.info("no load since the last build and the same dbt project: the models stand as built")
            return 0
        log.info("dbt build of %s", "everything" if select is None else " ".join(select))
        built = transform.build(url, settings.home / "dbt", select)
        with connect(url, autocommit=True) as conn:
            conn.execute("update audit.loads set built_at = now() where load_id = any(%s)", (changed,))
            conn.execute("insert into audit.builds (run_id, project_digest, selected, nodes, relations) "
                         "values (%s, %s, %s, %s, %s)", (run_id, digest, select, built.nodes, built.relations))
        return built.nodes


def validate_marts(run_id: str, settings: Settings | None = None) -> int:
    """Run the mart and published suites on the tables rebuilt by the builds they have not passed yet (every
    suite when one of those builds built everything, or when the suites or their parameters changed since
    they last passed), then mark those builds validated; return the number of suites run."""
    settings = settings or Settings.from_env()
    with night_stage(run_id, "validate_marts", settings) as url:
        suites = sorted(EXPECTATIONS_DIR.glob(MART_SUITES))
        parameters = {"suppression_threshold": settings.suppression_threshold}
        version = suite_version(suites, parameters)
        with connect(url) as conn:  # under the night lock: no build lands while this stage runs
            pending = conn.execute("select selected is null, relations from audit.builds "
                                   "where marts_validated_at is null").fetchall()
            passed = conn.execute("select marts_validated_by from audit.builds where marts_validated_at is not null "
                                  "order by marts_validated_at desc limit 1").fetchone()
        everything = passed != (version,) or any(built_everything for built_everything, _ in pending)
        rebuilt = {relation for _, relations in pending for relation in relations or ()}
        to_run = suites if everything else [path for path in suites if _suite_table(path) in rebuilt]
        log.info("mart suites to run: %d of %d (%s)", len(to_run), len(suites),
                 "all" if everything else "those of the tables rebuilt since they last passed")
        validated = _validate(url, run_id, to_run, parameters, settings.gx_root)
        with connect(url, autocommit=True) as conn:
            conn.execute("update audit.builds set marts_validated_at = now(), marts_validated_by = %s "
                         "where marts_validated_at is null", (version,))
        return validated


def _suite_table(path: Path) -> str:
    from equality.validation import SuiteFile

    suite = SuiteFile.load(path)
    return f"{suite.schema}.{suite.table}"


def publish(run_id: str, settings: Settings | None = None) -> dict[str, int]:
    settings = settings or Settings.from_env()
    with night_stage(run_id, "publish", settings) as url, connect(url) as conn:
        return publishing.publish(conn, run_id)


def run_night(landing_dir: Path, run_id: str, settings: Settings | None = None) -> dict[str, int]:
    """Every stage in order, in this process (for tests and for operators without a scheduler), holding the
    night lock throughout so no other night starts between the stages."""
    settings = settings or Settings.from_env()
    with one_night(warehouse_url(settings), settings.home, run_id):
        load(landing_dir, run_id, settings)
        validate_raw(run_id, settings)
        build(run_id, settings)
        validate_marts(run_id, settings)
        return publish(run_id, settings)
