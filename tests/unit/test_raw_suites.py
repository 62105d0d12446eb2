"""The raw suites are generated from the data contracts: the committed files are up to date, every registered
source's tables have one, and a change to a contract changes its suite."""

from __future__ import annotations

import dataclasses

import pytest

from equality.config import EXPECTATIONS_DIR
from equality.contracts import TABLE, Column, RawCheck, SourceContract
from equality.raw_suites import expectation_suite, suite_path, suite_text, validated_contracts
from equality.sources import by_name

CONTRACTS = validated_contracts()


@pytest.mark.parametrize("contract", CONTRACTS, ids=lambda contract: contract.raw_table)
def test_the_committed_raw_suite_is_generated_from_the_contract(contract):
    assert suite_path(contract).read_text() == suite_text(contract), "run: python -m equality.raw_suites"


def test_every_raw_suite_belongs_to_a_contract():
    assert {path.name for path in EXPECTATIONS_DIR.glob("raw_*.json")} == {
        suite_path(contract).name for contract in CONTRACTS}


@pytest.mark.parametrize("contract", CONTRACTS, ids=lambda contract: contract.raw_table)
def test_every_expectation_says_why_and_every_query_names_its_rule(contract):
    suite = expectation_suite(contract)
    assert (suite["meta"]["schema"], suite["meta"]["table"]) == ("raw", contract.raw_table)
    for expectation in suite["expectations"]:
        assert expectation["meta"]["why"], expectation
        if expectation["type"] == "unexpected_rows_expectation":
            assert expectation["description"] and "{batch}" in expectation["kwargs"]["unexpected_rows_query"]
            assert "%(" not in expectation["kwargs"]["unexpected_rows_query"], "a seed list was not written in"


def _checks(suite: dict, kind: str) -> list[dict]:
    return [expectation["kwargs"] for expectation in suite["expectations"] if expectation["type"] == kind]


def test_the_suite_checks_what_the_contract_requires():
    force = next(contract for contract in by_name("stop_search").contracts if contract.raw_table == "force_stop_search")
    suite = expectation_suite(force)

    not_null = {kwargs["column"] for kwargs in _checks(suite, "expect_column_values_to_not_be_null")}
    assert not_null == {"load_id", "file_name", "line_number"} | {
        column.name for column in force.columns if column.required}
    assert _checks(suite, "expect_column_values_to_be_unique") == [{"column": "record_id"}]
    assert {"column": "officer_id", "regex": "^[0-9a-f]{64}$"} in _checks(
        suite, "expect_column_values_to_match_regex")
    assert {"column": "sex", "value_set": {"$PARAMETER": "force_sex_values"}} in _checks(
        suite, "expect_column_values_to_be_in_set")
    [table] = _checks(suite, "expect_table_columns_to_match_set")
    assert table["column_set"] == ["load_id", "file_name", "line_number", *force.column_names]


def test_a_contract_change_changes_the_suite():
    custody = by_name("custody").contracts[0]
    suite = expectation_suite(custody)
    not_null = {kwargs["column"] for kwargs in _checks(suite, "expect_column_values_to_not_be_null")}
    assert "interpreter" not in not_null

    required = dataclasses.replace(custody, columns=tuple(
        dataclasses.replace(column, required=True) if column.name == "interpreter" else column
        for column in custody.columns))
    changed = expectation_suite(required)

    assert {"column": "interpreter"} in _checks(changed, "expect_column_values_to_not_be_null")
    assert len(changed["expectations"]) == len(suite["expectations"]) + 1


