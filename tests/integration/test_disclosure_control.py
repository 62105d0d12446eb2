"""Disclosure control against differencing (issue 11, item 1), measured on the all-sources night.

The differencing attack (tests/differencing_attack.py) reads `reporting.stop_search_disproportionality` as an
outsider would (suppressed counts as 0-9, groups the scheme cannot record as 0) and adds and subtracts along the
table's own totals: the force and its LPUs, every power and each power, a broad group and its detailed groups, and
a quarter, financial year or rolling twelve months and its months. The analysts' exact mart is the truth it is
scored against. Suppression alone does not survive it: the test that no small cell comes back is expected to fail
until published counts are perturbed (docs/methodology.md, Suppression).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from differencing_attack import Relation, holds, recovered
from nights import query

SUPPRESSION_THRESHOLD = 10
POWERS = ("PACE s1", "Misuse of Drugs Act s23", "s60 CJPOA", "Other")
MONTHS_IN = {"quarter": 3, "financial_year": 12, "rolling_12_months": 12}
# a cell: period_type, period_start, area_code, legislation_group, ethnicity_basis, ethnicity_level, ethnic_group
PUBLISHED_CELLS = """
    select period_type, period_start, area_code, legislation_group, ethnicity_basis, ethnicity_level, ethnic_group,
           searches, rate_status
    from reporting.stop_search_disproportionality"""
TRUE_CELLS = """
    select period_type, period_start, lower(area_code), legislation_group, replace(ethnicity_basis, '-', '_'),
           ethnicity_level, ethnic_group, searches
    from marts.mart_stop_search_disproportionality"""


def months(period_type: str, start: date) -> list[date]:
    return [date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1)
            for i in range(MONTHS_IN[period_type])]


def table_relations(cells, broad_of_detailed: dict[str, str]) -> list[Relation]:
    """Every total of the table with its parts, where all of them are published rows."""
    areas = sorted({cell[2] for cell in cells} - {"force"})
    detailed = defaultdict(set)
    for cell in cells:
        if cell[5] == "detailed":
            detailed[broad_of_detailed[cell[6]]].add(cell[6])
    relations = []
    for cell in cells:
        period_type, start, area, power, basis, level, group = cell
        if area == "force":
            relations.append(Relation(cell, tuple((period_type, start, lpu, power, basis, level, group) for lpu in areas)))
        if power == "All":
            relations.append(Relation(cell, tuple((period_type, start, area, each, basis, level, group) for each in POWERS)))
        if level == "broad" and detailed.get(group) and basis == "self_defined":
            relations.append(Relation(cell, tuple((period_type, start, area, power, basis, "detailed", code)
                                                  for code in sorted(detailed[group]))))
        if period_type in MONTHS_IN:
            relations.append(Relation(cell, tuple(("month", month, area, power, basis, level, group)
                                                  for month in months(period_type, start))))
    return [relation for relation in relations if all(part in cells for part in relation.parts)]


@pytest.fixture(scope="module")
def attack(all_sources_night):
    url = all_sources_night["url"]
    known = {}
    for *cell, searches, status in query(url, PUBLISHED_CELLS):
        known[tuple(cell)] = ((searches, searches) if searches is not None else
                              (0, 0) if status == "not_applicable" else (0, SUPPRESSION_THRESHOLD - 1))
    truth = {tuple(cell): searches for *cell, searches in query(url, TRUE_CELLS)}
    broad_of_detailed = dict(query(url, "select ethnic_group_code, broad_ethnic_group from staging.ethnic_groups"))
    relations = table_relations(known, broad_of_detailed)
    sound = [relation for relation in relations if holds(relation, truth)]
    protected, found = recovered(known, sound, truth)
    print(f"differencing attack on stop_search_disproportionality: {len(known)} cells, {len(sound)} totals tried "
          f"({len(relations) - len(sound)} that do not add up left out); {len(found)} of {len(protected)} "
          f"suppressed cells with 1-9 searches recovered")
    return {"known": known, "truth": truth, "relations": relations, "sound": sound, "protected": protected,
            "found": found}


def test_the_attack_reads_every_published_cell_against_its_exact_count(attack):
    assert set(attack["known"]) <= set(attack["truth"])
    assert len(attack["protected"]) > 1000  # the night has small cells to protect


def test_the_attack_tries_every_kind_of_total_the_table_holds(attack):
    kinds = defaultdict(int)
    for relation in attack["sound"]:
        total, first = relation.total, relation.parts[0]
        kinds[next(name for name, index in (("area", 2), ("power", 3), ("group", 6), ("period", 0))
                   if total[index] != first[index])] += 1
    assert min(kinds.get(kind, 0) for kind in ("area", "power", "group", "period")) > 100, dict(kinds)


@pytest.mark.xfail(strict=True, reason="issue 11 item 1: counts are suppressed, not yet perturbed, so totals give "
                                       "small cells back; when they are, this passes and the mark goes")
def test_no_suppressed_cell_of_one_to_nine_searches_comes_back(attack):
    assert attack["found"] == []
