"""A pytest plugin that writes what each test cost in CPU: the test process's, its finished subprocesses' and the
embedded test server's (read from its postmaster's /proc entry, with the backends it has reaped). Where a pass's
time goes on a saturated machine is where its CPU goes (docs/benchmarks.md, eighteenth sitting). Run the modules
alone, in one process, so that the server's CPU is theirs:

    PYTHONPATH=tests CPU_LOG=cpu.json .venv/bin/python -m pytest -p cpu_accounting tests/integration/test_alerts.py

CPU_LOG (default cpu.json) receives one record per test: its id, wall seconds and CPU seconds (``test_process``,
``subprocesses``, ``test_server``; the server's is None for a test that started or stopped it). Not used by the
suite itself.
"""

from __future__ import annotations

import glob
import json
import os
import resource
import time

import pytest

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
records: list[dict] = []


def server_cpu() -> float | None:
    """The CPU seconds of the embedded test server (tests/conftest.py ``server_url``) so far, or None when none runs
    (before the first test's set-up starts it, after the last test's tear-down stops it)."""
    pid_files = glob.glob("/tmp/equality-test-server-*/warehouse/pgdata/postmaster.pid")
    if not pid_files:
        return None
    total = 0
    for pid_file in pid_files:
        postmaster = int(open(pid_file).read().split()[0])
        try:
            children = open(f"/proc/{postmaster}/task/{postmaster}/children").read().split()
        except OSError:
            continue
        for pid in [postmaster, *map(int, children)]:
            try:
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue  # a backend that ended between the two reads: its parent counts it from now on
            total += sum(int(ticks) for ticks in fields[11:15])  # utime, stime, and those of reaped children
    return total / CLOCK_TICKS


def own_cpu() -> tuple[float, float]:
    """The CPU seconds of this process and of its finished subprocesses."""
    own, finished = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, finished.ru_utime + finished.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    started, (process, subprocesses), server = time.perf_counter(), own_cpu(), server_cpu()
    yield
    (process_after, subprocesses_after), server_after = own_cpu(), server_cpu()
    records.append({"test": item.nodeid, "wall": time.perf_counter() - started,
                    "test_process": process_after - process, "subprocesses": subprocesses_after - subprocesses,
                    "test_server": None if server is None or server_after is None else server_after - server})


def pytest_sessionfinish(session):
    with open(os.environ.get("CPU_LOG", "cpu.json"), "w") as log:
        json.dump(records, log, indent=1)
