"""The synthetic complaints and misconduct extract: contract format, coded from the seeds, linked to the stop-search,
custody and HR files it was generated from, reproducible, and carrying the disparities its truth claims, recovered
from the files alone."""

from __future__ import annotations

import csv
import math
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest

from equality.contracts import allowed_values

from equality.sources import contract_for

from equality.sources.complaints.contracts import COMPLAINT_ALLEGATIONS, COMPLAINT_CASES, MISCONDUCT_PROCEEDINGS
from equality.sources.complaints.synthetic import (ComplaintsScenario, complaints_demo_scenario, generate_complaints)
from equality.sources.custody.synthetic import generate_custody, scenario_a
from equality.sources.hr.synthetic import demo_scenario, generate_workforce
from equality.sources.stop_search.synthetic import Scenario, generate
from equality.sources.synthetic_toolkit import BROAD_GROUPS, DEFAULT_SEEDS_DIR

SEEDS = DEFAULT_SEEDS_DIR
CONTRACTS = (COMPLAINT_CASES, COMPLAINT_ALLEGATIONS, MISCONDUCT_PROCEEDINGS)
START, END = date(2023, 4, 1), date(2023, 9, 30)
MONTH_ENDS = ["2023-04-30", "2023-05-31", "2023-06-30", "2023-07-31", "2023-08-31", "2023-09-30"]
# Busy enough for every kind of row in six months of a small force: many complaints per contact, many proceedings.
SMALL = dict(start=START, end=END, complaint_probability={"STOP_SEARCH": 0.1, "CUSTODY": 0.1},
             other_contacts_per_1000_per_year=0.2, annual_proceedings_rate=0.2)
# A year where every case is investigated, with many Black and White complainants and Asian and White officers.
LARGE = dict(start=date(2023, 4, 1), end=date(2024, 3, 31), complaint_probability={"STOP_SEARCH": 0.3},
             other_contacts_per_1000_per_year=3.0, handling_route_mix={"LOCAL_INVESTIGATION": 1.0},
             annual_proceedings_rate=0.2)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def read_all(files) -> list[dict[str, str]]:
    return [row for path in files for row in read_csv(path)[1]]


