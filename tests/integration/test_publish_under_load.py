"""Publishing while BI reads: no deadlock, no wait on readers, and every reader sees one whole publication.

Twenty BI sessions read ``reporting`` while a night publishes: REPEATABLE READ transactions reading every
table one by one, READ COMMITTED statements reading them all at once, and one session idle in a transaction
that has read every table. Each publication's rows carry its version, so a snapshot mixing two nights, or
missing rows, shows. Run on the embedded PostgreSQL 18 and on PostgreSQL 15 via WAREHOUSE_URL.
"""

from __future__ import annotations

import threading
import time

import psycopg
import pytest

from equality import publish as publishing
from equality.bi_load import measure_bi_queries
from equality.errors import PublishBlocked
from equality.schema import ANALYST_ROLE, BI_ROLE, READ_ROLE_LIMITS, bootstrap, ensure_login
from equality.warehouse import as_login, connect

pytestmark = pytest.mark.pg15_smoke  # what readers see during publish: locking behaviour on every supported PostgreSQL

TABLES = ("custody_rates", "stop_search_rates", "workforce_shares")
ROWS = 5000
READERS = {"repeatable_read": 12, "read_committed": 7}
BI_LOGIN, BI_PASSWORD = "equality_bi_publish_test", "publish-test-reader-password"


def stage_candidate(url: str, version: int, extra_column: str | None = None, tables: tuple[str, ...] = TABLES) -> None:
    """Candidate tables whose every row says which publication it belongs to, and the build that made them in
    ``audit.builds`` (publish replaces the tables rebuilt since the last publication)."""
    with connect(url, autocommit=True) as conn:
        conn.execute("insert into audit.builds (run_id, project_digest, selected, nodes, relations) "
                     "values (%s, 'test', array['test'], %s, %s)",
                     (f"night-{version}", len(tables), [f"reporting_candidate.{table}" for table in tables]))
        for table in tables:
            extra = f", 0 as {extra_column}" if extra_column else ""
            conn.execute(f"drop table if exists reporting_candidate.{table}")
            conn.execute(
                f"create table reporting_candidate.{table} as select "
                f"(array['month', 'quarter', 'financial_year'])[1 + row % 3] as period_type, "
                f"(date '2020-01-01' + (row % 48) * interval '1 month')::date as period_start, "
                f"'LPU' || (row % 10) as area_code, 'area ' || (row % 10) as area_name, "
                f"'ages ' || (row % 4) as age_group, 'group ' || (row % 7) as ethnic_group, "
                f"{version} as version, row as searches{extra} "
                f"from generate_series(1, {ROWS}) as row")
            conn.execute(f"comment on table reporting_candidate.{table} is 'version {version} of {table}'")
            conn.execute(f"comment on column reporting_candidate.{table}.searches is 'searches, version {version}'")


def run_version(run_id: str) -> int:
    return int(run_id.removeprefix("night-"))


@pytest.fixture(scope="module")
def published(module_warehouse_url) -> str:
    """The warehouse with night-1 published, and a BI login's URL for it."""
    with connect(module_warehouse_url, autocommit=True) as conn:
        bootstrap(conn)
        ensure_login(conn, BI_LOGIN, BI_PASSWORD, BI_ROLE)
    stage_candidate(module_warehouse_url, 1)
    with connect(module_warehouse_url) as conn:
        publishing.publish(conn, "night-1")
    return as_login(module_warehouse_url, BI_LOGIN, BI_PASSWORD)


def publish_next(url: str, version: int) -> float:
    stage_candidate(url, version)
    started = time.perf_counter()
    with connect(url) as conn:
        publishing.publish(conn, f"night-{version}")
    return time.perf_counter() - started


