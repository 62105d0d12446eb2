"""The ``equality`` command: the warehouse, synthetic extracts, the nightly run, its status, the board report,
dbt by hand, the demo and the benchmark.

A mistake (a missing folder, an unreachable warehouse, a missing key, a bad date) is reported in one line
that names the problem and the fix, with a non-zero exit and no traceback (``--debug`` shows it).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import secrets
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date, datetime, timezone
from importlib import metadata
from pathlib import Path

from equality.config import DBT_PROJECT_DIR, Settings
from equality.errors import ConfigurationError, EqualityError, WarehouseError
from equality.warehouse import connect

BI_LOGIN = "equality_bi_reader"
PACKAGE = "police-equality-warehouse"
# An interrupted night exits as a process killed by the signal would (128 + signal number).
INTERRUPTED_EXIT = 128
# The warehouse must answer within this many seconds, or the command stops and says so.
CONNECT_TIMEOUT_SECONDS = 5


class NightInterrupted(EqualityError):
    """The operator (or a supervisor) stopped ``equality nightly`` with SIGTERM or Ctrl-C."""

    def __init__(self, signal_number: int):
        self.signal_number = signal_number
        super().__init__(f"stopped by {signal.Signals(signal_number).name}: the night did not finish, reporting "
                         "still holds the last publication (run `equality nightly` again; nothing is loaded twice)")


class OneLineParser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one line (the problem, then where the help is)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def _settings() -> Settings:
    return Settings.from_env()


def iso_date(text: str) -> date:
    """An argparse type: a calendar date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD ({error})") from None


def quarter(text: str) -> tuple[int, int]:
    """An argparse type: a calendar quarter written 2025Q4."""
    match = re.fullmatch(r"(\d{4})Q([1-4])", text.strip().upper())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a quarter written like 2025Q4")
    return int(match[1]), int(match[2])


def running_warehouse_url(settings: Settings) -> str:
    """WAREHOUSE_URL, or the embedded warehouse's URL if it is running; never starts a server."""
    from equality.warehouse import embedded

    return settings.warehouse_url or embedded(settings).url()


def reachable_warehouse_url(settings: Settings, *, start: bool) -> str:
    """The warehouse URL after checking, within seconds, that it answers; the embedded one is started if
    ``start``. A warehouse that does not answer is a one-line WarehouseError naming the URL and the fix."""
    import psycopg

    from equality.warehouse import redact, warehouse_url

    url = warehouse_url(settings) if start else running_warehouse_url(settings)
    try:
        psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_SECONDS).close()
    except psycopg.OperationalError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        fix = ("correct WAREHOUSE_URL (postgresql://user:password@host:port/database) or unset it to use the "
               "embedded warehouse" if settings.warehouse_url else "run `equality warehouse start`")
        raise WarehouseError(f"cannot reach the warehouse at {redact(url)} ({reason}): {fix}") from error
    return url


def existing_landing_dir(path: Path) -> Path:
    """The landing folder, which must exist and hold at least one extract named as a contract expects."""
    from equality.nightly import delivered

    landing = path.resolve()
    if not landing.is_dir():
        raise ConfigurationError(f"the landing folder {landing} does not exist: pass --landing with the folder the "
                                 "extracts are delivered to (or set EQUALITY_LANDING_DIR)")
    if not delivered(landing):
        raise ConfigurationError(f"no extracts in {landing}: deliver files named as in docs/data-contracts.md "
                                 "(e.g. stop_search_2025-03-31.csv), then run again")
    return landing


def cmd_warehouse(args: argparse.Namespace) -> int:
    from equality.warehouse import embedded, redact, warehouse_url

    settings = _settings()
    if args.action == "start":
        print(redact(warehouse_url(settings)))
    elif args.action == "url":
        url = running_warehouse_url(settings)
        print(url if args.show_password else redact(url))
    elif args.action == "stop":
        if settings.warehouse_url:
            print("WAREHOUSE_URL is set: an external warehouse is not stopped by this command.")
        else:
            embedded(settings).stop()
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from equality.sources.stop_search.synthetic import Scenario, generate

    if args.start >= args.end:
        raise ConfigurationError(f"--start {args.start} is not before --end {args.end}: give a start date before the end")
    extract = generate(Scenario(seed=args.seed, start=args.start, end=args.end), Path(args.out))
    print(f"{extract.row_count} rows in {len(extract.files)} files under {args.out}")
    return 0


