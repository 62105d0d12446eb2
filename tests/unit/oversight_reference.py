"""The internal benchmark (macros peer_benchmark_cells, peer_benchmark_periods and funnel_plot) in numpy, written
from the method's definition (docs/methodology.md, Internal benchmark) and not from the SQL: the reference the macros
are compared with."""

from __future__ import annotations

import numpy as np
from scipy import stats

Z_95, Z_998 = stats.norm.ppf(0.975), stats.norm.ppf(0.999)


def peer_counts(units, strata, groups, group: str, reference: str = "White", peers_within=None):
    """Per unit: events, observed, expected and null variance of `group` against peers in the same stratum.

    units, strata, groups: one value per event (a stratum is any hashable). Events with group None or 'Not stated'
    are left out; a stratum where the unit has no peers adds nothing. peers_within: one more value per event (an
    officer's team) that a unit's peers must share with it as well as the stratum."""
    assert group != reference
    if peers_within is not None:
        strata = list(zip(strata, peers_within))
    keep = [g not in (None, "Not stated") for g in groups]
    units, strata, groups = ([v for v, k in zip(values, keep) if k] for values in (units, strata, groups))
    result: dict = {}
    for stratum in set(strata):
        here = [i for i, s in enumerate(strata) if s == stratum]
        total, total_group = len(here), sum(groups[i] == group for i in here)
        for unit in {units[i] for i in here}:
            n = sum(units[i] == unit for i in here)
            x = sum(units[i] == unit and groups[i] == group for i in here)
            peers, peer_group = total - n, total_group - x
            row = result.setdefault(unit, [0, 0, 0.0, 0.0])
            if peers == 0:
                continue
            p = peer_group / peers
            row[0] += n
            row[1] += x
            row[2] += n * p
            row[3] += n * p * (1 - p) * (1 + n / peers)
    return {unit: tuple(row) for unit, row in result.items()}


def funnel(observed, expected, variance, screened):
    """Spiegelhalter (2005) funnel with winsorised overdispersion and additive random effects, then BH at 5%."""
    observed, expected, variance = (np.asarray(v, dtype=float) for v in (observed, expected, variance))
    screened = np.asarray(screened, dtype=bool) & (variance > 0)
    z = np.where(screened, (observed - expected) / np.sqrt(np.where(variance > 0, variance, 1)), np.nan)
    zs = z[screened]
    low, high = np.percentile(zs, [10, 90])          # linear interpolation, as percentile_cont
    phi = np.mean(np.clip(zs, low, high) ** 2)
    w = expected[screened] ** 2 / variance[screened]
    units = len(zs)
    tau2 = max(0.0, (units * phi - (units - 1)) / (w.sum() - (w ** 2).sum() / w.sum())) if phi > 1 and units > 1 else 0.0
    adjusted = np.where(screened, (observed - expected) / np.sqrt(variance + tau2 * expected ** 2), np.nan)
    p = np.where(screened, 2 * stats.norm.sf(np.abs(adjusted)), np.nan)
    ranked = np.sort(p[screened])
    passing = np.nonzero(ranked <= np.arange(1, units + 1) / units * 0.05)[0]
    cut = ranked[passing[-1]] if passing.size else -1.0
    significant = np.where(screened, p <= cut, False)
    spread = lambda z_: z_ * np.sqrt(variance / expected ** 2 + tau2)   # noqa: E731
    return {"z": z, "phi": phi, "tau2": tau2, "adjusted_z": adjusted, "p": p, "significant": significant,
            "lower_95": np.maximum(0, 1 - spread(Z_95)), "upper_95": 1 + spread(Z_95),
            "lower_998": np.maximum(0, 1 - spread(Z_998)), "upper_998": 1 + spread(Z_998)}
