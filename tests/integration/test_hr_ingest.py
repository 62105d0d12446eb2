"""The HR (workforce) extracts: what ingest lands, quarantines and never stores, and what their raw suites catch.

Each case writes small HR extracts (people snapshots, events, recruitment and promotion stages, vetting),
loads them into a real PostgreSQL and checks raw, audit.quarantined_rows and the load registry. The last
cases run the four raw suites with real Great Expectations on a valid load, then on defects written straight
into raw (bypassing ingest), each of which must fail the expectation that names it.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from equality.checked_rows import age_band_sql
from equality.config import EXPECTATIONS_DIR, SEEDS_DIR
from equality.sources.hr.contracts import HR_EVENTS, HR_PEOPLE, HR_PROCESS_STAGES, HR_VETTING
from equality.ingest import load_file
from equality.nightly import raw_suite_parameters
from equality.pseudonymise import hmac_sha256_hex
from equality.schema import bootstrap
from equality.validation import run_suite, validate
from equality.warehouse import connect
from extract_files import (contract_row, quarantined, raw_count, raw_suite_after_defect, stored_anywhere,
                           write_extract)
from warehouse_databases import copy_per_test

KEY = b"hr-ingest-test-key-0123456789"
CONTRACTS = (HR_PEOPLE, HR_EVENTS, HR_PROCESS_STAGES, HR_VETTING)
HR_SUITES = [EXPECTATIONS_DIR / f"raw_{contract.raw_table}.json" for contract in CONTRACTS]
CHARACTERISTIC_CODES = ("disability", "religion_or_belief", "sexual_orientation")
PERSON_ONLY_CODES = ("gender_reassignment", "marital_status", "pregnancy_maternity")

PERSON = dict(person_id="P-1", workforce_type="OFFICER", rank_grade="CONSTABLE", department="RESPONSE",
              specialist_role="false", lpu_code="BIR", fte="1.0", start_date="2015-09-01", ethnicity="W1", sex="F",
              date_of_birth="1990-06-15", disability="NOT_DISABLED", religion_or_belief="NO_RELIGION",
              sexual_orientation="HETEROSEXUAL", gender_reassignment="GENDER_SAME_AS_AT_BIRTH",
              marital_status="SINGLE", pregnancy_maternity="NOT_PREGNANT_OR_MATERNITY")
EVENT = dict(event_id="E-1", person_id="P-1", event_type="JOINER", effective_date="2015-09-01",
             workforce_type="OFFICER", leaver_reason="", from_rank="", to_rank="", department="")
STAGE = dict(process_id="PR-1", process_type="PROMOTION", target_role="SERGEANT", candidate_id="C-1",
             stage="APPLICATION", outcome="PASSED", stage_date="2024-01-05", ethnicity="A1", sex="M",
             date_of_birth="1988-02-29", disability="NOT_DISABLED", religion_or_belief="MUSLIM",
             sexual_orientation="HETEROSEXUAL")
VETTING = dict(vetting_id="V-1", applicant_id="A-1", applicant_type="STAFF", vetting_level="NPPV",
               applied_date="2024-01-08", decided_date="2024-02-01", outcome="GRANTED", ethnicity="B2", sex="F",
               date_of_birth="1999-12-31", disability="DISABLED", religion_or_belief="CHRISTIAN",
               sexual_orientation="BISEXUAL")


def person(person_id: str = "P-1", **values) -> str:
    return contract_row(HR_PEOPLE, PERSON, {"person_id": person_id, **values})


def event(event_id: str, person_id: str, event_type: str, effective_date: str, **values) -> str:
    if event_type == "LEAVER":
        values.setdefault("leaver_reason", "RESIGNATION")
    if event_type.startswith("SPECIALIST"):
        values.setdefault("department", "FIREARMS")
    return contract_row(HR_EVENTS, EVENT, dict(event_id=event_id, person_id=person_id, event_type=event_type,
                                       effective_date=effective_date, **values))


def promotion(event_id: str, person_id: str, effective_date: str, from_rank: str, to_rank: str, **values) -> str:
    return event(event_id, person_id, "PROMOTION_SUBSTANTIVE", effective_date, from_rank=from_rank, to_rank=to_rank,
                 **values)


def stage(process_id: str, candidate_id: str, stage_code: str, outcome: str, stage_date: str, **values) -> str:
    return contract_row(HR_PROCESS_STAGES, STAGE, dict(process_id=process_id, candidate_id=candidate_id, stage=stage_code,
                                               outcome=outcome, stage_date=stage_date, **values))


def vetting(vetting_id: str = "V-1", **values) -> str:
    return contract_row(HR_VETTING, VETTING, {"vetting_id": vetting_id, **values})


def hashed(identifier: str) -> str:
    return hmac_sha256_hex(KEY, identifier)


def load(conn, path: Path):
    return load_file(conn, path, key=KEY, seeds_dir=SEEDS_DIR)


# ------------------------------------------------------------------------------------------------ people
def test_a_good_people_snapshot_loads_every_row_and_keeps_no_date_of_birth(conn, tmp_path):
    born = {"P-1": "1990-06-15", "P-2": "1989-03-31", "P-3": "1989-04-01", "P-4": "2003-01-01", "P-5": "1975-02-02"}
    rows = [person("P-1", date_of_birth=born["P-1"]),
            person("P-2", date_of_birth=born["P-2"], rank_grade="SERGEANT", department="FIREARMS",
                   specialist_role="true", lpu_code=""),
            person("P-3", date_of_birth=born["P-3"], workforce_type="PCSO", rank_grade="PCSO", fte="0.6"),
            person("P-4", date_of_birth=born["P-4"], workforce_type="STAFF", rank_grade="STAFF_GRADE_A_D",
                   department="CONTACT"),
            person("P-5", date_of_birth=born["P-5"], fte="1.5")]  # quarantined: fte out of range

    result = load(conn, write_extract(tmp_path, HR_PEOPLE, "2024-03-31", rows))

    assert (result.status, result.rows_loaded, result.rows_quarantined) == ("loaded", 4, 1), result.message
    bands = dict(conn.execute("select person_id, age_band from raw.hr_people").fetchall())
    assert bands == {hashed("P-1"): "AGE_25_34",  # 33 on 2024-03-31
                     hashed("P-2"): "AGE_35_PLUS",  # 35 on the file's date, the birthday itself
                     hashed("P-3"): "AGE_25_34",  # 34: turns 35 the day after the file's date
                     hashed("P-4"): "AGE_18_24"}
    [(line, reasons)] = quarantined(conn, "hr_people")
    assert line == 6 and reasons == ["fte 1.5 is outside 0 to 1"]
    record = conn.execute("select record from audit.quarantined_rows").fetchone()[0]
    assert record["date_of_birth"] == "AGE_35_PLUS" and record["person_id"] == hashed("P-5")
    columns = {name for (name,) in conn.execute(
        "select column_name from information_schema.columns where table_schema = 'raw' and table_name = 'hr_people'")}
    assert "date_of_birth" not in columns and "age_band" in columns
    for date_of_birth in born.values():
        assert stored_anywhere(conn, date_of_birth) == [], date_of_birth


def test_every_date_of_birth_is_stored_as_the_age_band_postgresql_gives_it(conn, tmp_path):
    """The client ages plain dates itself and leaves the rest to PostgreSQL; together they store what the rule
    (``age_band_sql``) gives, also for a row quarantined because its date of birth is after the extract's date."""
    as_at = datetime.date(2024, 2, 29)
    born = sorted({(as_at.replace(year=as_at.year - age, day=28) + datetime.timedelta(days=shift)).isoformat()
                   for age in (0, 10, 18, 25, 35, 121) for shift in (-1, 0, 1, 2)}
                  | {"1964-02-29", "2000-02-29", "2024-03-01", "1990-06-15T00:00:00", "1990-06-15 23:30:00+01:00",
                     "1984-02-29T12:00:00Z", "2024-02-29T09:00:00"})
    rows = [person(f"P-{number}", date_of_birth=value) for number, value in enumerate(born)]

    result = load(conn, write_extract(tmp_path, HR_PEOPLE, as_at.isoformat(), rows))

    by_person = {hashed(f"P-{number}"): value for number, value in enumerate(born)}
    stored = dict(conn.execute("select person_id, age_band from raw.hr_people"
                               " union all select record ->> 'person_id', record ->> 'date_of_birth'"
                               " from audit.quarantined_rows").fetchall())
    rule = dict(conn.execute(f"select born, {age_band_sql('landing.born', SEEDS_DIR)} from unnest(%(born)s::text[])"
                             " as landing (born)", {"born": born, "as_at": as_at}).fetchall())
    assert stored == {person_id: rule[value] for person_id, value in by_person.items()}
    assert result.rows_quarantined and result.rows_loaded and len(set(rule.values())) == 6  # five bands and none