def test_a_declared_check_joins_the_suite_with_the_seed_lists_written_in():
    hr_people = by_name("hr").contracts[0]
    check = RawCheck("a constable is an officer", "select * from {batch} where rank_grade = 'CONSTABLE' "
                     "and workforce_type || ':' || rank_grade <> all (%(rank_grades_by_type)s)", "a test", "rank_grade")

    suite = expectation_suite(dataclasses.replace(hr_people, raw_checks=(*hr_people.raw_checks, check)))

    added = suite["expectations"][-1]
    assert (added["type"], added["description"], added["meta"]) == (
        "unexpected_rows_expectation", "a constable is an officer", {"why": "a test", "column": "rank_grade"})
    assert "array['OFFICER:CONSTABLE', " in added["kwargs"]["unexpected_rows_query"]



def test_a_new_sources_contract_gets_its_suite_from_its_columns_alone():
    """A source package written before raw_checks existed (no raw_checks given) still gets a whole suite."""
    contract = SourceContract(
        name="use_of_force", description="One row per use of force.", source_system="force",
        file_pattern=r"use_of_force_(?P<key>\d{4}-\d{2}-\d{2})\.csv", raw_table="use_of_force",
        record_key=("incident_id",),
        columns=(Column("incident_id", "incident_id", "identifier", required=True),
                 Column("occurred_at", "occurred_at", "timestamp", required=True),
                 Column("sex", "sex", "code", required=True, code_list="sex"),
                 Column("injured", "injured", "boolean")))

    suite = expectation_suite(contract)

    assert (suite["name"], suite["meta"]["table"]) == ("raw_use_of_force", "use_of_force")
    assert {"column": "file_name", "regex": r"^use_of_force_(\d{4}-\d{2}-\d{2})\.csv$"} in _checks(
        suite, "expect_column_values_to_match_regex")
    assert {"column": "sex", "value_set": {"$PARAMETER": "force_sex_values"}} in _checks(
        suite, "expect_column_values_to_be_in_set")
    assert [expectation["description"] for expectation in suite["expectations"]
            if expectation["type"] == "unexpected_rows_expectation"] == [
        "incident_id was not delivered by an earlier load", "occurred_at is not in the future",
        "injured holds true or false (any case) or blank"]


def test_a_suite_reads_the_nights_loads_and_a_rule_between_rows_reads_the_rows_it_relates():
    hr_events = by_name("hr").contracts[1]
    per_row = RawCheck("a row rule", "select * from {batch} where event_type = 'X'", "a test")
    by_person = RawCheck("a rule between a person's events", "select event.* from {batch} as event join {batch} "
                         "as other using (person_id) where other.effective_date > event.effective_date", "a test",
                         spans="person_id")
    whole = RawCheck("a rule against another table", "select event.* from {batch} as event where not exists "
                     "(select 1 from raw.hr_people as people where people.person_id = event.person_id)",
                     "a test", spans=TABLE)

    suite = expectation_suite(dataclasses.replace(hr_events, raw_checks=(per_row, by_person, whole)))

    assert "where source = 'hr_events' and status = 'loaded' and raw_validated_at is null" in \
        suite["meta"]["batch_query"]
    queries = [expectation["kwargs"]["unexpected_rows_query"] for expectation in suite["expectations"][-3:]]
    assert queries[0] == per_row.query
    touched = ("(select touched.* from raw.hr_events as touched join (select distinct night.person_id from {batch} "
               "as night) as night_keys on night_keys.person_id = touched.person_id)")
    assert queries[1] == f"select event.* from {touched} as event join {touched} as other using (person_id) " \
                         "where other.effective_date > event.effective_date"
    assert queries[2].startswith("select event.* from (select whole.* from raw.hr_events as whole join "
                                 "(select count(*) from {batch} as night) as night_rows on true) as event where")


def test_a_rule_between_rows_must_alias_each_batch_because_it_becomes_a_subquery():
    hr_events = by_name("hr").contracts[1]
    wrapped = RawCheck("a wrapped batch", "select * from (select * from {batch}) as event where false", "a test",
                       spans=TABLE)
    with pytest.raises(ValueError, match="every {batch} in its query must be aliased"):
        expectation_suite(dataclasses.replace(hr_events, raw_checks=(wrapped,)))
