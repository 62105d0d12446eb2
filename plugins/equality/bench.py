"""The benchmark behind `make bench`: our load against a bare COPY of the same files into the same server,
peak memory of the load, dbt build plus validation time at that volume, a night that lands one more month
against the night that landed the history, and what BI feels: 20 clients' typical queries on ``reporting``,
idle and while a night publishes. Prints ratios, not absolutes: both sides
are measured in the same run on the same machine.
"""

from __future__ import annotations

import json
import logging
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import psycopg

from equality.config import REFERENCE_DIR, SEEDS_DIR, Settings
from equality.contracts import SourceContract
from equality.schema import raw_table_ddl
from equality.sources import contract_for
from equality.sources.stop_search.contracts import FORCE_STOP_SEARCH
from equality.warehouse import as_login, connect, describe, warehouse_url, with_database

log = logging.getLogger(__name__)

BENCH_DATABASE = "equality_bench"
BARE_COPY_SCHEMA = "bench_bare_copy"
TARGET_RATIO_TO_BARE_COPY = 0.15  # a night's load, raw's indexes kept up to date
TARGET_BACKFILL_RATIO_TO_BARE_COPY = 0.3  # a backfill's load, raw's indexes built after it
BACKFILL_DATABASE = "equality_bench_backfill"
TARGET_PEAK_MEMORY_MB = 300  # at ten times the bench's rows too (`--rows 10000000 --load-only`), issue 9
TARGET_INCREMENT_TO_FULL = 0.15  # a night that lands one more month, against the night that lands the history
INCREMENT_MONTH_END = date(2025, 4, 30)  # the history is April 2023 to March 2025; April 2025 arrives a night later
DEFAULT_CUSTODY_DETENTIONS = 600_000  # ten years of a large force
CUSTODY_YEARS = 10
DETENTIONS_PER_YEAR_AT_BASELINE_1 = 3_625  # measured: ~43,500 detentions a year at the default baseline 12
SEARCHES_PER_YEAR_AT_BASELINE_1 = 3_780  # measured: 755,048 rows over two years at baseline 100
BI_CLIENTS = 20
BI_SECONDS = 15.0
TARGET_BI_P95_MS = 50
BENCH_BI_LOGIN = "equality_bench_bi_reader"
BENCH_PSEUDONYM_KEY = "benchmark-pseudonym-key-0123456789abcdef"  # synthetic data only; at least 32 bytes


def _fresh_database(url: str, name: str = BENCH_DATABASE) -> str:
    with connect(with_database(url, "postgres"), autocommit=True) as conn:
        conn.execute(f"drop database if exists {name} with (force)")
        conn.execute(f"create database {name}")
    return with_database(url, name)


def _drop_database(url: str) -> None:
    with connect(with_database(url, "postgres"), autocommit=True) as conn:
        conn.execute(f"drop database {describe(url)['database']} with (force)")


def bare_copy_seconds(url: str, files: list[Path], contract: SourceContract = FORCE_STOP_SEARCH, *,
                      raw_shaped: bool = False) -> float:
    """COPY the files as they are into a table of their columns as text: a plain one, the floor any loader is
    measured against, or one shaped as raw is (its load columns and indexes), the floor of any loader that keeps
    raw's indexes up to date."""
    table = f"{BARE_COPY_SCHEMA}.{contract.raw_table}"
    columns = ", ".join(contract.column_names)
    with connect(url, autocommit=True) as conn:
        conn.execute(f"drop schema if exists {BARE_COPY_SCHEMA} cascade; create schema {BARE_COPY_SCHEMA}")
        if raw_shaped:
            conn.execute(raw_table_ddl(contract, BARE_COPY_SCHEMA))
            conn.execute(f"alter table {table} alter load_id set default 1, alter file_name set default 'bench', "
                         "alter line_number set default 0")
        else:
            conn.execute(f"create table {table} ({', '.join(f'{name} text' for name in contract.column_names)})")
        started = time.perf_counter()
        with conn.cursor() as cursor:
            for path in files:
                with cursor.copy(f"copy {table} ({columns}) from stdin with (format csv, header true)") as copy:
                    with open(path, "rb") as stream:
                        while chunk := stream.read(1 << 20):
                            copy.write(chunk)
        seconds = time.perf_counter() - started
        conn.execute(f"drop schema {BARE_COPY_SCHEMA} cascade")
    return seconds


