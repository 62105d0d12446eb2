"""Complaints and misconduct end to end: the session's synthetic night of all five sources (stop-searches,
detentions, the workforce, complaints linked to them, and use of force), through the nightly spine, then the
marts against what is known: hand counts, and the injected ratios against the marts' 95% intervals (each
measure's years as a family: tests/injected_truths.py).

Injected (equality.sources.complaints.synthetic defaults): stop-searches of Black people lead to complaints 1.5
times as often as those of White people; allegations from Black complainants are upheld at half the White rate; Asian
officers enter misconduct proceedings twice as often as White officers.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from equality.config import SEEDS_DIR
from equality.sources import by_name
from equality.warehouse import connect
from injected_truths import InjectedTruth, assert_missed_no_more_often_than_95_percent_intervals_miss
from nights import query

pytestmark = pytest.mark.slow

YEARS = (date(2022, 4, 1), date(2023, 4, 1), date(2024, 4, 1))


@pytest.fixture(scope="module")
def night(all_sources_night):
    return all_sources_night


def read(paths: list[Path], prefix: str) -> list[dict[str, str]]:
    rows = []
    for path in sorted(p for p in paths if p.name.startswith(prefix)):
        with open(path, newline="", encoding="utf-8") as stream:
            rows.extend(csv.DictReader(stream))
    return rows


def test_every_delivered_complaints_row_reaches_its_fact_table_and_nothing_is_quarantined(night):
    counts = night["complaints"].row_counts
    facts = query(night["url"], """select (select count(*) from marts.fct_complaint_case),
                                          (select count(*) from marts.fct_allegation),
                                          (select count(*) from marts.fct_misconduct_proceeding)""")[0]
    assert facts == (counts["complaint_cases"], counts["complaint_allegations"], counts["misconduct_proceedings"])
    assert query(night["url"], "select count(*) from audit.quarantined_rows")[0][0] == 0


def test_every_linked_complaint_finds_its_stop_search_or_detention(night):
    [(linked, found)] = query(night["url"], """
        select count(*), count(*) filter (where is_contact_in_warehouse) from marts.fct_complaint_case
        where contact_type_code in ('STOP_SEARCH', 'CUSTODY')""")
    assert linked > 0 and found == linked


def test_subjects_missing_from_the_workforce_history_are_flagged_not_dropped(night):
    unknown = {row["subject_id"] for row in read(night["complaints"].files, "complaint_allegations_")
               if row["subject_id"].startswith("PX")}
    [(flagged,)] = query(night["url"], """select count(distinct subject_id) from marts.fct_allegation
                                          where subject_id is not null and not is_subject_in_workforce""")
    assert unknown and flagged == len(unknown)


def test_cases_by_complainant_group_match_a_hand_count(night):
    groups = {row["source_value"]: row["broad_ethnic_group"]
              for row in read([SEEDS_DIR / "ethnicity_source_values.csv"], "ethnicity_source_values")
              if row["source_system"] == "complaints_self_defined"}
    hand = Counter((row["received_date"][:4] + row["received_date"][5:7], groups[row["complainant_ethnicity"]])
                   for row in read(night["complaints"].files, "complaint_cases_"))
    in_year = Counter()
    for (month, group), n in hand.items():
        year, month_number = int(month[:4]), int(month[4:])
        in_year[(date(year if month_number >= 4 else year - 1, 4, 1), group)] += n
    mart = dict(((year, group), cases) for year, group, cases in query(night["url"], """
        select financial_year_start, ethnic_group, cases from marts.mart_complaints where basis = 'population'"""))
    assert {key: n for key, n in mart.items() if n} == dict(in_year)


UPHELD = "allegations upheld, Black complainants against White"
PROCEEDINGS = "officers entering formal misconduct proceedings, Asian against White"
PER_SEARCH = "complaints per stop-search, Black people against White"


@pytest.fixture(scope="module")
def injected_truths(night) -> list[InjectedTruth]:
    """Every year's injected ratio of each measure beside its mart interval."""
    url, truth = night["url"], night["complaints"].truth
    upheld = query(url, """
        select financial_year_start, upheld_relative_likelihood_lower_95, upheld_relative_likelihood_upper_95
        from marts.mart_allegation_outcomes where view = 'complainant' and complainant_group = 'Black'""")
    proceedings = query(url, """
        select financial_year_start, rate_ratio_lower_95, rate_ratio_upper_95 from marts.mart_misconduct
        where stage = 'formal_proceedings' and ethnic_group = 'Asian'""")
    per_search = query(url, """
        select financial_year_start, rate_ratio_lower_95, rate_ratio_upper_95 from marts.mart_complaints
        where basis = 'stop_search' and ethnic_group = 'Black'""")
    return [InjectedTruth(measure, str(year), injected, float(low), float(high))
            for measure, injected, rows in ((UPHELD, truth.upheld_ratio("Black"), upheld),
                                            (PROCEEDINGS, truth.proceedings_ratio("Asian"), proceedings),
                                            (PER_SEARCH, truth.complaint_ratio("STOP_SEARCH", "Black"), per_search))
            for year, low, high in rows]