def seed_rows(name: str) -> list[dict[str, str]]:
    with open(SEEDS / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def group_of_code(source_system: str) -> dict[str, str]:
    """Ethnicity code -> broad group (or the not-stated label), the way the warehouse reads it."""
    broad_of_detailed = {r["ethnic_group_code"]: r["broad_ethnic_group"] for r in seed_rows("ethnic_groups.csv")}
    return {r["source_value"]: broad_of_detailed.get(r["ethnic_group_code"] or "", r["broad_ethnic_group"])
            for r in seed_rows("ethnicity_source_values.csv") if r["source_system"] == source_system}


COMPLAINANT_GROUP = group_of_code("complaints_self_defined")
OFFICER_GROUP = group_of_code("hr_self_defined")


def age_band(age: str) -> str:
    if not age:
        return "NOT_RECORDED"
    for row in seed_rows("age_bands.csv"):
        if row["min_age"] and int(row["min_age"]) <= int(age) <= int(row["max_age"]):
            return row["age_band_code"]
    raise AssertionError(f"no band for age {age}")


def month_end(iso: str) -> str:
    year, month = int(iso[:4]), int(iso[5:7])
    return (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).isoformat()


def log_ratio_within(ratio_num: tuple[int, int], ratio_den: tuple[int, int], truth: float, *, sds: float = 4.0,
                     kind: str = "proportion") -> tuple[float, float]:
    """Check an empirical ratio (events, trials) / (events, trials) against the truth on the log scale, within
    ``sds`` standard errors (binomial proportions, or Poisson rates). Returns (estimate, standard error)."""
    (a, n), (b, m) = ratio_num, ratio_den
    estimate = (a / n) / (b / m)
    se = math.sqrt((1 - a / n) / a + (1 - b / m) / b) if kind == "proportion" else math.sqrt(1 / a + 1 / b)
    assert abs(math.log(estimate) - math.log(truth)) < sds * se, (estimate, truth, se)
    return estimate, se


class Generated:
    """Inputs and generated complaints files, read back: rows by contract name and month-end date."""

    def __init__(self, generated, searches, custody, workforce) -> None:
        self.generated, self.searches, self.custody = generated, searches, custody
        self.people_files = [path for path in workforce.files if path.name.startswith("hr_people_")]
        self.headers: dict[Path, list[str]] = {}
        self.rows: dict[str, dict[str, list[dict[str, str]]]] = defaultdict(dict)
        for path in generated.files:
            contract = contract_for(path.name)
            self.headers[path], self.rows[contract.name][contract.extract_key(path.name)] = read_csv(path)
        self.months = sorted(self.rows["complaint_cases"])
        self.snapshots = {path.name[len("hr_people_"):-len(".csv")]: {row["person_id"]: row
                                                                     for row in read_csv(path)[1]}
                          for path in self.people_files}

    def all(self, name: str) -> list[dict[str, str]]:
        return [row for month in self.months for row in self.rows[name][month]]

    def generate(self, scenario, out_dir):
        return generate_complaints(scenario, out_dir, stop_search_files=self.searches.files if self.searches else [],
                                   custody_files=self.custody.files if self.custody else [],
                                   hr_people_files=self.people_files)


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Generated:
    inputs = tmp_path_factory.mktemp("inputs")
    # Contacts over a wider period than the complaints, so some are out of range.
    searches = generate(Scenario(seed=3, start=date(2023, 1, 1), end=date(2023, 12, 31),
                                 searches_per_1000_white_per_year=0.5), inputs)
    custody = generate_custody(scenario_a(start=date(2023, 3, 1), end=date(2023, 9, 30),
                                          detentions_per_1000_white_per_year=1.0), inputs)
    workforce = generate_workforce(demo_scenario(start=START, end=END,
                                                 initial_headcount={"OFFICER": 300, "STAFF": 40}), inputs)
    people = [path for path in workforce.files if path.name.startswith("hr_people_")]
    generated = generate_complaints(ComplaintsScenario(seed=5, **SMALL), tmp_path_factory.mktemp("small"),
                                    stop_search_files=searches.files, custody_files=custody.files,
                                    hr_people_files=people)
    return Generated(generated, searches, custody, workforce)


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Generated:
    inputs = tmp_path_factory.mktemp("large_inputs")
    searches = generate(Scenario(seed=9, start=LARGE["start"], end=LARGE["end"]), inputs)
    workforce = generate_workforce(demo_scenario(start=LARGE["start"], end=LARGE["end"],
                                                 initial_headcount={"OFFICER": 3000},
                                                 workforce_group_shares={"White": 0.5, "Asian": 0.5},
                                                 applicant_group_shares={"White": 0.5, "Asian": 0.5}), inputs)
    people = [path for path in workforce.files if path.name.startswith("hr_people_")]
    generated = generate_complaints(ComplaintsScenario(seed=7, **LARGE), tmp_path_factory.mktemp("large"),
                                    stop_search_files=searches.files, custody_files=[], hr_people_files=people)
    return Generated(generated, searches, None, workforce)


# ------------------------------------------------------------------------------------------------ format


def test_files_follow_the_contracts(small):
    generated = small.generated
    assert len(generated.files) == 3 * len(MONTH_ENDS)
    assert small.months == MONTH_ENDS
    for path in generated.files:
        contract = contract_for(path.name)
        assert contract in CONTRACTS
        assert small.headers[path] == [column.header for column in contract.columns]
        assert path.name == f"{contract.name}_{contract.extract_key(path.name)}.csv"
    for contract in CONTRACTS:
        assert sorted(small.rows[contract.name]) == MONTH_ENDS
        assert generated.row_counts[contract.name] == len(small.all(contract.name)) > 0
    assert generated.row_count == sum(generated.row_counts.values())


def test_every_coded_value_is_allowed_by_the_seeds(small):
    for contract in CONTRACTS:
        rows = small.all(contract.name)
        for column in contract.columns:
            values = {row[column.header] for row in rows}
            if column.required:
                assert "" not in values, (contract.name, column.header)
            if column.kind == "code":
                allowed = set(allowed_values(column.code_list, "complaints", SEEDS))
                assert allowed and values - {""} <= allowed, (contract.name, column.header, values - allowed)
            elif column.kind == "timestamp":
                for value in values - {""}:
                    assert date.fromisoformat(value).isoformat() == value
    cases = small.all("complaint_cases")
    assert set(allowed_values("ethnicity", "complaints", SEEDS)) == set(COMPLAINANT_GROUP)
    assert "NS" in {row["complainant_ethnicity"] for row in cases}
    assert {row["contact_type"] for row in cases} == {"STOP_SEARCH", "CUSTODY", "OTHER", "UNKNOWN"}
    assert {row["handling_route"] for row in cases} == set(allowed_values("handling_route", "complaints", SEEDS))


def test_ids_are_unique_and_numbered_in_order(small):
    cases = small.all("complaint_cases")
    assert [row["case_id"] for row in cases] == [f"CC{i:06d}" for i in range(1, len(cases) + 1)]
    assert len({row["complainant_id"] for row in cases}) == len(cases)
    assert [row["received_date"] for row in cases] == sorted(row["received_date"] for row in cases)
    allegations = small.all("complaint_allegations")
    assert [row["allegation_id"] for row in allegations] == [f"AL{i:06d}" for i in range(1, len(allegations) + 1)]
    proceedings = small.all("misconduct_proceedings")
    assert [row["proceeding_id"] for row in proceedings] == [f"MP{i:06d}" for i in range(1, len(proceedings) + 1)]


def test_same_seed_same_bytes_other_seed_other_bytes(small, tmp_path):
    scenario = dict(SMALL, end=date(2023, 6, 30))
    first = small.generate(ComplaintsScenario(seed=3, **scenario), tmp_path / "first")
    again = small.generate(ComplaintsScenario(seed=3, **scenario), tmp_path / "again")
    other = small.generate(ComplaintsScenario(seed=4, **scenario), tmp_path / "other")
    assert [p.name for p in first.files] == [p.name for p in again.files] == [p.name for p in other.files]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first.files, again.files))
    assert first.files[0].read_bytes() != other.files[0].read_bytes()
    # The input files are read in name order, whatever order they are given in.
    shuffled = generate_complaints(ComplaintsScenario(seed=3, **scenario), tmp_path / "shuffled",
                                   stop_search_files=small.searches.files[::-1],
                                   custody_files=small.custody.files[::-1], hr_people_files=small.people_files[::-1])
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first.files, shuffled.files))


