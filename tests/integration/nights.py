"""A whole synthetic night in a database of its own, for the end-to-end tests of each source."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from equality import nightly
from equality.config import Settings
from equality.sources.custody.synthetic import generate_custody
from equality.sources.hr import DEMO_WORKFORCE
from equality.sources.hr.synthetic import demo_scenario
from equality.sources.stop_search.synthetic import Scenario
from equality.warehouse import connect
from warehouse_databases import create_database

DETENTION_RATIOS = {"White": 1.0, "Black": 2.5, "Asian": 1.3, "Mixed": 1.8, "Other": 1.2}
# A third of the default detentions (~15,000 a year): enough to recover a within-stratum ratio of 1.5 and publish
# every custody table, in nights whose point is elsewhere (the police.uk and Celery nights, the end-to-end night).
SMALL_CUSTODY = {"detentions_per_1000_white_per_year": 4.0}
# A real police.uk month beside custody scenario B (test_real_police_uk.py counts it by hand).
WEST_MIDLANDS_AUGUST_2018 = (Path(__file__).resolve().parents[1] / "data" / "police_uk_stop_search" / "west_midlands"
                             / "2018-08-west-midlands-stop-and-search.csv")

ALL_SOURCES_START, ALL_SOURCES_END = date(2022, 4, 1), date(2025, 3, 31)
# The all-sources night's stop-searches carry the internal benchmark's truth (test_oversight.py): outlier teams and
# officers in the LPUs with the most Black residents, Black people searched more at night by everyone, and a
# force-wide team working Birmingham's nights whose raw Black share is high through case mix alone.
OVERSIGHT = dict(outlier_officers=3, outlier_teams=2, outlier_team_ratio=2.5, outlier_officer_ratio=3.5,
                 night_weight_by_group={"Black": 2.0}, case_mix_team_lpus=("BIR",))
ALL_SOURCES_RUN_ID = "all-sources"
# They also carry the end-to-end tests' truth (test_nightly_end_to_end.py): Birmingham's Black residents searched at
# four times White's rate (elsewhere the default ratios), a month never delivered and a month delivered in part. The
# missing month follows a month that ends on Greenwich time: a month after one ending on summer time is not missing
# but partial, holding the searches of the last hour of its eve (UTC) that fall on its first day in London.
BIRMINGHAM_BLACK = 4.0
MISSING_MONTH = (2023, 11)
PARTIAL_MONTH = (2024, 2)
ALL_SOURCES_SEARCHES = Scenario(seed=5, start=ALL_SOURCES_START, end=ALL_SOURCES_END,
                                searches_per_1000_white_per_year=10.0, lpu_rate_ratios={"BIR": {"Black": BIRMINGHAM_BLACK}},
                                missing_months=frozenset({MISSING_MONTH}), partial_months={PARTIAL_MONTH: 0.3}, **OVERSIGHT)

# Its workforce: half the demo force over the same three years, with twice the demo force's share of ethnic minority
# officers and of Black applicants, so as many Black officers and candidates as the demo force has (the truths keep
# their power) in half the HR rows (about 230,000 instead of 457,000; HR was a third of the night's CPU).
ALL_SOURCES_WORKFORCE = demo_scenario(
    initial_headcount={workforce_type: n // 2 for workforce_type, n in DEMO_WORKFORCE.items()},
    workforce_group_shares={"White": 0.76, "Asian": 0.12, "Black": 0.06, "Mixed": 0.04, "Other": 0.02},
    applicant_group_shares={"White": 0.53, "Asian": 0.22, "Black": 0.18, "Mixed": 0.04, "Other": 0.03})


def query(url: str, sql: str, *args):
    with connect(url) as conn:
        return conn.execute(sql, args).fetchall()


def pseudonym_key_of(run_id: str) -> str:
    """The pseudonymisation key of a test night (``run_night_in_new_database``)."""
    return f"{run_id}-test-key-0123456789abcdef"


def run_night_in_new_database(server_url: str, landing: Path, home: Path, run_id: str) -> tuple[str, dict[str, int]]:
    """Create a fresh database, run every stage of the night on the landing folder in this process (settings
    from the environment the pipeline reads), and return the database URL and the published row counts."""
    url = create_database(server_url)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WAREHOUSE_URL", url)
        patch.setenv("EQUALITY_HOME", str(home))
        patch.setenv("EQUALITY_PSEUDONYM_KEY", pseudonym_key_of(run_id))
        published = nightly.run_night(landing, run_id, Settings.from_env())
    return url, published


def custody_night(server_url: str, scenario, stop_search: Callable[[Path], object], tmp_path_factory,
                  name: str) -> dict:
    """A custody scenario beside a stop-search extract (``stop_search`` writes it into the landing folder: the
    stop-search suites require published rows), through one night in a new database."""
    home = tmp_path_factory.mktemp(name)
    landing = home / "landing"
    landing.mkdir()
    stop_search(landing)
    custody = generate_custody(scenario, landing)
    started = time.perf_counter()
    url, published = run_night_in_new_database(server_url, landing, home, name)
    return {"url": url, "landing": landing, "custody": custody, "published": published,
            "seconds": time.perf_counter() - started}
