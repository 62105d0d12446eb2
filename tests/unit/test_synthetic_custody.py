"""The synthetic custody extract: contract format, reproducible, and carrying the truth the scenarios claim."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from equality.sources.custody.contracts import CUSTODY_DETENTIONS
from equality.sources.custody.synthetic import (CUSTODY_COLUMNS, CustodyScenario, generate_custody, scenario_a,
                                        scenario_b)

QUARTER = dict(start=date(2024, 4, 1), end=date(2024, 6, 30))


def read_rows(files):
    rows = []
    for path in files:
        with open(path, newline="", encoding="utf-8") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


@pytest.fixture(scope="module")
def quarter_a(tmp_path_factory):
    return generate_custody(scenario_a(**QUARTER), tmp_path_factory.mktemp("a"))


def test_files_follow_the_contract(quarter_a):
    assert [path.name for path in quarter_a.files] == ["custody_2024-04-30.csv", "custody_2024-05-31.csv",
                                                      "custody_2024-06-30.csv"]
    assert all(CUSTODY_DETENTIONS.extract_key(path.name) for path in quarter_a.files)
    assert list(CUSTODY_COLUMNS) == CUSTODY_DETENTIONS.column_names
    rows = read_rows(quarter_a.files)
    assert len(rows) == quarter_a.row_count
    assert all(row["released_at"] > row["arrived_at"] for row in rows)
    assert all((row["court"] != "") == row["disposal"].startswith("CHARGED") for row in rows)
    assert all((int(row["age"]) < 18) == (row["juvenile"] == "true") for row in rows)
    assert len({row["detention_id"] for row in rows}) == len(rows)


def test_same_scenario_same_bytes(tmp_path):
    first = generate_custody(scenario_a(start=date(2024, 4, 1), end=date(2024, 4, 30)), tmp_path / "1")
    second = generate_custody(scenario_a(start=date(2024, 4, 1), end=date(2024, 4, 30)), tmp_path / "2")
    assert first.files[0].read_bytes() == second.files[0].read_bytes()


def test_scenarios_differ_in_the_within_stratum_ratio_only():
    a, b = scenario_a(**QUARTER), scenario_b(**QUARTER)
    assert a.offence_mix == b.offence_mix
    assert a.within_stratum_charge_ratio["Black"] == 1.0 and b.within_stratum_charge_ratio["Black"] == 1.5
    assert a.expected_crude_charge_ratio("Black") > 1.2   # the offence mix alone makes a crude gap
    assert b.expected_crude_charge_ratio("Black") == pytest.approx(1.5 * a.expected_crude_charge_ratio("Black"))


def test_the_truth_carries_the_injected_detention_ratios(quarter_a):
    assert quarter_a.truth.rate_ratio("Black") == pytest.approx(2.5)
    assert quarter_a.truth.rate_ratio("White") == pytest.approx(1.0)


def test_impossible_probabilities_are_refused():
    with pytest.raises(ValueError, match="> 1"):
        CustodyScenario(seed=1, within_stratum_charge_ratio={"Black": 3.0}, **QUARTER)
    with pytest.raises(ValueError, match="White"):
        CustodyScenario(seed=1, within_stratum_charge_ratio={"White": 2.0}, **QUARTER)
    with pytest.raises(ValueError, match="unknown"):
        CustodyScenario(seed=1, offence_mix={"Black": {"BURGLARY": 1.0}}, **QUARTER)
