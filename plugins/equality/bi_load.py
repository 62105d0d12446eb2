"""What BI feels while the warehouse works: typical data-cell queries from many clients at once, timed.

A data-cell query selects one slice of a published table by its grain (period, area, group), as a
dashboard filter does. ``measure_bi_queries`` runs such queries from ``clients`` connections for
``duration`` seconds, optionally while ``during`` runs (a night's publish, say), and reports the median
and 95th percentile latency and how many queries failed.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from dataclasses import dataclass
from typing import Callable

from psycopg import sql

from equality.publish import REPORTING_SCHEMA, published_shapes
from equality.published_schema import published_tables
from equality.warehouse import connect

SLICES_PER_TABLE = 20
FILTER_COLUMNS = 3


@dataclass(frozen=True)
class BiLoad:
    clients: int
    queries: int
    errors: int
    p50_ms: float
    p95_ms: float


@dataclass(frozen=True)
class _Slice:
    query: sql.Composed
    values: tuple


def typical_slices(url: str) -> list[_Slice]:
    """A few existing slices of every published table, each as a query on the leading columns of its declared grain."""
    slices = []
    with connect(url, autocommit=True) as conn:
        published = published_shapes(conn)
        for table in (table for table in published_tables() if table.name in published):
            columns = table.grain[:FILTER_COLUMNS]
            target = sql.Identifier(REPORTING_SCHEMA, table.name)
            names = sql.SQL(", ").join(map(sql.Identifier, columns))
            query = sql.SQL("select * from {} where {}").format(target, sql.SQL(" and ").join(
                sql.SQL("{} = %s").format(sql.Identifier(column)) for column in columns))
            for values in conn.execute(sql.SQL("select distinct {} from {} limit %s").format(names, target),
                                       (SLICES_PER_TABLE,)).fetchall():
                slices.append(_Slice(query, tuple(values)))
    if not slices:
        raise ValueError("nothing published to query: run a night first")
    return slices


def measure_bi_queries(url: str, clients: int = 20, duration: float = 10.0,
                       during: Callable[[], object] | None = None) -> BiLoad:
    """Run typical data-cell queries from ``clients`` connections for ``duration`` seconds (and at least
    until ``during``, if given, has returned); return their latency percentiles and the number of errors."""
    slices = typical_slices(url)
    latencies: list[float] = []
    errors: list[BaseException] = []
    stop = threading.Event()
    lock = threading.Lock()

    def client(seed: int) -> None:
        chooser = random.Random(seed)
        try:
            with connect(url, autocommit=True) as conn:
                while not stop.is_set():
                    chosen = chooser.choice(slices)
                    started = time.perf_counter()
                    try:
                        conn.execute(chosen.query, chosen.values).fetchall()
                    except Exception as error:  # counted, not raised: the measurement is how many fail
                        with lock:
                            errors.append(error)
                        continue
                    with lock:
                        latencies.append(time.perf_counter() - started)
        except Exception as error:
            with lock:
                errors.append(error)

    threads = [threading.Thread(target=client, args=(seed,), daemon=True) for seed in range(clients)]
    deadline = time.monotonic() + duration
    for thread in threads:
        thread.start()
    if during is not None:
        during()
    time.sleep(max(0.0, deadline - time.monotonic()))
    stop.set()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [float("nan")] * 99
    return BiLoad(clients=clients, queries=len(latencies), errors=len(errors), p50_ms=round(1000 * cuts[49], 2),
                  p95_ms=round(1000 * cuts[94], 2))