def test_a_malformed_date_of_birth_is_not_stored_in_the_quarantine_reasons(conn, tmp_path):
    rows = [person("P-1", date_of_birth="15/06/1990"), person("P-2", date_of_birth="2090-06-15")]
    result = load(conn, write_extract(tmp_path, HR_PEOPLE, "2024-03-31", rows))
    assert result.rows_quarantined == 2
    assert all(any("date_of_birth" in reason for reason in reasons) for _, reasons in quarantined(conn, "hr_people"))
    assert stored_anywhere(conn, "15/06/1990") == [] and stored_anywhere(conn, "2090-06-15") == []


def test_a_date_of_birth_in_no_age_band_is_quarantined(conn, tmp_path):
    rows = [person("P-1", date_of_birth="1870-01-01"), person("P-2", date_of_birth="2010-01-01")]  # 130; unborn
    result = load(conn, write_extract(tmp_path, HR_PEOPLE, "2000-01-31", rows))
    assert (result.rows_loaded, result.rows_quarantined) == (0, 2)
    assert all(any("date_of_birth" in reason for reason in reasons) for _, reasons in quarantined(conn, "hr_people"))


def test_prefer_not_to_say_and_not_recorded_both_load_and_stay_distinct(conn, tmp_path):
    declined = {code: "PREFER_NOT_TO_SAY" for code in CHARACTERISTIC_CODES + PERSON_ONLY_CODES}
    unrecorded = {code: "NOT_RECORDED" for code in CHARACTERISTIC_CODES + PERSON_ONLY_CODES}
    result = load(conn, write_extract(tmp_path, HR_PEOPLE, "2024-03-31", [
        person("P-1", ethnicity="PNS", **declined), person("P-2", ethnicity="NR", sex="U", **unrecorded)]))
    assert (result.rows_loaded, result.rows_quarantined) == (2, 0), quarantined(conn, "hr_people")
    candidates = load(conn, write_extract(tmp_path, HR_PROCESS_STAGES, "2024-03-31", [
        stage("PR-1", "C-1", "APPLICATION", "PASSED", "2024-01-05", ethnicity="PNS",
              **{code: "PREFER_NOT_TO_SAY" for code in CHARACTERISTIC_CODES}),
        stage("PR-1", "C-2", "APPLICATION", "PASSED", "2024-01-05", ethnicity="NR",
              **{code: "NOT_RECORDED" for code in CHARACTERISTIC_CODES})]))
    assert (candidates.rows_loaded, candidates.rows_quarantined) == (2, 0), quarantined(conn, "hr_process_stages")

    codes = ", ".join(("ethnicity",) + CHARACTERISTIC_CODES + PERSON_ONLY_CODES)
    people = dict((row[0], row[1:]) for row in conn.execute(f"select person_id, {codes} from raw.hr_people"))
    assert people[hashed("P-1")] == ("PNS",) + ("PREFER_NOT_TO_SAY",) * 6
    assert people[hashed("P-2")] == ("NR",) + ("NOT_RECORDED",) * 6
    stages = dict((row[0], row[1:]) for row in conn.execute(
        f"select candidate_id, ethnicity, {', '.join(CHARACTERISTIC_CODES)} from raw.hr_process_stages"))
    assert stages[hashed("C-1")] == ("PNS",) + ("PREFER_NOT_TO_SAY",) * 3
    assert stages[hashed("C-2")] == ("NR",) + ("NOT_RECORDED",) * 3


