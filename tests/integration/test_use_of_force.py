"""Use of force end to end: a synthetic night (small stop-search and custody extracts, and a year of use-of-force
forms linked to them) through the one nightly spine, and the injected truth read back from the marts and
reporting: subject rates and ratios to White, the Taser's highest use, tactics, injuries, body-worn video and
force in linked stop-searches and detentions."""

from __future__ import annotations

import time
from datetime import date

import pytest

from equality.sources.use_of_force.headline import headline
from equality.sources.use_of_force.synthetic import UseOfForceScenario, generate_use_of_force
from equality.synthetic import Scenario, generate
from equality.synthetic_custody import generate_custody, scenario_a
from equality.warehouse import connect
from nights import query, run_night_in_new_database
from warehouse_databases import drop_database

pytestmark = pytest.mark.slow

YEAR = dict(start=date(2024, 4, 1), end=date(2025, 3, 31))
GROUPS = ("Black", "Asian", "Mixed", "Other")


@pytest.fixture(scope="module")
def night(server_url, tmp_path_factory):
    home = tmp_path_factory.mktemp("use_of_force")
    landing = home / "landing"
    searches = generate(Scenario(seed=3, searches_per_1000_white_per_year=4.0, **YEAR), landing)
    detentions = generate_custody(scenario_a(**YEAR), landing)
    forms = generate_use_of_force(UseOfForceScenario(seed=21, **YEAR), landing, stop_search_files=searches.files,
                                  custody_files=detentions.files)
    started = time.perf_counter()
    url, published = run_night_in_new_database(server_url, landing, home, "use-of-force")
    print(f"night: {time.perf_counter() - started:.1f} s, {forms.row_count} reports")
    yield {"url": url, "truth": forms.truth, "published": published, "reports": forms.row_count}
    drop_database(url)


def shares(url: str, measure: str) -> dict[str, tuple[float, ...]]:
    rows = query(url, """
        select ethnic_group, units_counted, units_with_measure, share, share_lower_95, share_upper_95,
               share_ratio, share_ratio_lower_95, share_ratio_upper_95
        from marts.mart_use_of_force_shares
        where period_type = 'financial_year' and period_start = %s and measure = %s""", YEAR["start"], measure)
    return {row[0]: tuple(float(value) if value is not None else None for value in row[1:]) for row in rows}


def test_every_report_loads_and_both_tables_publish(night):
    [(loaded,)] = query(night["url"], "select sum(rows_loaded) from audit.loads where source = 'use_of_force_reports'")
    assert loaded == night["reports"]
    [(subjects, reports)] = query(night["url"], "select count(*), sum(reports) from marts.fct_use_of_force_subject")
    assert subjects == sum(night["truth"].delivered_subjects.values()) and reports == night["reports"]
    assert night["published"]["use_of_force_rates"] > 0 and night["published"]["use_of_force_shares"] > 0


def test_subject_rates_and_ratios_contain_the_injected_values(night):
    truth = night["truth"]
    rows = {row[0]: [float(value) for value in row[1:]] for row in query(night["url"], """
        select ethnic_group, subjects, population, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95
        from marts.mart_use_of_force_rates
        where period_type = 'financial_year' and period_start = %s and area_code = 'FORCE'""", YEAR["start"])}
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
        rows = shares(night["url"], measure)
        assert {group: int(rows[group][1]) for group in links} == dict(links), measure


def test_the_headline_reads_reporting(night):
    with connect(night["url"]) as conn:
        text = headline(conn)
    assert "Use of force" in text and "Black" in text and "Taser" in text
    print(text)
