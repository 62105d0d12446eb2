"""Custody scenario A end to end: groups differ only in offence mix, so the crude charge ratio is not 1 but the
Mantel-Haenszel ratio (offence group x age band) is 1. It is the custody of the session's all-sources night
(tests/integration/conftest.py); scenario B, a real within-stratum gap, is test_custody_within_stratum_gap.py.
"""

from __future__ import annotations

import pytest

from custody_checks import (assert_both_sources_load_and_publish,
                            assert_detention_rate_ratios_recover_the_injected_ones, charge_row)
from equality.warehouse import connect
from nights import query

pytestmark = pytest.mark.slow

THRESHOLD = 10


@pytest.fixture(scope="module")
def night(all_sources_night):
    return all_sources_night


def test_both_sources_load_and_publish_in_one_night(night):
    assert_both_sources_load_and_publish(night)


def test_the_crude_gap_is_explained_by_offence_mix(night):
    crude, crude_low, crude_high, adjusted, low, high, explained = charge_row(night["url"])
    assert crude_low > 1 and crude > 1.15, (crude, crude_low)
    assert low <= 1.0 <= high, (adjusted, low, high)
    assert explained > 0.7


def test_detention_rate_ratios_recover_the_injected_ones(night):
    assert_detention_rate_ratios_recover_the_injected_ones(night)


def test_juveniles_are_reported_apart(night):
    url = night["url"]
    for table in ("custody_rates", "custody_outcomes", "custody_duration"):
        groups = {row[0] for row in query(url, f"select distinct age_group from reporting.{table}")}
        assert {"Adults", "Juveniles"} <= groups, (table, groups)
    [(adult, juvenile)] = query(url, """
        select max(median_hours_in_custody) filter (where age_group = 'Adults'),
               max(median_hours_in_custody) filter (where age_group = 'Juveniles')
        from marts.mart_custody_duration where ethnic_group = 'White'""")
    assert juvenile < adult


COUNTS = {"custody_rates": ["detentions", "reference_detentions", "all_detentions", "not_stated_detentions"],
          "custody_outcomes": ["eligible_detentions", "decision_events", "reference_eligible_detentions",
                               "reference_decision_events"],
          "custody_duration": ["detentions"]}


def test_every_published_count_is_at_least_the_threshold_or_null(night):
    url = night["url"]
    suppressed = 0
    for table, columns in COUNTS.items():
        for column in columns:
            [(small, hidden)] = query(url, f"select count(*) filter (where {column} < %s), "
                                           f"count(*) filter (where {column} is null) from reporting.{table}",
                                      THRESHOLD)
            assert small == 0, (table, column)
            suppressed += hidden
    assert suppressed > 0


@pytest.mark.pg15_smoke
def test_a_release_before_the_arrival_is_quarantined_and_the_rest_loads(warehouse_url, tmp_path):
    from equality.config import SEEDS_DIR
    from equality.ingest import load_file
    from equality.schema import bootstrap
    from equality.sources.custody.synthetic import CUSTODY_COLUMNS

    good = ["CD-1", "P1", "STEELHOUSE", "2024-05-01T10:00:00+00:00", "2024-05-01T20:00:00+00:00", "30", "M", "B1",
            "IC3", "DRUG_OFFENCES", "BIR", "false", "", "false", "false", "", "false", "CHARGED_BAILED",
            "MAGISTRATES"]
    early = ["CD-2"] + good[1:4] + ["2024-05-01T09:00:00+00:00"] + good[5:]
    path = tmp_path / "custody_2024-05-31.csv"
    path.write_text("\n".join(",".join(row) for row in (CUSTODY_COLUMNS, good, early)) + "\n", encoding="utf-8")
    with connect(warehouse_url) as conn:
        bootstrap(conn)
        result = load_file(conn, path, key=b"k" * 32, seeds_dir=SEEDS_DIR)
        [(reasons,)] = conn.execute("select reasons from audit.quarantined_rows").fetchall()
    assert (result.rows_loaded, result.rows_quarantined) == (1, 1)
    assert reasons == ["released_at 2024-05-01T09:00:00+00:00 is before arrived_at 2024-05-01T10:00:00+00:00"]