def test_a_person_loads_once_per_snapshot_but_twice_in_one_snapshot_quarantines_both(conn, tmp_path):
    first = load(conn, write_extract(tmp_path, HR_PEOPLE, "2024-03-30", [person("P-1")]))
    second = load(conn, write_extract(tmp_path, HR_PEOPLE, "2024-03-31", [person("P-1"), person("P-2")]))
    assert (first.rows_loaded, second.rows_loaded, second.rows_quarantined) == (1, 2, 0)
    assert conn.execute("select count(*) from raw.hr_people where person_id = %s",
                        (hashed("P-1"),)).fetchone()[0] == 2  # snapshot scope: one row per person per file

    third = load(conn, write_extract(tmp_path, HR_PEOPLE, "2024-04-01", [
        person("P-1"), person("P-2"), person("P-1", rank_grade="SERGEANT")]))
    assert (third.rows_loaded, third.rows_quarantined) == (1, 2)
    assert quarantined(conn, "hr_people") == [(2, ["duplicate person_id within the file"]),
                                              (4, ["duplicate person_id within the file"])]


@pytest.mark.parametrize("workforce_type, rank, reason", [
    ("STAFF", "SERGEANT", "rank_grade SERGEANT is not a STAFF rank or grade"),
    ("OFFICER", "PCSO", "rank_grade PCSO is not a OFFICER rank or grade"),
    ("SPECIAL", "STAFF_GRADE_K_PLUS", "rank_grade STAFF_GRADE_K_PLUS is not a SPECIAL rank or grade"),
], ids=["officer rank for staff", "PCSO rank for an officer", "staff grade for a special"])
def test_a_rank_not_of_the_workforce_type_is_quarantined(conn, tmp_path, workforce_type, rank, reason):
    result = load(conn, write_extract(tmp_path, HR_PEOPLE, "2024-03-31", [
        person("P-1"), person("P-2", workforce_type=workforce_type, rank_grade=rank)]))
    assert (result.rows_loaded, result.rows_quarantined) == (1, 1)
    assert quarantined(conn, "hr_people") == [(3, [reason])]