# ------------------------------------------------------------------------------------------------ cases


def test_linked_cases_carry_the_contacted_person(small):
    searches = {row["record_id"]: row for row in read_all(small.searches.files)}
    detentions = {row["detention_id"]: row for row in read_all(small.custody.files)}
    linked = Counter()
    for month in small.months:
        for case in small.rows["complaint_cases"][month]:
            assert month_end(case["received_date"]) == month     # written in the month received
            if case["contact_type"] in ("OTHER", "UNKNOWN"):
                assert case["contact_record_id"] == ""
                continue
            linked[case["contact_type"]] += 1
            contact = (searches if case["contact_type"] == "STOP_SEARCH" else detentions)[case["contact_record_id"]]
            contacted_on = (contact.get("searched_at") or contact["arrived_at"])[:10]
            assert START.isoformat() <= contacted_on <= END.isoformat()
            assert contacted_on < case["received_date"]
            assert case["complainant_ethnicity"] == contact["self_defined_ethnicity"]
            assert case["complainant_sex"] == contact["sex"]
            assert case["complainant_age_band"] == age_band(contact["age"])
    assert linked["STOP_SEARCH"] > 20 and linked["CUSTODY"] > 20
    record_ids = [c["contact_record_id"] for c in small.all("complaint_cases") if c["contact_record_id"]]
    assert len(record_ids) == len(set(record_ids))   # a contact leads to one complaint at most


def test_finalisation_and_outcomes_come_together(small):
    cases = small.all("complaint_cases")
    for case in cases:
        assert (case["finalised_date"] == "") == (case["case_outcome"] == "")
        if case["finalised_date"]:
            assert case["received_date"] <= case["finalised_date"] <= END.isoformat()
    finalised = sum(1 for case in cases if case["finalised_date"])
    assert 0 < finalised < len(cases)
    # The case outcome follows from the allegations.
    by_case = defaultdict(list)
    for allegation in small.all("complaint_allegations"):
        by_case[allegation["case_id"]].append(allegation["outcome"])
    for case in cases:
        outcomes = by_case[case["case_id"]]
        if not case["finalised_date"]:
            assert set(outcomes) == {""}
        elif case["case_outcome"] == "WITHDRAWN":
            assert set(outcomes) == {"NO_FURTHER_ACTION"}
        elif {"UPHELD", "SERVICE_NOT_ACCEPTABLE"} & set(outcomes):
            assert case["case_outcome"] == "SERVICE_NOT_ACCEPTABLE"
        elif case["handling_route"] == "SERVICE_RECOVERY":
            assert case["case_outcome"] == "RESOLVED"
        else:
            assert case["case_outcome"] == ("NO_FURTHER_ACTION" if set(outcomes) == {"NO_FURTHER_ACTION"}
                                            else "SERVICE_ACCEPTABLE")


