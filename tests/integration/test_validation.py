"""The raw suites run by real Great Expectations against a real PostgreSQL.

Each test gets a copy of one database per module, prepared by the warehouse bootstrap and filled with a few clean
rows by plain SQL (not by ingest, which would quarantine the defects under test).
Great Expectations is imported once per test process; each ``validate`` call makes one context.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from equality.config import EXPECTATIONS_DIR, SEEDS_DIR
from equality.errors import ConfigurationError, ValidationFailed
from equality.schema import bootstrap
from equality.validation import SuiteResult, run_suite, seed_value_parameters, validate
from equality.warehouse import connect
from warehouse_databases import copy_per_test

pytestmark = pytest.mark.pg15_smoke  # the suites' timestamp checks differ between PostgreSQL versions

# The stop-search raw suites (the custody suite runs in tests/integration/test_custody.py's nights).
RAW_SUITES = sorted(path for path in EXPECTATIONS_DIR.glob("raw_*.json") if "stop_search" in path.name)
FORCE_SUITE = EXPECTATIONS_DIR / "raw_force_stop_search.json"

FORCE_ROWS = [
    # searched_at, lpu, age, sex, self-defined, officer-observed, legislation, object, outcome
    ("2024-01-05T10:00:00Z", "BIR", "25", "M", "W1", "IC1", "PACE_S1", "CONTROLLED_DRUGS", "ARREST"),
    ("2024-01-05 22:15:00+00:00", "COV", "", "F", "B2", "IC3", "MDA_S23", "CONTROLLED_DRUGS", "NO_FURTHER_ACTION"),
    ("2024-01-06", "DUD", "17", "X", "NS", "IC9", "CJPOA_S60", "OFFENSIVE_WEAPONS", "ARREST"),
]
POLICE_UK_ROWS = [
    ("Person search", "2018-08-01T00:56:00+00:00", "52.510416", "-1.969589", "Male", "over 34",
     "Asian/Asian British - Pakistani", "Asian", "Firearms Act 1968 (section 47)", "Firearms",
     "A no further action disposal", "", "False"),
    ("Person and Vehicle search", "2018-08-02T03:00:00+00:00", "", "", "", "", "", "", "", "", "", "", ""),
]


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture(scope="module")
def gx_root(tmp_path_factory):
    return tmp_path_factory.mktemp("gx")


@pytest.fixture(scope="module")
def clean_raw_warehouse(module_warehouse_url):
    """A bootstrapped warehouse whose raw tables hold a few clean rows, registered in audit.loads."""
    with connect(module_warehouse_url) as conn:
        bootstrap(conn)
        for number, row in enumerate(FORCE_ROWS, start=2):
            searched_at, lpu, age, sex, self_defined, observed, legislation, obj, outcome = row
            conn.execute(
                "insert into raw.force_stop_search (load_id, file_name, line_number, record_id, searched_at, "
                "neighbourhood_code, lpu_code, latitude, longitude, age, sex, self_defined_ethnicity, "
                "officer_observed_ethnicity, legislation, object_of_search, outcome, outcome_linked_to_object, "
                "more_than_outer_clothing_removed, strip_search, officer_id, team) values "
                "(1, 'stop_search_2024-01-06.csv', %s, %s, %s, 'N01', %s, '52.48', '-1.89', %s, %s, %s, %s, %s, "
                "%s, %s, 'true', 'false', 'False', %s, 'Response')",
                (number, _hash(f"record {number}"), searched_at, lpu, age, sex, self_defined, observed,
                 legislation, obj, outcome, _hash("officer 7")))
        for number, row in enumerate(POLICE_UK_ROWS, start=2):
            conn.execute(
                "insert into raw.police_uk_stop_search (load_id, file_name, line_number, type, date, latitude, "
                "longitude, gender, age_range, self_defined_ethnicity, officer_defined_ethnicity, legislation, "
                "object_of_search, outcome, outcome_linked_to_object_of_search, "
                "removal_of_more_than_just_outer_clothing) values "
                "(2, '2018-08-west-midlands-stop-and-search.csv', %s, "
                + ", ".join(["%s"] * len(row)) + ")", (number, *row))
        conn.execute(
            "insert into audit.loads (source, file_name, sha256, extract_key, status, rows_in_file, rows_loaded, "
            "rows_quarantined) values "
            "('force_stop_search', 'stop_search_2024-01-06.csv', 'a', '2024-01-06', 'loaded', %s, %s, 0), "
            "('police_uk_stop_search', '2018-08-west-midlands-stop-and-search.csv', 'b', '2018-08-west-midlands', "
            "'loaded', %s, %s, 0)",
            (len(FORCE_ROWS), len(FORCE_ROWS), len(POLICE_UK_ROWS), len(POLICE_UK_ROWS)))
    return module_warehouse_url


raw_warehouse = copy_per_test("clean_raw_warehouse")  # for one test to write defects into


def _parameters(url: str) -> dict:
    """What the nightly DAG passes: seed value lists plus each raw table's expected row count from audit.loads."""
    parameters = seed_value_parameters(SEEDS_DIR)
    with connect(url) as conn:
        for table in ("force_stop_search", "police_uk_stop_search"):
            parameters[f"{table}_expected_row_count"] = conn.execute(
                "select coalesce(sum(rows_loaded), 0) from audit.loads where source = %s and status = 'loaded'",
                (table,)).fetchone()[0]
    return parameters


