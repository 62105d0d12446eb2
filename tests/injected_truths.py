"""A synthetic night's injected truths against the marts' 95% intervals, each measure's checked as a family.

A 95% interval misses its truth one time in twenty at any draw of the data, so a night checked against twenty
injected truths one by one fails about two draws in three with nothing wrong. Each measure's intervals (its years,
or its promotion boards) are checked together instead: the number that miss must be one that 95% intervals give
with a chance of at least 1% (a binomial tail: one miss in three years, none of them the fault; two are), and a
failure lists every miss. A broken estimate (a wrong denominator or reference group, an inverted ratio, an interval
too narrow at small counts) misses in most years at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import comb

MISS_RATE = 0.05  # a 95% interval's
SMALLEST_CHANCE = 0.01


@dataclass(frozen=True)
class InjectedTruth:
    """What was injected (``truth``) for a measure and the mart's interval for it in one year (or process)."""

    measure: str
    of: str
    truth: float
    low: float
    high: float

    @property
    def covered(self) -> bool:
        return self.low <= self.truth <= self.high


def chance_of_at_least(misses: int, intervals: int) -> float:
    """The chance that at least ``misses`` of ``intervals`` independent 95% intervals miss their truth."""
    return sum(comb(intervals, k) * MISS_RATE ** k * (1 - MISS_RATE) ** (intervals - k)
               for k in range(misses, intervals + 1))


def assert_missed_no_more_often_than_95_percent_intervals_miss(truths: list[InjectedTruth]) -> None:
    missed = [truth for truth in truths if not truth.covered]
    chance = chance_of_at_least(len(missed), len(truths))
    report = "; ".join(f"{t.measure} {t.of}: {t.truth} outside [{t.low:.4g}, {t.high:.4g}]" for t in missed)
    measures = ", ".join(sorted({truth.measure for truth in truths}))
    print(f"{measures}: {len(missed)} of {len(truths)} injected truths outside their 95% intervals "
          f"(chance {chance:.3f})" + (f": {report}" if missed else ""))
    assert chance >= SMALLEST_CHANCE, (f"{len(missed)} of {len(truths)} injected truths outside their 95% intervals, "
                                       f"a chance of {chance:.2g} from 95% intervals: {report}")
