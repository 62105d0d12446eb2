"""The interval methods the marts publish, written again in numpy, and their exact coverage over a grid.

Each function mirrors one macro in dbt_project/macros/statistics/ line for line (a test runs the macro in
PostgreSQL on a grid of counts and compares). An unbounded limit, null in SQL, is infinity here.

Exact coverage: for each true value on the grid, the probability that the interval contains it, summing the
probabilities of every possible outcome (binomial or Poisson), with no simulation.

Run this file to rewrite the coverage table in docs/methodology.md:
    .venv/bin/python tests/unit/interval_methods.py
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

REPOSITORY = Path(__file__).resolve().parents[2]
METHODOLOGY = REPOSITORY / "docs" / "methodology.md"
TABLE_START, TABLE_END = "<!-- interval-coverage:start -->", "<!-- interval-coverage:end -->"

Z_95 = 1.959963984540054  # macro z_95
SMALL_COUNT_FOR_LOG_METHOD = yaml.safe_load(
    (REPOSITORY / "dbt_project" / "dbt_project.yml").read_text())["vars"]["small_count_for_log_method"]
# macro wilson_edge_poisson_limit: chi2(0.05; 2k) / 2 for k = 1, 2, 3
WILSON_EDGE_POISSON_LIMITS = np.array([np.nan, 0.05129329438755053, 0.35536151069866195, 0.8176914471639534])
with open(REPOSITORY / "dbt_project" / "seeds" / "poisson_mid_p_limits.csv", newline="") as _seed:
    _SEED_ROWS = list(csv.DictReader(_seed))
POISSON_SEED_LOWER = np.array([float(row["lower_95"]) for row in _SEED_ROWS])
POISSON_SEED_UPPER = np.array([float(row["upper_95"]) for row in _SEED_ROWS])

# The grid: sizes 10 to 1,000, true proportions (or reference rates) 0.01 to 0.99, ratios 0.5 to 3.
SIZES = (10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 100, 150, 200, 300, 500, 750, 1000)
PROPORTIONS = np.round(np.arange(0.01, 1.0, 0.01), 2)
RATIOS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0)
REFERENCE_SIZE = 1000  # ratios are also measured against a large reference group, as in the marts


def wilson_limits(successes, trials):
    """Macro wilson_limit: Wilson score limits, modified at the edges (Brown, Cai & DasGupta 2001)."""
    x = np.asarray(successes, dtype=float)
    n = np.broadcast_to(np.asarray(trials, dtype=float), x.shape)
    failures = n - x
    with np.errstate(divide="ignore", invalid="ignore"):
        p = x / n
        centre = p + Z_95 * Z_95 / (2 * n)
        half_width = Z_95 * np.sqrt(p * (1 - p) / n + Z_95 * Z_95 / (4 * n * n))
        scale = 1 + Z_95 * Z_95 / n
        edge = np.where(n <= 50, 2, 3)
        lower = np.select(
            [x == 0, x <= edge],
            [0.0, WILSON_EDGE_POISSON_LIMITS[np.clip(x, 0, 3).astype(int)] / n],
            (centre - half_width) / scale)
        upper = np.select(
            [failures == 0, failures <= edge],
            [1.0, 1 - WILSON_EDGE_POISSON_LIMITS[np.clip(failures, 0, 3).astype(int)] / n],
            (centre + half_width) / scale)
    unusable = ~(n > 0)
    return np.where(unusable, np.nan, lower), np.where(unusable, np.nan, upper)


def proportion_ratio_limits(successes, trials, reference_successes, reference_trials):
    """Macro proportion_ratio_limit: MOVER-Wilson limits of (a/n) / (b/m)."""
    a, n, b, m = np.broadcast_arrays(*(np.asarray(v, dtype=float)
                                       for v in (successes, trials, reference_successes, reference_trials)))
    l1, u1 = wilson_limits(a, n)
    l2, u2 = wilson_limits(b, m)
    with np.errstate(divide="ignore", invalid="ignore"):
        p1, p2 = a / n, b / m
        lower_root = np.sqrt(np.maximum((p1 * p2) ** 2 - l1 * u2 * (2 * p1 - l1) * (2 * p2 - u2), 0))
        upper_root = np.sqrt(np.maximum((p1 * p2) ** 2 - u1 * l2 * (2 * p1 - u1) * (2 * p2 - l2), 0))
        lower = np.where(a == 0, 0.0, l1 * (2 * p1 - l1) / (p1 * p2 + lower_root))
        upper = np.where(b == 0, np.inf, (p1 * p2 + upper_root) / (l2 * (2 * p2 - l2)))
    unusable = ~((n > 0) & (m > 0))
    return np.where(unusable, np.nan, lower), np.where(unusable, np.nan, upper)


def poisson_count_limits(events):
    """Macro poisson_rate_limit without the 1,000 / population: limits of a Poisson mean from its count."""
    x = np.asarray(events, dtype=float)
    seeded = np.clip(x, 0, len(_SEED_ROWS) - 1).astype(int)
    safe = np.maximum(x, 1)
    byar_lower = x * (1 - 1 / (9 * safe) - Z_95 / (3 * np.sqrt(safe))) ** 3
    byar_upper = (x + 1) * (1 - 1 / (9 * (x + 1)) + Z_95 / (3 * np.sqrt(x + 1))) ** 3
    small = x < len(_SEED_ROWS)
    return np.where(small, POISSON_SEED_LOWER[seeded], byar_lower), np.where(small, POISSON_SEED_UPPER[seeded], byar_upper)


def rate_ratio_limits(events, population, reference_events, reference_population):
    """Macro rate_ratio_limit: log method when both counts are large enough, else conditional (modified) Wilson."""
    a, pa, b, pb = np.broadcast_arrays(*(np.asarray(v, dtype=float)
                                         for v in (events, population, reference_events, reference_population)))
    p_lower, p_upper = wilson_limits(a, a + b)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_ratio = np.log((a / pa) / (b / pb))
        log_half_width = Z_95 * np.sqrt(1 / a + 1 / b)
        conditional_upper = np.where(p_upper >= 1, np.inf, p_upper / (1 - p_upper) * pb / pa)
        conditional_lower = p_lower / (1 - p_lower) * pb / pa
    use_log = (a >= SMALL_COUNT_FOR_LOG_METHOD) & (b >= SMALL_COUNT_FOR_LOG_METHOD)
    no_events = a + b == 0
    lower = np.select([no_events, use_log], [0.0, np.exp(log_ratio - log_half_width)], conditional_lower)
    upper = np.select([no_events, use_log], [np.inf, np.exp(log_ratio + log_half_width)], conditional_upper)
    unusable = ~((pa > 0) & (pb > 0))
    return np.where(unusable, np.nan, lower), np.where(unusable, np.nan, upper)


_LOG_FACTORIAL = np.concatenate([[0.0], np.cumsum(np.log(np.arange(1, 20_001)))])


def binomial_probabilities(trials: int, proportions) -> np.ndarray:
    """P(X = k) for k = 0..trials, one row per proportion."""
    k = np.arange(trials + 1)
    p = np.asarray(proportions, dtype=float)[:, None]
    return np.exp(_LOG_FACTORIAL[trials] - _LOG_FACTORIAL[k] - _LOG_FACTORIAL[trials - k]
                  + k * np.log(p) + (trials - k) * np.log1p(-p))


def poisson_support(means) -> int:
    """A count above which every mean on the grid has less than 1e-15 of its probability."""
    largest = float(np.max(means))
    return int(largest + 12 * np.sqrt(largest) + 30)


def poisson_probabilities(means, largest_count: int) -> np.ndarray:
    """P(X = k) for k = 0..largest_count, one row per mean."""
    k = np.arange(largest_count + 1)
    mu = np.asarray(means, dtype=float)[:, None]
    return np.exp(k * np.log(mu) - mu - _LOG_FACTORIAL[k])


@dataclass(frozen=True)
class Coverage:
    method: str
    used_for: str
    points: int
    minimum: float
    mean: float
    worst_case: str


def _contains(lower, upper, truth) -> np.ndarray:
    """1 where the interval contains the truth (a null lower limit never does)."""
    return np.where(np.isnan(lower), 0.0, ((lower <= truth) & (truth <= upper)).astype(float))


def proportion_coverage() -> Coverage:
    results = []
    for n in SIZES:
        lower, upper = wilson_limits(np.arange(n + 1), n)
        covered = (lower[None, :] <= PROPORTIONS[:, None]) & (PROPORTIONS[:, None] <= upper[None, :])
        results += [(value, f"n {n}, p {p}") for value, p in
                    zip((covered * binomial_probabilities(n, PROPORTIONS)).sum(axis=1), PROPORTIONS)]
    return _summary("Wilson, modified at the edges (`wilson_limit`)", "shares, pass and promotion rates", results)


def _ratio_cases():
    """(group size, reference size, ratio, reference proportions with a group proportion also in 0.01-0.99)."""
    for n in SIZES:
        for m in sorted({n, REFERENCE_SIZE}):
            for ratio in RATIOS:
                reference = PROPORTIONS[(ratio * PROPORTIONS >= 0.01) & (ratio * PROPORTIONS <= 0.99 + 1e-9)]
                yield n, m, ratio, reference


@lru_cache(maxsize=1)
def _proportion_ratio_grid(n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """The interval of every outcome of a group of n against a reference of m (the same for every ratio tried)."""
    return proportion_ratio_limits(np.arange(n + 1)[:, None], n, np.arange(m + 1)[None, :], m)


@lru_cache(maxsize=1)
def _rate_ratio_grid(n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """The interval of every count pair a group of population n and a reference of m can show on the grid (means
    at most 0.99 n and 0.99 m, whatever the ratio); each ratio reads the corner its own means reach."""
    largest_group, largest_reference = poisson_support([0.99 * n]), poisson_support([0.99 * m])
    return rate_ratio_limits(np.arange(largest_group + 1)[:, None], n, np.arange(largest_reference + 1)[None, :], m)


def proportion_ratio_coverage() -> Coverage:
    results = []
    for n, m, ratio, reference in _ratio_cases():
        lower, upper = _proportion_ratio_grid(n, m)
        covered = _contains(lower, upper, ratio)
        values = ((binomial_probabilities(n, ratio * reference) @ covered) * binomial_probabilities(m, reference)).sum(axis=1)
        results += [(value, f"n {n} vs {m}, ratio {ratio}, reference p {p}") for value, p in zip(values, reference)]
    return _summary("MOVER-Wilson (`proportion_ratio_limit`)", "relative likelihoods, outcome and decision ratios", results)


def poisson_rate_coverage() -> Coverage:
    results = []
    for n in SIZES:
        means = n * PROPORTIONS
        largest = poisson_support(means)
        lower, upper = poisson_count_limits(np.arange(largest + 1))
        covered = (lower[None, :] <= means[:, None]) & (means[:, None] <= upper[None, :])
        results += [(value, f"expected count {mean:g}") for value, mean in
                    zip((covered * poisson_probabilities(means, largest)).sum(axis=1), means)]
    return _summary("Poisson mid-p below 100, Byar above (`poisson_rate_limit`)", "rates per 1,000", results)


def rate_ratio_coverage() -> Coverage:
    results = []
    for n, m, ratio, reference in _ratio_cases():
        group_means, reference_means = ratio * reference * n, reference * m
        largest_group, largest_reference = poisson_support(group_means), poisson_support(reference_means)
        lower, upper = (limits[:largest_group + 1, :largest_reference + 1] for limits in _rate_ratio_grid(n, m))
        covered = _contains(lower, upper, ratio)
        values = ((poisson_probabilities(group_means, largest_group) @ covered)
                  * poisson_probabilities(reference_means, largest_reference)).sum(axis=1)
        results += [(value, f"population {n} vs {m}, ratio {ratio}, reference rate {p}")
                    for value, p in zip(values, reference)]
    return _summary("log, or conditional Wilson under 10 events (`rate_ratio_limit`)", "rate ratios", results)


def _summary(method: str, used_for: str, results) -> Coverage:
    values = np.array([value for value, _ in results])
    return Coverage(method, used_for, len(values), float(values.min()), float(values.mean()),
                    results[int(values.argmin())][1])


def coverage_of_every_method() -> list[Coverage]:
    return [proportion_coverage(), proportion_ratio_coverage(), poisson_rate_coverage(), rate_ratio_coverage()]


def coverage_table(coverages: list[Coverage]) -> str:
    lines = ["| Interval method | Used for | Grid points | Minimum coverage | Mean coverage | Where the minimum is |",
             "|---|---|---:|---:|---:|---|"]
    lines += [f"| {c.method} | {c.used_for} | {c.points:,} | {c.minimum:.1%} | {c.mean:.2%} | {c.worst_case} |"
              for c in coverages]
    return "\n".join(lines)


def methodology_with_table(table: str) -> str:
    text = METHODOLOGY.read_text()
    pattern = re.compile(re.escape(TABLE_START) + ".*?" + re.escape(TABLE_END), re.DOTALL)
    return pattern.sub(lambda _: f"{TABLE_START}\n{table}\n{TABLE_END}", text)


if __name__ == "__main__":
    table = coverage_table(coverage_of_every_method())
    METHODOLOGY.write_text(methodology_with_table(table))
    print(table)