@pytest.mark.parametrize("measure", [UPHELD, PROCEEDINGS, PER_SEARCH])
def test_each_injected_ratio_misses_its_yearly_intervals_no_more_often_than_95_percent_intervals_do(injected_truths,
                                                                                                    measure):
    truths = [truth for truth in injected_truths if truth.measure == measure]
    assert len(truths) == len(YEARS)
    assert_missed_no_more_often_than_95_percent_intervals_miss(truths)


def test_a_ratio_that_cannot_be_estimated_says_so_instead_of_printing_a_number(night):
    rows = query(night["url"], """
        select ratio_status, rate_ratio, rate_ratio_upper_95 from marts.mart_misconduct
        where stage = 'dismissed' and not is_reference_group and officers = 0""")
    assert rows
    for status, ratio, upper in rows:
        assert status.startswith("not estimable") and (ratio is None or float(ratio) == 0)


def test_circumstances_partition_the_linked_complaints(night):
    [(linked,)] = query(night["url"], """select count(*) from marts.fct_complaint_case
                                         where contact_type_code = 'STOP_SEARCH' and is_contact_in_warehouse""")
    for circumstance in ("legislation", "object_of_search", "outcome", "time_of_day", "area", "team"):
        [(complaints,)] = query(night["url"], """select sum(complaints) from marts.mart_complaint_circumstances
                                                 where contact_type = 'STOP_SEARCH' and circumstance = %s""", circumstance)
        assert complaints == linked, circumstance


def test_reporting_holds_no_small_complaints_count(night):
    for table, column in (("complaints", "cases"), ("allegation_outcomes", "upheld"), ("misconduct", "officers"),
                          ("complaint_circumstances", "complaints"), ("discrimination_allegations", "allegations")):
        smallest = query(night["url"], f"select min({column}) from reporting.{table}")[0][0]
        assert smallest is None or smallest >= 10, table


def test_misconduct_publishes_perturbed_officers_and_the_rates_of_the_published_counts(night):
    rows = query(night["url"], """
        select published.officers, exact.officers, exact.average_headcount, published.rate_per_1000_officers
        from reporting.misconduct as published
        join marts.mart_misconduct as exact using (financial_year_start, stage, ethnic_group)
        where published.officers is not null""")
    moved = [(shown, exact) for shown, exact, _, _ in rows if shown != exact]
    assert moved and len(moved) < len(rows)
    assert all(abs(shown - exact) <= 2 for shown, exact in moved)  # the perturbation table's bound
    rated = [(shown, exact, float(headcount), float(rate)) for shown, exact, headcount, rate in rows if rate is not None]

    def rate_of(officers: int, headcount: float, rate: float) -> bool:
        """The rate, rounded to 2 places, of these officers per 1,000 of the headcount (the mart's, to 2 places;
        reporting shows it whole)."""
        return abs(rate - 1000 * officers / headcount) <= 0.005 + 1000 * officers * 0.005 / headcount ** 2 + 1e-9

    assert rated and all(rate_of(shown, headcount, rate) for shown, _, headcount, rate in rated)
    assert any(not rate_of(exact, headcount, rate) for _, exact, headcount, rate in rated)


def test_the_complaints_headline_reads_the_published_tables(night):
    with connect(night["url"]) as conn:
        lines = by_name("complaints").headline(conn).splitlines()
    assert lines[0] == "Complaints and misconduct, financial year 2024/25, against White people"
    assert {line.split()[0] for line in lines[3:8]} == {"Asian", "Black", "Mixed", "Other", "White"}
    black = next(line for line in lines if line.startswith("Black"))
    assert "reference" not in black and "(" in black  # at least one ratio with its interval
