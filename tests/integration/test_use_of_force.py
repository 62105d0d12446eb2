"""Use of force end to end: the all-sources session night (tests/integration/conftest.py: three years of
use-of-force forms linked to its stop-searches and detentions) through the one nightly spine, and the injected truth
read back from the marts and reporting: subject rates and ratios to White, the Taser's highest use, tactics, injuries, body-worn video and
force in linked stop-searches and detentions; and the internal benchmark below force level, which must flag the
injected outlier teams and officers and not the team whose difference is case mix alone."""

from __future__ import annotations

from datetime import date

import pytest

from equality.sources.use_of_force.headline import headline
from equality.warehouse import connect
from nights import query

pytestmark = pytest.mark.slow

YEAR = date(2024, 4, 1)  # the financial year read; the truth's counts are of the scenario's three
GROUPS = ("Black", "Asian", "Mixed", "Other")
FAIR_FLAGGED_AT_MOST = 0.05


@pytest.fixture(scope="module")
def night(all_sources_night):
    forms = all_sources_night["use_of_force"]
    return {**all_sources_night, "truth": forms.truth, "reports": forms.row_count}


def shares(url: str, measure: str) -> dict[str, tuple[float, ...]]:
    rows = query(url, """
        select ethnic_group, units_counted, units_with_measure, share, share_lower_95, share_upper_95,
               share_ratio, share_ratio_lower_95, share_ratio_upper_95
        from marts.mart_use_of_force_shares
        where period_type = 'financial_year' and period_start = %s and measure = %s""", YEAR, measure)
    return {row[0]: tuple(float(value) if value is not None else None for value in row[1:]) for row in rows}


def test_every_report_loads_and_both_tables_publish(night):
    [(loaded,)] = query(night["url"], "select sum(rows_loaded) from audit.loads where source = 'use_of_force_reports'")
    assert loaded == night["reports"]
    [(subjects, reports)] = query(night["url"], "select count(*), sum(reports) from marts.fct_use_of_force_subject")
    assert subjects == sum(night["truth"].delivered_subjects.values()) and reports == night["reports"]
    assert query(night["url"], "select (select count(*) from reporting.use_of_force_rates) > 0, "
                               "(select count(*) from reporting.use_of_force_shares) > 0") == [(True, True)]


def test_subject_rates_and_ratios_contain_the_injected_values(night):
    truth = night["truth"]
    rows = {row[0]: [float(value) for value in row[1:]] for row in query(night["url"], """
        select ethnic_group, all_years_subjects, population, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95
        from (select *, sum(subjects) over (partition by ethnic_group) as all_years_subjects
              from marts.mart_use_of_force_rates
              where period_type = 'financial_year' and area_code = 'FORCE') as years
        where period_start = %s""", YEAR)}
    assert set(GROUPS) < set(rows)
    for group in GROUPS:
        subjects, population, ratio, low, high = rows[group]
        assert subjects == sum(count for (_, g), count in truth.delivered_subjects.items() if g == group)
        assert population == sum(count for (_, g), count in truth.population.items() if g == group)
        assert low <= truth.rate_ratio(group) <= high, (group, ratio, low, high)
        print(f"{group}: rate ratio injected {truth.rate_ratio(group):.2f}, recovered {ratio:.2f} [{low:.2f}, {high:.2f}]")


@pytest.mark.parametrize("measure, injected", [
    ("ced_any", lambda scenario, group: scenario.ced_shares[group]),
    ("ced_highest_fired", lambda scenario, group: scenario.ced_fired_share(group)),
    ("tactic_ground_restraint", lambda scenario, group: scenario.tactic_shares["ground_restraint"][group]),
    ("tactic_irritant_spray", lambda scenario, group: scenario.tactic_shares["irritant_spray"][group]),
    ("subject_injured", lambda scenario, group: scenario.subject_injury_shares[group]),
    ("body_worn_video_on", lambda scenario, group: scenario.body_worn_video_shares[group]),
])
def test_shares_contain_the_injected_values(night, measure, injected):
    scenario = night["truth"].scenario
    rows = shares(night["url"], measure)
    for group in ("White", *GROUPS):
        _, _, share, low, high, *_ = rows[group]
        assert low <= injected(scenario, group) <= high, (measure, group, share, low, high)
    _, _, share, _, _, ratio, low, high = rows["Black"]
    expected_ratio = injected(scenario, "Black") / injected(scenario, "White")
    assert low <= expected_ratio <= high, (measure, ratio, low, high)
    print(f"{measure}: Black share injected {injected(scenario, 'Black'):.3f} recovered {share:.3f}; "
          f"ratio injected {expected_ratio:.2f} recovered {ratio:.2f} [{low:.2f}, {high:.2f}]")


