"""Bad input gets a clear error and loses nothing; re-running a night never duplicates data.

Each case writes a small internal extract, loads it into a real PostgreSQL and checks what landed in
raw, what went to quarantine, and what the registry says.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from equality.config import SEEDS_DIR
from equality.sources.stop_search.contracts import FORCE_STOP_SEARCH, POLICE_UK_STOP_SEARCH
from equality.errors import FileRejected, RejectedFiles
from equality import checked_rows
from equality.ingest import load_file, load_files, raw_indexes_built_after
from equality.schema import bootstrap
from equality.warehouse import connect
from equality.pseudonymise import hmac_sha256_hex

pytestmark = pytest.mark.pg15_smoke  # COPY and the timestamp checks differ between PostgreSQL versions

KEY = b"ingest-test-key-0123456789"
HEADER = ",".join(FORCE_STOP_SEARCH.column_names)
REAL_DATA = Path(__file__).resolve().parents[1] / "data" / "police_uk_stop_search"


def force_row(record_id: str = "SS-1", searched_at: str = "2024-01-05T10:00:00+00:00", *,
              ethnicity: str = "B1", legislation: str = "MDA_S23", outcome: str = "NO_FURTHER_ACTION",
              age: str = "24") -> str:
    return (f"{record_id},{searched_at},BIR-N01,BIR,52.480000,-1.890000,{age},M,{ethnicity},IC3,{legislation},"
            f"CONTROLLED_DRUGS,{outcome},,false,false,WM001,BIR-NPT-1")


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def extract(folder: Path, rows: list[str], name: str = "stop_search_2024-01-31.csv", header: str = HEADER) -> Path:
    return write(folder, name, "\n".join([header, *rows]) + "\n")


def load(conn, path: Path):
    return load_file(conn, path, key=KEY, seeds_dir=SEEDS_DIR)


def raw_count(conn, table: str = "force_stop_search") -> int:
    return conn.execute(f"select count(*) from raw.{table}").fetchone()[0]


def quarantine_reasons(conn) -> list[tuple[int, list[str]]]:
    return conn.execute("select line_number, reasons from audit.quarantined_rows order by line_number").fetchall()


def test_a_good_extract_loads_every_row(conn, tmp_path):
    result = load(conn, extract(tmp_path, [force_row("SS-1"), force_row("SS-2")]))
    assert (result.status, result.rows_loaded, result.rows_quarantined) == ("loaded", 2, 0)
    assert raw_count(conn) == 2
    registry = conn.execute("select status, rows_in_file, rows_loaded, extract_key from audit.loads").fetchall()
    assert registry == [("loaded", 2, 2, "2024-01-31")]


def test_identifiers_are_replaced_by_their_keyed_hash(conn, tmp_path):
    load(conn, extract(tmp_path, [force_row("SS-1"), force_row("SS-2", "not a date")]))
    record_id, officer_id = conn.execute("select record_id, officer_id from raw.force_stop_search").fetchone()
    assert (record_id, officer_id) == (hmac_sha256_hex(KEY, "SS-1"), hmac_sha256_hex(KEY, "WM001"))
    quarantined = conn.execute("select record::text from audit.quarantined_rows").fetchone()[0]
    assert "SS-2" not in quarantined and "WM001" not in quarantined


@pytest.mark.parametrize("header, expected", [
    (HEADER.replace(",team", ""), "missing column(s) 'team'"),
    (HEADER.replace("officer_id", "officer_number"),
     f"field {FORCE_STOP_SEARCH.column_names.index('officer_id') + 1} is not a column"),
    (HEADER + ",notes", f"field {len(FORCE_STOP_SEARCH.column_names) + 1} is not a column"),
    (HEADER.replace(",", ";"), "semicolon-separated"),
], ids=["missing column", "renamed column", "extra column", "wrong delimiter"])
def test_a_file_with_the_wrong_header_is_rejected_whole(conn, tmp_path, header, expected):
    path = extract(tmp_path, [force_row()], header=header)
    result = load(conn, path)
    assert result.status == "rejected"
    assert expected in result.message
    assert result.message.startswith(f"{path.name}, line 1")
    assert raw_count(conn) == 0
    assert conn.execute("select status, message from audit.loads").fetchone() == ("rejected", result.message)


def test_a_file_whose_name_has_a_day_the_calendar_lacks_is_rejected(conn, tmp_path):
    path = write(tmp_path, "stop_search_2025-02-30.csv", HEADER + "\n" + force_row() + "\n")
    result = load(conn, path)
    assert result.status == "rejected" and raw_count(conn) == 0
    assert result.message.startswith("stop_search_2025-02-30.csv: the date in its name, 2025-02-30, is not a day")
    assert conn.execute("select status, message from audit.loads").fetchone() == ("rejected", result.message)


def test_an_empty_file_is_rejected(conn, tmp_path):
    result = load(conn, write(tmp_path, "stop_search_2024-01-31.csv", b""))
    assert result.status == "rejected" and "empty" in result.message


@pytest.mark.parametrize("header_end", ["\n", ""], ids=["header line", "header without line break"])
def test_a_header_only_file_is_a_delivery_of_no_rows(conn, tmp_path, header_end):
    result = load(conn, write(tmp_path, "stop_search_2024-01-31.csv", HEADER + header_end))
    assert (result.status, result.rows_loaded, result.rows_quarantined) == ("loaded", 0, 0)
    assert conn.execute("select rows_in_file from audit.loads").fetchall() == [(0,)]


def test_a_file_read_in_many_blocks_lands_as_one_read_whole(conn, tmp_path, monkeypatch):
    """Blocks end between records, not inside a quoted value; a record id repeated in a later block is still a
    duplicate within the file; lines keep their numbers."""
    rows = [force_row(f"SS-{number}") for number in range(1, 40)]
    rows[5] = rows[5].replace("BIR-NPT-1", '"a team\nover two lines, with a comma"')
    rows[30] = force_row("SS-2")  # SS-2 is record 2, blocks earlier
    rows[33] = force_row("SS-34", age="200")
    path = extract(tmp_path, rows)
    monkeypatch.setattr(checked_rows, "READ_BLOCK_BYTES", 300)  # two or three records a block
    result = load(conn, path)
    assert (result.rows_loaded, result.rows_quarantined) == (36, 3)
    assert quarantine_reasons(conn) == [(3, ["duplicate record_id within the file"]),
                                        (32, ["duplicate record_id within the file"]),
                                        (35, ["age 200 is outside 0 to 110"])]
    assert conn.execute("select team from raw.force_stop_search where line_number = 7").fetchall() == [
        ("a team\nover two lines, with a comma",)]
    assert conn.execute("select count(distinct line_number), max(line_number) from raw.force_stop_search"
                        ).fetchone() == (36, 40)


def test_a_byte_order_mark_and_crlf_line_ends_are_accepted(conn, tmp_path):
    text = "\r\n".join([HEADER, force_row("SS-1"), force_row("SS-2")]) + "\r\n"
    result = load(conn, write(tmp_path, "stop_search_2024-01-31.csv", b"\xef\xbb\xbf" + text.encode()))
    assert (result.status, result.rows_loaded) == ("loaded", 2)
    assert conn.execute("select count(*) from raw.force_stop_search where team like '%%\r%%'").fetchone()[0] == 0


def test_bytes_that_are_not_utf8_reject_the_file_naming_line_and_column(conn, tmp_path):
    rows = [force_row("SS-1"), force_row("SS-2").replace("BIR-NPT-1", "BIR-NPT-\xe9")]
    path = write(tmp_path, "stop_search_2024-01-31.csv", ("\n".join([HEADER, *rows]) + "\n").encode("latin-1"))
    result = load(conn, path)
    assert result.status == "rejected"
    assert "line 3, column 'team'" in result.message and "not UTF-8" in result.message
    assert raw_count(conn) == 0


def test_a_row_with_too_many_fields_rejects_the_file_naming_the_line(conn, tmp_path):
    result = load(conn, extract(tmp_path, [force_row("SS-1"), force_row("SS-2") + ",surplus"]))
    assert result.status == "rejected"
    assert "line 3" in result.message and "more fields" in result.message


@pytest.mark.parametrize("row, reason", [
    (force_row("SS-2", "05/01/2024 10:00"), "unparseable searched_at '05/01/2024 10:00'"),
    (force_row("SS-2", "2999-01-01T00:00:00+00:00"), "is in the future"),
    (force_row("SS-2", ethnicity="Z7"), "unknown self_defined_ethnicity 'Z7'"),
    (force_row("SS-2", legislation="MADE_UP_ACT"), "unknown legislation 'MADE_UP_ACT'"),
    (force_row("SS-2", outcome="TELLING_OFF"), "unknown outcome 'TELLING_OFF'"),
    (force_row("SS-2", age="twenty"), "age 'twenty' is not a whole number"),
], ids=["unparseable date", "future date", "unknown ethnicity", "unknown legislation", "unknown outcome",
        "age not a number"])
def test_a_malformed_row_is_quarantined_with_its_reason_and_the_rest_loads(conn, tmp_path, row, reason):
    result = load(conn, extract(tmp_path, [force_row("SS-1"), row, force_row("SS-3")]))
    assert (result.status, result.rows_loaded, result.rows_quarantined) == ("loaded", 2, 1)
    [(line, reasons)] = quarantine_reasons(conn)
    assert line == 3
    assert any(reason in text for text in reasons), reasons


def test_a_row_with_several_problems_lists_them_all(conn, tmp_path):
    load(conn, extract(tmp_path, [force_row("SS-1", "yesterday", ethnicity="Z7", age="-")]))
    [(_, reasons)] = quarantine_reasons(conn)
    assert len(reasons) == 3


def test_a_record_id_twice_in_one_file_quarantines_both_rows(conn, tmp_path):
    result = load(conn, extract(tmp_path, [force_row("SS-1"), force_row("SS-1"), force_row("SS-2")]))
    assert (result.rows_loaded, result.rows_quarantined) == (1, 2)
    assert all("duplicate record_id within the file" in reasons[0] for _, reasons in quarantine_reasons(conn))


def test_a_record_id_already_loaded_from_another_extract_is_quarantined(conn, tmp_path):
    first = load(conn, extract(tmp_path, [force_row("SS-1")], name="stop_search_2024-01-30.csv"))
    second = load(conn, extract(tmp_path, [force_row("SS-1"), force_row("SS-2")], name="stop_search_2024-01-31.csv"))
    assert (second.rows_loaded, second.rows_quarantined) == (1, 1)
    [(_, reasons)] = quarantine_reasons(conn)
    assert reasons == [f"record_id already loaded from an earlier extract (load {first.load_id})"]


def raw_indexes(conn) -> dict[str, int]:
    """Raw's indexes: definition -> the index's object id (a new id: the index was built again)."""
    return dict(conn.execute("select indexdef, indexrelid from pg_indexes join pg_index on indexrelid = "
                             "format('raw.%I', indexname)::regclass where schemaname = 'raw'").fetchall())


def test_a_backfill_checks_rows_as_a_night_does_and_builds_raw_indexes_after_the_load(conn, tmp_path):
    before = raw_indexes(conn)
    files = [extract(tmp_path, [force_row("SS-1"), force_row("SS-2")], name="stop_search_2024-01-30.csv"),
             extract(tmp_path, [force_row("SS-2"), force_row("SS-3"), force_row("SS-3"), force_row("SS-4")],
                     name="stop_search_2024-01-31.csv"),
             extract(tmp_path, [], name="stop_search_2024-02-29.csv", header="record_id;searched_at")]
    with pytest.raises(RejectedFiles, match="stop_search_2024-02-29.csv, line 1"):
        load_files(conn, files, key=KEY, seeds_dir=SEEDS_DIR, backfill=True)
    [first, _, _] = conn.execute("select load_id from audit.loads where source = 'force_stop_search' "
                                 "order by load_id").fetchall()
    assert raw_count(conn) == 3
    assert quarantine_reasons(conn) == [
        (2, [f"record_id already loaded from an earlier extract (load {first[0]})"]),
        (3, ["duplicate record_id within the file"]), (4, ["duplicate record_id within the file"])]
    assert conn.execute("select rows_loaded, rows_quarantined from audit.loads where source = 'force_stop_search' "
                        "and status = 'loaded' order by load_id").fetchall() == [(2, 0), (1, 3)]
    after = raw_indexes(conn)
    force_indexes = {definition for definition in before if " raw.force_stop_search " in definition}
    assert after.keys() == before.keys() and len(force_indexes) == 2
    # the load's index and the record key's unique one built again as the schema declares them
    assert all(after[definition] != before[definition] for definition in force_indexes)
    assert all(after[definition] == before[definition] for definition in before.keys() - force_indexes)


def test_a_backfill_reports_the_counts_left_once_the_keys_delivered_again_are_quarantined(conn, tmp_path):
    files = [extract(tmp_path, [force_row("SS-1"), force_row("SS-2")], name="stop_search_2024-01-30.csv"),
             extract(tmp_path, [force_row("SS-2"), force_row("SS-3")], name="stop_search_2024-01-31.csv")]
    results = load_files(conn, files, key=KEY, seeds_dir=SEEDS_DIR, backfill=True)
    assert [(result.rows_loaded, result.rows_quarantined, result.message) for result in results] == [
        (2, 0, "2 rows loaded, 0 quarantined"), (1, 1, "1 rows loaded, 1 quarantined")]
    assert raw_count(conn) == 3


def test_a_backfill_cut_short_by_an_error_leaves_raw_indexed_and_its_loads_kept(conn, tmp_path):
    before = raw_indexes(conn)
    files = [extract(tmp_path, [force_row("SS-1"), force_row("SS-2")], name="stop_search_2024-01-31.csv"),
             write(tmp_path, "unclaimed_2024-01-31.csv", "a,b\n1,2\n")]
    with pytest.raises(FileRejected, match="matches no data contract"):
        load_files(conn, files, key=KEY, seeds_dir=SEEDS_DIR, backfill=True)
    assert raw_count(conn) == 2
    after = raw_indexes(conn)
    assert after.keys() == before.keys()
    assert any(after[definition] != before[definition] for definition in before)  # dropped, then built again


def test_a_bootstrap_during_a_backfill_leaves_its_table_to_the_backfill(conn, warehouse_url):
    """Under Airflow each source loads in a task of its own, and each task bootstraps the warehouse first: a
    bootstrap must not build the indexes a backfill of another source has dropped for its load."""
    with raw_indexes_built_after(conn, [FORCE_STOP_SEARCH]), connect(warehouse_url) as other_task:
        bootstrap(other_task)
        assert [index for index in raw_indexes(other_task) if " raw.force_stop_search " in index] == []
        assert [index for index in raw_indexes(other_task) if " raw.police_uk_stop_search " in index]
    assert len([index for index in raw_indexes(conn) if " raw.force_stop_search " in index]) == 2


def test_the_same_file_delivered_twice_loads_once(conn, tmp_path):
    path = extract(tmp_path, [force_row("SS-1"), force_row("SS-2")])
    first, again = load(conn, path), load(conn, path)
    assert again.status == "already_loaded" and again.load_id == first.load_id
    assert raw_count(conn) == 2
    assert conn.execute("select count(*) from audit.loads").fetchone()[0] == 1


def test_a_file_loaded_on_an_earlier_night_is_recognised_without_reading_it(conn, tmp_path, monkeypatch):
    path = extract(tmp_path, [force_row("SS-1"), force_row("SS-2")])
    first = load(conn, path)
    monkeypatch.setattr("equality.ingest.file_sha256", lambda path: pytest.fail(f"{path.name} was read again"))
    again = load(conn, path)
    assert (again.status, again.load_id, again.message) == (
        "already_loaded", first.load_id, f"unchanged since load {first.load_id}: nothing to do")


def test_a_file_rewritten_with_the_same_size_and_modification_time_is_read_again(conn, tmp_path):
    path = extract(tmp_path, [force_row("SS-1"), force_row("SS-2")])
    first = load(conn, path)
    before = path.stat()
    extract(tmp_path, [force_row("SS-1"), force_row("SS-3")])  # same size, other content
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # what `touch -d` or `cp -p` can do
    corrected = load(conn, path)
    assert (corrected.status, corrected.replaced_load_id) == ("loaded", first.load_id)
    assert {row[0] for row in conn.execute("select record_id from raw.force_stop_search")} == {
        hmac_sha256_hex(KEY, "SS-1"), hmac_sha256_hex(KEY, "SS-3")}


def test_a_corrected_file_for_the_same_date_replaces_the_earlier_load(conn, tmp_path):
    first = load(conn, extract(tmp_path / "", [force_row("SS-1"), force_row("SS-2", ethnicity="Z7")]))
    corrected_dir = tmp_path / "corrected"
    corrected_dir.mkdir()
    corrected = load(conn, extract(corrected_dir, [force_row("SS-1"), force_row("SS-2"), force_row("SS-3")]))
    assert corrected.replaced_load_id == first.load_id
    assert raw_count(conn) == 3
    statuses = conn.execute("select load_id, status, superseded_by from audit.loads order by load_id").fetchall()
    assert statuses == [(first.load_id, "superseded", corrected.load_id), (corrected.load_id, "loaded", None)]


def test_a_night_with_one_bad_file_keeps_the_good_ones_and_says_which_was_rejected(conn, tmp_path):
    good = extract(tmp_path, [force_row("SS-1")], name="stop_search_2024-01-30.csv")
    bad = write(tmp_path, "stop_search_2024-01-31.csv", b"")
    with pytest.raises(RejectedFiles, match="stop_search_2024-01-31.csv"):
        load_files(conn, [good, bad], key=KEY, seeds_dir=SEEDS_DIR)
    assert raw_count(conn) == 1


def test_a_real_police_uk_file_loads_every_row(conn):
    path = REAL_DATA / "west_midlands" / "2018-08-west-midlands-stop-and-search.csv"
    result = load(conn, path)
    assert (result.status, result.rows_loaded, result.rows_quarantined) == ("loaded", 1085, 0), result.message
    assert POLICE_UK_STOP_SEARCH.extract_key(path.name) == "2018-08-west-midlands"


@pytest.mark.parametrize("path", sorted((REAL_DATA / "other_forces").glob("*.csv")), ids=lambda path: path.name)
def test_every_real_police_uk_value_is_known_to_the_seeds(conn, path):
    result = load(conn, path)
    assert result.rows_quarantined == 0, quarantine_reasons(conn)[:5]