# ------------------------------------------------------------------------------------------------ events
@pytest.mark.parametrize("from_rank, to_rank", [("INSPECTOR", "SERGEANT"), ("SERGEANT", "SERGEANT")],
                         ids=["lower", "equal"])
def test_a_promotion_to_a_lower_or_equal_rank_is_quarantined(conn, tmp_path, from_rank, to_rank):
    result = load(conn, write_extract(tmp_path, HR_EVENTS, "2024-03-31", [
        promotion("E-1", "P-1", "2024-01-10", "CONSTABLE", "SERGEANT"),
        promotion("E-2", "P-2", "2024-01-10", from_rank, to_rank),
        event("E-3", "P-3", "PROMOTION_TEMPORARY", "2024-01-10", from_rank=from_rank, to_rank=to_rank)]))
    assert (result.rows_loaded, result.rows_quarantined) == (1, 2)
    reason = f"promotion from {from_rank} to {to_rank} is not to a higher rank"
    assert quarantined(conn, "hr_events") == [(3, [reason]), (4, [reason])]


@pytest.mark.parametrize("from_rank, to_rank", [("CHIEF_CONSTABLE", "STAFF_GRADE_A_D"), ("CONSTABLE", "PCSO")],
                         ids=["officer to staff grade", "officer to PCSO"])
def test_a_promotion_onto_another_workforce_types_ladder_is_quarantined(conn, tmp_path, from_rank, to_rank):
    result = load(conn, write_extract(tmp_path, HR_EVENTS, "2024-03-31", [
        promotion("E-1", "P-1", "2024-01-10", from_rank, to_rank, workforce_type="OFFICER")]))
    assert (result.rows_loaded, result.rows_quarantined) == (0, 1)


def test_an_event_after_the_persons_leaver_event_in_the_same_file_is_quarantined_until_a_rejoin(conn, tmp_path):
    result = load(conn, write_extract(tmp_path, HR_EVENTS, "2024-01-31", [
        event("E-1", "P-1", "JOINER", "2015-09-01"),
        promotion("E-2", "P-1", "2023-06-01", "CONSTABLE", "SERGEANT"),
        event("E-3", "P-1", "LEAVER", "2024-01-10"),
        event("E-4", "P-1", "SPECIALIST_IN", "2024-01-20"),  # after the leave: quarantined
        event("E-5", "P-2", "SPECIALIST_IN", "2024-01-20"),  # someone else: loads
        event("E-6", "P-1", "JOINER", "2024-01-25"),  # the re-join
        event("E-7", "P-1", "SPECIALIST_IN", "2024-01-28"),  # after the re-join: loads
    ]))
    assert (result.rows_loaded, result.rows_quarantined) == (6, 1)
    assert quarantined(conn, "hr_events") == [(5, ["event on 2024-01-20 after the person left"])]
    assert conn.execute("select event_type from raw.hr_events where event_id = %s",
                        (hashed("E-3"),)).fetchone() == ("LEAVER",)


def test_an_event_in_a_later_file_after_a_leaver_loaded_earlier_is_quarantined_until_a_rejoin(conn, tmp_path):
    january = load(conn, write_extract(tmp_path, HR_EVENTS, "2024-01-31", [
        event("E-1", "P-1", "JOINER", "2015-09-01"), event("E-2", "P-1", "LEAVER", "2024-01-10")]))
    assert (january.rows_loaded, january.rows_quarantined) == (2, 0)

    february = load(conn, write_extract(tmp_path, HR_EVENTS, "2024-02-29", [
        event("E-3", "P-1", "SPECIALIST_IN", "2024-02-01"),  # after January's leave: quarantined
        event("E-4", "P-1", "JOINER", "2024-02-10"),  # the re-join
        event("E-5", "P-1", "SPECIALIST_IN", "2024-02-20"),  # after the re-join: loads
        event("E-6", "P-1", "LEAVER", "2024-02-25", leaver_reason="RETIREMENT"),  # leaves again: loads
    ]))
    assert (february.rows_loaded, february.rows_quarantined) == (3, 1)

    march = load(conn, write_extract(tmp_path, HR_EVENTS, "2024-03-31", [
        promotion("E-7", "P-1", "2024-03-01", "CONSTABLE", "SERGEANT"),  # after the second leave: quarantined
        event("E-8", "P-1", "JOINER", "2024-03-05"),
        promotion("E-9", "P-1", "2024-03-20", "CONSTABLE", "SERGEANT"),
    ]))
    assert (march.rows_loaded, march.rows_quarantined) == (2, 1)
    assert quarantined(conn, "hr_events") == [(2, ["event on 2024-02-01 after the person left"]),
                                              (2, ["event on 2024-03-01 after the person left"])]
    assert raw_count(conn, "hr_events") == 7