def _audit_rows(url: str, run_id: str) -> list[tuple]:
    with connect(url) as conn:
        return conn.execute(
            "select suite_name, schema_name, table_name, expectation_type, column_name, success, unexpected_count, "
            "observed_value, details from audit.validation_results where run_id = %s order by validation_id",
            (run_id,)).fetchall()


def test_clean_raw_tables_pass_and_are_recorded_with_data_docs(raw_warehouse, gx_root):
    results = validate(raw_warehouse, RAW_SUITES, run_id="clean-1", parameters_for=_parameters(raw_warehouse),
                       gx_root=gx_root)

    assert [(result.suite_name, result.table, result.success, result.failures) for result in results] == [
        ("raw_force_stop_search", "force_stop_search", True, []),
        ("raw_police_uk_stop_search", "police_uk_stop_search", True, []),
    ]
    rows = _audit_rows(raw_warehouse, "clean-1")
    assert len(rows) == sum(result.evaluated for result in results) > 30
    assert all(row[5] for row in rows)
    assert {(row[0], row[1], row[2]) for row in rows} == {("raw_force_stop_search", "raw", "force_stop_search"),
                                                          ("raw_police_uk_stop_search", "raw", "police_uk_stop_search")}
    uniqueness = [row for row in rows if row[3] == "expect_column_values_to_be_unique"]
    assert uniqueness[0][4] == "record_id" and uniqueness[0][6] == 0
    assert uniqueness[0][8]["why"]

    index = gx_root / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
    assert results[0].data_docs_path == str(index)
    assert index.is_file()
    assert "raw_force_stop_search" in index.read_text()
    config = (gx_root / "gx" / "great_expectations.yml").read_text()
    assert "${EQUALITY_GX_WAREHOUSE_URL}" in config and "127.0.0.1" not in config


