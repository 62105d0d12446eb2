"""The exact Poisson limits shipped as a seed are the chi-square limits (Garwood), recomputed here."""

import csv

import pytest
from scipy import stats

from equality.config import SEEDS_DIR


def test_the_seed_holds_the_exact_95_percent_poisson_limits_for_counts_0_to_99():
    with open(SEEDS_DIR / "poisson_exact_limits.csv", newline="") as seed:
        rows = list(csv.DictReader(seed))
    assert [int(row["poisson_count"]) for row in rows] == list(range(100))
    for row in rows:
        events = int(row["poisson_count"])
        lower = 0.0 if events == 0 else stats.chi2.ppf(0.025, 2 * events) / 2
        upper = stats.chi2.ppf(0.975, 2 * events + 2) / 2
        assert float(row["lower_95"]) == pytest.approx(lower, abs=1e-9)
        assert float(row["upper_95"]) == pytest.approx(upper, abs=1e-9)
