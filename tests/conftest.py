"""Shared fixtures: a real PostgreSQL (embedded, or the server WAREHOUSE_URL names) and an empty database.

Every test that needs the warehouse gets an empty database, so tests never see each other's data and an external
server is left as it was. The embedded test server trades crash safety for speed (its data is thrown away).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from equality.config import Settings
from equality.warehouse import EmbeddedWarehouse, connect, with_database
from shared_set_ups import SHARED_SET_UPS
from warehouse_databases import create_database, drop_database, empty_database, new_database_name

TEST_PSEUDONYM_KEY = "test-key-not-secret-0123456789abcdef"
# Settings that keep the embedded test server off the disk's critical path: a crash loses nothing worth keeping.
FAST_DURABILITY = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


def pytest_xdist_make_scheduler(config, log):
    """With ``--dist loadscope``: whole modules to a process (a module's warehouse is built once), and the modules
    sharing a set-up together (``SHARED_SET_UPS``)."""
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class OneProcessPerWarehouse(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return SHARED_SET_UPS.get(module.rsplit("/", 1)[-1], module)

    return OneProcessPerWarehouse(config, log)


@pytest.fixture(scope="session")
def server_url(tmp_path_factory) -> str:
    """A URL on the session's PostgreSQL server: WAREHOUSE_URL if set, else a fresh embedded warehouse."""
    external = os.environ.get("WAREHOUSE_URL")
    if external:
        yield external
        return
    # Outside pytest's temporary root: a pytest session starting beside this one (make test's pg15_smoke run) makes
    # that root private again (0700), which would cut the server's own user off from its data.
    root = Path(tempfile.mkdtemp(prefix="equality-test-server-"))
    server = EmbeddedWarehouse(root / "warehouse")
    url = server.start()
    with connect(with_database(url, "postgres"), autocommit=True) as conn:
        for name, value in FAST_DURABILITY.items():
            conn.execute(f"alter system set {name} = {value}")
        conn.execute("select pg_reload_conf()")
    yield url
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def _scratch_url(server_url) -> str:
    url = create_database(server_url)
    yield url
    drop_database(url)


@pytest.fixture
def warehouse_url(_scratch_url) -> str:
    """An empty database for one test (the session's scratch database, emptied before the test)."""
    empty_database(_scratch_url)
    return _scratch_url


@pytest.fixture(scope="session")
def _module_database_name() -> str:
    return new_database_name()


@pytest.fixture(scope="module")
def module_warehouse_url(server_url, _module_database_name) -> str:
    """A fresh database shared by the tests of one module (for expensive setups such as a dbt build). Every module
    of a test process gets one of the same name, so a dbt build in ``module_dbt_work_dir`` starts from the previous
    module's saved parse: dbt keys it on the connection, the database's name included."""
    url = create_database(server_url, name=_module_database_name)
    yield url
    drop_database(url)


@pytest.fixture(scope="session")
def module_dbt_work_dir(tmp_path_factory) -> Path:
    """One dbt work folder (compiled SQL, logs, the saved parse) for the test process's builds in its modules'
    databases (``module_warehouse_url``)."""
    return tmp_path_factory.mktemp("dbt_module")


@pytest.fixture
def pipeline_env(monkeypatch, tmp_path):
    """Point the pipeline's settings at a test home, a fixed test key and (by the caller) a database."""

    def configure(url: str, home: Path | None = None) -> Settings:
        monkeypatch.setenv("WAREHOUSE_URL", url)
        monkeypatch.setenv("EQUALITY_HOME", str(home or tmp_path / "home"))
        monkeypatch.setenv("EQUALITY_PSEUDONYM_KEY", TEST_PSEUDONYM_KEY)
        return Settings.from_env()

    return configure
