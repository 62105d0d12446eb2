"""A synthetic night's injected truths against the marts' 95% intervals, checked as a family.

A 95% interval misses its truth one time in twenty at any draw of the data, so a night checked against twenty
injected truths one by one fails about two draws in three with nothing wrong. Each module checks its truths
together instead: the number of intervals that miss must be one that 95% intervals give with a chance of at least
1% (a binomial tail), and a failure lists every miss. A broken estimate (a wrong denominator, an inverted ratio,
an interval too narrow at small counts) misses in most years and groups at once, far beyond that.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import comb

MISS_RATE = 0.05  # a 95% interval's
SMALLEST_CHANCE = 0.01


@dataclass(frozen=True)
class InjectedTruth:
    """What was injected (``truth``) and the mart's interval for it, named by what it measures."""

    measure: str
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
    report = "; ".join(f"{t.measure}: {t.truth} outside [{t.low:.4g}, {t.high:.4g}]" for t in missed)
    print(f"{len(missed)} of {len(truths)} injected truths outside their 95% intervals (chance {chance:.3f})"
          + (f": {report}" if missed else ""))
    assert chance >= SMALLEST_CHANCE, (f"{len(missed)} of {len(truths)} injected truths outside their 95% intervals, "
                                       f"a chance of {chance:.2g} from 95% intervals: {report}")