def run_dag(landing: Path, settings: Settings, backfill: bool = False) -> str:
    """Run the nightly DAG once, in this process, through Airflow (dag.test): a real run, no scheduler."""
    from equality.orchestration import DAG_ID, prepare_airflow

    prepare_airflow(settings)
    from airflow.dag_processing.dagbag import DagBag

    from equality.config import DAGS_DIR

    dag_bag = DagBag(dag_folder=str(DAGS_DIR))
    if dag_bag.import_errors:
        raise SystemExit(f"DAG import errors: {dag_bag.import_errors}")
    dag = dag_bag.dags[DAG_ID]
    dag_run = dag.test(run_conf={"landing_dir": str(landing), "backfill": backfill})
    return str(dag_run.state)


# What of the run's log is progress worth showing: each task as it starts, the package's own stage lines and
# dbt's line per model.
PROGRESS_PATTERNS = (
    re.compile(r"\[DAG TEST\] (starting) task_id=(\w+)"),
    re.compile(r"\] (stage \w+ \w+ in [\d.]+ s)\s+\[equality\."),
    re.compile(r"(\d+ of \d+ (?:OK created|OK loaded|ERROR creating|FAIL|ERROR)\b.*?)(?:\s+\[(?:info|warning|error)\b|$)"),
)
TERMINAL_COLOURS = re.compile(r"\x1b\[[0-9;]*m")


def progress_lines(text: str) -> list[str]:
    """The progress lines in a chunk of the run's log (everything else stays in the log file)."""
    found = []
    for line in TERMINAL_COLOURS.sub("", text).splitlines():
        for pattern in PROGRESS_PATTERNS:
            match = pattern.search(line)
            if match:
                found.append(re.sub(r"\s+\.{3,}\s+|\s+", " ", " ".join(match.groups())).strip())
                break
    return found


def run_dag_supervised(landing: Path, settings: Settings, backfill: bool = False) -> tuple[str, Path]:
    """Run the DAG in a child process whose output (Airflow's internals) goes to a log file under
    EQUALITY_HOME, printing its progress here; SIGTERM or Ctrl-C stops the child and raises NightInterrupted.

    Airflow's task runner takes over SIGTERM inside each task (and ignores it), so the night runs in a
    process of its own that this one can stop; an unfinished night leaves reporting as it was."""
    log_file = settings.home / "logs" / f"nightly-{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    log_file.touch()
    print(f"Airflow's log of this run: {log_file}", flush=True)
    child = os.fork()
    if child == 0:  # the night, in its own process group so that stopping it stops all of it
        os.setpgid(0, 0)
        with open(log_file, "ab", buffering=0) as log:
            os.dup2(log.fileno(), 1)
            os.dup2(log.fileno(), 2)
        code = 3
        try:
            code = 0 if run_dag(landing, settings, backfill) == "success" else 1
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)

    def stop(signal_number, frame):
        os.killpg(child, signal.SIGKILL)
        os.waitpid(child, 0)
        raise NightInterrupted(signal_number)

    handlers = {number: signal.signal(number, stop) for number in (signal.SIGTERM, signal.SIGINT)}
    try:
        position, status = 0, None
        while status is None:
            finished, exit_status = os.waitpid(child, os.WNOHANG)
            if finished:
                status = os.waitstatus_to_exitcode(exit_status)
            with open(log_file, "rb") as log:
                log.seek(position)
                chunk = log.read()
            cut = chunk.rfind(b"\n") + 1 if status is None else len(chunk)
            position += cut
            for line in progress_lines(chunk[:cut].decode("utf-8", "replace")):
                print(f"  {line}", flush=True)
            if status is None:
                time.sleep(0.5)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
    return ("success" if status == 0 else "failed"), log_file


def failed_stage(url: str, run_started: datetime) -> str:
    """Where and why the night that started at ``run_started`` failed, in words for a one-line message."""
    from equality.night_status import night_status

    with connect(url) as conn:
        status = night_status(conn)
    failed = status.failed_stage
    if failed is None or status.finished_at is None or status.finished_at < run_started:
        return "the night failed in a task that records no stage (waiting for the extract, or the board report)"
    return f"the night failed at {failed.name}: {failed.detail_in_one_line}"


def cmd_nightly(args: argparse.Namespace) -> int:
    settings = _settings()
    landing = existing_landing_dir(Path(args.landing))
    settings.pseudonym_key()  # a missing key is a configuration mistake: say so before anything runs
    url = reachable_warehouse_url(settings, start=True)
    started = datetime.now(timezone.utc)
    state, log_file = run_dag_supervised(landing, settings, args.backfill)
    if state != "success":
        print(f"equality nightly: {failed_stage(url, started)}; reporting was not replaced (log: {log_file})",
              file=sys.stderr)
        return 1
    print("equality_nightly finished: success")
    return 0


