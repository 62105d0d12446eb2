"""Disclosure control against differencing (issue 11, item 1), measured on the all-sources night.

The differencing attack (tests/differencing_attack.py) reads the published stop-and-search counts as an outsider
would: `reporting.stop_search_disproportionality` (searches of every broad and detailed group) and
`reporting.stop_search_outcomes` (searches, and the searches that found the object, ended in arrest or removed more
than outer clothing), a suppressed count as 0 to the threshold less 1 and a group the scheme cannot record as 0. It
adds and subtracts along the tables' own totals: the force and its LPUs, every power and each power, a broad group
and its detailed groups, a quarter, financial year or rolling twelve months and its months, and a count and the
searches it is part of.

Published counts are perturbed month cells and their sums (docs/methodology.md, Disclosure control), so the attack
works on perturbed values, which the analysts' perturbed marts hold before suppression, and what it pins is scored
against the exact marts through the perturbation table.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from differencing_attack import PerturbationTable, Relation, holds, recovered_through_perturbation
from equality.config import Settings
from nights import query

PERTURBATION_TABLE = PerturbationTable.read(
    Path(__file__).parents[2] / "dbt_project" / "seeds" / "cell_key_perturbation.csv")
POWERS = ("PACE s1", "Misuse of Drugs Act s23", "s60 CJPOA", "Other")
MONTHS_IN = {"quarter": 3, "financial_year": 12, "rolling_12_months": 12}
SUBSETS = ("searches_finding_object", "searches_ending_in_arrest", "searches_removing_more_than_outer_clothing")
# a cell: count, period_type, period_start, area_code, legislation_group, ethnicity_basis, ethnicity_level, group
GRAIN = "period_type, period_start, area_code, legislation_group, ethnicity_basis, {level}, ethnic_group"
PUBLISHED_GRAIN = GRAIN.replace("area_code", "upper(area_code)").replace("ethnicity_basis",
                                                                          "replace(ethnicity_basis, '_', '-')")
# each published count: its table, the status column that says why it is null, and the level of its rows
PUBLISHED_COUNTS = (
    ("stop_search_disproportionality", "searches", "rate_status", "ethnicity_level"),
    ("stop_search_outcomes", "searches", "searches_status", "'broad'"),
    ("stop_search_outcomes", "searches_finding_object", "find_share_status", "'broad'"),
    ("stop_search_outcomes", "searches_ending_in_arrest", "arrest_share_status", "'broad'"),
    ("stop_search_outcomes", "searches_removing_more_than_outer_clothing", "more_than_outer_clothing_share_status",
     "'broad'"),
)


def months(period_type: str, start: date) -> list[date]:
    return [date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1)
            for i in range(MONTHS_IN[period_type])]


def cells_of(url: str, schema_table: str, count: str, level: str, grain: str = GRAIN, extra: str = "") -> list:
    return query(url, f"select {grain.format(level=level)}, {count}{extra} from {schema_table}")


def table_relations(cells, broad_of_detailed: dict[str, str]) -> list[Relation]:
    """Every total of the tables with its parts, where all of them are published, and each count of a subset of the
    searches with the searches it is part of (the rest of them an unpublished cell)."""
    areas = sorted({cell[3] for cell in cells} - {"FORCE"})
    detailed = defaultdict(set)
    for cell in cells:
        if cell[6] == "detailed":
            detailed[broad_of_detailed[cell[7]]].add(cell[7])
    relations = []
    for cell in cells:
        count, period_type, start, area, power, basis, level, group = cell
        if count.startswith("rest of "):
            continue
        if area == "FORCE":
            relations.append(Relation(cell, tuple((count, period_type, start, lpu, power, basis, level, group)
                                                  for lpu in areas)))
        if power == "All":
            relations.append(Relation(cell, tuple((count, period_type, start, area, each, basis, level, group)
                                                  for each in POWERS)))
        if level == "broad" and detailed.get(group) and basis == "self-defined":
            relations.append(Relation(cell, tuple((count, period_type, start, area, power, basis, "detailed", code)
                                                  for code in sorted(detailed[group]))))
        if period_type in MONTHS_IN:
            relations.append(Relation(cell, tuple((count, "month", month, area, power, basis, level, group)
                                                  for month in months(period_type, start))))
        if count in SUBSETS:
            searches = ("searches", *cell[1:])
            relations.append(Relation(searches, (cell, ("rest of " + count, *cell[1:]))))
    return [relation for relation in relations if all(part in cells for part in relation.parts)]


def attack_on(url: str) -> dict:
    """The attack on a warehouse's published stop-and-search counts, scored against its marts."""
    threshold = Settings.from_env().suppression_threshold
    known, truth, published_truth = {}, {}, {}
    for table, count, status, level in PUBLISHED_COUNTS:
        for *cell, value, why in cells_of(url, f"reporting.{table}", count, level, PUBLISHED_GRAIN, f", {status}"):
            low, high = (value, value) if value is not None else (0, 0) if why == "not_applicable" else (0, threshold - 1)
            if (count, *cell) in known:  # published in both tables: the attacker takes what both say
                low, high = max(low, known[(count, *cell)][0]), min(high, known[(count, *cell)][1])
                assert low <= high, f"the tables publish {(count, *cell)} differently"
            known[(count, *cell)] = (low, high)
        for schema_table, values in ((f"marts.mart_{table}", truth), (f"marts.mart_{table}_perturbed", published_truth)):
            values |= {(count, *cell): value for *cell, value in cells_of(url, schema_table, count, level)}
    for count in SUBSETS:  # the searches of a cell outside the subset: never published
        for cell in [cell for cell in known if cell[0] == count]:
            rest = ("rest of " + count, *cell[1:])
            known[rest] = (0, 10**9)
            for values in (truth, published_truth):
                values[rest] = values[("searches", *cell[1:])] - values[cell]
    broad_of_detailed = dict(query(url, "select ethnic_group_code, broad_ethnic_group from staging.ethnic_groups"))
    relations = table_relations(known, broad_of_detailed)
    sound = [relation for relation in relations if holds(relation, published_truth)]
    protected, pinned, found = (
        [cell for cell in cells if not cell[0].startswith("rest of ")]  # scored: the published counts
        for cells in recovered_through_perturbation(known, sound, truth, published_truth, PERTURBATION_TABLE))
    print(f"differencing attack on stop_search_disproportionality and stop_search_outcomes: {len(known)} cells, "
          f"{len(sound)} totals tried ({len(relations) - len(sound)} that do not add up left out); of "
          f"{len(protected)} cells with 1-9 true searches, {len(pinned)} have their published (perturbed) value "
          f"worked out and {len(found)} their true value")
    return {"url": url, "known": known, "truth": truth, "published_truth": published_truth, "relations": relations,
            "sound": sound, "protected": protected, "pinned": pinned, "found": found}


