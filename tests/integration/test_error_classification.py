"""Errors that retrying cannot fix fail at once; a warehouse that cannot be reached is retried.

A refused login or a missing database is a ConfigurationError (not retryable, so the DAG's task fails at
once with AirflowFailException); a refused or unanswered connection is a WarehouseError (retryable), and
an unanswered one gives up after the connect timeout instead of hanging the night.
"""

from __future__ import annotations

import socket
import time
from urllib.parse import urlsplit, urlunsplit

import pytest

from equality import warehouse
from equality.errors import ConfigurationError, WarehouseError
from equality.orchestration import fail_fast
from equality.warehouse import connect, with_database


def with_login(url: str, user: str, password: str | None = None) -> str:
    parts = urlsplit(url)
    login = user + (f":{password}" if password else "")
    return urlunsplit(parts._replace(netloc=f"{login}@{parts.hostname}:{parts.port or 5432}"))


def test_a_missing_database_fails_at_once_and_is_not_retried(server_url):
    with pytest.raises(ConfigurationError, match='database "no_such_warehouse" does not exist') as refused:
        connect(with_database(server_url, "no_such_warehouse"))
    assert not refused.value.retryable


def test_an_unknown_login_fails_at_once(server_url):
    with pytest.raises(ConfigurationError, match="refused the login") as refused:
        connect(with_login(server_url, "no_such_pipeline_user", "wrong"))
    assert "wrong" not in str(refused.value)


def test_a_wrong_password_fails_at_once(server_url):
    url = with_login(server_url, urlsplit(server_url).username or "postgres", "not-the-password")
    try:
        connect(url).close()
    except ConfigurationError as refused:
        assert "password authentication failed" in str(refused) and "not-the-password" not in str(refused)
    else:
        pytest.skip("this server trusts local logins without a password")


def test_a_refused_connection_is_retryable(server_url):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    parts = urlsplit(server_url)
    with pytest.raises(WarehouseError, match="Connection refused") as unreachable:
        connect(urlunsplit(parts._replace(netloc=f"{parts.username}@127.0.0.1:{closed_port}")))
    assert unreachable.value.retryable


def test_a_server_that_never_answers_times_out_and_is_retryable(monkeypatch):
    monkeypatch.setattr(warehouse, "CONNECT_TIMEOUT_SECONDS", 2)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # accepts the TCP connection, never speaks PostgreSQL
        started = time.perf_counter()
        with pytest.raises(WarehouseError) as unanswered:
            connect(f"postgresql://postgres@127.0.0.1:{silent.getsockname()[1]}/equality")
    assert time.perf_counter() - started < 10
    assert unanswered.value.retryable


def test_the_dag_fails_a_task_at_once_on_a_configuration_error(server_url):
    from airflow.exceptions import AirflowFailException

    with pytest.raises(AirflowFailException, match="ConfigurationError"):
        fail_fast(connect)(with_database(server_url, "no_such_warehouse"))
