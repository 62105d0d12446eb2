"""Shared fixtures: a real PostgreSQL (embedded, or the server WAREHOUSE_URL names) and a fresh database.

Every test that needs the warehouse gets a database of its own, created on the session's server and
dropped afterwards, so tests never see each other's data and an external server is left as it was.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from equality.config import Settings
from equality.warehouse import EmbeddedWarehouse, connect, with_database

TEST_PSEUDONYM_KEY = "test-key-not-secret-0123456789abcdef"


@pytest.fixture(scope="session")
def server_url(tmp_path_factory) -> str:
    """A URL on the session's PostgreSQL server: WAREHOUSE_URL if set, else a fresh embedded warehouse."""
    external = os.environ.get("WAREHOUSE_URL")
    if external:
        yield external
        return
    server = EmbeddedWarehouse(tmp_path_factory.mktemp("embedded") / "warehouse")
    url = server.start()
    yield url
    server.stop()


def _create_database(server_url: str) -> str:
    name = f"equality_test_{uuid.uuid4().hex[:12]}"
    with connect(with_database(server_url, "postgres"), autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    return with_database(server_url, name)


def _drop_database(url: str) -> None:
    name = url.rsplit("/", 1)[-1]
    with connect(with_database(url, "postgres"), autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture
def warehouse_url(server_url) -> str:
    """A fresh, empty database for one test."""
    url = _create_database(server_url)
    yield url
    _drop_database(url)


@pytest.fixture(scope="module")
def module_warehouse_url(server_url) -> str:
    """A fresh database shared by the tests of one module (for expensive setups such as a dbt build)."""
    url = _create_database(server_url)
    yield url
    _drop_database(url)


@pytest.fixture
def pipeline_env(monkeypatch, tmp_path):
    """Point the pipeline's settings at a test home, a fixed test key and (by the caller) a database."""

    def configure(url: str, home: Path | None = None) -> Settings:
        monkeypatch.setenv("WAREHOUSE_URL", url)
        monkeypatch.setenv("EQUALITY_HOME", str(home or tmp_path / "home"))
        monkeypatch.setenv("EQUALITY_PSEUDONYM_KEY", TEST_PSEUDONYM_KEY)
        return Settings.from_env()

    return configure