DEFECTS = {
    "duplicate record_id": (  # raw's unique index refuses it first: a warehouse without it must still be told
        ["drop index raw.force_stop_search_record_id_key",
         "insert into raw.force_stop_search select load_id, file_name, 99, record_id, searched_at, neighbourhood_code, "
         "lpu_code, latitude, longitude, age, sex, self_defined_ethnicity, officer_observed_ethnicity, legislation, "
         "object_of_search, outcome, outcome_linked_to_object, more_than_outer_clothing_removed, strip_search, "
         "officer_id, team from raw.force_stop_search where line_number = 2",
         "update audit.loads set rows_loaded = rows_loaded + 1 where source = 'force_stop_search'"],
        "record_id", "expect_column_values_to_be_unique", "2 unexpected"),  # both rows of the pair
    "unknown ethnicity code": (
        ["update raw.force_stop_search set self_defined_ethnicity = 'W7' where line_number = 3"],
        "self_defined_ethnicity", "expect_column_values_to_be_in_set", "1 unexpected (sample: 'W7')"),
    "future date": (
        ["update raw.force_stop_search set searched_at = '2999-01-01T00:00:00Z' where line_number = 4"],
        "searched_at", "unexpected_rows_expectation", "1 unexpected (sample: '2999-01-01T00:00:00Z')"),
    "wrong row count": (
        ["update audit.loads set rows_loaded = rows_loaded + 2 where source = 'force_stop_search'"],
        None, "expect_table_row_count_to_equal", "observed 3, expected 5"),
}


@pytest.mark.parametrize("defect", list(DEFECTS))
def test_each_defect_fails_its_expectation_and_names_it(raw_warehouse, gx_root, defect):
    statements, column, expectation_type, detail = DEFECTS[defect]
    with connect(raw_warehouse) as conn:
        for statement in statements:
            conn.execute(statement)
    run_id = f"defect-{defect}"

    with pytest.raises(ValidationFailed) as raised:
        validate(raw_warehouse, RAW_SUITES, run_id=run_id, parameters_for=_parameters(raw_warehouse),
                 gx_root=gx_root)

    message = str(raised.value)
    where = f"raw_force_stop_search / raw.force_stop_search / {column or '(table)'}: {expectation_type}"
    assert where in message
    assert detail in message
    assert "1 expectation(s) failed in 1 of 2 suite(s)" in message
    force, police_uk = raised.value.results
    assert isinstance(force, SuiteResult) and not force.success and police_uk.success
    assert [(failure.expectation_type, failure.column) for failure in force.failures] == [(expectation_type, column)]

    failed_rows = [row for row in _audit_rows(raw_warehouse, run_id) if not row[5]]
    assert [(row[0], row[3], row[4]) for row in failed_rows] == [("raw_force_stop_search", expectation_type, column)]


def test_run_suite_reports_failures_without_raising_and_without_docs(raw_warehouse):
    with connect(raw_warehouse) as conn:
        conn.execute("update raw.force_stop_search set latitude = '40.1', age = '111' where line_number = 2")

    result = run_suite(raw_warehouse, FORCE_SUITE, run_id="single-1", parameters=_parameters(raw_warehouse))

    assert not result.success and result.data_docs_path is None
    assert result.evaluated == len(json.loads(FORCE_SUITE.read_text())["expectations"])
    assert sorted(failure.column for failure in result.failures) == ["age", "latitude"]
    assert all(failure.unexpected_count == 1 for failure in result.failures)


def test_a_missing_suite_parameter_is_a_configuration_error(raw_warehouse):
    parameters = _parameters(raw_warehouse)
    del parameters["force_sex_values"]
    with pytest.raises(ConfigurationError, match="force_sex_values"):
        run_suite(raw_warehouse, FORCE_SUITE, run_id="missing-1", parameters=parameters)


def test_seed_value_parameters_follow_the_contracts():
    parameters = seed_value_parameters(SEEDS_DIR)

    assert parameters["force_sex_values"] == ["F", "M", "U", "X"]
    assert "IC1" in parameters["force_officer_ethnicity_values"]
    assert "W1" in parameters["force_self_defined_ethnicity_values"]
    assert "" not in parameters["force_self_defined_ethnicity_values"]  # required by the force contract
    assert "" in parameters["police_uk_self_defined_ethnicity_values"]  # police.uk leaves it blank
    used = {name for path in RAW_SUITES for name in path.read_text().split('"') if name.endswith("_values")}
    assert used and used <= set(parameters)
