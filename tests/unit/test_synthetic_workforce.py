"""The synthetic HR extract: contract format, coded from the seeds, internally consistent (people, events,
processes and vetting agree), reproducible, and carrying the disparities its truth claims, recovered from the
files alone."""

from __future__ import annotations

import csv
import math
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

from equality.contracts import allowed_values, contract_parameters

from equality.sources import contract_for

from equality.sources.hr.contracts import HR_EVENTS, HR_PEOPLE, HR_PROCESS_STAGES, HR_VETTING
from equality.sources.hr.synthetic import (GROUP_LABELS, PROMOTION_STAGES, RECRUITMENT_STAGES, WorkforceScenario,
                                          demo_scenario, generate_workforce)
from equality.sources.synthetic_toolkit import BROAD_GROUPS, DEFAULT_SEEDS_DIR

SEEDS = DEFAULT_SEEDS_DIR
HR_CONTRACTS = (HR_PEOPLE, HR_EVENTS, HR_PROCESS_STAGES, HR_VETTING)
CHARACTERISTICS = ("ethnicity", "sex", "date_of_birth", "disability", "religion_or_belief", "sexual_orientation")
PERSON_CHARACTERISTICS = CHARACTERISTICS + ("gender_reassignment", "marital_status", "pregnancy_maternity")

# About 300 people over 15 months, busy enough to have every kind of event and process.
SMALL = dict(start=date(2023, 4, 1), end=date(2024, 6, 30),
             initial_headcount={"OFFICER": 200, "STAFF": 60, "PCSO": 20, "SPECIAL": 20},
             annual_leaver_rate=0.15, annual_temporary_promotion_rate=0.1, annual_specialist_entry_rate=0.2,
             promotion_application_rate={rank: 0.5 for rank in ("CONSTABLE", "SERGEANT", "INSPECTOR",
                                                                "CHIEF_INSPECTOR")})
# A year with many Black and White people and applicants, for recovering the injected ratios from the files.
LARGE = dict(start=date(2023, 4, 1), end=date(2024, 3, 31),
             initial_headcount={"OFFICER": 2500, "STAFF": 1000},
             workforce_group_shares={"White": 0.6, "Black": 0.4}, applicant_group_shares={"White": 0.5, "Black": 0.5},
             annual_leaver_rate=0.2, applicants_per_campaign=8000, vetting_base_refusal=0.2,
             promotion_application_rate={rank: 0.4 for rank in ("CONSTABLE", "SERGEANT", "INSPECTOR",
                                                                "CHIEF_INSPECTOR")})


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


class Extract:
    """The generated files, read back: rows by contract name and month-end date (ISO text)."""

    def __init__(self, generated) -> None:
        self.generated = generated
        self.headers: dict[Path, list[str]] = {}
        self.rows: dict[str, dict[str, list[dict[str, str]]]] = defaultdict(dict)
        for path in generated.files:
            contract = contract_for(path.name)
            header, rows = read_csv(path)
            self.headers[path] = header
            self.rows[contract.name][contract.extract_key(path.name)] = rows
        self.months = sorted(self.rows["hr_people"])

    def all(self, name: str) -> list[dict[str, str]]:
        return [row for month in self.months for row in self.rows[name][month]]

    def snapshot(self, month: str) -> dict[str, dict[str, str]]:
        return {row["person_id"]: row for row in self.rows["hr_people"][month]}


def month_end(iso: str) -> str:
    year, month = int(iso[:4]), int(iso[5:7])
    next_first = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(next_first.toordinal() - 1).isoformat()