@pytest.fixture(scope="module")
def attack(all_sources_night):
    return attack_on(all_sources_night["url"])


def test_the_attack_reads_every_published_count_against_its_exact_and_its_perturbed_value(attack):
    assert set(attack["known"]) <= set(attack["truth"]) == set(attack["published_truth"])
    assert len(attack["protected"]) > 1000  # the night has small cells to protect
    moved = sum(attack["truth"][cell] != attack["published_truth"][cell] for cell in attack["known"])
    assert moved > len(attack["known"]) / 3  # most published counts are not their true values


def test_every_total_adds_up_its_published_parts_so_the_attack_tries_every_kind(attack):
    true_but_not_published = [relation for relation in attack["relations"] if holds(relation, attack["truth"])
                              and not holds(relation, attack["published_truth"])]
    assert true_but_not_published == []
    kinds = defaultdict(int)
    for relation in attack["sound"]:
        total, first = relation.total, relation.parts[0]
        kinds[next(name for name, index in (("count", 0), ("area", 3), ("power", 4), ("group", 7), ("period", 1))
                   if total[index] != first[index])] += 1
    assert min(kinds.get(kind, 0) for kind in ("count", "area", "power", "group", "period")) > 100, dict(kinds)


def test_no_cell_of_one_to_nine_searches_comes_back(attack):
    assert attack["pinned"]  # differencing still works out perturbed values: the perturbation is what protects
    assert attack["found"] == []


def test_every_published_rate_and_ratio_is_computed_from_the_published_counts(attack):
    [(rows, moved, off)] = query(attack["url"], """
        select count(*),
               count(*) filter (where published.searches <> exact.searches),
               count(*) filter (where published.rate_per_1000 <> round(1000.0 * published.searches / published.population, 2)
                                   or published.rate_ratio <> round((published.searches::numeric / published.population)
                                        / (published.reference_searches::numeric / exact.reference_population), 2))
        from reporting.stop_search_disproportionality as published
        inner join marts.mart_stop_search_disproportionality as exact
            on exact.period_type = published.period_type and exact.period_start = published.period_start
            and lower(exact.area_code) = published.area_code and exact.legislation_group = published.legislation_group
            and replace(exact.ethnicity_basis, '-', '_') = published.ethnicity_basis
            and exact.ethnicity_level = published.ethnicity_level and exact.ethnic_group = published.ethnic_group
        where published.searches is not null and published.reference_searches is not null""")
    assert rows > 1000 and moved > rows / 3 and off == 0, (rows, moved, off)
