"""Data can never end a COPY early: every row lands or is quarantined, or the file is rejected whole.

PostgreSQL before 18 ends COPY FROM STDIN at a record holding only ``\\.`` and reports success, even in CSV
format: a 100-row file loaded 50 rows, quarantined none and was registered 'loaded'. Run these on the
embedded PostgreSQL 18 and on a PostgreSQL 15-17 (WAREHOUSE_URL=postgresql://postgres@127.0.0.1:5432/postgres).
"""

from __future__ import annotations

import pytest
from test_ingest import extract, force_row, load, raw_count

pytestmark = pytest.mark.pg15_smoke  # COPY's end-of-data marker differs between PostgreSQL versions

ROWS = 100
MARKER_LINE = 52  # the header is line 1, so the marker is the 51st record


def rows_with(record: str, newline: str = "\n") -> str:
    rows = [force_row(f"SS-{number}") for number in range(1, ROWS + 1)]
    rows.insert(MARKER_LINE - 2, record)
    return newline.join(rows)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_record_holding_only_the_end_marker_rejects_the_file_at_its_line(conn, tmp_path, newline):
    path = extract(tmp_path, [])
    path.write_bytes(path.read_bytes().replace(b"\n", newline.encode()) + rows_with("\\.", newline).encode())
    result = load(conn, path)
    assert result.status == "rejected"
    assert f"line {MARKER_LINE}" in result.message and "fewer fields" in result.message
    assert raw_count(conn) == 0
    assert conn.execute("select status from audit.loads").fetchall() == [("rejected",)]


def test_the_end_marker_as_the_last_line_without_a_line_break_rejects_the_file(conn, tmp_path):
    path = extract(tmp_path, [force_row("SS-1"), force_row("SS-2")])
    path.write_bytes(path.read_bytes() + b"\\.")
    result = load(conn, path)
    assert (result.status, raw_count(conn)) == ("rejected", 0)
    assert "line 4" in result.message


def test_the_end_marker_inside_a_quoted_value_is_data_and_every_row_lands(conn, tmp_path):
    path = extract(tmp_path, [])
    path.write_text(path.read_text() + rows_with(force_row('"SS-51\n\\.\n"')) + "\n")
    result = load(conn, path)
    assert (result.status, result.rows_loaded, result.rows_quarantined) == ("loaded", ROWS + 1, 0)
    assert raw_count(conn) == ROWS + 1


@pytest.mark.parametrize("record_id", ["\\N", "\\\\.", "\\.x", '"\\."'])
def test_other_backslash_sequences_are_data(conn, tmp_path, record_id):
    path = extract(tmp_path, [force_row(record_id), force_row("SS-2")])
    result = load(conn, path)
    assert (result.status, result.rows_loaded) == ("loaded", 2)
    assert raw_count(conn) == 2


@pytest.mark.parametrize("byte", ["\x00", "\r"], ids=["nul", "carriage-return"])
def test_a_control_byte_in_a_value_rejects_the_file_naming_line_and_column(conn, tmp_path, byte):
    path = extract(tmp_path, [force_row("SS-1"), force_row("SS-2", legislation=f"MDA{byte}S23")])
    result = load(conn, path)
    assert (result.status, raw_count(conn)) == ("rejected", 0)
    assert "line 3, column 'legislation'" in result.message, result.message
