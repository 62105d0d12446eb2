"""One night at a time per warehouse and per EQUALITY_HOME.

Two nights at once would collide: on one home their Great Expectations and dbt files clash, on one
warehouse their dbt builds replace each other's tables. Every entry point (``nightly.run_night`` and each
stage function the DAG calls) therefore holds, while it works:

- an exclusive ``flock`` on ``<EQUALITY_HOME>/night.lock``, whose text names the holder's run and start;
- a session-level PostgreSQL advisory lock on the warehouse database, held by a connection whose
  ``application_name`` names the run.

Both are released by the operating system or the server when the holder ends, even by ``kill -9``, so a
crashed night never blocks the next one. A second night raises ``NightInProgress`` at once, naming the
running night. The lock is re-entrant within a process for the same run (``run_night`` holds it across
its stages). Under Airflow each stage takes it for its own duration: the DAG allows one run at a time,
and the lock keeps an operator's ``equality nightly`` from running inside a stage of the scheduled night.

The tasks of one run share the lock (the DAG loads and checks its sources side by side): each holder takes
it shared, after checking, under a short exclusive claim, that no holder belongs to another run.
"""

from __future__ import annotations

import datetime
import fcntl
import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from equality.config import private_folder
from equality.errors import NightInProgress
from equality.warehouse import connect

LOCK_FILE = "night.lock"
CLAIM_FILE = "night.claim"
ADVISORY_KEY = 7_305_318_901  # "the equality night", one bigint for every database the pipeline owns
CLAIM_KEY = ADVISORY_KEY + 1  # held for an instant by whoever is about to take the night lock
APPLICATION_PREFIX = "equality night "

_held_by_this_process: dict[str, str] = {}


@contextmanager
def one_night(url: str, home: Path, run_id: str) -> Iterator[None]:
    """Hold the night lock of ``home`` and of the warehouse at ``url`` for ``run_id``; raise NightInProgress
    at once if another night holds either."""
    if _held_by_this_process.get(url) == run_id:
        yield
        return
    since = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    with _home_lock(home, run_id, since), connect(url, autocommit=True) as conn:
        conn.execute("select set_config('application_name', %s, false)", (f"{APPLICATION_PREFIX}{run_id}"[:63],))
        with conn.transaction():  # the claim: one would-be holder at a time looks, then takes its share
            conn.execute("select pg_advisory_xact_lock(%s)", (CLAIM_KEY,))
            holder = conn.execute(
                "select activity.application_name, to_char(activity.backend_start at time zone 'UTC', "
                "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from pg_locks as lock join pg_stat_activity as activity "
                "using (pid) where lock.locktype = 'advisory' and lock.granted and lock.objsubid = 1 "
                "and lock.database = (select oid from pg_database where datname = current_database()) "
                "and (lock.classid::bigint << 32 | lock.objid::bigint) = %s "
                "and activity.application_name <> current_setting('application_name') limit 1",
                (ADVISORY_KEY,)).fetchone()
            if holder:
                name, started = holder
                raise NightInProgress(f"another night is running on this warehouse: run "
                                      f"{name.removeprefix(APPLICATION_PREFIX)} since {started}; this one did nothing")
            conn.execute("select pg_advisory_lock_shared(%s)", (ADVISORY_KEY,))
        _held_by_this_process[url] = run_id
        try:
            yield
        finally:
            del _held_by_this_process[url]
            conn.execute("select pg_advisory_unlock_shared(%s)", (ADVISORY_KEY,))


@contextmanager
def _home_lock(home: Path, run_id: str, since: str) -> Iterator[None]:
    private_folder(home)
    descriptor = os.open(home / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        with _claim(home):
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:  # held: by this run's other tasks, or by another night
                holder = _read_holder(descriptor)
                if holder.get("run_id") != run_id:
                    raise NightInProgress(
                        f"another night is running on EQUALITY_HOME {home}: run {holder.get('run_id')} since "
                        f"{holder.get('since')} (process {holder.get('pid')}); this one did nothing") from None
            else:
                os.ftruncate(descriptor, 0)
                os.pwrite(descriptor, json.dumps({"run_id": run_id, "since": since, "pid": os.getpid()}).encode(), 0)
            fcntl.flock(descriptor, fcntl.LOCK_SH)
        yield
    finally:
        os.close(descriptor)  # closing releases the flock


@contextmanager
def _claim(home: Path) -> Iterator[None]:
    """The home's claim: an instant's exclusive lock while a would-be holder looks at the night lock."""
    descriptor = os.open(home / CLAIM_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _read_holder(descriptor: int) -> dict:
    try:
        return json.loads(os.pread(descriptor, 4096, 0) or b"{}")
    except ValueError:
        return {}