def _load_in_child(url: str, folder: Path, key: str, mode: str = "nightly") -> dict:
    """Run the real load (mode 'nightly', or 'backfill': raw's indexes built after the load) in a child process
    so its peak memory is measured alone."""
    child = subprocess.run([sys.executable, "-m", "equality.bench", "load", url, str(folder), key, mode],
                           capture_output=True, text=True, check=True)
    return json.loads(child.stdout.strip().splitlines()[-1])


def _child_load(url: str, folder: str, key: str, mode: str) -> None:
    from equality.ingest import delivered_files, load_files
    from equality.schema import bootstrap

    with connect(url, autocommit=True) as conn:
        bootstrap(conn)
        load_files(conn, delivered_files([REFERENCE_DIR]), key=key.encode(), seeds_dir=SEEDS_DIR)  # not timed
        started = time.perf_counter()
        results = load_files(conn, delivered_files([Path(folder)]), key=key.encode(), seeds_dir=SEEDS_DIR,
                             backfill=mode == "backfill")
        seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "rows": sum(result.rows_loaded for result in results),
                      "quarantined": sum(result.rows_quarantined for result in results),
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def _workforce_benchmark(url: str, folder: Path, key: str) -> dict:
    """The HR extract of a force of 12,000 people over 10 years: our load against bare COPY of the same files."""
    from equality.sources.hr.synthetic import bench_scenario, generate_workforce

    extract = generate_workforce(bench_scenario(), folder)
    by_contract: dict[str, tuple[SourceContract, list[Path]]] = {}
    for path in extract.files:
        contract = contract_for(path.name)
        by_contract.setdefault(contract.name, (contract, []))[1].append(path)
    bare = sum(bare_copy_seconds(url, paths, contract) for contract, paths in by_contract.values())
    load = _load_in_child(url, folder, key)
    return {
        "workforce_people_at_start": sum(bench_scenario().initial_headcount.values()),
        "workforce_years": 10,
        "workforce_rows": dict(extract.row_counts),
        "workforce_bare_copy_seconds": round(bare, 2),
        "workforce_load_seconds": round(load["seconds"], 2),
        "workforce_load_speed_ratio_to_bare_copy": round(bare / load["seconds"], 2),
        "workforce_load_rows_quarantined": load["quarantined"],
        "workforce_load_peak_memory_mb": round(load["peak_rss_mb"], 1),
    }