def seed_rows(name: str) -> list[dict[str, str]]:
    with open(SEEDS / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def group_of_code() -> dict[str, str]:
    """HR ethnicity code -> broad group (or the not-given label), the way the warehouse reads it."""
    broad_of_detailed = {r["ethnic_group_code"]: r["broad_ethnic_group"] for r in seed_rows("ethnic_groups.csv")}
    return {r["source_value"]: broad_of_detailed.get(r["ethnic_group_code"] or "", r["broad_ethnic_group"])
            for r in seed_rows("ethnicity_source_values.csv") if r["source_system"] == "hr_self_defined"}


RANK_ORDER = {r["rank_grade_code"]: int(r["rank_order"]) for r in seed_rows("rank_grades.csv")}
RANK_TYPE = {r["rank_grade_code"]: r["workforce_type_code"] for r in seed_rows("rank_grades.csv")}


def age_on(date_of_birth: str, on: str) -> int:
    born, day = date.fromisoformat(date_of_birth), date.fromisoformat(on)
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def log_ratio_within(ratio_num: tuple[int, int], ratio_den: tuple[int, int], truth: float, *, sds: float = 4.0,
                     kind: str = "proportion") -> tuple[float, float]:
    """Check an empirical ratio (events, trials) / (events, trials) against the truth on the log scale, within
    ``sds`` standard errors (binomial proportions, or Poisson rates). Returns (estimate, standard error)."""
    (a, n), (b, m) = ratio_num, ratio_den
    estimate = (a / n) / (b / m)
    if kind == "proportion":
        se = math.sqrt((1 - a / n) / a + (1 - b / m) / b)
    else:
        se = math.sqrt(1 / a + 1 / b)
    assert abs(math.log(estimate) - math.log(truth)) < sds * se, (estimate, truth, se)
    return estimate, se


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Extract:
    return Extract(generate_workforce(WorkforceScenario(seed=5, **SMALL), tmp_path_factory.mktemp("small")))


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Extract:
    return Extract(generate_workforce(WorkforceScenario(seed=8, **LARGE), tmp_path_factory.mktemp("large")))


# ------------------------------------------------------------------------------------------------ format


def test_files_follow_the_contracts(small):
    generated = small.generated
    assert len(generated.files) == 4 * 15
    assert small.months[0] == "2023-04-30" and small.months[-1] == "2024-06-30"
    for path in generated.files:
        contract = contract_for(path.name)
        assert contract in HR_CONTRACTS
        assert small.headers[path] == [column.header for column in contract.columns]
        assert path.name == f"{contract.name}_{contract.extract_key(path.name)}.csv"
    for contract in HR_CONTRACTS:
        assert sorted(small.rows[contract.name]) == small.months
        assert generated.row_counts[contract.name] == len(small.all(contract.name)) > 0
    assert generated.row_count == sum(generated.row_counts.values())


def test_every_coded_value_is_allowed_by_the_seeds(small):
    for contract in HR_CONTRACTS:
        rows = small.all(contract.name)
        for column in contract.columns:
            values = {row[column.header] for row in rows}
            if column.required:
                assert "" not in values, (contract.name, column.header)
            if column.kind == "code":
                allowed = set(allowed_values(column.code_list, "hr", SEEDS))
                assert values - {""} <= allowed, (contract.name, column.header, values - allowed)
            elif column.kind == "boolean":
                assert values - {""} <= {"true", "false"}
            elif column.kind == "timestamp":
                for value in values - {""}:
                    assert date.fromisoformat(value).isoformat() == value
    # The ethnicity codes used include the not-stated ones, kept apart.
    assert {"PNS", "NR"} <= {row["ethnicity"] for row in small.all("hr_people")}


def test_snapshot_rows_are_consistent(small):
    parameters = contract_parameters(SEEDS)
    rank_by_type = set(parameters["rank_grades_by_type"])
    stages = set(parameters["process_stages"])
    specialist = {r["department_code"]: r["is_specialist"] for r in seed_rows("departments.csv")}
    for month in small.months:
        rows = small.rows["hr_people"][month]
        ids = [row["person_id"] for row in rows]
        assert len(ids) == len(set(ids)), month
        for row in rows:
            assert f"{row['workforce_type']}:{row['rank_grade']}" in rank_by_type
            assert row["specialist_role"] == specialist[row["department"]]
            assert row["lpu_code"] or row["workforce_type"] == "STAFF"
            assert 0 <= float(row["fte"]) <= 1
            assert row["start_date"] <= month
            assert 18 <= age_on(row["date_of_birth"], month) <= 65
            assert age_on(row["date_of_birth"], row["start_date"]) >= 18
    assert all(f"{row['process_type']}:{row['stage']}" in stages for row in small.all("hr_process_stages"))
    first = small.rows["hr_people"][small.months[0]]
    assert len(first) == pytest.approx(300, abs=30)


def test_a_persons_characteristics_do_not_change(small):
    seen: dict[str, tuple] = {}
    for row in small.all("hr_people"):
        characteristics = tuple(row[name] for name in PERSON_CHARACTERISTICS + ("start_date",))
        assert seen.setdefault(row["person_id"], characteristics) == characteristics


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    scenario = dict(SMALL, end=date(2023, 9, 30))
    first = generate_workforce(WorkforceScenario(seed=3, **scenario), tmp_path / "first")
    again = generate_workforce(WorkforceScenario(seed=3, **scenario), tmp_path / "again")
    other = generate_workforce(WorkforceScenario(seed=4, **scenario), tmp_path / "other")
    assert [p.name for p in first.files] == [p.name for p in again.files] == [p.name for p in other.files]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first.files, again.files))
    assert any(a.read_bytes() != b.read_bytes() for a, b in zip(first.files, other.files))
    assert first.files[0].read_bytes() != other.files[0].read_bytes()


