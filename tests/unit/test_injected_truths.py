"""The family check of a night's injected truths (tests/injected_truths.py): how many misses 95% intervals allow."""

import pytest

from injected_truths import (InjectedTruth, assert_missed_no_more_often_than_95_percent_intervals_miss,
                             chance_of_at_least)


def family(intervals: int, misses: int) -> list[InjectedTruth]:
    return [InjectedTruth("a ratio", f"year {n}", 0.7, 0.8 if n < misses else 0.5, 0.9) for n in range(intervals)]


def test_the_chance_of_at_least_some_misses_is_the_binomial_tail():
    assert chance_of_at_least(0, 22) == pytest.approx(1)
    assert chance_of_at_least(1, 22) == pytest.approx(1 - 0.95 ** 22)
    assert chance_of_at_least(22, 22) == pytest.approx(0.05 ** 22)
    assert chance_of_at_least(4, 22) == pytest.approx(0.022182, abs=1e-6)  # scipy.stats.binom.sf(3, 22, 0.05)


@pytest.mark.parametrize("intervals, misses", [(3, 0), (3, 1), (6, 2), (22, 4)])
def test_a_family_passes_with_as_many_misses_as_95_percent_intervals_give(intervals, misses):
    assert_missed_no_more_often_than_95_percent_intervals_miss(family(intervals, misses))


@pytest.mark.parametrize("intervals, misses", [(3, 2), (3, 3), (6, 3), (22, 5)])
def test_a_family_fails_with_more_misses_naming_each(intervals, misses):
    with pytest.raises(AssertionError, match=f"{misses} of {intervals} injected truths outside") as failure:
        assert_missed_no_more_often_than_95_percent_intervals_miss(family(intervals, misses))
    assert str(failure.value).count("outside [0.8, 0.9]") == misses
