"""Real public data through the whole pipeline: a real police.uk month and the official Home Office table.

The mart's counts are checked against a count of the file made here, independently of the warehouse's
seeds and SQL; the official rates are recomputed from the official counts with the warehouse's macros.
"""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from equality.warehouse import connect
from nights import WEST_MIDLANDS_AUGUST_2018

pytestmark = pytest.mark.slow


def broad_group_by_hand(self_defined: str) -> str:
    """police.uk's self-defined ethnicity to the five broad groups, read off the label's prefix."""
    if not self_defined or self_defined.endswith("Not stated"):
        return "Not stated"
    for group in ("White", "Black", "Asian", "Mixed", "Other"):
        if self_defined.startswith(group):
            return group
    raise AssertionError(f"unexpected label {self_defined!r}")


@pytest.fixture(scope="module")
def published(police_uk_night):
    """The session's police.uk night: this month and custody scenario B (tests/integration/conftest.py)."""
    return police_uk_night["url"]


def test_the_mart_counts_by_ethnic_group_equal_an_independent_count_of_the_file(published):
    with open(WEST_MIDLANDS_AUGUST_2018, newline="", encoding="utf-8") as stream:
        by_hand = Counter(broad_group_by_hand(row["Self-defined ethnicity"]) for row in csv.DictReader(stream))
    with connect(published) as conn:
        rows = conn.execute("""
            select ethnic_group, searches, not_stated_searches, all_searches
            from marts.mart_stop_search_disproportionality
            where period_type = 'month' and period_start = '2018-08-01' and area_code = 'FORCE'
              and legislation_group = 'All' and ethnicity_basis = 'self-defined' and ethnicity_level = 'broad'
            """).fetchall()
    from_mart = {group: searches for group, searches, _, _ in rows}
    assert from_mart == {group: by_hand[group] for group in ("White", "Black", "Asian", "Mixed", "Other")}
    assert {not_stated for _, _, not_stated, _ in rows} == {by_hand["Not stated"]}
    assert {total for _, _, _, total in rows} == {sum(by_hand.values())} == {1085}


def test_the_rates_use_the_census_2011_base_for_2018(published):
    with connect(published) as conn:
        year, population = conn.execute("""
            select population_census_year, population from marts.mart_stop_search_disproportionality
            where period_type = 'month' and period_start = '2018-08-01' and area_code = 'FORCE'
              and legislation_group = 'All' and ethnicity_basis = 'self-defined' and ethnicity_level = 'broad'
              and ethnic_group = 'White'""").fetchone()
    assert year == 2011
    assert population == 1_919_138  # Census 2011 QS201EW, White, the seven West Midlands local authorities


def test_the_official_rates_recompute_from_the_official_counts_with_our_statistics(published):
    with connect(published) as conn:
        rows = conn.execute("""
            select force_name, financial_year, ethnic_group, official_published_rate_per_1000,
                   official_recomputed_rate_per_1000
            from marts.mart_stop_search_benchmark
            where official_published_rate_per_1000 is not null""").fetchall()
    assert len(rows) > 500
    for force, year, group, published_rate, recomputed in rows:
        # published to three significant figures and at most two decimals
        assert float(recomputed) == pytest.approx(float(published_rate), abs=0.0051, rel=0.005), (force, year, group)


def test_the_force_and_its_peers_are_benchmarked_together(published):
    with connect(published) as conn:
        forces = {row[0] for row in conn.execute(
            "select force_name from reporting.stop_search_benchmark where financial_year = '2017/18'")}
    assert "West Midlands" in forces and len(forces) >= 4


def test_west_midlands_2017_18_official_black_and_white_rates_and_ratio_recompute_and_all_has_no_ratio(published):
    """The official table: Black 2,054 of 164,069 (12.52 per 1,000), White 5,439 of 1,919,138 (2.83)."""
    with connect(published) as conn:
        rows = {group: (rate, ratio) for group, rate, ratio in conn.execute("""
            select ethnic_group, official_recomputed_rate_per_1000, official_rate_ratio
            from marts.mart_stop_search_benchmark
            where force_name = 'West Midlands' and financial_year = '2017/18'""")}
    assert (round(float(rows["Black"][0]), 2), round(float(rows["White"][0]), 2)) == (12.52, 2.83)
    assert float(rows["Black"][1]) == pytest.approx((2054 / 164_069) / (5439 / 1_919_138), rel=1e-12)
    assert rows["White"][1] == 1 and rows["All"][1] is None


def test_vehicle_only_searches_are_marked_for_the_like_for_like_benchmark(published):
    with open(WEST_MIDLANDS_AUGUST_2018, newline="", encoding="utf-8") as stream:
        by_hand = sum(row["Type"] == "Vehicle search" for row in csv.DictReader(stream))
    with connect(published) as conn:
        [(marked,)] = conn.execute(
            "select count(*) from intermediate.int_stop_searches_conformed where is_vehicle_only").fetchall()
    assert marked == by_hand == 78


def test_police_uk_records_every_group_so_none_is_marked_not_applicable(published):
    with connect(published) as conn:
        statuses = {status for (status,) in conn.execute("""
            select distinct recording_status from marts.mart_stop_search_disproportionality
            where period_type = 'month' and period_start = '2018-08-01'""")}
    assert statuses == {"recorded"}