def stage_timings(url: str, run_id: str | None = None) -> list[tuple[str, str, float]]:
    from equality.warehouse import connect

    with connect(url) as conn:
        run_id = run_id or conn.execute(
            "select run_id from audit.run_stages order by finished_at desc limit 1").fetchone()[0]
        return conn.execute("select stage, status, seconds from audit.run_stages where run_id = %s "
                            "order by finished_at", (run_id,)).fetchall()


def bi_login(url: str, settings: Settings) -> str:
    """Create (or refresh) the BI tools' read-only login and return its connection string."""
    from equality.schema import BI_ROLE, ensure_login
    from equality.warehouse import as_login, connect

    password_file = settings.home / "secrets" / "bi.password"
    if not password_file.exists():
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(secrets.token_urlsafe(18))
        password_file.chmod(0o600)
    password = password_file.read_text().strip()
    with connect(url) as conn:
        ensure_login(conn, BI_LOGIN, password, BI_ROLE)
        conn.commit()
    return as_login(url, BI_LOGIN, password)


def cmd_demo(args: argparse.Namespace) -> int:
    from equality.sources import registry
    from equality.warehouse import redact, warehouse_url

    settings = _settings()
    timings: list[tuple[str, float]] = []
    started = time.perf_counter()
    url = warehouse_url(settings)
    timings.append(("start the warehouse", time.perf_counter() - started))

    started = time.perf_counter()
    landing = settings.home / "landing" / "demo"
    sources = registry()
    print(f"Writing a synthetic night ({', '.join(source.name for source in sources)}) into {landing}", flush=True)
    deliveries = {}
    for source in sources:
        deliveries[source.name] = source.demo(landing, deliveries)
    timings.append((f"generate {', '.join(delivery.description for delivery in deliveries.values())}",
                    time.perf_counter() - started))

    started = time.perf_counter()
    os.environ.setdefault("EQUALITY_TASK_RETRIES", "0")  # a demo fails at once rather than wait out retries
    print("Running the Airflow DAG equality_nightly (load, validate raw, dbt build, validate marts, publish, "
          "board report):", flush=True)
    run_started = datetime.now(timezone.utc)
    state, log_file = run_dag_supervised(landing, settings)
    timings.append((f"Airflow run of equality_nightly ({state})", time.perf_counter() - started))
    if state != "success":
        print(f"equality demo: {failed_stage(url, run_started)}; reporting was not replaced (log: {log_file})",
              file=sys.stderr)
        return 1

    with connect(url) as conn:
        for source in sources:
            print()
            print(source.headline(conn))
        published = [name for (name,) in conn.execute(
            "select table_name from information_schema.tables where table_schema = 'reporting' order by 1")]
    print()
    from equality.report import write_board_report

    print(f"Board report for the latest complete quarter: {write_board_report(url, settings.home / 'reports')}")
    print()
    print("Where things are:")
    print(f"  warehouse (pipeline owner): {redact(url)}   (`equality warehouse url --show-password`)")
    print(f"  BI / SQL read-only login:   {bi_login(url, settings)}")
    print(textwrap.fill(f"schema reporting ({', '.join(published)})", width=110,
                        initial_indent="  published for BI:           ", subsequent_indent=" " * 30))
    print("  unsuppressed marts:         schema marts (analysts); load registry and quarantine: schema audit")
    print(f"  Data Docs:                  {settings.gx_root / 'gx' / 'uncommitted' / 'data_docs' / 'local_site' / 'index.html'}")
    print("Time taken:")
    for label, seconds in timings:
        print(f"  {label:<55} {seconds:7.1f} s")
    print("  of which, inside the DAG run:")
    for stage_name, status, seconds in stage_timings(url):
        print(f"    {stage_name:<53} {float(seconds):7.1f} s  {status}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from equality.bench import run_benchmark

    print(json.dumps(run_benchmark(rows=args.rows, settings=_settings(), load_only=args.load_only,
                                    custody_detentions=args.custody_detentions,
                                    workforce=not args.no_workforce), indent=2))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from equality.night_status import describe, night_status

    with connect(reachable_warehouse_url(_settings(), start=False)) as conn:
        status = night_status(conn)
    print(describe(status))
    return 1 if status.is_stale else 0


def cmd_dbt(args: argparse.Namespace) -> int:
    """dbt itself, on the warehouse every other command uses (profiles read EQUALITY_DBT_* from WAREHOUSE_URL)."""
    from equality.transform import dbt_environment

    settings = _settings()
    work_dir = settings.home / "dbt"
    environment = {**os.environ, **dbt_environment(reachable_warehouse_url(settings, start=True)),
                   "DBT_PROJECT_DIR": str(DBT_PROJECT_DIR), "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR),
                   "DBT_TARGET_PATH": str(work_dir / "target"), "DBT_LOG_PATH": str(work_dir / "logs")}
    dbt = Path(sys.executable).with_name("dbt")
    return subprocess.run([str(dbt), *args.dbt_arguments], env=environment).returncode


def cmd_report(args: argparse.Namespace) -> int:
    from equality.report import Quarter, write_board_report

    settings = _settings()
    url = reachable_warehouse_url(settings, start=True)
    chosen = Quarter(*args.quarter) if args.quarter else None
    print(write_board_report(url, Path(args.out) if args.out else settings.home / "reports", chosen))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="equality", description=__doc__,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {metadata.version(PACKAGE)}",
                        help="print the version and exit")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", help="what to do")

    warehouse = commands.add_parser("warehouse", help="start, stop or show the embedded warehouse")
    warehouse.add_argument("action", choices=["start", "stop", "url"],
                           help="start: start (or create) it and print its URL; stop: stop it; url: print the URL "
                                "of the running warehouse (never starts one)")
    warehouse.add_argument("--show-password", action="store_true", help="print the URL with its password")
    warehouse.set_defaults(handler=cmd_warehouse)

    generate = commands.add_parser("generate", help="write a synthetic internal extract with known disparities")
    generate.add_argument("--out", required=True, help="folder to write the extract files into (created if missing)")
    generate.add_argument("--start", type=iso_date, default=date(2023, 4, 1),
                          help="first day of the extract, YYYY-MM-DD (default 2023-04-01)")
    generate.add_argument("--end", type=iso_date, default=date(2025, 3, 31),
                          help="last day of the extract, YYYY-MM-DD (default 2025-03-31)")
    generate.add_argument("--seed", type=int, default=1, help="random seed: the same seed writes the same files")
    generate.set_defaults(handler=cmd_generate)

    nightly = commands.add_parser("nightly", help="run the nightly DAG in this process (operators, backfills)")
    nightly.add_argument("--landing", required=True, help="folder holding the extracts to load")
    nightly.add_argument("--backfill", action="store_true",
                         help="a bulk load of history (e.g. a warehouse's first years): raw's indexes are dropped "
                              "for the load and built once after it; rows are checked as on any night")
    nightly.set_defaults(handler=cmd_nightly)

    status = commands.add_parser("status", help="the last night's stages, what it quarantined, whether reporting "
                                                "is stale (exit 1 when stale)")
    status.set_defaults(handler=cmd_status)

    report = commands.add_parser("report", help="write the quarterly board report: one self-contained HTML file "
                                                "read from reporting only")
    report.add_argument("--quarter", type=quarter,
                        help="calendar quarter, e.g. 2025Q4 (default: the latest complete quarter published)")
    report.add_argument("--out", help="folder to write board-report-<quarter>.html into (default EQUALITY_HOME/reports)")
    report.set_defaults(handler=cmd_report)

    dbt = commands.add_parser("dbt", help="run dbt by hand on the same warehouse, e.g. `equality dbt ls -s marts`",
                              add_help=False)
    dbt.add_argument("dbt_arguments", nargs=argparse.REMAINDER, help="dbt's own command and options")

    demo = commands.add_parser("demo", help="embedded warehouse + synthetic night + Airflow run + headline")
    demo.set_defaults(handler=cmd_demo)

    bench = commands.add_parser("bench", help="load speed and memory against a bare COPY; dbt + GX time")
    bench.add_argument("--rows", type=int, default=1_000_000, help="stop-search rows to generate and load")
    bench.add_argument("--load-only", action="store_true", help="measure the load alone (for large --rows)")
    bench.add_argument("--custody-detentions", type=int, default=600_000,
                       help="detentions in the custody extract loaded and built beside the searches (0: none)")
    bench.add_argument("--no-workforce", action="store_true",
                       help="leave out the HR extract (12,000 people, 10 years of monthly snapshots and events)")
    bench.set_defaults(handler=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["dbt"]:  # everything after `dbt` is dbt's, options included (argparse would claim them)
        args = argparse.Namespace(command="dbt", handler=cmd_dbt, debug=False, dbt_arguments=argv[1:])
    else:
        args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.handler(args)
    except NightInterrupted as interrupted:
        print(f"equality {args.command}: {interrupted}", file=sys.stderr)
        return INTERRUPTED_EXIT + interrupted.signal_number
    except EqualityError as error:
        if args.debug:
            raise
        print(f"equality {args.command}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
