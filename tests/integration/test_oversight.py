"""Oversight below force level on a synthetic night: the internal benchmark finds the outliers it was given.

The all-sources session night (tests/integration/conftest.py): three years of stop-searches of an otherwise fair
force, with two outlier teams and three outlier officers in them (searching Black people 2.5 and 3.5 times as often
as their peers working the same LPU x month x shift), and a force-wide team that works Birmingham's nights, where
everyone searches more Black people: its raw Black share is twice the force's, only through case mix. The tests read
the financial year 2024/25.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import psycopg
import pytest

from equality.schema import ANALYST_ROLE, BI_ROLE, PROFESSIONAL_STANDARDS_ROLE, READ_ROLE_LIMITS, ensure_login
from equality.sources import by_name
from equality.warehouse import connect, describe
from nights import query

pytestmark = pytest.mark.slow

YEAR = date(2024, 4, 1)
FAIR_FLAGGED_AT_MOST = 0.05
OFFICERS = "oversight.mart_oversight_stop_search_officers"


@pytest.fixture(scope="module")
def night(all_sources_night):
    return {**all_sources_night, "truth": all_sources_night["searches"].truth.oversight}


def black_rows(url: str, table: str, unit: str, where: str = "true") -> dict[str, tuple]:
    """Each unit's Black (self-defined) row of the financial year: is it screened, its flag, ratio and z."""
    return {row[0]: row[1:] for row in query(url, f"""
        select {unit}, is_screened, benchmark_flag, ratio, adjusted_z_score from {table}
        where period_type = 'financial_year' and period_start = %s and ethnicity_basis = 'self-defined'
          and ethnic_group = 'Black' and {where}""", YEAR)}


def fair_flagged(rows: dict[str, tuple], unfair: set[str], what: str) -> None:
    fair = {unit for unit, (screened, *_) in rows.items() if screened and unit not in unfair}
    flagged = sorted(unit for unit in fair if rows[unit][1] == "above_peers")
    print(f"{what}: {len(flagged)} of {len(fair)} fair screened units flagged above peers: {flagged}")
    assert fair and len(flagged) <= FAIR_FLAGGED_AT_MOST * len(fair), (flagged, len(fair))


def test_every_outlier_team_is_flagged_and_few_fair_teams_are(night):
    truth = night["truth"]
    teams = black_rows(night["url"], "marts.mart_oversight_stop_search_benchmark", "unit_id", "unit_level = 'team'")
    for team in truth.outlier_teams:
        screened, flag, ratio, z = teams[team]
        print(f"outlier team {team}: {flag}, ratio {float(ratio):.2f}, z {z:.2f}")
        assert flag == "above_peers", (team, teams[team])
    fair_flagged(teams, set(truth.outlier_teams) | truth.teams_with_outlier_officers, "teams")


def test_every_outlier_officer_is_flagged_and_few_fair_officers_are(night):
    truth = night["truth"]
    officers = black_rows(night["url"], OFFICERS, "officer_id")
    for officer in truth.outlier_officers:
        screened, flag, ratio, z = officers[night["pseudonym"](officer)]
        print(f"outlier officer {officer}: {flag}, ratio {float(ratio):.2f}, z {z:.2f}")
        assert flag == "above_peers", (officer, flag, ratio, z)
    fair_flagged(officers, {night["pseudonym"](officer) for officer in truth.biased_officers}, "officers")


def test_the_case_mix_team_is_not_flagged_though_its_raw_black_share_is_higher(night):
    team = night["truth"].case_mix_team
    [(team_share, force_share)] = query(night["url"], """
        select avg((broad_ethnic_group = 'Black')::int) filter (where team_code = %s),
               avg((broad_ethnic_group = 'Black')::int)
        from intermediate.int_stop_search_oversight_events
        where ethnicity_basis = 'self-defined' and broad_ethnic_group <> 'Not stated'""", team)
    screened, flag, ratio, z = black_rows(night["url"], "marts.mart_oversight_stop_search_benchmark", "unit_id",
                                          "unit_level = 'team'")[team]
    print(f"case-mix team {team}: raw Black share {float(team_share):.3f} (force {float(force_share):.3f}), "
          f"ratio to peers {float(ratio):.2f}, z {z:.2f}, {flag}")
    assert team_share > Decimal("1.5") * force_share
    assert screened and flag == "within_limits"


def test_locations_and_team_outcomes_are_published_without_officers(night):
    levels = dict(query(night["url"], "select unit_level, count(*) from reporting.oversight_stop_search_benchmark "
                                      "group by unit_level"))
    assert levels.keys() == {"team", "location"}
    outcomes = dict(query(night["url"], "select unit_level, count(*) from reporting.oversight_stop_search_outcomes "
                                        "group by unit_level"))
    assert outcomes.keys() == {"team", "location"}
    columns = query(night["url"], "select table_name, column_name from information_schema.columns "
                                  "where table_schema = 'reporting' and table_name like 'oversight%%'")
    assert len(columns) > 50 and [column for column in columns if "officer" in column[1]] == []


def test_only_professional_standards_reads_the_officer_level_schema(night):
    parts = describe(night["url"])
    urls = {}
    with connect(night["url"]) as conn:
        for role in (BI_ROLE, ANALYST_ROLE, PROFESSIONAL_STANDARDS_ROLE):
            ensure_login(conn, f"test_oversight_{role}", "oversight-test-password", role)
            urls[role] = (f"postgresql://test_oversight_{role}:oversight-test-password@{parts['host']}:{parts['port']}"
                          f"/{parts['database']}")
        conn.commit()
    for role in (BI_ROLE, ANALYST_ROLE):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            query(urls[role], f"select 1 from {OFFICERS} limit 1")
    assert query(urls[PROFESSIONAL_STANDARDS_ROLE], f"select count(*) from {OFFICERS}")[0][0] > 0
    with connect(urls[PROFESSIONAL_STANDARDS_ROLE]) as conn:   # its logins get the read roles' session limits
        limits = {setting: conn.execute(f"show {setting}").fetchone()[0]
                  for setting in READ_ROLE_LIMITS[PROFESSIONAL_STANDARDS_ROLE]}
    assert limits == READ_ROLE_LIMITS[PROFESSIONAL_STANDARDS_ROLE]
    assert query(urls[ANALYST_ROLE], "select count(*) from marts.mart_oversight_stop_search_benchmark")[0][0] > 0


def test_the_demo_headline_counts_the_teams_flagged_above_their_peers(night):
    with connect(night["url"]) as conn:
        oversight = by_name("stop_search").headline(conn).splitlines()[-1]
    flagged, screened = (int(number) for number in re.findall(r": (\d+) of (\d+) teams screened", oversight)[0])
    assert oversight.startswith("Oversight, financial year 2024/25: ")
    assert len(night["truth"].outlier_teams) <= flagged < screened