# ------------------------------------------------------------------------------------------------ allegations


def test_allegations_belong_to_cases_of_their_file(small):
    per_case = Counter()
    for month in small.months:
        case_ids = {case["case_id"] for case in small.rows["complaint_cases"][month]}
        for allegation in small.rows["complaint_allegations"][month]:
            assert allegation["case_id"] in case_ids
            per_case[allegation["case_id"]] += 1
    assert len(per_case) == len(small.all("complaint_cases"))
    assert set(per_case.values()) == {1, 2, 3}


def test_categories_and_outcomes_follow_the_rules(small):
    route = {case["case_id"]: case["handling_route"] for case in small.all("complaint_cases")}
    service = {"SERVICE_ACCEPTABLE", "SERVICE_NOT_ACCEPTABLE", "NO_FURTHER_ACTION"}
    investigated = {"UPHELD", "NOT_UPHELD", "REFLECTIVE_PRACTICE", "NO_FURTHER_ACTION"}
    allegations = small.all("complaint_allegations")
    for allegation in allegations:
        assert (allegation["discrimination_characteristic"] != "") == \
            (allegation["category"] == "DISCRIMINATORY_BEHAVIOUR")
        if allegation["outcome"]:
            expected = service if route[allegation["case_id"]] in ("SERVICE_RECOVERY",
                                                                  "SCHEDULE_3_NOT_INVESTIGATED") else investigated
            assert allegation["outcome"] in expected
    characteristics = Counter(a["discrimination_characteristic"] for a in allegations
                              if a["discrimination_characteristic"])
    assert characteristics.most_common(1)[0][0] == "RACE"
    assert {"UPHELD", "NOT_UPHELD", "SERVICE_ACCEPTABLE"} <= {a["outcome"] for a in allegations}


def test_subjects_are_officers_in_post_when_the_case_was_received(small):
    received = {case["case_id"]: case["received_date"] for case in small.all("complaint_cases")}
    everyone = {person for snapshot in small.snapshots.values() for person in snapshot}
    blank = unknown = named = 0
    for allegation in small.all("complaint_allegations"):
        subject = allegation["subject_id"]
        if not subject:
            blank += 1
        elif subject.startswith("PX"):
            unknown += 1
            assert subject not in everyone
        else:
            named += 1
            person = small.snapshots[month_end(received[allegation["case_id"]])][subject]
            assert person["workforce_type"] == "OFFICER"
    assert blank > 0 and unknown > 0 and named > 10 * (blank + unknown) / 2
    assert small.generated.truth.subjects_not_in_hr == unknown


# ------------------------------------------------------------------------------------------------ proceedings


def test_proceedings_name_officers_in_post_and_delivered_cases(small):
    received = {case["case_id"]: case["received_date"] for case in small.all("complaint_cases")}
    named = defaultdict(set)
    for allegation in small.all("complaint_allegations"):
        named[allegation["case_id"]].add(allegation["subject_id"])
    from_cases = naming_the_officer = 0
    for month in small.months:
        for proceeding in small.rows["misconduct_proceedings"][month]:
            assert month_end(proceeding["opened_date"]) == month
            officer = small.snapshots[month][proceeding["officer_id"]]
            assert officer["workforce_type"] == "OFFICER"
            assert officer["start_date"] <= proceeding["opened_date"]
            if proceeding["case_id"]:
                from_cases += 1
                assert received[proceeding["case_id"]] <= proceeding["opened_date"]
                naming_the_officer += proceeding["officer_id"] in named[proceeding["case_id"]]
            assert (proceeding["concluded_date"] == "") == (proceeding["outcome"] == "")
            if proceeding["concluded_date"]:
                days = (date.fromisoformat(proceeding["concluded_date"])
                        - date.fromisoformat(proceeding["opened_date"])).days
                assert 60 <= days <= 300 and proceeding["concluded_date"] <= END.isoformat()
            assert (proceeding["sanction"] != "") == (proceeding["outcome"] == "PROVEN")
            assert (proceeding["proceeding_type"] == "MEETING") == (proceeding["severity"] == "MISCONDUCT")
    proceedings = small.all("misconduct_proceedings")
    assert 0 < from_cases < len(proceedings)
    assert {"PROVEN", ""} <= {p["outcome"] for p in proceedings}