# ------------------------------------------------------------------------------------------------ events


def test_events_are_unique_and_nothing_follows_a_leaver(small):
    events = small.all("hr_events")
    assert len({e["event_id"] for e in events}) == len(events)
    assert {e["event_type"] for e in events} == {"JOINER", "LEAVER", "PROMOTION_SUBSTANTIVE", "PROMOTION_TEMPORARY",
                                                 "SPECIALIST_IN", "SPECIALIST_OUT"}
    left_on: dict[str, str] = {}
    for e in events:
        assert (e["event_type"] == "LEAVER") == (e["leaver_reason"] != "")
        if e["event_type"].startswith("SPECIALIST"):
            assert e["department"]
        assert e["person_id"] not in left_on, f"{e['event_type']} after leaving: {e}"
        if e["event_type"] == "LEAVER":
            left_on[e["person_id"]] = e["effective_date"]
    # Nobody rejoins and no leaver shows up in a later snapshot.
    for month in small.months:
        later_leavers = {p for p, day in left_on.items() if day <= month}
        assert not later_leavers & set(small.snapshot(month))
    # An event's workforce type is the person's, in the month's snapshot (or the one before, for leavers).
    for index, month in enumerate(small.months):
        now, before = small.snapshot(month), small.snapshot(small.months[index - 1]) if index else {}
        for e in small.rows["hr_events"][month]:
            person = now.get(e["person_id"]) or before.get(e["person_id"])
            if person is not None:
                assert person["workforce_type"] == e["workforce_type"]
            else:
                assert index == 0 and e["event_type"] == "LEAVER"


def test_joiners_appear_in_their_month_and_leavers_disappear_after_it(small):
    months = small.months
    snapshots = {month: set(small.snapshot(month)) for month in months}
    ever_before: set[str] = set()
    joiners = leavers = 0
    for index, month in enumerate(months):
        for e in small.rows["hr_events"][month]:
            person = e["person_id"]
            assert month_end(e["effective_date"]) == month
            if e["event_type"] == "JOINER":
                joiners += 1
                assert person in snapshots[month] and person not in ever_before
                assert small.snapshot(month)[person]["start_date"] == e["effective_date"]
            elif e["event_type"] == "LEAVER":
                leavers += 1
                assert all(person not in snapshots[later] for later in months[index:])
                if index:
                    assert person in snapshots[months[index - 1]]
        if index:
            # Everyone new in a snapshot came with a joiner event; everyone gone with a leaver event.
            previous = snapshots[months[index - 1]]
            kinds = defaultdict(set)
            for e in small.rows["hr_events"][month]:
                kinds[e["event_type"]].add(e["person_id"])
            assert snapshots[month] - previous == kinds["JOINER"]
            assert previous - snapshots[month] == kinds["LEAVER"]
        ever_before |= snapshots[month]
    assert joiners > 20 and leavers > 20
    first = small.snapshot(months[0])
    assert all(row["start_date"] < "2023-04-01" for row in first.values()
               if row["person_id"] not in {e["person_id"] for e in small.rows["hr_events"][months[0]]
                                           if e["event_type"] == "JOINER"})


