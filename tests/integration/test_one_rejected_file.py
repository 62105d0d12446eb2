"""One rejected file never takes the night's other files (or its own rejection record) with it.

Each file loads in a transaction of its own: the night's load stage raises RejectedFiles naming the rejected
file, and the warehouse keeps the accepted files in raw and both outcomes in audit.loads.
"""

from __future__ import annotations

import pytest
from test_ingest import extract, force_row, write

from equality import nightly
from equality.errors import RejectedFiles
from equality.warehouse import connect

pytestmark = pytest.mark.pg15_smoke  # a file's own transaction on every supported PostgreSQL


def test_the_night_keeps_the_accepted_files_and_records_the_rejected_one(warehouse_url, pipeline_env, tmp_path):
    settings = pipeline_env(warehouse_url)
    landing = tmp_path / "landing"
    landing.mkdir()
    extract(landing, [force_row("SS-1"), force_row("SS-2")], name="stop_search_2024-01-30.csv")
    write(landing, "stop_search_2024-01-31.csv", "record_id;searched_at\n")
    extract(landing, [force_row("SS-3")], name="stop_search_2024-02-01.csv")

    with pytest.raises(RejectedFiles) as rejected:
        nightly.load(landing, "night-1", settings)

    assert "1 file(s) rejected" in str(rejected.value)
    assert "stop_search_2024-01-31.csv, line 1: the header looks semicolon-separated" in str(rejected.value)
    with connect(warehouse_url) as conn:
        loads = conn.execute("select file_name, status, rows_loaded, message from audit.loads "
                             "where source = 'force_stop_search' order by file_name").fetchall()
        searches = conn.execute("select count(*) from raw.force_stop_search").fetchone()[0]
    assert [(name, status, rows) for name, status, rows, _ in loads] == [
        ("stop_search_2024-01-30.csv", "loaded", 2), ("stop_search_2024-01-31.csv", "rejected", None),
        ("stop_search_2024-02-01.csv", "loaded", 1)]
    assert "semicolon-separated" in loads[1][3]
    assert searches == 3