def test_force_in_linked_stop_searches_and_detentions_counts_the_links(night):
    truth = night["truth"]
    for measure, links in (("force_in_stop_search", truth.stop_search_links), ("force_in_custody", truth.custody_links)):
        counted = dict(query(night["url"], """
            select ethnic_group, sum(units_with_measure)::int from marts.mart_use_of_force_shares
            where period_type = 'financial_year' and measure = %s group by ethnic_group""", measure))
        assert {group: counted[group] for group in links} == dict(links), measure


def test_the_headline_reads_reporting(night):
    with connect(night["url"]) as conn:
        text = headline(conn)
    print(text)
    assert "Use of force" in text and "Black" in text and "Taser" in text
    oversight = text.splitlines()[-1]
    flagged = int(oversight.split(": ")[1].split(" of ")[0])
    assert oversight.startswith("Oversight, financial year 2024/25: ") and flagged >= len(night["truth"].outlier_teams)


def benchmark_flags(url: str, table: str, unit: str, where: str = "true") -> dict[str, tuple]:
    """Each screened unit's flag, ratio and adjusted z for Black subjects as the officer perceived them, 2024/25."""
    return {row[0]: row[1:] for row in query(url, f"""
        select {unit}, benchmark_flag, ratio, adjusted_z_score from {table}
        where period_type = 'financial_year' and period_start = %s and ethnicity_basis = 'officer-defined'
          and ethnic_group = 'Black' and is_screened and {where}""", YEAR)}


def assert_fair_units_rarely_flagged(flags: dict[str, tuple], unfair: set[str], what: str) -> None:
    fair = set(flags) - unfair
    flagged = sorted(unit for unit in fair if flags[unit][0] == "above_peers")
    print(f"{what}: {len(flagged)} of {len(fair)} fair screened units flagged above their peers: {flagged}")
    assert fair and len(flagged) <= FAIR_FLAGGED_AT_MOST * len(fair)


def team_of(officer: str) -> str:
    """The synthetic force's response team of an officer ('UOF-BIR-3-06' works in 'BIR-RESP-3')."""
    _, lpu, number, _ = officer.split("-")
    return f"{lpu}-RESP-{number}"


def test_the_internal_benchmark_flags_the_outlier_teams_and_not_the_case_mix_team(night):
    truth = night["truth"]
    teams = benchmark_flags(night["url"], "marts.mart_oversight_use_of_force_benchmark", "unit_id", "unit_level = 'team'")
    for team in truth.outlier_teams:
        print(f"outlier team {team}: {teams[team]}")
        assert teams[team][0] == "above_peers"
    print(f"case-mix team {truth.case_mix_team}: {teams[truth.case_mix_team]}")
    assert teams[truth.case_mix_team][0] == "within_limits"
    tilted = set(truth.outlier_teams) | {team_of(officer) for officer in truth.outlier_officer_ids}
    assert_fair_units_rarely_flagged(teams, tilted, "teams")


def test_every_outlier_officer_stands_above_its_teammates_in_the_restricted_schema_and_few_fair_ones_do(night):
    """Officers are compared with their teammates working the same LPU x month x shift (docs/methodology.md,
    Internal benchmark): every outlier officer is flagged; the officers of the outlier teams, who lean only as far as
    their whole team does (the team benchmark's finding), are not, and few fair officers are."""
    truth = night["truth"]
    officers = benchmark_flags(night["url"], "oversight.mart_oversight_use_of_force_officers", "officer_id")
    outliers = {officer: officers.get(night["pseudonym"](officer)) for officer in truth.outlier_officer_ids}
    assert None not in outliers.values(), f"not screened: {[o for o, row in outliers.items() if row is None]}"
    for officer, (flag, ratio, z) in outliers.items():
        print(f"outlier officer {officer}: {flag}, ratio {ratio:.2f}, adjusted z {z:.2f}")
        assert flag == "above_peers", officer
    in_outlier_teams = {officer for (officer,) in query(
        night["url"], "select distinct officer_id from marts.fct_use_of_force_report where team_code = any(%s)",
        list(truth.outlier_teams))}
    leaning_with_their_team = [officers[officer][0] for officer in in_outlier_teams & set(officers)]
    print(f"officers of the outlier teams screened: {sorted(leaning_with_their_team)}")
    assert "above_peers" not in leaning_with_their_team
    biased = {night["pseudonym"](officer) for officer in truth.outlier_officer_ids} | in_outlier_teams
    assert_fair_units_rarely_flagged(officers, biased, "officers")
    assert not query(night["url"], "select 1 from information_schema.columns where table_schema = 'reporting' "
                                   "and table_name like 'oversight_use_of_force%%' and column_name = 'officer_id'")
