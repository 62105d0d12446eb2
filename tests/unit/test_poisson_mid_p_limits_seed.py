"""The Poisson limits shipped as a seed are the exact mid-p limits (Lancaster 1961), recomputed here."""

import csv

import pytest
from scipy import optimize, stats

from equality.config import SEEDS_DIR


def mid_p_limits(events: int) -> tuple[float, float]:
    """The means at which P(X > x) + P(X = x)/2 and P(X < x) + P(X = x)/2 are each 2.5%."""
    lower = 0.0 if events == 0 else optimize.brentq(
        lambda mean: stats.poisson.sf(events, mean) + stats.poisson.pmf(events, mean) / 2 - 0.025, 1e-12, events + 10)
    upper = optimize.brentq(
        lambda mean: stats.poisson.cdf(events, mean) - stats.poisson.pmf(events, mean) / 2 - 0.025, 1e-12, 10 * events + 30)
    return lower, upper


def test_the_seed_holds_the_95_percent_mid_p_poisson_limits_for_counts_0_to_99():
    with open(SEEDS_DIR / "poisson_mid_p_limits.csv", newline="") as seed:
        rows = list(csv.DictReader(seed))
    assert [int(row["poisson_count"]) for row in rows] == list(range(100))
    for row in rows:
        lower, upper = mid_p_limits(int(row["poisson_count"]))
        assert float(row["lower_95"]) == pytest.approx(lower, abs=1e-9)
        assert float(row["upper_95"]) == pytest.approx(upper, abs=1e-9)


def test_a_count_of_zero_has_the_hand_worked_upper_limit_ln_20():
    # P(X = 0) / 2 = e^-U / 2 = 0.025, so U = ln 20 = 2.995732.
    assert mid_p_limits(0) == (0.0, pytest.approx(2.9957322736, abs=1e-9))