class Readers:
    """BI sessions reading reporting until stopped; every snapshot and error is kept."""

    def __init__(self, bi_url: str):
        self.bi_url = bi_url
        self.snapshots: list[tuple[str, int, set[int], list[int]]] = []
        self.errors: list[BaseException] = []
        self.stop = threading.Event()
        self.idle_holds = threading.Event()
        self.idle_saw: list[int] = []
        self.threads = [threading.Thread(target=self._guard, args=(self._repeatable_read,))
                        for _ in range(READERS["repeatable_read"])]
        self.threads += [threading.Thread(target=self._guard, args=(self._read_committed,))
                         for _ in range(READERS["read_committed"])]
        self.threads.append(threading.Thread(target=self._guard, args=(self._idle_in_transaction,)))

    def __enter__(self) -> "Readers":
        for thread in self.threads:
            thread.start()
        assert self.idle_holds.wait(30), self.errors
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(60)

    def _guard(self, reader) -> None:
        try:
            reader()
        except BaseException as error:
            self.errors.append(error)

    def _repeatable_read(self) -> None:
        with connect(self.bi_url) as conn:
            conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            while not self.stop.is_set():
                with conn.transaction():
                    run_id = conn.execute("select run_id from reporting.publication").fetchone()[0]
                    versions, counts = set(), []
                    for table in TABLES:
                        version_counts = conn.execute(
                            f"select version, count(*) from reporting.{table} group by version").fetchall()
                        versions |= {version for version, _ in version_counts}
                        counts.append(sum(count for _, count in version_counts))
                        time.sleep(0.01)
                self.snapshots.append(("repeatable read", run_version(run_id), versions, counts))

    def _read_committed(self) -> None:
        per_table = ", ".join(f"(select array[min(version), max(version), count(*)] from reporting.{table})"
                              for table in TABLES)
        with connect(self.bi_url, autocommit=True) as conn:
            while not self.stop.is_set():
                run_id, *tables = conn.execute(f"select (select run_id from reporting.publication), {per_table}"
                                               ).fetchone()
                versions = {version for low, high, _ in tables for version in (low, high)}
                self.snapshots.append(("read committed", run_version(run_id), versions, [n for *_, n in tables]))

    def _idle_in_transaction(self) -> None:
        with connect(self.bi_url) as conn:
            conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            with conn.transaction():
                for table in TABLES:
                    self.idle_saw.append(conn.execute(f"select max(version) from reporting.{table}").fetchone()[0])
                self.idle_holds.set()
                self.stop.wait(60)
                for table in TABLES:
                    self.idle_saw.append(conn.execute(f"select max(version) from reporting.{table}").fetchone()[0])


def test_readers_see_one_whole_publication_while_publish_neither_waits_nor_deadlocks(published, module_warehouse_url):
    with Readers(published) as readers:
        time.sleep(0.5)
        before = len(readers.snapshots)
        seconds = publish_next(module_warehouse_url, 2)
        time.sleep(0.5)
    assert readers.errors == []
    assert seconds < 5, f"publish took {seconds:.1f} s with readers"
    mixed = [snapshot for snapshot in readers.snapshots
             if snapshot[2] != {snapshot[1]} or snapshot[3] != [ROWS] * len(TABLES)]
    assert mixed == []
    seen = {(kind, version) for kind, version, _, _ in readers.snapshots}
    assert seen == {(kind, version) for kind in ("repeatable read", "read committed") for version in (1, 2)}
    assert before > 0 and len(readers.snapshots) > before
    current = readers.idle_saw[0]
    assert readers.idle_saw == [current] * (2 * len(TABLES)), "a transaction sees the publication it started on"


def test_bi_queries_during_a_publish_all_answer(published, module_warehouse_url):
    with connect(module_warehouse_url) as conn:
        version = run_version(conn.execute("select run_id from reporting.publication").fetchone()[0]) + 1
    load = measure_bi_queries(published, clients=20, duration=3,
                              during=lambda: publish_next(module_warehouse_url, version))
    print(f"BI under publish: {load}")
    assert load.errors == 0 and load.queries > 100
    assert load.p95_ms < 500  # the bench's target is 50 ms on a quiet machine; tests share their cores


def test_reporting_keeps_comments_a_grain_index_and_fresh_statistics(published, module_warehouse_url):
    with connect(module_warehouse_url) as conn:
        version = run_version(conn.execute("select run_id from reporting.publication").fetchone()[0])
        comment = conn.execute("select obj_description('reporting.custody_rates'::regclass, 'pg_class'), "
                               "col_description('reporting.custody_rates'::regclass, 8)").fetchone()
        index = conn.execute("select indexdef from pg_indexes where schemaname = 'reporting' "
                             "and tablename = 'custody_rates'").fetchall()
        estimated_rows = conn.execute("select reltuples from pg_class where oid = 'reporting.custody_rates'::regclass"
                                      ).fetchone()[0]
    assert comment == (f"version {version} of custody_rates", f"searches, version {version}")
    assert [definition.split(" USING ")[1] for (definition,) in index] == [
        "btree (period_type, period_start, area_code, age_group, ethnic_group)"]  # custody_rates' declared grain
    assert estimated_rows == ROWS


