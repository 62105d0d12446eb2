"""The synthetic use-of-force forms: contract format, reproducible, counting units apart, and carrying the truth
(ratios, Taser use, outliers, the case-mix team and links) the scenario claims."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from equality.sources.custody.synthetic import generate_custody, scenario_a
from equality.sources.stop_search.synthetic import Scenario, generate
from equality.sources.use_of_force.contracts import USE_OF_FORCE_REPORTS
from equality.sources.use_of_force.synthetic import (CED_USES, COLUMNS, UseOfForceScenario, generate_use_of_force,
                                                     redeliver_month)

QUARTER = dict(start=date(2024, 4, 1), end=date(2024, 6, 30))


def read_rows(files):
    rows = []
    for path in files:
        with open(path, newline="", encoding="utf-8") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


@pytest.fixture(scope="module")
def quarter(tmp_path_factory):
    landing = tmp_path_factory.mktemp("uof")
    searches = generate(Scenario(seed=3, searches_per_1000_white_per_year=5.0, **QUARTER), landing)
    detentions = generate_custody(scenario_a(**QUARTER), landing)
    generated = generate_use_of_force(UseOfForceScenario(seed=1, **QUARTER), landing,
                                      stop_search_files=searches.files, custody_files=detentions.files)
    return generated, read_rows(generated.files)


def test_files_follow_the_contract(quarter):
    generated, rows = quarter
    assert [path.name for path in generated.files] == ["use_of_force_2024-04.csv", "use_of_force_2024-05.csv",
                                                      "use_of_force_2024-06.csv"]
    assert all(USE_OF_FORCE_REPORTS.extract_key(path.name) for path in generated.files)
    assert list(COLUMNS) == USE_OF_FORCE_REPORTS.column_names
    assert len(rows) == generated.row_count
    assert len({row["report_id"] for row in rows}) == len(rows)
    assert {row["ced_highest_use"] for row in rows} <= set(CED_USES)


def test_subjects_incidents_and_reports_are_different_units(quarter):
    generated, rows = quarter
    subjects = defaultdict(list)
    for row in rows:
        subjects[row["incident_id"], row["subject_id"]].append(row)
    assert len(subjects) == sum(generated.truth.delivered_subjects.values())
    assert len({row["incident_id"] for row in rows}) == generated.truth.incidents < len(subjects) < len(rows)
    for reports in subjects.values():
        assert len({row["officer_id"] for row in reports}) == len(reports)    # one report per officer
        assert len({row["team"] for row in reports}) == 1
        uses = [CED_USES.index(row["ced_highest_use"]) for row in reports]
        assert uses[0] == max(uses)   # the first report carries the subject's highest CED use, others lower


def test_same_scenario_same_bytes(tmp_path):
    month = dict(start=date(2024, 4, 1), end=date(2024, 4, 30))
    first = generate_use_of_force(UseOfForceScenario(seed=2, **month), tmp_path / "1")
    second = generate_use_of_force(UseOfForceScenario(seed=2, **month), tmp_path / "2")
    assert first.files[0].read_bytes() == second.files[0].read_bytes()


def test_the_truth_carries_the_injected_values(quarter):
    truth = quarter[0].truth
    assert truth.rate_ratio("Black") == pytest.approx(3.0)
    assert truth.rate_ratio("Mixed") == pytest.approx(2.0)
    assert truth.scenario.ced_fired_share("Black") == pytest.approx(0.20 * 0.08)
    assert truth.scenario.tactic_shares["ground_restraint"]["Black"] == 0.42


def test_outliers_and_the_case_mix_team_are_known(quarter):
    generated, rows = quarter
    truth = generated.truth
    assert len(truth.outlier_officer_ids) == 3 and len(truth.outlier_teams) == 2
    officers = {row["officer_id"] for row in rows}
    assert set(truth.outlier_officer_ids) <= officers
    outlier_reports = [row for row in rows if row["officer_id"] in truth.outlier_officer_ids]
    teams_of_outliers = {row["team"] for row in outlier_reports}
    assert len(teams_of_outliers) == 3 and not teams_of_outliers & set(truth.outlier_teams)
    assert {row["lpu_code"] for row in outlier_reports} == {"BIR"}   # where most Black people live
    assert truth.case_mix_team not in truth.outlier_teams
    case_mix = [row for row in rows if row["team"] == truth.case_mix_team]
    hours = {datetime.fromisoformat(row["incident_at"]).astimezone(ZoneInfo("Europe/London")).hour for row in case_mix}
    assert case_mix and hours <= {23, 0, 1, 2, 3, 4, 5, 6} and {row["lpu_code"] for row in case_mix} == {"BIR"}

    def black_share(selected):
        return sum(row["perceived_ethnicity"] == "BLACK" for row in selected) / len(selected)
    assert black_share(case_mix) > black_share(rows)   # raw share high from where and when it works


def test_links_point_at_the_other_generators_records(quarter):
    generated, rows = quarter
    searches = [row["stop_search_record_id"] for row in rows if row["stop_search_record_id"]]
    detentions = [row["custody_detention_id"] for row in rows if row["custody_detention_id"]]
    assert all(value.startswith("SS-") for value in searches) and all(value.startswith("CD-") for value in detentions)
    linked_subjects = {(row["incident_id"], row["subject_id"]) for row in rows if row["stop_search_record_id"]}
    assert len(linked_subjects) == sum(generated.truth.stop_search_links.values()) > 0


def test_a_redelivered_month_keeps_its_reports_and_corrects_them(tmp_path):
    generated = generate_use_of_force(UseOfForceScenario(seed=2, start=date(2024, 4, 1), end=date(2024, 4, 30)),
                                      tmp_path)
    before = read_rows(generated.files)
    changed = redeliver_month(generated.files[0])
    after = read_rows(generated.files)
    assert changed == sum(row["body_worn_video_on"] == "false" for row in before) > 0
    assert [row["report_id"] for row in after] == [row["report_id"] for row in before]
    assert all(row["body_worn_video_on"] == "true" for row in after)


def test_impossible_scenarios_are_refused():
    with pytest.raises(ValueError, match="unknown broad group"):
        UseOfForceScenario(seed=1, subject_rate_ratios={"Purple": 2.0}, **QUARTER)
    with pytest.raises(ValueError, match="unknown tactic"):
        UseOfForceScenario(seed=1, tactic_shares={"taser": {"Black": 0.5}}, **QUARTER)
    with pytest.raises(ValueError, match="at most 1"):
        UseOfForceScenario(seed=1, ced_shares={"Black": 1.5}, **QUARTER)
