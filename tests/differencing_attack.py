"""A differencing attack on published counts: what an outsider can work out about a suppressed cell by adding
and subtracting the published tables (issue 11: disclosure control that no combination of tables can undo).

The attacker knows each published cell as an interval of whole numbers: a published count exactly, a suppressed one
as 0 to the threshold minus 1, a group the scheme cannot record as 0 (and, once counts are perturbed, a published
count as itself plus or minus the documented bound). The tables' additive relations (a total is the sum of its
parts: broad group and detailed groups, force and LPUs, every power and each power, a quarter, year or rolling
window and its months) narrow those intervals: a total lies within the sum of its parts' intervals, and each part
within the total's interval less the others' sums. Narrowing is repeated until nothing changes. A cell whose
interval ends as one value is recovered. This is interval propagation (constraint propagation), so it finds every
single-path and multi-step differencing, not all that linear programming could; a cell it cannot pin may still
be narrowed.

Under cell-key perturbation the published counts are perturbed month cells and their sums, so the attack runs on the
published (perturbed) values, where every total is exactly the sum of its parts, and what it pins is a perturbed
value: the true count is then any count the perturbation table could have turned into it.
"""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Hashable, Mapping, Sequence

Interval = tuple[int, int]


@dataclass(frozen=True)
class Relation:
    """A published total and the published cells it adds up."""

    total: Hashable
    parts: tuple[Hashable, ...]


def holds(relation: Relation, truth: Mapping[Hashable, int]) -> bool:
    return truth[relation.total] == sum(truth[part] for part in relation.parts)


def narrowed(known: Mapping[Hashable, Interval], relations: Sequence[Relation]) -> dict[Hashable, Interval]:
    """Every cell's interval once the relations narrow it no further (the fixpoint of interval propagation)."""
    bounds = dict(known)
    relations_of = defaultdict(list)
    for index, relation in enumerate(relations):
        for cell in (relation.total, *relation.parts):
            relations_of[cell].append(index)
    pending = set(range(len(relations)))
    while pending:
        relation = relations[pending.pop()]
        changed = []
        low_sum = sum(bounds[part][0] for part in relation.parts)
        high_sum = sum(bounds[part][1] for part in relation.parts)
        total = (max(bounds[relation.total][0], low_sum), min(bounds[relation.total][1], high_sum))
        if total != bounds[relation.total]:
            bounds[relation.total] = total
            changed.append(relation.total)
        for part in relation.parts:
            low, high = bounds[part]
            others_low, others_high = low_sum - low, high_sum - high
            part_bounds = (max(low, total[0] - others_high), min(high, total[1] - others_low))
            if part_bounds != (low, high):
                bounds[part] = part_bounds
                low_sum += part_bounds[0] - low
                high_sum += part_bounds[1] - high
                changed.append(part)
        for cell in changed:
            if bounds[cell][0] > bounds[cell][1]:
                raise ValueError(f"no count of {cell!r} fits the published intervals: the relations or the "
                                 "intervals assumed something false")
            pending.update(relations_of[cell])
    return bounds


def narrowed_around(known: Mapping[Hashable, Interval], relations: Sequence[Relation],
                    truth: Mapping[Hashable, int]) -> dict[Hashable, Interval]:
    """narrowed, checked against the values the intervals and relations describe."""
    bounds = narrowed(known, relations)
    outside = [cell for cell, (low, high) in bounds.items() if not low <= truth[cell] <= high]
    assert not outside, f"the attack assumed something false: the truth lies outside {outside[:3]}"
    return bounds


def recovered(known: Mapping[Hashable, Interval], relations: Sequence[Relation], truth: Mapping[Hashable, int],
              smallest: int = 1, largest: int = 9) -> tuple[list[Hashable], list[Hashable]]:
    """The cells whose true count is smallest..largest and which are not published exactly (the ones disclosure
    control protects), and those of them the attack pins to one value."""
    bounds = narrowed_around(known, relations, truth)
    protected = [cell for cell, (low, high) in known.items() if low < high and smallest <= truth[cell] <= largest]
    return protected, [cell for cell in protected if bounds[cell][0] == bounds[cell][1]]


CELL_KEYS = range(256)