def test_promotions_go_to_a_higher_rank_and_show_in_the_snapshot(small):
    substantive = 0
    for index, month in enumerate(small.months):
        now = small.snapshot(month)
        before = small.snapshot(small.months[index - 1]) if index else {}
        for e in small.rows["hr_events"][month]:
            if not e["event_type"].startswith("PROMOTION"):
                continue
            assert RANK_TYPE[e["from_rank"]] == RANK_TYPE[e["to_rank"]] == "OFFICER"
            assert RANK_ORDER[e["to_rank"]] > RANK_ORDER[e["from_rank"]]
            if e["event_type"] == "PROMOTION_SUBSTANTIVE":
                substantive += 1
                assert RANK_ORDER[e["to_rank"]] == RANK_ORDER[e["from_rank"]] + 1
                assert now[e["person_id"]]["rank_grade"] == e["to_rank"]
                assert before[e["person_id"]]["rank_grade"] == e["from_rank"]
            else:   # a temporary promotion leaves the substantive rank alone
                assert now[e["person_id"]]["rank_grade"] == e["from_rank"]
    assert substantive > 5
    # Every PROMOTED stage row is a substantive promotion of that person on that day, and only those.
    promoted = Counter((r["candidate_id"], r["stage_date"], r["target_role"]) for r in small.all("hr_process_stages")
                       if r["stage"] == "PROMOTED")
    events = Counter((e["person_id"], e["effective_date"], e["to_rank"]) for e in small.all("hr_events")
                     if e["event_type"] == "PROMOTION_SUBSTANTIVE")
    assert promoted == events


def test_specialist_moves_change_the_department(small):
    moves = 0
    for index, month in enumerate(small.months[1:], start=1):
        now, before = small.snapshot(month), small.snapshot(small.months[index - 1])
        for e in small.rows["hr_events"][month]:
            if e["event_type"] == "SPECIALIST_IN":
                moves += 1
                assert before[e["person_id"]]["specialist_role"] == "false"
                assert now[e["person_id"]]["department"] == e["department"]
                assert now[e["person_id"]]["specialist_role"] == "true"
            elif e["event_type"] == "SPECIALIST_OUT":
                moves += 1
                assert before[e["person_id"]]["department"] == e["department"]
                assert now[e["person_id"]]["specialist_role"] == "false"
    assert moves > 5


# ------------------------------------------------------------------------------------------------ processes


def candidates(extract: Extract) -> dict[tuple[str, str], list[dict[str, str]]]:
    by_candidate = defaultdict(list)
    for row in extract.all("hr_process_stages"):
        by_candidate[(row["process_id"], row["candidate_id"])].append(row)
    return by_candidate


def test_stage_rows_follow_the_stage_rule(small):
    by_candidate = candidates(small)
    assert {process_type for process_type, _ in
            {(rows[0]["process_type"], 0) for rows in by_candidate.values()}} == {"RECRUITMENT", "PROMOTION"}
    person_ids = {row["person_id"] for row in small.all("hr_people")}
    for (process_id, candidate_id), rows in by_candidate.items():
        stages = RECRUITMENT_STAGES if rows[0]["process_type"] == "RECRUITMENT" else PROMOTION_STAGES
        rows.sort(key=lambda row: stages.index(row["stage"]))
        assert [row["stage"] for row in rows] == list(stages[:len(rows)])   # in order from APPLICATION
        assert [row["stage_date"] for row in rows] == sorted(row["stage_date"] for row in rows)
        assert all(row["outcome"] == "PASSED" for row in rows[:-1])        # nothing after a fail or withdrawal
        assert rows[0]["outcome"] == "PASSED"
        if rows[-1]["stage"] == stages[-1]:
            assert rows[-1]["outcome"] == "PASSED"
        assert len({tuple(row[c] for c in CHARACTERISTICS) for row in rows}) == 1
        if rows[0]["process_type"] == "RECRUITMENT":
            assert process_id.startswith("RC-") and candidate_id.startswith("C") and candidate_id not in person_ids
            assert rows[0]["target_role"] in ("CONSTABLE", "PCSO")
        else:
            assert process_id == f"PR-{rows[0]['stage_date'][:4]}-{rows[0]['target_role']}"
            assert candidate_id in person_ids
    outcomes = Counter(rows[-1]["outcome"] for rows in by_candidate.values())
    assert outcomes["FAILED"] and outcomes["WITHDRAWN"] and outcomes["PASSED"]


def test_promotion_candidates_are_officers_of_the_rank_below(small):
    for rows in candidates(small).values():
        application = rows[0]
        if application["process_type"] != "PROMOTION":
            continue
        index = small.months.index(month_end(application["stage_date"]))
        before = small.snapshot(small.months[index - 1])[application["candidate_id"]]
        assert RANK_ORDER[application["target_role"]] == RANK_ORDER[before["rank_grade"]] + 1
        assert all(before[c] == application[c] for c in CHARACTERISTICS)