@pytest.mark.parametrize("row, reason", [
    (event("E-2", "P-1", "LEAVER", "2024-01-10", leaver_reason=""), "a leaver needs a leaver_reason"),
    (event("E-2", "P-1", "JOINER", "2024-01-10", leaver_reason="RETIREMENT"),
     "leaver_reason given for a JOINER event"),
    (event("E-2", "P-1", "SPECIALIST_OUT", "2024-01-10", department=""), "a specialist move needs the department"),
    (promotion("E-2", "P-1", "2024-01-10", "", "SERGEANT"), "a promotion needs from_rank and to_rank"),
], ids=["leaver without a reason", "joiner with a leaver reason", "specialist move without department",
        "promotion without from_rank"])
def test_an_incomplete_event_is_quarantined_with_its_reason(conn, tmp_path, row, reason):
    result = load(conn, write_extract(tmp_path, HR_EVENTS, "2024-01-31", [event("E-1", "P-1", "JOINER", "2015-09-01"), row]))
    assert (result.rows_loaded, result.rows_quarantined) == (1, 1)
    assert quarantined(conn, "hr_events") == [(3, [reason])]


# ------------------------------------------------------------------------------------------------ process stages
@pytest.mark.parametrize("process_type, stage_code", [("PROMOTION", "ASSESSMENT_CENTRE"), ("RECRUITMENT", "BOARD")])
def test_a_stage_not_of_the_process_type_is_quarantined(conn, tmp_path, process_type, stage_code):
    result = load(conn, write_extract(tmp_path, HR_PROCESS_STAGES, "2024-01-31", [
        stage("PR-1", "C-1", "APPLICATION", "PASSED", "2024-01-05", process_type=process_type),
        stage("PR-1", "C-1", stage_code, "PASSED", "2024-01-20", process_type=process_type)]))
    assert (result.rows_loaded, result.rows_quarantined) == (1, 1)
    assert quarantined(conn, "hr_process_stages") == [
        (3, [f"stage {stage_code} is not a stage of a {process_type} process"])]


def test_process_stages_delivered_again_are_quarantined_by_their_composite_key(conn, tmp_path):
    first = load(conn, write_extract(tmp_path, HR_PROCESS_STAGES, "2024-01-31", [
        stage("PR-1", "C-1", "APPLICATION", "PASSED", "2024-01-05"),
        stage("PR-1", "C-1", "EXAM", "PASSED", "2024-01-20")]))
    second = load(conn, write_extract(tmp_path, HR_PROCESS_STAGES, "2024-02-29", [
        stage("PR-1", "C-1", "EXAM", "PASSED", "2024-01-20"),  # delivered again: quarantined
        stage("PR-1", "C-1", "INTERVIEW", "PASSED", "2024-02-10"),  # the candidate's next stage: loads
        stage("PR-2", "C-1", "EXAM", "PASSED", "2024-02-12"),  # same candidate and stage, other process: loads
        stage("PR-1", "C-2", "EXAM", "FAILED", "2024-02-12"),  # other candidate: loads
        stage("PR-1", "C-3", "APPLICATION", "PASSED", "2024-02-01"),  # twice in this file: both quarantined
        stage("PR-1", "C-3", "APPLICATION", "WITHDRAWN", "2024-02-02")]))
    assert (first.rows_loaded, second.rows_loaded, second.rows_quarantined) == (2, 3, 3)
    assert quarantined(conn, "hr_process_stages") == [
        (2, [f"process_id, candidate_id, stage already loaded from an earlier extract (load {first.load_id})"]),
        (6, ["duplicate process_id, candidate_id, stage within the file"]),
        (7, ["duplicate process_id, candidate_id, stage within the file"])]


def test_a_stage_delivered_again_without_its_trailing_space_is_still_already_loaded(conn, tmp_path):
    load(conn, write_extract(tmp_path, HR_PROCESS_STAGES, "2024-01-31", [stage("PR-1 ", "C-1", "APPLICATION", "PASSED",
                                                                         "2024-01-05")]))
    again = load(conn, write_extract(tmp_path, HR_PROCESS_STAGES, "2024-02-29", [stage("PR-1", "C-1", "APPLICATION",
                                                                               "PASSED", "2024-01-05")]))
    assert (again.rows_loaded, again.rows_quarantined) == (0, 1)


# ------------------------------------------------------------------------------------------------ vetting
def test_vetting_decided_before_it_was_applied_for_is_quarantined(conn, tmp_path):
    result = load(conn, write_extract(tmp_path, HR_VETTING, "2024-02-29", [
        vetting("V-1"), vetting("V-2", applied_date="2024-02-01", decided_date="2024-01-15"),
        vetting("V-3", applied_date="2024-02-01", decided_date="2024-02-01")]))
    assert (result.rows_loaded, result.rows_quarantined) == (2, 1)
    assert quarantined(conn, "hr_vetting") == [(3, ["decided_date 2024-01-15 is before applied_date 2024-02-01"])]


