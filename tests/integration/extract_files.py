"""Small extracts written by hand for the ingest tests, and what to ask the warehouse after loading them."""

from __future__ import annotations

from pathlib import Path

from equality.config import EXPECTATIONS_DIR
from equality.contracts import SourceContract
from equality.sources.stop_search.contracts import FORCE_STOP_SEARCH
from equality.nightly import raw_suite_parameters
from equality.validation import run_suite
from equality.warehouse import connect


def contract_row(contract: SourceContract, defaults: dict, values: dict) -> str:
    """One CSV line of the contract: the defaults with some values replaced; every column must be given."""
    merged = defaults | values
    assert set(merged) == {column.header for column in contract.columns}, set(merged) ^ {
        column.header for column in contract.columns}
    return ",".join(merged[column.header] for column in contract.columns)


def write_extract(folder: Path, contract: SourceContract, date: str, rows: list[str]) -> Path:
    """The contract's file for a date: its header, then the rows."""
    name = {FORCE_STOP_SEARCH.name: "stop_search"}.get(contract.name, contract.raw_table)
    path = folder / f"{name}_{date}.csv"
    header = ",".join(column.header for column in contract.columns)
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def raw_count(conn, table: str) -> int:
    return conn.execute(f"select count(*) from raw.{table}").fetchone()[0]


def quarantined(conn, source: str) -> list[tuple[int, list[str]]]:
    return conn.execute("select line_number, reasons from audit.quarantined_rows where source = %s "
                        "order by load_id, line_number", (source,)).fetchall()


def stored_anywhere(conn, text: str) -> list[str]:
    """The raw and audit tables holding ``text`` in any column of any row."""
    tables = conn.execute("select table_schema, table_name from information_schema.tables "
                          "where table_schema in ('raw', 'audit') and table_type = 'BASE TABLE'").fetchall()
    return [f"{schema}.{table}" for schema, table in tables
            if conn.execute(f"select count(*) from {schema}.{table} as t where t::text like %s",
                            (f"%{text}%",)).fetchone()[0]]


def raw_suite_after_defect(url: str, statements: list[str], table: str, run_id: str):
    """Write a defect straight into raw (each statement must touch one row, bar DDL), then run the table's raw suite."""
    with connect(url) as connection:
        for statement in statements:
            assert connection.execute(statement).rowcount in (1, -1), statement  # -1: DDL, which touches no row
    return run_suite(url, EXPECTATIONS_DIR / f"raw_{table}.json", run_id=run_id, parameters=raw_suite_parameters(url))
