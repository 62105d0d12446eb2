"""Every interval method the marts publish holds its 95% at the edges.

Exact coverage (every outcome's probability summed, no simulation) over the grid in interval_methods.py:
sizes 10-1,000, true proportions or reference rates 0.01-0.99, ratios 0.5-3, a group against a reference of
its own size and against one of 1,000. The numpy methods are the SQL macros (test_interval_macros_match_numpy).
"""

from __future__ import annotations

import numpy as np
import pytest
from interval_methods import (METHODOLOGY, Z_95, binomial_probabilities, coverage_of_every_method,
                              coverage_table, methodology_with_table)


@pytest.fixture(scope="module")
def coverages():
    return coverage_of_every_method()


def test_every_published_interval_method_covers_at_least_90_percent_everywhere_and_94_to_96_on_average(coverages):
    assert [(c.method, round(c.minimum, 4), round(c.mean, 4)) for c in coverages
            if not (c.minimum >= 0.90 and 0.94 <= c.mean <= 0.96)] == []


def test_the_methodology_prints_the_current_coverage_table(coverages):
    assert METHODOLOGY.read_text() == methodology_with_table(coverage_table(coverages)), (
        "docs/methodology.md's coverage table is stale: run .venv/bin/python tests/unit/interval_methods.py")


def test_the_grid_catches_the_katz_collapse_the_marts_used_to_publish():
    """The same exact sum finds the audit's figure: a group of 10 passing at 0.95 against a reference of
    1,000 passing at 0.95 (ratio 1); when all 10 pass, Katz's interval shrinks around 1/0.95 and misses 1."""
    n, m, p = 10, 1000, 0.95
    a, b = np.meshgrid(np.arange(n + 1), np.arange(m + 1), indexing="ij")
    with np.errstate(divide="ignore", invalid="ignore"):
        half_width = Z_95 * np.sqrt(1 / a - 1 / n + 1 / b - 1 / m)
        covered = (a > 0) & (b > 0) & (np.abs(np.log((a / n) / (b / m))) <= half_width)
    probabilities = np.outer(binomial_probabilities(n, [p])[0], binomial_probabilities(m, [p])[0])
    assert (probabilities * covered).sum() == pytest.approx(0.41, abs=0.01)