# ------------------------------------------------------------------------------------------------ re-delivery
REDELIVERED = {
    "hr_people": (HR_PEOPLE, [person("P-1"), person("P-2"), person("P-2")]),
    "hr_events": (HR_EVENTS, [event("E-1", "P-1", "JOINER", "2015-09-01"), event("E-2", "P-1", "LEAVER", "2024-01-10"),
                              event("E-3", "P-1", "SPECIALIST_IN", "2024-01-20")]),
    "hr_process_stages": (HR_PROCESS_STAGES, [stage("PR-1", "C-1", "APPLICATION", "PASSED", "2024-01-05"),
                                              stage("PR-1", "C-1", "EXAM", "PASSED", "2024-01-20"),
                                              stage("PR-1", "C-1", "BOARD", "PASSED", "2024-01-20",
                                                    process_type="RECRUITMENT")]),
    "hr_vetting": (HR_VETTING, [vetting("V-1"), vetting("V-2"), vetting("V-3", decided_date="2024-01-01")]),
}


@pytest.mark.parametrize("table", list(REDELIVERED))
def test_loading_an_identical_file_again_is_a_no_op(conn, tmp_path, table):
    contract, rows = REDELIVERED[table]
    path = write_extract(tmp_path, contract, "2024-01-31", rows)
    first = load(conn, path)
    assert first.status == "loaded" and first.rows_loaded >= 1 and first.rows_quarantined >= 1, first.message

    again = load(conn, path)

    assert (again.status, again.load_id, again.rows_loaded) == ("already_loaded", first.load_id, 0)
    assert raw_count(conn, table) == first.rows_loaded
    assert len(quarantined(conn, table)) == first.rows_quarantined
    assert conn.execute("select count(*) from audit.loads").fetchone()[0] == 1


# ------------------------------------------------------------------------------------------------ raw suites
def load_valid_workforce(conn, folder: Path) -> None:
    """Two people snapshots, two event files, two stage files and a vetting file that pass every raw suite.

    Some rows are quarantined on the way (the suites count what the registry says was loaded).
    """
    people = [person("P-1"), person("P-2", rank_grade="INSPECTOR", start_date="2001-04-02", date_of_birth="1970-01-01"),
              person("P-3", workforce_type="STAFF", rank_grade="STAFF_GRADE_E_G", department="CORPORATE_SERVICES",
                     lpu_code="", fte="0.5", ethnicity="PNS", disability="PREFER_NOT_TO_SAY"),
              person("P-4", workforce_type="SPECIAL", rank_grade="SPECIAL_CONSTABLE", start_date="2023-11-20",
                     ethnicity="NR", disability="NOT_RECORDED")]
    results = [
        load(conn, write_extract(folder, HR_PEOPLE, "2024-01-31", people)),
        load(conn, write_extract(folder, HR_PEOPLE, "2024-02-29", [*people[:1], *people[2:], person("P-5")])),
        load(conn, write_extract(folder, HR_EVENTS, "2024-01-31", [
            event("E-1", "P-1", "JOINER", "2015-09-01"),
            promotion("E-2", "P-1", "2023-06-01", "CONSTABLE", "SERGEANT"),
            event("E-3", "P-1", "PROMOTION_TEMPORARY", "2023-09-01", from_rank="SERGEANT", to_rank="INSPECTOR"),
            event("E-4", "P-2", "SPECIALIST_IN", "2020-05-01", department="MAJOR_CRIME"),
            event("E-5", "P-3", "JOINER", "2015-09-01", workforce_type="STAFF")])),
        load(conn, write_extract(folder, HR_EVENTS, "2024-02-29", [
            event("E-6", "P-2", "LEAVER", "2024-02-10", leaver_reason="RETIREMENT"),
            event("E-7", "P-2", "SPECIALIST_OUT", "2024-02-15", department="MAJOR_CRIME"),  # quarantined: left
            promotion("E-8", "P-3", "2024-02-01", "STAFF_GRADE_A_D", "STAFF_GRADE_E_G", workforce_type="STAFF"),
            event("E-9", "P-6", "JOINER", "2024-02-26", workforce_type="PCSO")])),  # in no snapshot yet
        load(conn, write_extract(folder, HR_PROCESS_STAGES, "2024-01-31", [
            stage("PR-1", "C-1", "APPLICATION", "PASSED", "2024-01-05"),
            stage("PR-1", "C-1", "EXAM", "PASSED", "2024-01-20"),
            stage("PR-1", "C-2", "APPLICATION", "PASSED", "2024-01-05", ethnicity="PNS"),
            stage("PR-1", "C-2", "EXAM", "FAILED", "2024-01-20", ethnicity="PNS"),
            stage("PR-2", "C-3", "APPLICATION", "PASSED", "2024-01-03", process_type="RECRUITMENT",
                  target_role="CONSTABLE"),
            stage("PR-2", "C-3", "ELIGIBILITY_SIFT", "PASSED", "2024-01-03", process_type="RECRUITMENT",
                  target_role="CONSTABLE"),
            stage("PR-2", "C-3", "ONLINE_ASSESSMENT", "WITHDRAWN", "2024-01-15", process_type="RECRUITMENT",
                  target_role="CONSTABLE")])),
        load(conn, write_extract(folder, HR_PROCESS_STAGES, "2024-02-29", [
            stage("PR-1", "C-1", "EXAM", "PASSED", "2024-01-20"),  # quarantined: already loaded
            stage("PR-1", "C-1", "INTERVIEW", "PASSED", "2024-02-10"),
            stage("PR-1", "C-1", "BOARD", "PASSED", "2024-02-20")])),
        load(conn, write_extract(folder, HR_VETTING, "2024-02-29", [
            vetting("V-1"), vetting("V-2", applicant_id="A-2", applicant_type="OFFICER",
                                    vetting_level="MANAGEMENT_VETTING", outcome="REFUSED", ethnicity="NR"),
            vetting("V-3", decided_date="2024-01-01")])),  # quarantined: decided before applied
    ]
    assert [(result.status, result.rows_quarantined) for result in results] == [
        ("loaded", 0), ("loaded", 0), ("loaded", 0), ("loaded", 1), ("loaded", 0), ("loaded", 1), ("loaded", 1)], [
        result.message for result in results]


