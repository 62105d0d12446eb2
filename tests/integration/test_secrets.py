"""Secrets stay secret: a private EQUALITY_HOME, strong pseudonym keys only, and a BI role that can only read.

Run as root (as CI does), the embedded server's own user must pass through EQUALITY_HOME to its data, so
the folder is 0711 (no listing) instead of 0700; every file in it is still 0600.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

import psycopg
import pytest

from equality.config import Settings
from equality.errors import ConfigurationError
from equality.schema import BI_ROLE, bootstrap, ensure_login
from equality.warehouse import as_login, connect, embedded, with_database

ENV_EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"
PRIVATE_FOLDER = 0o711 if os.geteuid() == 0 else 0o700


def env_example_key() -> str:
    return next(line.split("=", 1)[1] for line in ENV_EXAMPLE.read_text().splitlines()
                if line.startswith("EQUALITY_PSEUDONYM_KEY="))


def settings_with_key(monkeypatch, tmp_path, key: str) -> Settings:
    monkeypatch.setenv("EQUALITY_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("EQUALITY_PSEUDONYM_KEY", key)
    monkeypatch.setenv("WAREHOUSE_URL", "postgresql://nobody@127.0.0.1:1/none")
    return Settings.from_env()


@pytest.mark.parametrize("key, problem", [
    (env_example_key(), "a placeholder"),
    ("a" * 64, "repeats too few characters"),
    ("ab" * 32, "repeats too few characters"),
    (secrets.token_hex(8), "bytes long, it must be at least 32"),
    (secrets.token_hex(16), "repeats too few characters"),  # 32 characters, but only 16 random bytes
], ids=["env-example-placeholder", "one-character", "two-characters", "short", "16-random-bytes"])
def test_a_weak_pseudonym_key_is_refused_with_one_line(monkeypatch, tmp_path, key, problem):
    with pytest.raises(ConfigurationError) as refused:
        settings_with_key(monkeypatch, tmp_path, key).pseudonym_key()
    assert problem in str(refused.value) and "\n" not in str(refused.value)
    assert key not in str(refused.value)


def test_a_random_key_of_32_bytes_is_accepted(monkeypatch, tmp_path):
    key = secrets.token_hex(32)
    assert settings_with_key(monkeypatch, tmp_path, key).pseudonym_key() == key.encode()


def test_the_embedded_warehouse_keeps_its_home_private_and_bi_connects_to_the_warehouse_only(monkeypatch, tmp_path):
    monkeypatch.delenv("WAREHOUSE_URL", raising=False)
    monkeypatch.delenv("EQUALITY_PSEUDONYM_KEY", raising=False)
    monkeypatch.setenv("EQUALITY_HOME", str(tmp_path / "home"))
    settings = Settings.from_env()
    server = embedded(settings)
    url = server.start()
    try:
        settings.pseudonym_key()  # generated once, beside the server
        assert stat.S_IMODE(settings.home.stat().st_mode) == PRIVATE_FOLDER
        readable = [str(path) for path in settings.home.rglob("*")
                    if path.is_file() and path.stat().st_mode & (stat.S_IROTH | stat.S_IWOTH)]
        assert readable == []
        for secret in (server.root / "superuser.password", settings.home / "secrets" / "pseudonym.key"):
            assert stat.S_IMODE(secret.stat().st_mode) == 0o600, secret
        with connect(url, autocommit=True) as conn:
            bootstrap(conn)
            ensure_login(conn, "equality_bi_secrets_test", "secrets-test-password", BI_ROLE)
        bi_url = as_login(url, "equality_bi_secrets_test", "secrets-test-password")
        with connect(bi_url) as conn:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("create temporary table scratch (x int)")
        for other in ("postgres", "template1"):
            with pytest.raises(ConfigurationError, match="permission denied for database"):
                connect(with_database(bi_url, other))
    finally:
        server.stop()


@pytest.mark.slow
def test_airflow_home_and_its_config_with_the_fernet_key_are_private(monkeypatch, tmp_path):
    from equality.orchestration import airflow_environment, prepare_airflow

    for name in ("AIRFLOW_HOME", "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("EQUALITY_HOME", str(tmp_path / "home"))
    settings = Settings.from_env()
    for name, value in airflow_environment(settings).items():  # so that they are restored afterwards
        monkeypatch.setenv(name, value)
    prepare_airflow(settings)
    home = tmp_path / "home" / "airflow"
    assert stat.S_IMODE(home.stat().st_mode) == PRIVATE_FOLDER
    readable = [path.name for path in home.rglob("*") if path.is_file() and path.stat().st_mode & stat.S_IROTH]
    assert readable == [] and (home / "airflow.cfg").exists()


@pytest.mark.slow
def test_an_airflow_home_migrated_by_an_older_airflow_is_migrated_again(tmp_path):
    from importlib.metadata import version

    from equality.orchestration import airflow_environment, migrate_once

    environment = {**os.environ, **airflow_environment(Settings.from_env({"EQUALITY_HOME": str(tmp_path / "home")}))}
    home = Path(environment["AIRFLOW_HOME"])
    home.mkdir(parents=True)
    marker, metadata = home / ".migrated", home / "airflow.db"
    marker.write_text("2.10.5")  # the mark of a migration by the Airflow the project pinned before
    migrate_once(environment)
    assert metadata.exists() and marker.read_text() == version("apache-airflow")
