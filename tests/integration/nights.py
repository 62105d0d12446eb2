"""A whole synthetic night in a database of its own, for the end-to-end tests of each source."""

from __future__ import annotations

from pathlib import Path

import pytest

from equality import nightly
from equality.config import Settings
from equality.warehouse import connect
from warehouse_databases import create_database


def query(url: str, sql: str, *args):
    with connect(url) as conn:
        return conn.execute(sql, args).fetchall()


def run_night_in_new_database(server_url: str, landing: Path, home: Path, run_id: str) -> tuple[str, dict[str, int]]:
    """Create a fresh database, run every stage of the night on the landing folder in this process (settings
    from the environment the pipeline reads), and return the database URL and the published row counts."""
    url = create_database(server_url)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WAREHOUSE_URL", url)
        patch.setenv("EQUALITY_HOME", str(home))
        patch.setenv("EQUALITY_PSEUDONYM_KEY", f"{run_id}-test-key-0123456789abcdef")
        published = nightly.run_night(landing, run_id, Settings.from_env())
    return url, published
