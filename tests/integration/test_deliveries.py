"""Only complete, regular, reasonably sized files load; everything else is skipped or rejected, and said so.

A file still arriving waits for the next night: one with a manifest until its SHA-256 matches, one without
until it has not changed for EQUALITY_DELIVERY_SETTLE_SECONDS. Links, devices and FIFOs are never opened.
A line or value too long for any genuine extract rejects the file naming line and column. No message
quotes the file's content: a file without its header does not put its first identifier in the audit.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time

import pytest
from extract_files import stored_anywhere
from test_ingest import extract, force_row, load, raw_count

from equality import ingest, nightly
from equality.errors import RejectedFiles
from equality.warehouse import connect


@pytest.fixture
def landing(tmp_path):
    folder = tmp_path / "landing"
    folder.mkdir()
    return folder


def write_manifest(path, rows: int, content: bytes | None = None) -> None:
    digest = hashlib.sha256(content if content is not None else path.read_bytes()).hexdigest()
    path.with_name(path.name + ".manifest").write_text(json.dumps({"rows": rows, "sha256": digest}))


def skipped(caplog) -> dict[str, str]:
    return {record.args[0]: record.args[2] for record in caplog.records if record.msg.startswith("skipped %r")}


def test_a_file_changed_within_the_settle_interval_waits_for_the_next_night(landing, caplog, monkeypatch):
    monkeypatch.setenv("EQUALITY_DELIVERY_SETTLE_SECONDS", "60")
    path = extract(landing, [force_row("SS-1")])
    assert nightly.delivered(landing) == []
    assert "waits for the next night" in skipped(caplog)[path.name]
    two_minutes_ago = time.time() - 120
    os.utime(path, (two_minutes_ago, two_minutes_ago))
    assert nightly.delivered(landing) == [path]


def test_a_file_with_a_manifest_loads_when_its_sha256_matches_and_not_before(landing, caplog, monkeypatch):
    monkeypatch.setenv("EQUALITY_DELIVERY_SETTLE_SECONDS", "3600")
    path = extract(landing, [force_row("SS-1"), force_row("SS-2")])
    complete = path.read_bytes()
    path.write_bytes(complete[: complete.rindex(b"\n", 0, -1) + 1])  # cut at a line boundary, still arriving
    write_manifest(path, rows=2, content=complete)
    assert nightly.delivered(landing) == []
    assert "does not match its manifest" in skipped(caplog)[path.name]
    path.write_bytes(complete)
    assert nightly.delivered(landing) == [path]


def test_a_file_whose_record_count_disagrees_with_its_manifest_is_rejected(conn, landing):
    path = extract(landing, [force_row("SS-1"), force_row("SS-2")])
    write_manifest(path, rows=3)
    result = load(conn, path)
    assert (result.status, raw_count(conn)) == ("rejected", 0)
    assert "holds 2 records and its manifest says 3" in result.message


def test_links_devices_and_fifos_are_skipped_by_type_and_never_opened(landing, caplog):
    (landing / "stop_search_2024-01-01.csv").symlink_to("/dev/zero")
    (landing / "stop_search_2024-01-02.csv").symlink_to("/etc/passwd")
    os.mkfifo(landing / "stop_search_2024-01-03.csv")
    assert nightly.delivered(landing) == []
    reasons = skipped(caplog)
    assert reasons["stop_search_2024-01-01.csv"].startswith("a symbolic link")
    assert reasons["stop_search_2024-01-02.csv"].startswith("a symbolic link")
    assert reasons["stop_search_2024-01-03.csv"].startswith("not a regular file")
    assert "root:" not in caplog.text


def test_every_skipped_name_is_logged_as_it_is_whatever_it_holds(landing, caplog):
    names = ["stop_search_2024-01-31'.csv", "stop_search_2024-01-31;rm -rf.csv", "$(touch pwned).csv",
             'notes "draft".txt']
    for name in names:
        (landing / name).write_text("x\n")
    with caplog.at_level(logging.INFO):
        assert nightly.delivered(landing) == []
    assert sorted(skipped(caplog)) == sorted(names)
    assert not (landing / "pwned").exists()


@pytest.mark.parametrize("row, line, column, problem", [
    (force_row("SS-2", legislation="M" * (2 << 20)), 3, "legislation", "line is longer than"),
    (force_row("SS-2", legislation="M" * (100 << 10)), 3, "legislation", "value is longer than"),
    (force_row("SS-2", legislation='"' + "M" * (100 << 10) + '"'), 3, "legislation", "value is longer than"),
], ids=["line", "field", "quoted field"])
def test_an_oversized_line_or_value_rejects_the_file_naming_line_and_column(conn, tmp_path, row, line, column,
                                                                           problem):
    result = load(conn, extract(tmp_path, [force_row("SS-1"), row, force_row("SS-3")]))
    assert (result.status, raw_count(conn)) == ("rejected", 0)
    assert f"line {line}, column '{column}'" in result.message and problem in result.message


@pytest.mark.parametrize("header", ["record_id," * (200 << 10), "x" * (200 << 10)], ids=["long", "one huge field"])
def test_an_oversized_header_rejects_the_file_at_line_1(conn, tmp_path, header):
    result = load(conn, extract(tmp_path, [force_row("SS-1")], header=header))
    assert result.status == "rejected" and result.message.startswith("stop_search_2024-01-31.csv, line 1: ")


def test_a_file_without_its_header_is_rejected_without_quoting_its_first_record(conn, tmp_path):
    result = load(conn, extract(tmp_path, [force_row("SS-2024-004661")], header=force_row("SS-2024-004662")))
    assert result.status == "rejected" and "field 1 is not a column" in result.message
    assert "SS-2024-00466" not in result.message
    assert stored_anywhere(conn, "SS-2024-00466") == []


def test_a_night_with_a_file_without_its_header_keeps_its_identifiers_out_of_the_stage_record(
        warehouse_url, pipeline_env, landing):
    settings = pipeline_env(warehouse_url)
    extract(landing, [force_row("SS-2024-004661")], header=force_row("SS-2024-004662"))
    with pytest.raises(RejectedFiles) as rejected:
        nightly.load(landing, "night-1", settings)
    assert "SS-2024-00466" not in str(rejected.value)
    with connect(warehouse_url) as conn:
        assert stored_anywhere(conn, "SS-2024-00466") == []
        assert conn.execute("select status from audit.run_stages").fetchall() == [("failed",)]


def test_manifests_themselves_are_not_deliveries(landing):
    path = extract(landing, [force_row("SS-1")])
    write_manifest(path, rows=1)
    assert ingest.delivered_files([landing]) == [path]