# ------------------------------------------------------------------------------------------------ the truth


def test_the_truth_counts_what_was_read_and_written(small):
    truth = small.generated.truth
    cases = Counter((c["contact_type"], COMPLAINANT_GROUP[c["complainant_ethnicity"]])
                    for c in small.all("complaint_cases"))
    assert {key: n for key, n in truth.cases.items() if n} == dict(cases)
    in_range = lambda day: START.isoformat() <= day[:10] <= END.isoformat()   # noqa: E731
    contacts = Counter(("STOP_SEARCH", COMPLAINANT_GROUP[r["self_defined_ethnicity"]])
                       for r in read_all(small.searches.files) if in_range(r["searched_at"]))
    contacts.update(("CUSTODY", COMPLAINANT_GROUP[r["self_defined_ethnicity"]])
                    for r in read_all(small.custody.files) if in_range(r["arrived_at"]))
    assert {key: n for key, n in truth.contacts.items() if n} == dict(contacts)
    officer_months = Counter(OFFICER_GROUP[row["ethnicity"]] for month in small.months
                             for row in small.snapshots[month].values() if row["workforce_type"] == "OFFICER")
    assert {key: n for key, n in truth.officer_months.items() if n} == dict(officer_months)
    proceedings = Counter(OFFICER_GROUP[small.snapshots[month][p["officer_id"]]["ethnicity"]]
                          for month in small.months for p in small.rows["misconduct_proceedings"][month])
    assert {key: n for key, n in truth.proceedings.items() if n} == dict(proceedings)


def test_the_truth_is_the_injected_defaults():
    scenario = complaints_demo_scenario()
    assert (scenario.seed, scenario.start, scenario.end) == (31, date(2022, 4, 1), date(2025, 3, 31))
    assert scenario.complaint_ratio["STOP_SEARCH"] == {"White": 1.0, "Black": 1.5, "Asian": 1.0, "Mixed": 1.0,
                                                       "Other": 1.0}
    assert scenario.complaint_ratio["CUSTODY"]["Black"] == 1.3
    assert scenario.other_contact_ratio["Black"] == 1.6 and scenario.other_contact_ratio["Asian"] == 1.2
    assert scenario.upheld_ratio["Black"] == 0.5 and scenario.base_upheld_probability == 0.3
    assert scenario.proceedings_ratio["Asian"] == 2.0 and scenario.annual_proceedings_rate == 0.03
    assert sum(scenario.handling_route_mix.values()) == pytest.approx(1.0)