@pytest.fixture(scope="module")
def valid_workforce(module_warehouse_url, tmp_path_factory):
    with connect(module_warehouse_url, autocommit=True) as connection:
        bootstrap(connection)
        load_valid_workforce(connection, tmp_path_factory.mktemp("workforce"))
    return module_warehouse_url


workforce = copy_per_test("valid_workforce")  # for one test to read, or write defects into


def test_the_hr_raw_suites_pass_on_empty_tables(warehouse_url):
    with connect(warehouse_url) as connection:
        bootstrap(connection)
    results = validate(warehouse_url, HR_SUITES, run_id="hr-empty", parameters_for=raw_suite_parameters(warehouse_url))
    assert [(result.suite_name, result.success) for result in results] == [
        (f"raw_{contract.raw_table}", True) for contract in CONTRACTS]


def test_the_hr_raw_suites_pass_on_a_valid_load(workforce):
    parameters = raw_suite_parameters(workforce)
    assert [parameters[f"{contract.raw_table}_expected_row_count"] for contract in CONTRACTS] == [8, 8, 9, 2]

    results = validate(workforce, HR_SUITES, run_id="hr-valid", parameters_for=parameters)

    assert [(result.suite_name, result.table, result.success, result.failures) for result in results] == [
        (f"raw_{contract.raw_table}", contract.raw_table, True, []) for contract in CONTRACTS]
    for result, path in zip(results, HR_SUITES):
        document = json.loads(path.read_text())
        assert result.evaluated == len(document["expectations"])
        assert all(expectation["meta"].get("why") for expectation in document["expectations"])
    with connect(workforce) as connection:
        recorded = connection.execute("select count(*), bool_and(success) from audit.validation_results "
                                      "where run_id = 'hr-valid'").fetchone()
    assert recorded == (sum(result.evaluated for result in results), True)


def _copy_row(table: str, where: str, **changes: str) -> list[str]:
    """SQL inserting a copy of one raw row with some columns changed (bypassing ingest), and counting it loaded."""
    contract = next(contract for contract in CONTRACTS if contract.raw_table == table)
    names = ["load_id", "file_name", "line_number", *contract.column_names]
    values = [changes.get(name, name) for name in names]
    return [f"insert into raw.{table} ({', '.join(names)}) select {', '.join(values)} from raw.{table} "
            f"where {where} limit 1",
            f"update audit.loads set rows_loaded = rows_loaded + 1 where load_id = "
            f"(select max(load_id) from audit.loads where source = '{table}' and status = 'loaded')"]