def run_benchmark(rows: int, settings: Settings, load_only: bool = False,
                  custody_detentions: int = DEFAULT_CUSTODY_DETENTIONS, workforce: bool = True) -> dict:
    from equality import nightly
    from equality.sources.custody.synthetic import generate_custody, scenario_a
    from equality.sources.stop_search.synthetic import Scenario, generate

    url = _fresh_database(warehouse_url(settings))
    with tempfile.TemporaryDirectory(prefix="equality-bench-") as folder:
        landing, increment = Path(folder) / "landing", Path(folder) / "increment"  # the last month lands a night later
        landing.mkdir()
        increment.mkdir()
        baseline = rows / (2 * SEARCHES_PER_YEAR_AT_BASELINE_1)
        started = time.perf_counter()
        extract = generate(Scenario(seed=99, start=date(2023, 4, 1), end=INCREMENT_MONTH_END,
                                    searches_per_1000_white_per_year=baseline), landing)
        generate_seconds = time.perf_counter() - started
        newest = max(extract.files, key=lambda path: path.name)  # stop_search_<date>.csv: the last month
        history = [path for path in extract.files if path != newest]
        newest.rename(increment / newest.name)
        with open(increment / newest.name, "rb") as stream:
            increment_rows = sum(1 for _ in stream) - 1
        history_rows = extract.row_count - increment_rows
        size_mb = sum(path.stat().st_size for path in history) / 1e6

        bare = bare_copy_seconds(url, history)
        raw_shaped = bare_copy_seconds(url, history, raw_shaped=True)
        load = _load_in_child(url, landing, BENCH_PSEUDONYM_KEY)
        backfill_url = _fresh_database(url, BACKFILL_DATABASE)
        backfill = _load_in_child(backfill_url, landing, BENCH_PSEUDONYM_KEY, mode="backfill")
        _drop_database(backfill_url)
        custody = None
        if custody_detentions:
            custody_folder = landing / "custody"
            custody_extract = generate_custody(scenario_a(
                start=date(2025 - CUSTODY_YEARS, 4, 1), end=date(2025, 3, 31),
                detentions_per_1000_white_per_year=custody_detentions / (CUSTODY_YEARS * DETENTIONS_PER_YEAR_AT_BASELINE_1)),
                custody_folder)
            custody = _load_in_child(url, custody_folder, BENCH_PSEUDONYM_KEY) | {
                "generated": custody_extract.row_count}
        workforce_measured = (_workforce_benchmark(url, landing / "workforce", BENCH_PSEUDONYM_KEY)
                              if workforce else {})

        load_speed, bare_speed = load["rows"] / load["seconds"], history_rows / bare
        measured = {
            "rows": history_rows,
            "files": len(history),
            "extract_mb": round(size_mb, 1),
            "generate_seconds": round(generate_seconds, 2),
            "bare_copy_seconds": round(bare, 2),
            "bare_copy_rows_per_second": round(bare_speed),
            "load_seconds": round(load["seconds"], 2),
            "load_rows_per_second": round(load_speed),
            "load_rows_quarantined": load["quarantined"],
            "raw_shaped_copy_seconds": round(raw_shaped, 2),
            "load_speed_ratio_to_bare_copy": round(load_speed / bare_speed, 2),
            "load_speed_ratio_to_raw_shaped_copy": round(raw_shaped / load["seconds"], 2),
            "load_speed_target_met": load_speed / bare_speed >= TARGET_RATIO_TO_BARE_COPY,
            "backfill_load_seconds": round(backfill["seconds"], 2),
            "backfill_load_speed_ratio_to_bare_copy": round(bare / backfill["seconds"], 2),
            "backfill_load_speed_target_met": bare / backfill["seconds"] >= TARGET_BACKFILL_RATIO_TO_BARE_COPY,
            "backfill_load_peak_memory_mb": round(backfill["peak_rss_mb"], 1),
            "load_peak_memory_mb": round(load["peak_rss_mb"], 1),
            "load_memory_target_met": load["peak_rss_mb"] < TARGET_PEAK_MEMORY_MB,
        }
        if custody:
            measured |= {
                "custody_detentions": custody["generated"],
                "custody_load_seconds": round(custody["seconds"], 2),
                "custody_load_rows_per_second": round(custody["rows"] / custody["seconds"]),
                "custody_load_peak_memory_mb": round(custody["peak_rss_mb"], 1),
            }
        measured |= workforce_measured
        if load_only:
            return measured
        run_settings = Settings(home=settings.home, warehouse_url=url, landing_dir=landing,
                                suppression_threshold=settings.suppression_threshold,
                                pseudonym_key_env=BENCH_PSEUDONYM_KEY)
        full = _night_after_load(run_settings, "benchmark")
        full_seconds = (load["seconds"] + (custody["seconds"] if custody else 0)
                        + workforce_measured.get("workforce_load_seconds", 0) + sum(full.values()))
        _checkpoint(url)  # the increment lands a night later, when the full night's writes are long on disk
        started = time.perf_counter()
        nightly.load(increment, "benchmark-increment", run_settings)
        increment_night = {"load": time.perf_counter() - started} | _night_after_load(run_settings, "benchmark-increment")
        increment_seconds = sum(increment_night.values())
        return (measured | {f"{name}_seconds": round(seconds, 2) for name, seconds in full.items()}
                | {"full_night_seconds": round(full_seconds, 1), "increment_rows": increment_rows}
                | {f"increment_{name}_seconds": round(seconds, 2) for name, seconds in increment_night.items()}
                | {"increment_night_seconds": round(increment_seconds, 1),
                   "increment_to_full_night_ratio": round(increment_seconds / full_seconds, 2),
                   "increment_target_met": increment_seconds / full_seconds <= TARGET_INCREMENT_TO_FULL}
                | _bi_during_publish(url, run_settings))