def test_appointed_recruits_join_on_their_appointment_day(small):
    appointed = Counter((r["stage_date"], "OFFICER" if r["target_role"] == "CONSTABLE" else "PCSO")
                        for r in small.all("hr_process_stages") if r["stage"] == "APPOINTED")
    joined = Counter((e["effective_date"], e["workforce_type"]) for e in small.all("hr_events")
                     if e["event_type"] == "JOINER" and e["workforce_type"] in ("OFFICER", "PCSO"))
    assert appointed == joined and sum(appointed.values()) > 0
    assert small.generated.truth.appointed_by_group == {
        label: sum(1 for r in small.all("hr_process_stages")
                   if r["stage"] == "APPOINTED" and group_of_code()[r["ethnicity"]] == label)
        for label in GROUP_LABELS}


def test_vetting_agrees_with_the_vetting_stage(small):
    vetting_stage = {row["candidate_id"]: row for row in small.all("hr_process_stages") if row["stage"] == "VETTING"}
    records = small.all("hr_vetting")
    assert len({r["vetting_id"] for r in records}) == len(records) > 0
    assert {r["applicant_id"] for r in records} == set(vetting_stage)
    outcome = {"PASSED": "GRANTED", "FAILED": "REFUSED", "WITHDRAWN": "WITHDRAWN"}
    for record in records:
        stage = vetting_stage[record["applicant_id"]]
        assert record["outcome"] == outcome[stage["outcome"]]
        assert record["decided_date"] == stage["stage_date"] and record["applied_date"] < record["decided_date"]
        assert record["vetting_level"] == "RECRUITMENT_VETTING"
        assert record["applicant_type"] == ("OFFICER" if stage["target_role"] == "CONSTABLE" else "PCSO")
        assert all(record[c] == stage[c] for c in CHARACTERISTICS)


# ------------------------------------------------------------------------------------------------ the truth


def test_the_truth_is_the_injected_defaults(small):
    truth = small.generated.truth
    assert truth.stage_pass_ratio("RECRUITMENT", "ASSESSMENT_CENTRE", "Black") == pytest.approx(0.7)
    assert truth.stage_pass_ratio("RECRUITMENT", "ASSESSMENT_CENTRE", "Asian") == 1.0
    assert truth.stage_pass_ratio("RECRUITMENT", "INTERVIEW", "Black") == 1.0
    assert truth.promotion_board_ratio("Black") == pytest.approx(0.75)
    assert truth.leaver_rate_ratio("Black") == 1.5 and truth.leaver_rate_ratio("White") == 1.0
    assert truth.vetting_refusal_ratio("Black") == 1.8 and truth.vetting_refusal_ratio("Asian") == 1.3
    assert truth.stage_pass_ratio("RECRUITMENT", "VETTING", "Black") == pytest.approx((1 - 0.08 * 1.8) / 0.92)
    assert truth.specialist_entry_ratio("Asian") == 0.8
    last = small.snapshot(small.months[-1]).values()
    codes = group_of_code()
    assert truth.final_snapshot_headcount == {
        (t, g): sum(1 for row in last if row["workforce_type"] == t and codes[row["ethnicity"]] == g)
        for t in ("OFFICER", "STAFF", "PCSO", "SPECIAL") for g in GROUP_LABELS}


def test_the_injected_ratios_are_recovered_from_the_files(large):
    codes = group_of_code()
    truth = large.generated.truth

    # Stage pass ratios among the assessed (passed + failed; withdrawals left out).
    assessed = Counter()
    for row in large.all("hr_process_stages"):
        if row["outcome"] != "WITHDRAWN":
            assessed[(row["process_type"], row["stage"], codes[row["ethnicity"]], row["outcome"])] += 1

    def pass_counts(process_type, stage, group):
        passed = assessed[(process_type, stage, group, "PASSED")]
        return passed, passed + assessed[(process_type, stage, group, "FAILED")]

    for process_type, stage in (("RECRUITMENT", "ASSESSMENT_CENTRE"), ("RECRUITMENT", "INTERVIEW"),
                                ("PROMOTION", "BOARD")):
        _, se = log_ratio_within(pass_counts(process_type, stage, "Black"), pass_counts(process_type, stage, "White"),
                                 truth.stage_pass_ratio(process_type, stage, "Black"))
        assert se < (0.05 if process_type == "RECRUITMENT" else 0.15)   # enough candidates to mean something

    # Vetting refusal among decided applications.
    decided = Counter((codes[r["ethnicity"]], r["outcome"]) for r in large.all("hr_vetting"))

    def refusals(group):
        return decided[(group, "REFUSED")], decided[(group, "REFUSED")] + decided[(group, "GRANTED")]

    _, se = log_ratio_within(refusals("Black"), refusals("White"), truth.vetting_refusal_ratio("Black"))
    assert se < 0.1

    # Leavers in a month over the previous month-end headcount.
    leavers, at_risk = Counter(), Counter()
    for index, month in enumerate(large.months[1:], start=1):
        before = large.snapshot(large.months[index - 1])
        at_risk.update(codes[row["ethnicity"]] for row in before.values())
        leavers.update(codes[before[e["person_id"]]["ethnicity"]] for e in large.rows["hr_events"][month]
                       if e["event_type"] == "LEAVER")
    _, se = log_ratio_within((leavers["Black"], at_risk["Black"]), (leavers["White"], at_risk["White"]),
                             truth.leaver_rate_ratio("Black"), kind="rate")
    assert se < 0.1