P1, P2, C1 = hashed("P-1"), hashed("P-2"), hashed("C-1")
DEFECTS = {
    "stages out of order": (
        [f"update raw.hr_process_stages set stage_date = '2024-01-12' where candidate_id = '{C1}' "
         "and stage = 'INTERVIEW'"],  # before the EXAM of 2024-01-20
        "hr_process_stages", "stage_date", "stage dates do not decrease with stage order", 1),
    "a stage after a failed stage": (
        [f"update raw.hr_process_stages set outcome = 'FAILED' where candidate_id = '{C1}' and stage = 'EXAM'"],
        "hr_process_stages", "outcome",
        "every stage before a candidate's last one was PASSED (no stage after a FAILED or WITHDRAWN one)", 1),
    "a stage of another process type": (
        _copy_row("hr_process_stages", f"candidate_id = '{C1}' and stage = 'BOARD'", line_number="99",
                  stage="'ASSESSMENT_CENTRE'"),
        "hr_process_stages", "stage", "stage is a stage of the process_type", 1),
    "an event before the start date": (
        _copy_row("hr_events", f"person_id = '{P1}' and event_type = 'JOINER'", line_number="99",
                  event_id=f"'{hashed('E-99')}'", event_type="'SPECIALIST_IN'", effective_date="'2014-06-01'",
                  department="'DOGS'"),  # P-1 started on 2015-09-01
        "hr_events", "effective_date", "no event is dated before the person's start_date", 1),
    "an event after the leaver event": (
        _copy_row("hr_events", f"person_id = '{P2}' and event_type = 'SPECIALIST_IN'", line_number="99",
                  event_id=f"'{hashed('E-99')}'", effective_date="'2024-03-01'"),  # P-2 left on 2024-02-10
        "hr_events", "effective_date", "no event after the person's leaver event unless they re-joined", 1),
    "a promotion to a lower rank": (
        [f"update raw.hr_events set to_rank = 'CONSTABLE' where event_id = '{hashed('E-3')}'"],
        "hr_events", "to_rank", "a promotion is to a strictly higher rank", 1),
    "a promotion onto another workforce type's ladder": (
        [f"update raw.hr_events set to_rank = 'STAFF_GRADE_A_D' where event_id = '{hashed('E-3')}'"],
        "hr_events", "to_rank", "from_rank and to_rank are ranks or grades of the event's workforce_type", 1),
    "a person twice in one snapshot": (
        _copy_row("hr_people", f"person_id = '{P1}'", line_number="99"),
        "hr_people", "file_name, person_id", None, 2),
    "a rank of another workforce type": (
        [f"update raw.hr_people set rank_grade = 'PCSO' where person_id = '{P2}'"],
        "hr_people", "rank_grade", "rank_grade is a rank or grade of the person's workforce_type", 1),
    "a date of birth instead of an age band": (
        [f"update raw.hr_people set age_band = '1990-06-15' where person_id = '{P1}' and file_name like '%01-31%'"],
        "hr_people", "age_band", "age_band is an age band of seeds/age_bands.csv, never a date", 1),
    "a date of birth in no age band": (
        [f"update raw.hr_people set age_band = null where person_id = '{P1}' and file_name like '%01-31%'"],
        "hr_people", "age_band", None, 1),
    "vetting decided before applied": (
        [f"update raw.hr_vetting set decided_date = '2024-01-02' where vetting_id = '{hashed('V-2')}'"],
        "hr_vetting", "decided_date", "decided_date is not before applied_date", 1),
    "a vetting application twice": (  # raw's unique index refuses it first: without it, the suite still tells
        ["drop index raw.hr_vetting_vetting_id_key",
         *_copy_row("hr_vetting", f"vetting_id = '{hashed('V-1')}'", line_number="99")],
        "hr_vetting", "vetting_id", None, 2),
}


@pytest.mark.parametrize("defect", list(DEFECTS))
def test_a_defect_written_straight_into_raw_fails_the_expectation_that_names_it(workforce, defect):
    statements, table, column, description, count = DEFECTS[defect]
    result = raw_suite_after_defect(workforce, statements, table, run_id=f"hr-defect-{defect}")

    assert not result.success
    [failure] = result.failures
    assert failure.column == column and failure.unexpected_count == count, failure
    assert failure.partial_unexpected, failure  # a sample of the offending values or rows
    if description:  # an unexpected-rows query: its description names the rule
        assert (failure.expectation_type, failure.description) == ("unexpected_rows_expectation", description)
    # the line the night's error gives it (validate raises with every failure so described: test_validation.py)
    assert failure.describe(result.suite_name, result.schema, result.table).startswith(
        f"raw_{table} / raw.{table} / {column}: "), failure


def test_a_code_with_surrounding_spaces_that_ingest_accepts_passes_the_raw_suite(conn, warehouse_url, tmp_path):
    result = load(conn, write_extract(tmp_path, HR_PEOPLE, "2024-03-31", [person("P-1", rank_grade=" CONSTABLE")]))
    assert (result.rows_loaded, result.rows_quarantined) == (1, 0)
    suite = run_suite(warehouse_url, HR_SUITES[0], run_id="hr-padded", parameters=raw_suite_parameters(warehouse_url))
    assert suite.success, [failure.describe(suite.suite_name, "raw", "hr_people") for failure in suite.failures]