def test_the_injected_ratios_are_recovered_from_the_files(large):
    truth = large.generated.truth
    assert truth.upheld_ratio("Black") == 0.5 and truth.proceedings_ratio("Asian") == 2.0
    cases = large.all("complaint_cases")
    group = {c["case_id"]: COMPLAINANT_GROUP[c["complainant_ethnicity"]] for c in cases}

    # Upheld among allegations upheld or not upheld, by the complainant's group.
    decided = Counter((group[a["case_id"]], a["outcome"]) for a in large.all("complaint_allegations")
                      if a["outcome"] in ("UPHELD", "NOT_UPHELD"))

    def upheld(g):
        return decided[(g, "UPHELD")], decided[(g, "UPHELD")] + decided[(g, "NOT_UPHELD")]

    _, se = log_ratio_within(upheld("Black"), upheld("White"), truth.upheld_ratio("Black"))
    assert se < 0.12
    log_ratio_within(upheld("Asian"), upheld("White"), truth.upheld_ratio("Asian"))

    # Proceedings per officer-month, by the officer's HR ethnicity in the month's snapshot.
    opened, at_risk = Counter(), Counter()
    for month in large.months:
        snapshot = large.snapshots[month]
        at_risk.update(OFFICER_GROUP[row["ethnicity"]] for row in snapshot.values()
                       if row["workforce_type"] == "OFFICER")
        opened.update(OFFICER_GROUP[snapshot[p["officer_id"]]["ethnicity"]]
                      for p in large.rows["misconduct_proceedings"][month])
    _, se = log_ratio_within((opened["Asian"], at_risk["Asian"]), (opened["White"], at_risk["White"]),
                             truth.proceedings_ratio("Asian"), kind="rate")
    assert se < 0.1

    # Complaints per stop-search in range, by the searched person's group.
    in_range = lambda day: LARGE["start"].isoformat() <= day[:10] <= LARGE["end"].isoformat()   # noqa: E731
    searched = Counter(COMPLAINANT_GROUP[r["self_defined_ethnicity"]] for r in read_all(large.searches.files)
                       if in_range(r["searched_at"]))
    complained = Counter(group[c["case_id"]] for c in cases if c["contact_type"] == "STOP_SEARCH")
    _, se = log_ratio_within((complained["Black"], searched["Black"]), (complained["White"], searched["White"]),
                             truth.complaint_ratio("STOP_SEARCH", "Black"))
    assert se < 0.1
    # ... which fall short of the probability only by complaints received after the end.
    assert complained["White"] / searched["White"] == pytest.approx(0.3, rel=0.12)

    # Complaints about other contacts per head (census 2021, force area), stated complainants.
    la_codes = {row["la_code"] for row in seed_rows("local_policing_units.csv")}
    broad = {r["ethnic_group_code"]: r["broad_ethnic_group"] for r in seed_rows("ethnic_groups.csv")}
    population = Counter()
    for row in seed_rows("census_population.csv"):
        if row["census_year"] == "2021" and row["la_code"] in la_codes and row["ethnic_group_code"] in broad:
            population[broad[row["ethnic_group_code"]]] += int(row["population"].replace(",", ""))
    assert dict(population) == dict(truth.population)
    other = Counter(group[c["case_id"]] for c in cases if c["contact_type"] in ("OTHER", "UNKNOWN"))
    for g in ("Black", "Asian"):
        _, se = log_ratio_within((other[g], population[g]), (other["White"], population["White"]),
                                 truth.other_contact_ratio(g), kind="rate")
        assert se < 0.1


# ------------------------------------------------------------------------------------------------ validation


def test_every_month_needs_an_hr_snapshot(small, tmp_path):
    with pytest.raises(ValueError, match="2023-10"):
        small.generate(ComplaintsScenario(seed=1, **dict(SMALL, end=date(2023, 10, 31))), tmp_path)


@pytest.mark.parametrize("overrides, message", [
    (dict(upheld_ratio={"Purple": 2.0}), "unknown broad group"),
    (dict(proceedings_ratio={"White": 2.0}), "White"),
    (dict(complaint_ratio={"OTHER": {"Black": 2.0}}), "unknown contact type"),
    (dict(complaint_probability={"STOP_SEARCH": 0.8}, complaint_ratio={"STOP_SEARCH": {"Black": 1.5}}), "> 1"),
    (dict(base_upheld_probability=0.6, upheld_ratio={"Black": 2.0}), "> 1"),
    (dict(handling_route_mix={"MEDIATION": 1.0}), "unknown code"),
    (dict(base_upheld_probability=1.5), "probability"),
    (dict(unknown_subject_share=0.7, subject_not_in_hr_share=0.4), "exceeds 1"),
    (dict(start=date(2023, 4, 2)), "first day"),
    (dict(end=date(2023, 9, 29)), "last day"),
])
def test_impossible_scenarios_are_refused(overrides, message):
    with pytest.raises(ValueError, match=message):
        ComplaintsScenario(seed=1, **(SMALL | overrides))


def test_groups_default_sensibly():
    scenario = ComplaintsScenario(seed=1, **(SMALL | dict(upheld_ratio={"Asian": 0.8},
                                                          complaint_ratio={"STOP_SEARCH": {"Mixed": 1.2}})))
    assert scenario.upheld_ratio == {"White": 1.0, "Black": 1.0, "Asian": 0.8, "Mixed": 1.0, "Other": 1.0}
    assert set(scenario.proceedings_ratio) == set(BROAD_GROUPS)
    # A given complaint_ratio replaces the default (contact types and groups not given: 1).
    assert scenario.complaint_ratio["STOP_SEARCH"]["Mixed"] == 1.2
    assert scenario.complaint_ratio["STOP_SEARCH"]["Black"] == scenario.complaint_ratio["CUSTODY"]["Black"] == 1.0
    assert scenario.complaint_probability == {"STOP_SEARCH": 0.1, "CUSTODY": 0.1}