@dataclass(frozen=True)
class PerturbationRow:
    smallest_count: int
    largest_count: int | None  # None: no limit
    lowest_cell_key: int
    highest_cell_key: int
    perturbation: int

    def holds(self, count: int) -> bool:
        return self.smallest_count <= count and (self.largest_count is None or count <= self.largest_count)


@dataclass(frozen=True)
class PerturbationTable:
    """The p-table of cell-key perturbation (seed cell_key_perturbation): the perturbation of a count of each class
    for each range of cell keys. Zero is never perturbed."""

    rows: tuple[PerturbationRow, ...]

    @classmethod
    def read(cls, path: Path) -> PerturbationTable:
        with path.open(newline="") as file:
            return cls(tuple(PerturbationRow(**{name: int(value) if value else None for name, value in row.items()})
                             for row in csv.DictReader(file)))

    @functools.cache
    def rows_of(self, count: int) -> tuple[PerturbationRow, ...]:
        return tuple(row for row in self.rows if row.holds(count))

    @functools.cache
    def changes_by_key(self, count: int) -> tuple[int, ...]:
        """What macro perturbed_count adds to the count, for each cell key (0 where no row covers the key)."""
        changes: list[int | None] = [None] * len(CELL_KEYS)
        for row in self.rows_of(count):
            for key in range(row.lowest_cell_key, row.highest_cell_key + 1):
                assert changes[key] is None, f"key ranges overlap for count {count}, key {key}"
                changes[key] = row.perturbation
        return tuple(0 if change is None else change for change in changes)

    def perturbation(self, count: int, cell_key: int) -> int:
        """What macro perturbed_count adds to the count for this cell key."""
        return self.changes_by_key(count)[cell_key]

    @functools.cache
    def perturbations_of(self, count: int) -> frozenset[int]:
        """Every change the table can make to this count, over all cell keys."""
        return frozenset(self.changes_by_key(count))

    @functools.cache
    def true_counts(self, published: int) -> frozenset[int]:
        """Every count the table could have published as `published`."""
        widest = max(abs(row.perturbation) for row in self.rows)
        return frozenset(count for count in range(max(0, published - widest), published + widest + 1)
                         if published - count in self.perturbations_of(count))


def recovered_through_perturbation(
        known: Mapping[Hashable, Interval], relations: Sequence[Relation], truth: Mapping[Hashable, int],
        published_truth: Mapping[Hashable, int], table: PerturbationTable, smallest: int = 1, largest: int = 9,
) -> tuple[list[Hashable], list[Hashable], list[Hashable]]:
    """The attack on perturbed publication: the cells whose true count is smallest..largest, those of them whose
    published (perturbed) value the attack pins, and those whose pinned value could only have come from their true
    count. A pinned total is a sum of perturbed cells, so reading it as one perturbed cell overstates what it gives
    away: the count is an upper bound."""
    bounds = narrowed_around(known, relations, published_truth)
    protected = [cell for cell in known if smallest <= truth[cell] <= largest]
    pinned = [cell for cell in protected if bounds[cell][0] == bounds[cell][1]]
    return protected, pinned, [cell for cell in pinned if table.true_counts(bounds[cell][0]) == {truth[cell]}]


def recovered_through_bounded_noise(
        published: Mapping[Hashable, int | None], unknown_totals: Sequence[Hashable], relations: Sequence[Relation],
        truth: Mapping[Hashable, int], table: PerturbationTable, threshold: int,
) -> tuple[list[Hashable], list[Hashable]]:
    """The attack on counts each perturbed by its own cell key, where a table's totals hold on the true counts, not
    on the published ones (a value's count and the count of all the others, say). A published value stands for
    every count the perturbation table could have turned into it, a suppressed one (None) for every count it could
    have turned into less than the threshold; a total nobody publishes for any count. Returns the cells whose true
    count is 1-9 and those of them the attack pins to their true value."""
    widest = max(abs(row.perturbation) for row in table.rows)
    below_threshold = [count for count in range(threshold + widest)
                       if any(count + table.perturbation(count, key) < threshold for key in CELL_KEYS)]
    known: dict[Hashable, Interval] = {total: (0, 10**9) for total in unknown_totals}
    for cell, value in published.items():
        counts = below_threshold if value is None else sorted(table.true_counts(value))
        known[cell] = (counts[0], counts[-1])
    return recovered(known, relations, truth)