def _checkpoint(url: str) -> None:
    """Write every dirty page out now (CHECKPOINT), as the hours between two nights would. Right after the full
    night the server is still writing its gigabytes out: the increment's load, its index inserts each logging a
    whole page after every checkpoint, took 10.8-11.8 s in two runs against 1.3-1.5 s in two others."""
    with connect(url, autocommit=True) as conn:
        try:
            conn.execute("checkpoint")
        except psycopg.errors.InsufficientPrivilege:
            log.warning("no right to CHECKPOINT (superuser or pg_checkpoint): the increment may pay for the full "
                        "night's writes")


def _night_after_load(settings: Settings, run_id: str) -> dict[str, float]:
    """The seconds of each stage of a night after its load: raw validation (of the loads it has not validated),
    the dbt build, mart validation and publication."""
    from equality import nightly

    seconds = {}
    for name, stage in (("validate_raw", nightly.validate_raw), ("dbt_build", nightly.build),
                        ("validate_marts", nightly.validate_marts), ("publish", nightly.publish)):
        started = time.perf_counter()
        stage(run_id, settings)
        seconds[name] = time.perf_counter() - started
    return seconds


def _bi_during_publish(url: str, settings: Settings) -> dict:
    """BI's typical queries from ``BI_CLIENTS`` read-only sessions on the published warehouse: quiet, then while
    the night publishes again (every reporting table's rows replaced)."""
    import secrets

    from equality import nightly
    from equality.bi_load import measure_bi_queries
    from equality.schema import BI_ROLE, ensure_login

    password = secrets.token_urlsafe(18)
    with connect(url, autocommit=True) as conn:
        ensure_login(conn, BENCH_BI_LOGIN, password, BI_ROLE)
    bi_url = as_login(url, BENCH_BI_LOGIN, password)
    quiet = measure_bi_queries(bi_url, BI_CLIENTS, BI_SECONDS)
    publish_seconds = []

    def publish_again() -> None:
        with connect(url, autocommit=True) as conn:  # as after a build of everything: every table's rows replaced
            conn.execute("update audit.builds set published_at = null")
        started = time.perf_counter()
        nightly.publish("benchmark-again", settings)
        publish_seconds.append(time.perf_counter() - started)

    busy = measure_bi_queries(bi_url, BI_CLIENTS, BI_SECONDS, during=publish_again)
    return {
        "bi_clients": BI_CLIENTS,
        "bi_quiet_p50_ms": quiet.p50_ms, "bi_quiet_p95_ms": quiet.p95_ms, "bi_quiet_errors": quiet.errors,
        "bi_during_publish_p50_ms": busy.p50_ms, "bi_during_publish_p95_ms": busy.p95_ms,
        "bi_during_publish_queries": busy.queries, "bi_during_publish_errors": busy.errors,
        "bi_publish_seconds": round(publish_seconds[0], 2),
        "bi_p95_ratio_during_publish_to_quiet": round(busy.p95_ms / quiet.p95_ms, 2),
        "bi_target_met": busy.p95_ms < TARGET_BI_P95_MS and busy.errors == 0 and quiet.errors == 0,
    }


if __name__ == "__main__" and sys.argv[1:2] == ["load"]:
    _child_load(*sys.argv[2:6])
