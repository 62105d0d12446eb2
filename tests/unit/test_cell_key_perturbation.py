"""The perturbation table of cell-key perturbation (seed cell_key_perturbation; docs/methodology.md, Disclosure
control): what it promises, checked on every count class and every cell key."""

from collections import Counter
from pathlib import Path

import pytest

from differencing_attack import CELL_KEYS, PerturbationTable

TABLE = PerturbationTable.read(Path(__file__).parents[2] / "dbt_project" / "seeds" / "cell_key_perturbation.csv")
COUNTS = range(0, 40)


@pytest.fixture(scope="module")
def perturbations():
    return {count: Counter(TABLE.perturbation(count, key) for key in CELL_KEYS) for count in COUNTS}


def test_every_cell_key_of_every_positive_count_falls_in_exactly_one_range():
    for count in COUNTS[1:]:
        covered = Counter(key for row in TABLE.rows_of(count)
                          for key in range(row.lowest_cell_key, row.highest_cell_key + 1))
        assert covered == Counter(CELL_KEYS), count


def test_zero_stays_zero_and_no_count_goes_below_zero_or_moves_more_than_two(perturbations):
    assert TABLE.rows_of(0) == () and perturbations[0] == Counter({0: 256})
    for count, changes in perturbations.items():
        assert all(count + change >= 0 and abs(change) <= 2 for change in changes), count


def test_the_perturbation_is_unbiased_and_leaves_half_the_counts_unchanged(perturbations):
    for count, changes in perturbations.items():
        assert sum(change * keys for change, keys in changes.items()) == 0, count
        assert count == 0 or changes[0] == 128, count


def test_no_published_value_pins_its_true_count():
    for published in COUNTS:
        assert len(TABLE.true_counts(published)) >= 2, published
    assert TABLE.true_counts(0) == {0, 1, 2} and TABLE.true_counts(1) == {1, 2, 3}
    assert TABLE.true_counts(11) == {9, 10, 11, 12, 13}
