"""The complaints and misconduct extracts: what ingest lands and quarantines, and what their raw suites catch.

Each case writes small extracts (complaint cases, their allegations, misconduct proceedings), loads them into a
real PostgreSQL and checks raw, audit.quarantined_rows and the load registry. Allegations and proceedings refer
to delivered cases, so a night loads its files in contract order (``delivered_files``): cases first. The last
cases run the three raw suites with real Great Expectations on a valid load, then on defects written straight
into raw (bypassing ingest), each of which must fail the expectation that names it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from equality.config import EXPECTATIONS_DIR, SEEDS_DIR
from equality.sources.complaints.contracts import COMPLAINT_ALLEGATIONS, COMPLAINT_CASES, MISCONDUCT_PROCEEDINGS
from equality.sources.hr.contracts import HR_PEOPLE
from equality.sources.stop_search.contracts import FORCE_STOP_SEARCH
from equality.ingest import delivered_files, load_file, load_files
from equality.nightly import raw_suite_parameters
from equality.pseudonymise import hmac_sha256_hex
from equality.schema import bootstrap
from equality.validation import SuiteFile, run_suite, seed_value_parameters, validate
from equality.warehouse import connect
from extract_files import (contract_row, quarantined, raw_count, raw_suite_after_defect, stored_anywhere,
                           write_extract)
from warehouse_databases import copy_per_test

KEY = b"complaints-ingest-test-key-0123456789"
CONTRACTS = (COMPLAINT_CASES, COMPLAINT_ALLEGATIONS, MISCONDUCT_PROCEEDINGS)
COMPLAINT_SUITES = [EXPECTATIONS_DIR / f"raw_{contract.raw_table}.json" for contract in CONTRACTS]
NOT_DELIVERED = "case_id is not a delivered complaint case"

CASE = dict(case_id="CC-1", received_date="2024-01-10", complainant_id="CP-1", complainant_ethnicity="B1",
            complainant_sex="F", complainant_age_band="AGE_25_34", complainant_disability="NOT_DISABLED",
            handling_route="LOCAL_INVESTIGATION", finalised_date="", case_outcome="", contact_type="OTHER",
            contact_record_id="")
ALLEGATION = dict(allegation_id="AL-1", case_id="CC-1", category="USE_OF_FORCE", discrimination_characteristic="",
                  subject_id="P-1", outcome="")
PROCEEDING = dict(proceeding_id="MP-1", officer_id="P-1", case_id="CC-1", opened_date="2024-02-01",
                  proceeding_type="MEETING", severity="MISCONDUCT", concluded_date="", outcome="", sanction="")
STOP_SEARCH = dict(record_id="SS-1", searched_at="2024-01-05T10:00:00+00:00", neighbourhood_code="BIR-N01",
                   lpu_code="BIR", latitude="52.480000", longitude="-1.890000", age="24", sex="M",
                   self_defined_ethnicity="B1", officer_observed_ethnicity="IC3", legislation="MDA_S23",
                   object_of_search="CONTROLLED_DRUGS", outcome="NO_FURTHER_ACTION", outcome_linked_to_object="",
                   more_than_outer_clothing_removed="false", strip_search="false", officer_id="P-1",
                   team="BIR-NPT-1")


def case(case_id: str = "CC-1", **values) -> str:
    return contract_row(COMPLAINT_CASES, CASE, {"case_id": case_id, **values})


def finalised(case_id: str, finalised_date: str = "2024-02-20", case_outcome: str = "SERVICE_ACCEPTABLE",
              **values) -> str:
    return case(case_id, finalised_date=finalised_date, case_outcome=case_outcome, **values)


def allegation(allegation_id: str = "AL-1", case_id: str = "CC-1", **values) -> str:
    return contract_row(COMPLAINT_ALLEGATIONS, ALLEGATION, {"allegation_id": allegation_id, "case_id": case_id, **values})


def proceeding(proceeding_id: str = "MP-1", case_id: str = "CC-1", **values) -> str:
    return contract_row(MISCONDUCT_PROCEEDINGS, PROCEEDING, {"proceeding_id": proceeding_id, "case_id": case_id, **values})


def hashed(identifier: str) -> str:
    return hmac_sha256_hex(KEY, identifier)


def load(conn, path: Path):
    return load_file(conn, path, key=KEY, seeds_dir=SEEDS_DIR)


def load_night(conn, folder: Path):
    return load_files(conn, delivered_files([folder]), key=KEY, seeds_dir=SEEDS_DIR)


# ------------------------------------------------------------------------------------------------ good files
def test_good_files_of_each_contract_load_everycontract_row(conn, tmp_path):
    write_extract(tmp_path, COMPLAINT_CASES, "2024-02-29", [
        case("CC-1"),
        finalised("CC-2", contact_type="STOP_SEARCH", contact_record_id="SS-1", complainant_ethnicity="NS",
                  complainant_sex="U", complainant_age_band="NOT_RECORDED", complainant_disability="PREFER_NOT_TO_SAY",
                  handling_route="SERVICE_RECOVERY", case_outcome="RESOLVED"),
        case("CC-3", contact_type="CUSTODY", contact_record_id="CU-1", complainant_id="",
             complainant_disability="NOT_RECORDED", handling_route="INDEPENDENT_INVESTIGATION"),
        case("CC-4", received_date="2024-02-28T16:30:00+00:00", contact_type="UNKNOWN")])
    write_extract(tmp_path, COMPLAINT_ALLEGATIONS, "2024-02-29", [
        allegation("AL-1", "CC-1"),
        allegation("AL-2", "CC-1", category="DISCRIMINATORY_BEHAVIOUR", discrimination_characteristic="RACE",
                   outcome="UPHELD"),
        allegation("AL-3", "CC-2", category="POLICE_POWERS", subject_id="", outcome="SERVICE_ACCEPTABLE"),
        allegation("AL-4", "CC-3", category="DISCRIMINATORY_BEHAVIOUR", discrimination_characteristic="DISABILITY")])
    write_extract(tmp_path, MISCONDUCT_PROCEEDINGS, "2024-02-29", [
        proceeding("MP-1", "CC-1"),
        proceeding("MP-2", "", officer_id="P-2", proceeding_type="HEARING", severity="GROSS_MISCONDUCT",
                   concluded_date="2024-02-20", outcome="PROVEN", sanction="DISMISSAL"),
        proceeding("MP-3", "CC-3", concluded_date="2024-02-15", outcome="NOT_PROVEN"),
        proceeding("MP-4", "CC-1", officer_id="P-3", concluded_date="2024-02-15", outcome="PROVEN",
                   sanction="NONE")])

    results = load_night(conn, tmp_path)

    assert [(result.source, result.status, result.rows_loaded, result.rows_quarantined) for result in results] == [
        ("complaint_cases", "loaded", 4, 0), ("complaint_allegations", "loaded", 4, 0),
        ("misconduct_proceedings", "loaded", 4, 0)], [result.message for result in results]
    assert [raw_count(conn, contract.raw_table) for contract in CONTRACTS] == [4, 4, 4]
    assert conn.execute("select count(*) from audit.quarantined_rows").fetchone()[0] == 0
    internal = conn.execute("select case_id, sanction from raw.misconduct_proceedings where proceeding_id = %s",
                            (hashed("MP-2"),)).fetchone()
    assert internal == (None, "DISMISSAL")
    stored = conn.execute("select case_outcome, contact_type, finalised_date from raw.complaint_cases "
                          "where case_id = %s", (hashed("CC-2"),)).fetchone()
    assert stored == ("RESOLVED", "STOP_SEARCH", "2024-02-20")


# ------------------------------------------------------------------------------------------------ delivered cases
def test_an_allegation_whose_case_was_never_delivered_is_quarantined(conn, tmp_path):
    cases = load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-01-31", [case("CC-1")]))
    allegations = load(conn, write_extract(tmp_path, COMPLAINT_ALLEGATIONS, "2024-01-31", [
        allegation("AL-1", "CC-1"), allegation("AL-2", "CC-9")]))
    assert (cases.rows_loaded, allegations.rows_loaded, allegations.rows_quarantined) == (1, 1, 1)
    assert quarantined(conn, "complaint_allegations") == [(3, [NOT_DELIVERED])]
    record = conn.execute("select record from audit.quarantined_rows").fetchone()[0]
    assert record["case_id"] == hashed("CC-9") and record["allegation_id"] == hashed("AL-2")


def test_an_allegation_whose_case_arrives_the_same_night_loads(conn, tmp_path):
    # The allegations file is dated before the cases file and sorts before it by name: the contract order wins.
    allegations = write_extract(tmp_path, COMPLAINT_ALLEGATIONS, "2024-02-01", [
        allegation("AL-1", "CC-1"), allegation("AL-2", "CC-2"), allegation("AL-3", "CC-9")])
    proceedings = write_extract(tmp_path, MISCONDUCT_PROCEEDINGS, "2024-02-01", [proceeding("MP-1", "CC-2")])
    cases = write_extract(tmp_path, COMPLAINT_CASES, "2024-02-02", [case("CC-1"), case("CC-2")])
    assert delivered_files([tmp_path]) == [cases, allegations, proceedings]

    results = load_night(conn, tmp_path)

    assert [(result.source, result.rows_loaded, result.rows_quarantined) for result in results] == [
        ("complaint_cases", 2, 0), ("complaint_allegations", 2, 1), ("misconduct_proceedings", 1, 0)]
    assert quarantined(conn, "complaint_allegations") == [(4, [NOT_DELIVERED])]


def test_an_allegation_whose_case_was_delivered_on_an_earlier_night_loads(conn, tmp_path):
    load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-01-31", [case("CC-1")]))
    load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-02-29", [case("CC-2")]))  # CC-1 not in tonight's cases
    result = load(conn, write_extract(tmp_path, COMPLAINT_ALLEGATIONS, "2024-02-29", [allegation("AL-1", "CC-1")]))
    assert (result.rows_loaded, result.rows_quarantined) == (1, 0)


def test_a_proceeding_with_an_unknown_case_is_quarantined_and_an_internal_one_loads(conn, tmp_path):
    load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-01-31", [case("CC-1")]))
    result = load(conn, write_extract(tmp_path, MISCONDUCT_PROCEEDINGS, "2024-02-29", [
        proceeding("MP-1", "CC-1"), proceeding("MP-2", "CC-9"), proceeding("MP-3", "")]))
    assert (result.rows_loaded, result.rows_quarantined) == (2, 1)
    assert quarantined(conn, "misconduct_proceedings") == [(3, [NOT_DELIVERED])]
    assert conn.execute("select case_id from raw.misconduct_proceedings where proceeding_id = %s",
                        (hashed("MP-3"),)).fetchone() == (None,)


def test_a_proceeding_loads_when_there_are_no_cases_at_all_if_it_is_internal(conn, tmp_path):
    result = load(conn, write_extract(tmp_path, MISCONDUCT_PROCEEDINGS, "2024-02-29", [
        proceeding("MP-1", ""), proceeding("MP-2", "CC-1")]))
    assert (result.rows_loaded, result.rows_quarantined) == (1, 1)


# ------------------------------------------------------------------------------------------------ row checks
@pytest.mark.parametrize("row, reason", [
    (allegation("AL-2", category="DISCRIMINATORY_BEHAVIOUR"),
     "a discriminatory behaviour allegation needs the protected characteristic"),
    (allegation("AL-2", category="USE_OF_FORCE", discrimination_characteristic="RACE"),
     "discrimination_characteristic given for a USE_OF_FORCE allegation"),
    (allegation("AL-2", category="DISCRIMINATORY_BEHAVIOUR", discrimination_characteristic="HEIGHT"),
     "unknown discrimination_characteristic 'HEIGHT'"),
], ids=["discrimination without a characteristic", "a characteristic on another category", "unknown characteristic"])
def test_a_discrimination_characteristic_goes_with_discriminatory_behaviour_only(conn, tmp_path, row, reason):
    load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-01-31", [case("CC-1")]))
    result = load(conn, write_extract(tmp_path, COMPLAINT_ALLEGATIONS, "2024-01-31", [allegation("AL-1"), row]))
    assert (result.rows_loaded, result.rows_quarantined) == (1, 1)
    assert quarantined(conn, "complaint_allegations") == [(3, [reason])]


@pytest.mark.parametrize("row, reason", [
    (case("CC-2", contact_type="STOP_SEARCH"), "a STOP_SEARCH contact needs its contact_record_id"),
    (case("CC-2", contact_type="CUSTODY"), "a CUSTODY contact needs its contact_record_id"),
    (finalised("CC-2", case_outcome=""), "finalised_date and case_outcome come together"),
    (case("CC-2", case_outcome="RESOLVED"), "finalised_date and case_outcome come together"),
    (finalised("CC-2", finalised_date="2024-01-05"), "finalised_date 2024-01-05 is before received_date 2024-01-10"),
    (case("CC-2", complainant_age_band="1990-06-15"), "unknown complainant_age_band '1990-06-15'"),
    (case("CC-2", complainant_ethnicity="IC1"), "unknown complainant_ethnicity 'IC1'"),
    (case("CC-2", received_date="2099-01-01"), "received_date 2099-01-01 is in the future"),
], ids=["stop search without its record", "custody without its record", "finalised without outcome",
        "outcome without finalised date", "finalised before received", "a date as age band",
        "officer-observed code as self-defined ethnicity", "received in the future"])
def test_an_incomplete_or_inconsistent_case_is_quarantined_with_its_reason(conn, tmp_path, row, reason):
    result = load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-01-31", [
        case("CC-1", contact_type="STOP_SEARCH", contact_record_id="SS-1"), row]))
    assert (result.rows_loaded, result.rows_quarantined) == (1, 1)
    assert quarantined(conn, "complaint_cases") == [(3, [reason])]


@pytest.mark.parametrize("row, reason", [
    (proceeding("MP-2", concluded_date="2024-02-15", outcome="NOT_PROVEN", sanction="WRITTEN_WARNING"),
     "a sanction needs a proven outcome"),
    (proceeding("MP-2", sanction="FINAL_WRITTEN_WARNING"), "a sanction needs a proven outcome"),
    (proceeding("MP-2", concluded_date="2024-02-15"), "concluded_date and outcome come together"),
    (proceeding("MP-2", outcome="DISCONTINUED"), "concluded_date and outcome come together"),
    (proceeding("MP-2", concluded_date="2024-01-15", outcome="PROVEN", sanction="MANAGEMENT_ADVICE"),
     "concluded_date 2024-01-15 is before opened_date 2024-02-01"),
], ids=["sanction when not proven", "sanction while open", "concluded without outcome",
        "outcome without concluded date", "concluded before opened"])
def test_an_inconsistent_proceeding_is_quarantined_with_its_reason(conn, tmp_path, row, reason):
    load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-01-31", [case("CC-1")]))
    result = load(conn, write_extract(tmp_path, MISCONDUCT_PROCEEDINGS, "2024-02-29", [
        proceeding("MP-1", concluded_date="2024-02-15", outcome="PROVEN", sanction="WRITTEN_WARNING"), row]))
    assert (result.rows_loaded, result.rows_quarantined) == (1, 1)
    assert quarantined(conn, "misconduct_proceedings") == [(3, [reason])]


# ------------------------------------------------------------------------------------------------ re-delivery
def test_a_case_delivered_again_with_its_outcome_loads_again_but_twice_in_one_file_quarantines_both(conn, tmp_path):
    january = load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-01-31", [case("CC-1"), case("CC-2")]))
    february = load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-02-29", [
        finalised("CC-1", case_outcome="SERVICE_NOT_ACCEPTABLE"), case("CC-2")]))
    assert (january.rows_loaded, february.rows_loaded, february.rows_quarantined) == (2, 2, 0)
    deliveries = conn.execute("select file_name, finalised_date, case_outcome from raw.complaint_cases "
                              "where case_id = %s order by file_name", (hashed("CC-1"),)).fetchall()
    assert deliveries == [("complaint_cases_2024-01-31.csv", None, None),
                          ("complaint_cases_2024-02-29.csv", "2024-02-20", "SERVICE_NOT_ACCEPTABLE")]

    march = load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-03-31", [
        finalised("CC-1", case_outcome="SERVICE_NOT_ACCEPTABLE"), case("CC-2"), finalised("CC-2")]))
    assert (march.rows_loaded, march.rows_quarantined) == (1, 2)
    assert quarantined(conn, "complaint_cases") == [(3, ["duplicate case_id within the file"]),
                                                    (4, ["duplicate case_id within the file"])]


def test_allegations_and_proceedings_delivered_again_load_again(conn, tmp_path):
    load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-01-31", [case("CC-1")]))
    for date, outcome in (("2024-01-31", ""), ("2024-02-29", "UPHELD")):
        result = load(conn, write_extract(tmp_path, COMPLAINT_ALLEGATIONS, date, [allegation("AL-1", outcome=outcome)]))
        assert (result.rows_loaded, result.rows_quarantined) == (1, 0)
    for date, values in (("2024-01-31", {}), ("2024-02-29", dict(concluded_date="2024-02-15", outcome="PROVEN",
                                                                 sanction="WRITTEN_WARNING"))):
        result = load(conn, write_extract(tmp_path, MISCONDUCT_PROCEEDINGS, date, [proceeding("MP-1", **values)]))
        assert (result.rows_loaded, result.rows_quarantined) == (1, 0)
    assert (raw_count(conn, "complaint_allegations"), raw_count(conn, "misconduct_proceedings")) == (2, 2)


# ------------------------------------------------------------------------------------------------ pseudonymisation
def test_identifiers_are_hashed_with_the_same_key_as_the_other_sources(conn, tmp_path):
    stop_search = ",".join(STOP_SEARCH[column.header] for column in FORCE_STOP_SEARCH.columns)
    people = contract_row(HR_PEOPLE, dict(
        person_id="P-1", workforce_type="OFFICER", rank_grade="CONSTABLE", department="RESPONSE",
        specialist_role="false", lpu_code="BIR", fte="1.0", start_date="2015-09-01", ethnicity="W1", sex="F",
        date_of_birth="1990-06-15", disability="NOT_DISABLED", religion_or_belief="NO_RELIGION",
        sexual_orientation="HETEROSEXUAL", gender_reassignment="GENDER_SAME_AS_AT_BIRTH", marital_status="SINGLE",
        pregnancy_maternity="NOT_PREGNANT_OR_MATERNITY"), {})
    write_extract(tmp_path, FORCE_STOP_SEARCH, "2024-01-31", [stop_search])
    write_extract(tmp_path, HR_PEOPLE, "2024-01-31", [people])
    write_extract(tmp_path, COMPLAINT_CASES, "2024-01-31", [
        case("CC-1", contact_type="STOP_SEARCH", contact_record_id="SS-1", complainant_id="CP-1")])
    write_extract(tmp_path, COMPLAINT_ALLEGATIONS, "2024-01-31", [allegation("AL-1", "CC-1", subject_id="P-1")])
    write_extract(tmp_path, MISCONDUCT_PROCEEDINGS, "2024-01-31", [proceeding("MP-1", "CC-1", officer_id="P-1")])

    results = load_night(conn, tmp_path)

    assert all(result.rows_quarantined == 0 for result in results), [result.message for result in results]
    contact, complainant, case_id = conn.execute(
        "select contact_record_id, complainant_id, case_id from raw.complaint_cases").fetchone()
    assert (contact, complainant, case_id) == (hashed("SS-1"), hashed("CP-1"), hashed("CC-1"))
    assert conn.execute("select count(*) from raw.complaint_cases as complaint join raw.force_stop_search as search "
                        "on search.record_id = complaint.contact_record_id").fetchone()[0] == 1
    assert conn.execute("select allegation_id, case_id, subject_id from raw.complaint_allegations").fetchone() == (
        hashed("AL-1"), hashed("CC-1"), hashed("P-1"))
    assert conn.execute("select proceeding_id, officer_id from raw.misconduct_proceedings").fetchone() == (
        hashed("MP-1"), hashed("P-1"))
    assert conn.execute("select count(*) from raw.misconduct_proceedings as proceeding join raw.hr_people as person "
                        "on person.person_id = proceeding.officer_id").fetchone()[0] == 1
    for identifier in ("CC-1", "CP-1", "AL-1", "MP-1"):
        assert stored_anywhere(conn, identifier) == [], identifier


def test_an_identifier_in_a_quarantined_row_is_hashed_too(conn, tmp_path):
    load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-01-31", [
        case("CC-7", complainant_id="CP-7", contact_type="CUSTODY", contact_record_id="")]))
    [(record,)] = conn.execute("select record from audit.quarantined_rows").fetchall()
    assert (record["case_id"], record["complainant_id"]) == (hashed("CC-7"), hashed("CP-7"))
    assert stored_anywhere(conn, "CC-7") == [] and stored_anywhere(conn, "CP-7") == []


# Identifiers are hashed as they are checked: trimmed, so a blank one is missing and padding changes nothing.


def test_a_quoted_empty_case_id_is_an_internal_proceeding(conn, tmp_path):
    path = write_extract(tmp_path, MISCONDUCT_PROCEEDINGS, "2024-02-29", [proceeding("MP-1", '""'),
                                                                     proceeding("MP-2", " ")])
    result = load(conn, path)
    assert (result.rows_loaded, result.rows_quarantined) == (2, 0), quarantined(conn, "misconduct_proceedings")
    assert conn.execute("select count(*) from raw.misconduct_proceedings where case_id is null").fetchone()[0] == 2


def test_a_quoted_empty_contact_record_id_is_missing(conn, tmp_path):
    result = load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-01-31", [
        case("CC-1", contact_type="STOP_SEARCH", contact_record_id='""')]))
    assert (result.rows_loaded, result.rows_quarantined) == (0, 1)


def test_a_padded_case_id_still_finds_its_case(conn, tmp_path):
    load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-01-31", [case("CC-1")]))
    result = load(conn, write_extract(tmp_path, COMPLAINT_ALLEGATIONS, "2024-01-31", [allegation("AL-1", "CC-1 ")]))
    assert (result.rows_loaded, result.rows_quarantined) == (1, 0), quarantined(conn, "complaint_allegations")
    assert conn.execute("select case_id from raw.complaint_allegations").fetchone() == (hashed("CC-1"),)


# ------------------------------------------------------------------------------------------------ identical files
REDELIVERED = {
    "complaint_cases": (COMPLAINT_CASES, [case("CC-1"), case("CC-2"), case("CC-2")]),
    "complaint_allegations": (COMPLAINT_ALLEGATIONS, [allegation("AL-1"), allegation("AL-2", "CC-9")]),
    "misconduct_proceedings": (MISCONDUCT_PROCEEDINGS, [proceeding("MP-1"), proceeding("MP-2", sanction="NONE")]),
}


@pytest.mark.parametrize("table", list(REDELIVERED))
def test_loading_an_identical_file_again_is_a_no_op(conn, tmp_path, table):
    load(conn, write_extract(tmp_path, COMPLAINT_CASES, "2024-01-01", [case("CC-1")]))
    loads_before = conn.execute("select count(*) from audit.loads").fetchone()[0]
    contract, rows = REDELIVERED[table]
    path = write_extract(tmp_path, contract, "2024-01-31", rows)
    first = load(conn, path)
    assert first.status == "loaded" and first.rows_loaded >= 1 and first.rows_quarantined >= 1, first.message
    in_raw, in_quarantine = raw_count(conn, table), len(quarantined(conn, table))

    again = load(conn, path)

    assert (again.status, again.load_id, again.rows_loaded) == ("already_loaded", first.load_id, 0)
    assert (raw_count(conn, table), len(quarantined(conn, table))) == (in_raw, in_quarantine)
    assert conn.execute("select count(*) from audit.loads").fetchone()[0] == loads_before + 1


# ------------------------------------------------------------------------------------------------ raw suites
def load_valid_complaints(conn, folder: Path) -> None:
    """Two nights of cases, allegations and proceedings that pass every raw suite.

    Cases, allegations and proceedings are delivered again as they progress; some rows are quarantined on the way
    (the suites count what the registry says was loaded).
    """
    january, february = folder / "january", folder / "february"
    january.mkdir()
    february.mkdir()
    write_extract(january, COMPLAINT_CASES, "2024-01-31", [
        case("CC-1"),
        case("CC-2", contact_type="STOP_SEARCH", contact_record_id="SS-1", complainant_ethnicity="W1",
             complainant_sex="M", complainant_age_band="AGE_18_24"),
        case("CC-3", contact_type="CUSTODY", contact_record_id="CU-1", complainant_id="",
             complainant_ethnicity="NS", complainant_disability="PREFER_NOT_TO_SAY"),
        case("CC-4", contact_type="STOP_SEARCH")])  # quarantined: no contact record
    write_extract(january, COMPLAINT_ALLEGATIONS, "2024-01-31", [
        allegation("AL-1", "CC-1"),
        allegation("AL-2", "CC-2", category="DISCRIMINATORY_BEHAVIOUR", discrimination_characteristic="RACE"),
        allegation("AL-3", "CC-3", category="DELIVERY_OF_DUTIES", subject_id=""),
        allegation("AL-4", "CC-4")])  # quarantined: its case was
    write_extract(january, MISCONDUCT_PROCEEDINGS, "2024-01-31", [
        proceeding("MP-1", "CC-1", opened_date="2024-01-20"),
        proceeding("MP-2", "", officer_id="P-2", severity="GROSS_MISCONDUCT", proceeding_type="HEARING",
                   opened_date="2024-01-05")])
    write_extract(february, COMPLAINT_CASES, "2024-02-29", [
        finalised("CC-1", case_outcome="SERVICE_NOT_ACCEPTABLE"),
        finalised("CC-2", finalised_date="2024-02-10", case_outcome="NO_FURTHER_ACTION",
                  contact_type="STOP_SEARCH", contact_record_id="SS-1", complainant_ethnicity="W1",
                  complainant_sex="M", complainant_age_band="AGE_18_24"),
        case("CC-5", received_date="2024-02-12", handling_route="SERVICE_RECOVERY",
             complainant_age_band="NOT_RECORDED"),
        finalised("CC-6", case_outcome="")])  # quarantined: finalised without outcome
    write_extract(february, COMPLAINT_ALLEGATIONS, "2024-02-29", [
        allegation("AL-1", "CC-1", outcome="UPHELD"),
        allegation("AL-2", "CC-2", category="DISCRIMINATORY_BEHAVIOUR", discrimination_characteristic="RACE",
                   outcome="NOT_UPHELD"),
        allegation("AL-5", "CC-5", category="INDIVIDUAL_BEHAVIOURS", subject_id="P-9"),  # in no HR snapshot: fine
        allegation("AL-6", "CC-5", category="OTHER", discrimination_characteristic="SEX")])  # quarantined
    write_extract(february, MISCONDUCT_PROCEEDINGS, "2024-02-29", [
        proceeding("MP-1", "CC-1", opened_date="2024-01-20", concluded_date="2024-02-25", outcome="PROVEN",
                   sanction="WRITTEN_WARNING"),
        proceeding("MP-2", "", officer_id="P-2", severity="GROSS_MISCONDUCT", proceeding_type="HEARING",
                   opened_date="2024-01-05", concluded_date="2024-02-26", outcome="NOT_PROVEN"),
        proceeding("MP-3", "CC-5", officer_id="P-9", opened_date="2024-02-20"),
        proceeding("MP-4", "CC-2", concluded_date="2024-02-27", outcome="DISCONTINUED",
                   sanction="NONE")])  # quarantined: a sanction without PROVEN
    results = [*load_night(conn, january), *load_night(conn, february)]
    assert [(result.source, result.status, result.rows_quarantined) for result in results] == [
        ("complaint_cases", "loaded", 1), ("complaint_allegations", "loaded", 1),
        ("misconduct_proceedings", "loaded", 0), ("complaint_cases", "loaded", 1),
        ("complaint_allegations", "loaded", 1), ("misconduct_proceedings", "loaded", 1),
    ], [result.message for result in results]


@pytest.fixture(scope="module")
def valid_complaints(module_warehouse_url, tmp_path_factory):
    with connect(module_warehouse_url, autocommit=True) as connection:
        bootstrap(connection)
        load_valid_complaints(connection, tmp_path_factory.mktemp("complaints"))
    return module_warehouse_url


complaints = copy_per_test("valid_complaints")  # for one test to read, or write defects into


def test_the_complaints_raw_suites_pass_on_empty_tables(warehouse_url):
    with connect(warehouse_url) as connection:
        bootstrap(connection)
    results = validate(warehouse_url, COMPLAINT_SUITES, run_id="complaints-empty",
                       parameters_for=raw_suite_parameters(warehouse_url))
    assert [(result.suite_name, result.success) for result in results] == [
        (f"raw_{contract.raw_table}", True) for contract in CONTRACTS]


def test_the_complaints_raw_suites_pass_on_a_valid_load(complaints):
    parameters = raw_suite_parameters(complaints)
    assert [parameters[f"{contract.raw_table}_expected_row_count"] for contract in CONTRACTS] == [6, 6, 5]

    results = validate(complaints, COMPLAINT_SUITES, run_id="complaints-valid", parameters_for=parameters)

    assert [(result.suite_name, result.table, result.success, result.failures) for result in results] == [
        (f"raw_{contract.raw_table}", contract.raw_table, True, []) for contract in CONTRACTS]
    for result, path in zip(results, COMPLAINT_SUITES):
        document = json.loads(path.read_text())
        assert document["name"] == path.stem and document["meta"]["table"] == result.table
        assert result.evaluated == len(document["expectations"])
        assert all(expectation["meta"].get("why") for expectation in document["expectations"])
        assert all(expectation["meta"].get("column") and expectation.get("description")
                   for expectation in document["expectations"] if expectation["type"] == "unexpected_rows_expectation")
    with connect(complaints) as connection:
        recorded = connection.execute("select count(*), bool_and(success) from audit.validation_results "
                                      "where run_id = 'complaints-valid'").fetchone()
    assert recorded == (sum(result.evaluated for result in results), True)


def test_every_coded_complaints_column_is_checked_against_its_seed_parameter():
    available = {name for name in seed_value_parameters(SEEDS_DIR) if name.startswith("complaints_")}
    used = set().union(*(SuiteFile.load(path).required_parameters() for path in COMPLAINT_SUITES))
    assert used == available | {"expected_row_count"}


def _copy_row(table: str, where: str, **changes: str) -> list[str]:
    """SQL inserting a copy of one raw row with some columns changed (bypassing ingest), and counting it loaded."""
    contract = next(contract for contract in CONTRACTS if contract.raw_table == table)
    names = ["load_id", "file_name", "line_number", *contract.column_names]
    values = [changes.get(name, name) for name in names]
    return [f"insert into raw.{table} ({', '.join(names)}) select {', '.join(values)} from raw.{table} "
            f"where {where} limit 1",
            f"update audit.loads set rows_loaded = rows_loaded + 1 where load_id = "
            f"(select max(load_id) from audit.loads where source = '{table}' and status = 'loaded')"]


FEBRUARY = "file_name like '%02-29%'"
DEFECTS = {
    "an orphan allegation": (
        _copy_row("complaint_allegations", f"allegation_id = '{hashed('AL-5')}'", line_number="99",
                  allegation_id=f"'{hashed('AL-99')}'", case_id=f"'{hashed('CC-99')}'"),
        "complaint_allegations", "case_id", "an allegation belongs to a delivered complaint case", 1),
    "a sanction without PROVEN": (
        [f"update raw.misconduct_proceedings set outcome = 'NOT_PROVEN' where proceeding_id = '{hashed('MP-1')}' "
         f"and {FEBRUARY}"],
        "misconduct_proceedings", "sanction", "a sanction only with a PROVEN outcome", 1),
    "a proceeding with an unknown case": (
        [f"update raw.misconduct_proceedings set case_id = '{hashed('CC-99')}' where proceeding_id = "
         f"'{hashed('MP-2')}' and {FEBRUARY}"],
        "misconduct_proceedings", "case_id", "a proceeding's case_id, when given, is a delivered complaint case", 1),
    "a proceeding concluded without an outcome": (
        [f"update raw.misconduct_proceedings set outcome = '', sanction = '' where proceeding_id = "
         f"'{hashed('MP-1')}' and {FEBRUARY}"],
        "misconduct_proceedings", "outcome", "concluded_date and outcome come together", 1),
    "a proceeding concluded before it opened": (
        [f"update raw.misconduct_proceedings set concluded_date = '2023-12-31' where proceeding_id = "
         f"'{hashed('MP-2')}' and {FEBRUARY}"],
        "misconduct_proceedings", "concluded_date", "concluded_date is not before opened_date", 1),
    "a proceeding twice in one file": (
        _copy_row("misconduct_proceedings", f"proceeding_id = '{hashed('MP-3')}'", line_number="99"),
        "misconduct_proceedings", "file_name, proceeding_id", None, 2),
    "a characteristic on another category": (
        [f"update raw.complaint_allegations set discrimination_characteristic = 'AGE' where allegation_id = "
         f"'{hashed('AL-5')}'"],
        "complaint_allegations", "discrimination_characteristic",
        "a discrimination_characteristic is given for a DISCRIMINATORY_BEHAVIOUR allegation, and only for one", 1),
    "discrimination without a characteristic": (
        [f"update raw.complaint_allegations set discrimination_characteristic = '' where allegation_id = "
         f"'{hashed('AL-2')}' and {FEBRUARY}"],
        "complaint_allegations", "discrimination_characteristic",
        "a discrimination_characteristic is given for a DISCRIMINATORY_BEHAVIOUR allegation, and only for one", 1),
    "an allegation twice in one file": (
        _copy_row("complaint_allegations", f"allegation_id = '{hashed('AL-5')}'", line_number="99"),
        "complaint_allegations", "file_name, allegation_id", None, 2),
    "a raw case id": (
        [f"update raw.complaint_allegations set case_id = 'CC-1' where allegation_id = '{hashed('AL-1')}' "
         f"and {FEBRUARY}"],
        "complaint_allegations", "case_id", None, 1),  # and an orphan: see the count of failures below
    "a stop search case without its record": (
        [f"update raw.complaint_cases set contact_record_id = null where case_id = '{hashed('CC-2')}' "
         f"and {FEBRUARY}"],
        "complaint_cases", "contact_record_id", "a STOP_SEARCH or CUSTODY case names its contact_record_id", 1),
    "a case finalised without an outcome": (
        [f"update raw.complaint_cases set case_outcome = '' where case_id = '{hashed('CC-1')}' and {FEBRUARY}"],
        "complaint_cases", "case_outcome", "finalised_date and case_outcome come together", 1),
    "a case finalised before it was received": (
        [f"update raw.complaint_cases set finalised_date = '2024-01-01' where case_id = '{hashed('CC-1')}' "
         f"and {FEBRUARY}"],
        "complaint_cases", "finalised_date", "finalised_date is not before received_date", 1),
    "a case received in the future": (
        [f"update raw.complaint_cases set received_date = '2099-01-01' where case_id = '{hashed('CC-5')}'"],
        "complaint_cases", "received_date", "received_date is not in the future", 1),
    "a case twice in one file": (
        _copy_row("complaint_cases", f"case_id = '{hashed('CC-5')}'", line_number="99"),
        "complaint_cases", "file_name, case_id", None, 2),
    "an unknown handling route": (
        [f"update raw.complaint_cases set handling_route = 'MEDIATION' where case_id = '{hashed('CC-5')}'"],
        "complaint_cases", "handling_route", None, 1),
    "a date as the complainant's age band": (
        [f"update raw.complaint_cases set complainant_age_band = '1990-06-15' where case_id = '{hashed('CC-5')}'"],
        "complaint_cases", "complainant_age_band", None, 1),
}


@pytest.mark.parametrize("defect", list(DEFECTS))
def test_a_defect_written_straight_into_raw_fails_the_expectation_that_names_it(complaints, defect):
    statements, table, column, description, count = DEFECTS[defect]
    result = raw_suite_after_defect(complaints, statements, table, run_id=f"complaints-defect-{defect}")

    assert not result.success
    if defect == "a raw case id":  # not hashed, so also not a delivered case: two expectations name it
        assert sorted((other.expectation_type, other.column) for other in result.failures) == [
            ("expect_column_values_to_match_regex", "case_id"), ("unexpected_rows_expectation", "case_id")]
        [failure] = [other for other in result.failures if other.expectation_type != "unexpected_rows_expectation"]
    else:
        [failure] = result.failures
        assert failure.column == column, failure
        if description:  # an unexpected-rows query: its description names the rule
            assert (failure.expectation_type, failure.description) == ("unexpected_rows_expectation", description)
    assert failure.unexpected_count == count, failure
    assert failure.partial_unexpected, failure  # a sample of the offending values or rows
    # the line the night's error gives it (validate raises with every failure so described: test_validation.py)
    assert failure.describe(result.suite_name, result.schema, result.table).startswith(
        f"raw_{table} / raw.{table} / {column}: "), failure


def test_a_case_dropped_by_a_corrected_extract_leaves_its_allegations_to_the_raw_suite(complaints, tmp_path):
    """Ingest checks an allegation's case when the allegation loads; a corrected case extract for the same date
    that leaves the case out removes it afterwards, and the suite catches what that orphans."""
    folder = tmp_path / "correction"
    folder.mkdir()
    corrected = write_extract(folder, COMPLAINT_CASES, "2024-02-29", [
        finalised("CC-1", case_outcome="SERVICE_NOT_ACCEPTABLE"),
        finalised("CC-2", finalised_date="2024-02-10", case_outcome="NO_FURTHER_ACTION",
                  contact_type="STOP_SEARCH", contact_record_id="SS-1")])  # CC-5 left out
    with connect(complaints, autocommit=True) as connection:
        result = load(connection, corrected)
    assert (result.status, result.rows_loaded) == ("loaded", 2) and result.replaced_load_id, result.message

    outcome = run_suite(complaints, COMPLAINT_SUITES[1], run_id="complaints-dropped-case",
                        parameters=raw_suite_parameters(complaints))

    assert [(failure.description, failure.unexpected_count) for failure in outcome.failures] == [
        ("an allegation belongs to a delivered complaint case", 1)]