def test_the_demo_scenario_keeps_its_headcount(tmp_path):
    generated = generate_workforce(demo_scenario(), tmp_path)
    assert len(generated.files) == 4 * 36
    _, first = read_csv(generated.files[0])
    start = Counter(row["workforce_type"] for row in first)
    end = Counter(workforce_type for (workforce_type, _), n in generated.truth.final_snapshot_headcount.items()
                  for _ in range(n))
    assert start == pytest.approx({"OFFICER": 1500, "STAFF": 900, "PCSO": 150, "SPECIAL": 100}, rel=0.05)
    for workforce_type, n in start.items():
        assert end[workforce_type] == pytest.approx(n, rel=0.12)
    # Recruits are more diverse than the starting workforce, so representation grows.
    share = lambda counts, group: counts[group] / sum(counts.values())   # noqa: E731
    start_groups = Counter(group_of_code()[row["ethnicity"]] for row in first if row["workforce_type"] == "OFFICER")
    end_groups = Counter({g: n for (t, g), n in generated.truth.final_snapshot_headcount.items() if t == "OFFICER"})
    assert share(end_groups, "Asian") > share(start_groups, "Asian")
    assert sum(generated.truth.appointed_by_group.values()) > 200


# ------------------------------------------------------------------------------------------------ validation


@pytest.mark.parametrize("overrides, message", [
    (dict(leaver_rate_ratio={"Purple": 2.0}), "unknown broad group"),
    (dict(leaver_rate_ratio={"White": 2.0}), "White"),
    (dict(stage_pass_ratio={"ASSESMENT_CENTRE": {"Black": 0.7}}), "unknown"),
    (dict(stage_pass_ratio={"VETTING": {"Black": 0.7}}), "vetting_refusal_ratio"),
    (dict(stage_pass_ratio={"APPOINTED": {"Black": 0.7}}), "unknown"),
    (dict(promotion_stage_pass_ratio={"ASSESSMENT_CENTRE": {"Black": 0.7}}), "unknown"),
    (dict(stage_pass_ratio={"ASSESSMENT_CENTRE": {"Black": 2.0}}), "> 1"),
    (dict(vetting_refusal_ratio={"Black": 20.0}), "> 1"),
    (dict(pass_probability={"VETTING": 0.9}), "VETTING"),
    (dict(initial_headcount={"POLICE_DOGS": 4}), "unknown workforce type"),
    (dict(promotion_application_rate={"SUPERINTENDENT": 0.1}), "unknown rank"),
    (dict(start=date(2023, 4, 2)), "first day"),
    (dict(end=date(2024, 6, 29)), "last day"),
])
def test_impossible_scenarios_are_refused(overrides, message):
    with pytest.raises(ValueError, match=message):
        WorkforceScenario(seed=1, **(SMALL | overrides))


def test_groups_default_sensibly():
    scenario = WorkforceScenario(seed=1, **(SMALL | dict(leaver_rate_ratio={"Asian": 1.2})))
    assert scenario.leaver_rate_ratio == {"White": 1.0, "Black": 1.0, "Asian": 1.2, "Mixed": 1.0, "Other": 1.0}
    assert set(scenario.workforce_group_shares) == set(BROAD_GROUPS)
    assert sum(scenario.applicant_group_shares.values()) == pytest.approx(1.0)