def test_a_table_no_build_touched_since_the_last_publication_keeps_its_rows(published, module_warehouse_url):
    with connect(module_warehouse_url, autocommit=True) as conn:
        version = run_version(conn.execute("select run_id from reporting.publication").fetchone()[0])
        stage_candidate(module_warehouse_url, version + 1, tables=("custody_rates",))
        conn.execute("update reporting_candidate.stop_search_rates set version = -1")  # by hand: no build says so
        counts = publishing.publish(conn, f"night-{version + 1}")
        assert conn.execute("select replaced from audit.publications order by publication_id desc limit 1"
                            ).fetchone()[0] == ["custody_rates"]
        assert {table: conn.execute(f"select array_agg(distinct version) from reporting.{table}").fetchone()[0]
                for table in TABLES} == {"custody_rates": [version + 1], "stop_search_rates": [version],
                                         "workforce_shares": [version]}
        assert conn.execute("select count(*) from audit.builds where published_at is null").fetchone()[0] == 0
    assert counts == dict.fromkeys(TABLES, ROWS)


def test_a_grain_index_on_other_columns_is_built_again_on_the_declared_grain(published, module_warehouse_url):
    with connect(module_warehouse_url, autocommit=True) as conn:
        version = run_version(conn.execute("select run_id from reporting.publication").fetchone()[0])
        conn.execute("drop index reporting.custody_rates_grain")
        conn.execute("create index custody_rates_grain on reporting.custody_rates (period_type, ethnic_group)")
    publish_next(module_warehouse_url, version + 1)
    with connect(module_warehouse_url) as conn:
        [(definition,)] = conn.execute("select indexdef from pg_indexes where schemaname = 'reporting' "
                                       "and tablename = 'custody_rates'").fetchall()
    assert definition.endswith("btree (period_type, period_start, area_code, age_group, ethnic_group)")


def test_a_changed_table_waits_briefly_for_a_reader_then_gives_up_leaving_yesterday(published, module_warehouse_url,
                                                                                    monkeypatch):
    monkeypatch.setattr(publishing, "LOCK_TIMEOUT", "200ms")
    monkeypatch.setattr(publishing, "FIRST_BACKOFF_SECONDS", 0.05)
    with connect(module_warehouse_url) as conn:
        version = run_version(conn.execute("select run_id from reporting.publication").fetchone()[0])
    stage_candidate(module_warehouse_url, version + 1, extra_column="new_measure")
    with connect(published) as reader:
        reader.execute("select count(*) from reporting.custody_rates").fetchone()  # idle in transaction
        started = time.perf_counter()
        with connect(module_warehouse_url) as conn, pytest.raises(PublishBlocked, match="gave up after 5 attempts"):
            publishing.publish(conn, f"night-{version + 1}")
        # five waits of 200 ms and backoffs of 0.75 s in all: far from the minutes a reader may hold its lock
        # (slack for a machine running the suite beside this test)
        assert time.perf_counter() - started < 15
        assert reader.execute("select max(version) from reporting.custody_rates").fetchone()[0] == version
    with connect(module_warehouse_url) as conn:
        assert conn.execute("select run_id from reporting.publication").fetchone()[0] == f"night-{version}"
        publishing.publish(conn, f"night-{version + 1}")
        assert conn.execute("select max(version), max(new_measure) from reporting.custody_rates").fetchone() == (
            version + 1, 0)


@pytest.mark.parametrize("group", [BI_ROLE, ANALYST_ROLE])
def test_no_reader_session_holds_a_lock_for_long(published, module_warehouse_url, group):
    """BI's limits keep publish from waiting; the analysts' keep an idle transaction on a mart from holding up
    the next night's dbt build for more than a few minutes."""
    login = f"{group}_limits_test"
    with connect(module_warehouse_url, autocommit=True) as conn:
        ensure_login(conn, login, "limits-test-password", group)
    with connect(as_login(module_warehouse_url, login, "limits-test-password")) as conn:
        limits = {setting: conn.execute(f"show {setting}").fetchone()[0] for setting in READ_ROLE_LIMITS[group]}
    assert limits == READ_ROLE_LIMITS[group]
