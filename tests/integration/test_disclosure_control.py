"""Disclosure control against differencing (issue 11, item 1), measured on the all-sources night.

The differencing attack (tests/differencing_attack.py) reads the published counts of stop and search
(`reporting.stop_search_disproportionality`: searches of every broad and detailed group; `stop_search_outcomes`:
searches, and those that found the object, ended in arrest or removed more than outer clothing), of custody
(`custody_rates` and `custody_duration`: detentions; `custody_outcomes`: detentions eligible for a decision and
those it went one way for) and of use of force (`use_of_force_rates`: subjects, incidents, reports;
`use_of_force_shares`: the units counted and those a measure holds for) and of complaints (`complaints`: cases; `allegation_outcomes`:
allegations, those with a finding, upheld, and handled without investigation; `discrimination_allegations`: the
first three) and of the workforce (`leavers`: by leaving reason and all reasons; `vetting`: applications, and those granted, refused
and withdrawn, by applicant type and all types; `promotion`: the eligible pool and those promoted, by rank and all
ranks; `recruitment_funnel` and `promotion_funnel`: candidates entering, passing, failing and withdrawing, by process
and all processes) as an outsider would: a suppressed count as 0 to the threshold less 1, a group the scheme cannot record
as 0, a row a table leaves out because it counted nothing as 0. It adds and subtracts along the tables' own totals:
the force and its LPUs, every power and each power, all ages and adults and juveniles, a broad group and its
detailed groups, every complainant (or officer) group and each, a quarter, financial year or rolling twelve months
and its months, and a count and the records it is part of.

Published counts are perturbed month cells and their sums (docs/methodology.md, Disclosure control), so the attack
works on perturbed values, which the analysts' perturbed marts hold before suppression, and what it pins is scored
against the exact marts through the perturbation table.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from differencing_attack import (PerturbationTable, Relation, holds, recovered_through_bounded_noise,
                                 recovered_through_perturbation)
from equality.config import Settings
from nights import query

PERTURBATION_TABLE = PerturbationTable.read(
    Path(__file__).parents[2] / "dbt_project" / "seeds" / "cell_key_perturbation.csv")
MONTHS_IN = {"quarter": 3, "financial_year": 12, "rolling_12_months": 12}
PERIOD = ("period_type", "period_start")
FINANCIAL_YEAR = ("'financial_year_only'", "financial_year_start")  # tables with no months: nothing to add up by period
STOP_SEARCH_SLICE = ("upper(area_code)", "legislation_group", "replace(ethnicity_basis, '_', '-')", "ethnicity_level",
                     "ethnic_group")
OUTCOME_SLICE = STOP_SEARCH_SLICE[:3] + ("'broad'", "ethnic_group")
CUSTODY_SLICE = ("upper(area_code)", "age_group", "ethnic_group")
USE_OF_FORCE_SLICE = ("upper(area_code)", "ethnic_group")
CUSTODY_OUTCOME_SLICE = ("upper(area_code)", "age_group", "decision", "ethnic_group")
USE_OF_FORCE_SHARE_SLICE = ("upper(area_code)", "measure", "counted_unit", "ethnic_group")
ALLEGATION_SLICE = ("complainant_group", "officer_group")  # 'All' in one of them: the view by the other
PUBLISHED_CODE = "lower(regexp_replace(btrim({}), '[^A-Za-z0-9]+', '_', 'g'))"  # macro published_code, over the mart
LEAVER_SLICE = tuple(PUBLISHED_CODE.format(column) if column != "characteristic" else column
                     for column in ("workforce_type_code", "characteristic", "group_code", "leaver_reason_code"))
VETTING_SLICE = (PUBLISHED_CODE.format("applicant_type_code"), "characteristic", PUBLISHED_CODE.format("group_code"))
FUNNEL_SLICE = (PUBLISHED_CODE.format("target_rank_grade_code"), "process_id", PUBLISHED_CODE.format("stage_code"),
                "characteristic", PUBLISHED_CODE.format("group_code"))
PROMOTION_SLICE = (PUBLISHED_CODE.format("rank_grade_code"), PUBLISHED_CODE.format("promotion_type"), "characteristic",
                   PUBLISHED_CODE.format("group_code"))
DISCRIMINATION_SLICE = ("upper(discrimination_characteristic_code)", "complainant_group")


@dataclass(frozen=True)
class PublishedCount:
    """A count column of a published table. A cell is (kind, period_type, period_start, *slice): the same kind and
    slice in two tables is the same count. The exact mart is marts.mart_<table>, the perturbed one
    marts.mart_<table>_perturbed."""

    table: str
    column: str
    status: str  # the status column saying why the count is null (of the rate, where the count has none)
    slice: tuple[str, ...]  # SQL over the published table; over the marts, area and basis are as written there
    totals: tuple[tuple[int, str], ...]  # slice positions holding a total of their other values, and its label
    part_of: str | None = None  # the count counts a subset of this count's records
    kind: str = ""
    period: tuple[str, str] = PERIOD  # SQL for the period's type and start
    sparse: bool = False  # the table has rows only where it counted something: a row it does not publish is a 0

    @property
    def name(self) -> str:
        return self.kind or self.column

    def mart_slice(self) -> tuple[str, ...]:
        return tuple(re.sub(r"upper\((\w+)\)", r"\1", column).replace("replace(ethnicity_basis, '_', '-')", "ethnicity_basis")
                     for column in self.slice)


STOP_SEARCH_TOTALS = ((0, "FORCE"), (1, "All"))
PUBLISHED_COUNTS = (
    PublishedCount("stop_search_disproportionality", "searches", "rate_status", STOP_SEARCH_SLICE, STOP_SEARCH_TOTALS),
    PublishedCount("stop_search_outcomes", "searches", "searches_status", OUTCOME_SLICE, STOP_SEARCH_TOTALS),
    *(PublishedCount("stop_search_outcomes", column, f"{share}_share_status", OUTCOME_SLICE, STOP_SEARCH_TOTALS,
                     part_of="searches")
      for column, share in (("searches_finding_object", "find"), ("searches_ending_in_arrest", "arrest"),
                            ("searches_removing_more_than_outer_clothing", "more_than_outer_clothing"))),
    PublishedCount("custody_rates", "detentions", "rate_status", CUSTODY_SLICE, ((0, "FORCE"), (1, "All"))),
    PublishedCount("custody_duration", "detentions", "hours_status", CUSTODY_SLICE, ()),  # the same counts
    PublishedCount("custody_outcomes", "eligible_detentions", "share_status", CUSTODY_OUTCOME_SLICE, ((1, "All"),)),
    PublishedCount("custody_outcomes", "decision_events", "share_status", CUSTODY_OUTCOME_SLICE, ((1, "All"),),
                   part_of="eligible_detentions"),
    *(PublishedCount("use_of_force_rates", column, "rate_status", USE_OF_FORCE_SLICE, ((0, "FORCE"),))
      for column in ("subjects", "incidents", "reports")),
    PublishedCount("use_of_force_shares", "units_counted", "share_status", USE_OF_FORCE_SHARE_SLICE, ()),
    PublishedCount("use_of_force_shares", "units_with_measure", "share_status", USE_OF_FORCE_SHARE_SLICE, (),
                   part_of="units_counted"),
    PublishedCount("complaints", "cases", "null", ("basis", "ethnic_group"), (), period=FINANCIAL_YEAR),
    PublishedCount("leavers", "leavers", "null", LEAVER_SLICE, ((3, "all"),), period=FINANCIAL_YEAR),
    *(PublishedCount("vetting", column, "null", VETTING_SLICE, ((0, "all"),), part_of=column != "applications" and "applications" or None,
                     period=FINANCIAL_YEAR, sparse=True)
      for column in ("applications", "granted", "refused", "withdrawn")),
    *(PublishedCount("promotion", column, "null", PROMOTION_SLICE, ((0, "all"),), part_of=within, period=FINANCIAL_YEAR,
                     sparse=True)
      for column, within in (("eligible_pool", None), ("promoted", "eligible_pool"))),
    *(PublishedCount(f"{process}_funnel", column, "null", FUNNEL_SLICE, ((1, "ALL"),),
                     part_of=column != "entered" and f"{process} entered" or None, kind=f"{process} {column}",
                     period=FINANCIAL_YEAR, sparse=True)
      for process in ("recruitment", "promotion") for column in ("entered", "passed", "failed", "withdrawn")),
    *(PublishedCount("allegation_outcomes", column, "null", ALLEGATION_SLICE, ((0, "All"), (1, "All")), part_of=within,
                     period=FINANCIAL_YEAR, sparse=True)
      for column, within in (("allegations", None), ("with_finding", "allegations"), ("upheld", "with_finding"),
                             ("without_investigation", "allegations"))),
    *(PublishedCount("discrimination_allegations", column, "null", DISCRIMINATION_SLICE, ((1, "All"),),
                     part_of=within and f"discrimination_{within}", kind=f"discrimination_{column}", period=FINANCIAL_YEAR,
                     sparse=True)
      for column, within in (("allegations", None), ("with_finding", "allegations"), ("upheld", "with_finding"))),
)


def months(period_type: str, start: date) -> list[date]:
    return [date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1)
            for i in range(MONTHS_IN[period_type])]


def relations_of(published: PublishedCount, own, cells, broad_of_detailed: dict[str, str]) -> list[Relation]:
    """Every total of the count (its cells `own`, of all the published `cells`) with its parts, where all of them are
    published, and a count of a subset with the count it is part of (the rest of the records an unpublished cell)."""
    values = defaultdict(set)
    detailed = defaultdict(set)
    for cell in own:
        for position, _ in published.totals:
            values[position].add(cell[3 + position])
        if published.table.startswith("stop_search") and cell[6] == "detailed":
            detailed[broad_of_detailed[cell[7]]].add(cell[7])
    relations = []
    for cell in own:
        kind, period_type, start, *slice_ = cell
        for position, total in published.totals:
            if slice_[position] == total:
                relations.append(Relation(cell, tuple(
                    (kind, period_type, start, *slice_[:position], value, *slice_[position + 1:])
                    for value in sorted(values[position] - {total}))))
        if detailed and slice_[3] == "broad" and slice_[2] == "self-defined" and detailed.get(slice_[4]):
            relations.append(Relation(cell, tuple((kind, period_type, start, *slice_[:3], "detailed", code)
                                                  for code in sorted(detailed[slice_[4]]))))
        if period_type in MONTHS_IN:
            relations.append(Relation(cell, tuple((kind, "month", month, *slice_)
                                                  for month in months(period_type, start))))
        if published.part_of:
            relations.append(Relation((published.part_of, *cell[1:]), (cell, ("rest of " + kind, *cell[1:]))))
    if published.sparse:
        relations = [Relation(relation.total, tuple(part for part in relation.parts if part in cells))
                     for relation in relations]
    return [relation for relation in relations if relation.parts and all(part in cells for part in relation.parts)]


def attack_on(url: str) -> dict:
    """The attack on a warehouse's published counts, scored against its marts."""
    threshold = Settings.from_env().suppression_threshold
    known, truth, published_truth = {}, {}, {}
    for published in PUBLISHED_COUNTS:
        columns = ", ".join(published.period + published.slice)
        for *cell, value, why in query(url, f"select {columns}, {published.column}, {published.status} "
                                            f"from reporting.{published.table}"):
            key = (published.name, *cell)
            low, high = (value, value) if value is not None else (0, 0) if why == "not_applicable" else (0, threshold - 1)
            if key in known:  # published in two tables: the attacker takes what both say
                low, high = max(low, known[key][0]), min(high, known[key][1])
                assert low <= high, f"the tables publish {key} differently"
            known[key] = (low, high)
        columns = ", ".join(published.period + published.mart_slice())
        for suffix, values in (("", truth), ("_perturbed", published_truth)):
            values |= {(published.name, *cell): value for *cell, value in query(
                url, f"select {columns}, {published.column} from marts.mart_{published.table}{suffix}")}
    by_kind = defaultdict(list)  # the published counts' cells by their kind (a cell's first value)
    for cell in known:
        by_kind[cell[0]].append(cell)
    for published in (published for published in PUBLISHED_COUNTS if published.part_of):
        for cell in by_kind[published.name]:
            rest = ("rest of " + published.name, *cell[1:])
            known[rest] = (0, 10**9)
            for values in (truth, published_truth):
                values[rest] = values[(published.part_of, *cell[1:])] - values[cell]
    broad_of_detailed = dict(query(url, "select ethnic_group_code, broad_ethnic_group from staging.ethnic_groups"))
    relations = list(dict.fromkeys(relation for published in PUBLISHED_COUNTS
                                   for relation in relations_of(published, by_kind[published.name], known,
                                                                broad_of_detailed)))
    sound = [relation for relation in relations if holds(relation, published_truth)]
    protected, pinned, found = (
        [cell for cell in cells if not cell[0].startswith("rest of ")]  # scored: the published counts
        for cells in recovered_through_perturbation(known, sound, truth, published_truth, PERTURBATION_TABLE))
    print(f"differencing attack on {', '.join(sorted({published.table for published in PUBLISHED_COUNTS}))}: "
          f"{len(known)} cells, {len(sound)} totals tried ({len(relations) - len(sound)} that do not add up left "
          f"out); of {len(protected)} cells with a true count of 1-9, {len(pinned)} have their published "
          f"(perturbed) value worked out and {len(found)} their true value")
    return {"url": url, "known": known, "by_kind": by_kind, "truth": truth, "published_truth": published_truth,
            "relations": relations, "sound": sound, "protected": protected, "pinned": pinned, "found": found}


@pytest.fixture(scope="module")
def attack(all_sources_night):
    return attack_on(all_sources_night["url"])


def test_the_attack_reads_every_published_count_against_its_exact_and_its_perturbed_value(attack):
    assert set(attack["known"]) <= set(attack["truth"]) == set(attack["published_truth"])
    protected = set(attack["protected"])
    for published in PUBLISHED_COUNTS:
        own = [cell for cell in attack["by_kind"][published.name] if attack["truth"][cell] > 0]
        moved = sum(attack["truth"][cell] != attack["published_truth"][cell] for cell in own)
        assert moved > len(own) / 3, published  # most published counts of records are not their true values
        if any(cell[1] == "month" for cell in own):  # and many of those published by month are small
            assert sum(cell in protected for cell in own) > 100, published


def test_every_total_adds_up_its_published_parts_so_the_attack_tries_every_kind(attack):
    true_but_not_published = [relation for relation in attack["relations"] if holds(relation, attack["truth"])
                              and not holds(relation, attack["published_truth"])]
    assert true_but_not_published == []
    kinds = defaultdict(int)
    for relation in attack["sound"]:
        total, first = relation.total, relation.parts[0]
        differs = [index for index, (mine, theirs) in enumerate(zip(total, first)) if mine != theirs]
        kinds[(total[0], differs[0])] += 1  # the count, and what the total adds up (0 the count, 1 the period, ...)
    assert min(kinds.values()) > 15 and len(kinds) >= 40, dict(kinds)


def test_no_cell_of_one_to_nine_comes_back(attack):
    assert attack["pinned"]  # differencing still works out perturbed values: the perturbation is what protects
    assert attack["found"] == []


def test_the_units_a_share_counts_are_the_numbers_their_own_table_publishes(attack):
    """The shares count subjects, reports and searches on the cells of the tables that publish them, so a unit count
    is the same perturbed number in both tables: two different numbers would be two views of one true count."""
    [(rows, differ)] = query(attack["url"], """
        select count(*), count(*) filter (where shares.units_counted is distinct from units.published)
        from reporting.use_of_force_shares as shares
        inner join (
            select period_type, period_start, area_code, ethnic_group, 'subjects' as counted_unit, subjects as published
            from reporting.use_of_force_rates
            union all
            select period_type, period_start, area_code, ethnic_group, 'reports', reports
            from reporting.use_of_force_rates
            union all
            select period_type, period_start, area_code, ethnic_group, 'stop_searches', searches
            from reporting.stop_search_disproportionality
            where legislation_group = 'All' and ethnicity_basis = 'officer_defined' and ethnicity_level = 'broad'
        ) as units using (period_type, period_start, area_code, ethnic_group, counted_unit)""")
    assert rows > 100 and differ == 0, (rows, differ)


def test_a_months_submitted_searches_are_the_force_total_the_not_stated_shares_are_published_from(attack):
    [(months, differ)] = query(attack["url"], """
        select count(*), count(*) filter (where submissions.searches is distinct from totals.all_searches)
        from reporting.stop_search_submissions as submissions
        inner join (
            select distinct period_start, all_searches from marts.mart_stop_search_disproportionality_perturbed
            where period_type = 'month' and area_code = 'FORCE' and legislation_group = 'All'
              and ethnicity_basis = 'self-defined' and ethnicity_level = 'broad'
        ) as totals on totals.period_start = submissions.month_start
        where not submissions.is_missing""")
    [(moved,)] = query(attack["url"], """
        select count(*) from reporting.stop_search_submissions as published
        inner join marts.mart_stop_search_submissions as exact using (month_start)
        where published.searches <> exact.searches""")
    assert months > 10 and differ == 0 and moved > months / 3, (months, differ, moved)


@pytest.mark.parametrize("table, part, whole, share, grain", [
    ("use_of_force_shares", "units_with_measure", "units_counted", "share", "period_type, period_start, measure, ethnic_group"),
    ("custody_outcomes", "decision_events", "eligible_detentions", "decision_share",
     "period_type, period_start, age_group, decision, ethnic_group"),
    ("allegation_outcomes", "upheld", "with_finding", "upheld_share",
     "financial_year_start, view, complainant_group, officer_group")])
def test_every_published_share_is_computed_from_the_published_counts(attack, table, part, whole, share, grain):
    [(rows, moved, off)] = query(attack["url"], f"""
        select count(*),
               count(*) filter (where published.{part} <> exact.{part}),
               count(*) filter (where published.{share} <> round(published.{part}::numeric / published.{whole}, 3))
        from reporting.{table} as published
        inner join marts.mart_{table} as exact using ({grain})
        where published.{share} is not null""")
    assert rows > 20 and moved > rows / 3 and off == 0, (rows, moved, off)


@pytest.mark.parametrize("table, count, slice_", [
    ("stop_search_disproportionality", "searches", "legislation_group, ethnicity_basis, ethnicity_level, ethnic_group"),
    ("custody_rates", "detentions", "age_group, ethnic_group"),
    ("use_of_force_rates", "subjects", "ethnic_group")])
def test_every_published_rate_and_ratio_is_computed_from_the_published_counts(attack, table, count, slice_):
    same_slice = " and ".join(f"exact.{column} = published.{column}" for column in slice_.split(", "))
    [(rows, moved, off)] = query(attack["url"], f"""
        select count(*),
               count(*) filter (where published.{count} <> exact.{count}),
               count(*) filter (where published.rate_per_1000 <> round(1000.0 * published.{count} / published.population, 2)
                                   or published.rate_ratio <> round((published.{count}::numeric / published.population)
                                        / (published.reference_{count}::numeric / exact.reference_population), 2))
        from reporting.{table} as published
        inner join marts.mart_{table} as exact
            on exact.period_type = published.period_type and exact.period_start = published.period_start
            and lower(exact.area_code) = published.area_code
            and {same_slice.replace("exact.ethnicity_basis", "replace(exact.ethnicity_basis, '-', '_')")}
        where published.{count} is not null and published.reference_{count} is not null""")
    assert rows > 1000 and moved > rows / 3 and off == 0, (rows, moved, off)


def circumstance_attack_on(url: str) -> dict:
    """The attack on reporting.complaint_circumstances, whose counts are each perturbed by their own cell key: for
    every circumstance, a value's contacts (complaints) and all other contacts (their complaints) add up to the
    year's contacts (complaints) of the kind, and so do the values' counts. Unperturbed, the year's total is read off
    any row whose two counts are published, and a suppressed count is that total less its published complement."""
    threshold = Settings.from_env().suppression_threshold
    published, truth, totals, relations = {}, {}, set(), []
    for source, values in (("reporting.complaint_circumstances", published),
                           ("marts.mart_complaint_circumstances", truth)):
        for *cell, contacts, complaints, other_contacts, other_complaints in query(
                url, "select financial_year_start, upper(contact_type), circumstance, value, contacts, complaints, "
                     f"other_contacts, other_complaints from {source}"):
            for count, value, other in (("contacts", contacts, other_contacts), ("complaints", complaints, other_complaints)):
                values[(count, *cell)], values[("other " + count, *cell)] = value, other
    parts_of = defaultdict(list)
    for count, year, contact_type, circumstance, value in [cell for cell in published if not cell[0].startswith("other")]:
        total = ("all " + count, year, contact_type)
        totals.add(total)
        truth[total] = truth[(count, year, contact_type, circumstance, value)] + truth[("other " + count, year, contact_type, circumstance, value)]
        relations.append(Relation(total, ((count, year, contact_type, circumstance, value),
                                          ("other " + count, year, contact_type, circumstance, value))))
        parts_of[(total, circumstance)].append((count, year, contact_type, circumstance, value))
    relations += [Relation(total, tuple(parts)) for (total, _), parts in parts_of.items()]
    protected, pinned = recovered_through_bounded_noise(published, sorted(totals, key=str), relations, truth,
                                                        PERTURBATION_TABLE, threshold)
    print(f"differencing attack on complaint_circumstances: {len(published)} counts, {len(relations)} totals; "
          f"of {len(protected)} cells with a true count of 1-9, {len(pinned)} have their true value worked out")
    return {"published": published, "truth": truth, "protected": protected, "pinned": pinned}


@pytest.fixture(scope="module")
def circumstance_attack(all_sources_night):
    return circumstance_attack_on(all_sources_night["url"])


def moved_of_shown(attack: dict) -> tuple[int, int]:
    """How many of a bounded-noise attack's published counts differ from their truth, and how many are shown above 0."""
    published, truth = attack["published"], attack["truth"]
    return (sum(value is not None and value != truth[cell] for cell, value in published.items()),
            sum(value is not None and value > 0 for value in published.values()))


def test_a_circumstance_count_cannot_be_worked_out_from_its_complement(circumstance_attack):
    moved, shown = moved_of_shown(circumstance_attack)
    assert moved > shown / 3  # each count, the complements too, carries its own noise
    assert len(circumstance_attack["protected"]) > 20 and circumstance_attack["pinned"] == []


WORKFORCE_SLICE = "month_end, upper(workforce_type_code), breakdown, breakdown_value"
WORKFORCE_BREAKDOWNS = ("rank_group", "department_type", "local_policing_unit")
WORKFORCE_MONTHS = 4  # month ends attacked (the last ones): a stock's totals never cross months, so each is alike


def workforce_attack_on(url: str) -> dict:
    """The attack on reporting.workforce_representation, a stock whose every count (a group's headcount, its slice's
    total and disclosed total) is perturbed by its own cell key: it adds up what the table documents, on the true
    counts: a slice's total is the sum of its groups of each characteristic and its disclosed total the sum of its
    disclosed groups, and the force's count of a group is the sum of the group's counts over the rank groups, over
    the department types and over the LPUs. Month ends are independent (a stock is not a sum of months), so the
    last WORKFORCE_MONTHS of them are attacked."""
    threshold = Settings.from_env().suppression_threshold
    [(first_month_end,)] = query(url, "select min(month_end) from (select distinct month_end from "
                                      f"reporting.workforce_representation order by 1 desc limit {WORKFORCE_MONTHS}) as last")
    published, truth, relations = {}, {}, []
    disclosed_groups = set()
    for source, values in (("reporting.workforce_representation", published),
                           ("marts.mart_workforce_representation", truth)):
        for *slice_, characteristic, group, is_disclosed, headcount, total, disclosed in query(
                url, f"select {WORKFORCE_SLICE}, characteristic, {PUBLISHED_CODE.format('group_code')}, is_disclosed, headcount, "
                     f"total_headcount, disclosed_headcount from {source} where month_end >= %s", first_month_end):
            slice_ = tuple(slice_)
            values[("headcount", *slice_, characteristic, group)] = headcount
            values[("total", *slice_)] = total
            values[("disclosed", *slice_, characteristic)] = disclosed
            if is_disclosed:
                disclosed_groups.add((characteristic, group))
    groups_of, values_of = defaultdict(list), defaultdict(set)
    for kind, month_end, workforce_type, breakdown, value, *rest in published:
        if kind == "headcount":
            groups_of[(month_end, workforce_type, breakdown, value, rest[0])].append(rest[1])
            values_of[(month_end, workforce_type, breakdown)].add(value)
    for (month_end, workforce_type, breakdown, value, characteristic), groups in groups_of.items():
        slice_ = (month_end, workforce_type, breakdown, value)
        relations.append(Relation(("total", *slice_), tuple(("headcount", *slice_, characteristic, group) for group in groups)))
        relations.append(Relation(("disclosed", *slice_, characteristic), tuple(
            ("headcount", *slice_, characteristic, group) for group in groups if (characteristic, group) in disclosed_groups)))
        if breakdown == "force":
            for part_breakdown in WORKFORCE_BREAKDOWNS:
                parts = [(month_end, workforce_type, part_breakdown, part) for part in values_of[(month_end, workforce_type, part_breakdown)]]
                relations.append(Relation(("total", *slice_), tuple(("total", *part) for part in parts)))
                relations += [Relation(("headcount", *slice_, characteristic, group),
                                       tuple(("headcount", *part, characteristic, group) for part in parts))
                              for group in groups]
    sound = [relation for relation in relations if relation.parts and all(part in published for part in relation.parts)
             and holds(relation, truth)]
    protected, pinned = recovered_through_bounded_noise(published, [], sound, truth, PERTURBATION_TABLE, threshold)
    print(f"differencing attack on workforce_representation (month ends from {first_month_end}): "
          f"{len(published)} counts, {len(sound)} totals "
          f"({len(relations) - len(sound)} that do not add up in the exact mart left out); of {len(protected)} cells "
          f"with a true count of 1-9, {len(pinned)} have their true value worked out")
    return {"published": published, "truth": truth, "relations": relations, "sound": sound,
            "protected": protected, "pinned": pinned}


@pytest.fixture(scope="module")
def workforce_attack(all_sources_night):
    return workforce_attack_on(all_sources_night["url"])


def test_a_workforce_stock_cannot_be_worked_out_from_its_totals(workforce_attack):
    moved, shown = moved_of_shown(workforce_attack)
    assert moved > shown / 3
    assert len(workforce_attack["sound"]) > len(workforce_attack["relations"]) * 0.9  # the documented totals hold
    assert len(workforce_attack["protected"]) > 500 and workforce_attack["pinned"] == []


RECRUITMENT_TARGET_COUNTS = ("recruits", "ethnic_minority_recruits")


def recruitment_target_attack_on(url: str) -> dict:
    """The attack on reporting.recruitment_target: a month's count is its running total less the month before's
    (the first month's total is its count), so with suppression alone a small month is two published totals apart.
    The totals are sums of the perturbed months, so the attack works on perturbed values and is scored through the
    perturbation table."""
    threshold = Settings.from_env().suppression_threshold
    columns = ", ".join(("month_start", *RECRUITMENT_TARGET_COUNTS, *(f"{count}_to_date" for count in RECRUITMENT_TARGET_COUNTS)))
    names = (*RECRUITMENT_TARGET_COUNTS, *(f"{count} to date" for count in RECRUITMENT_TARGET_COUNTS))
    known, truth, published_truth = {}, {}, {}
    for source, values in (("reporting.recruitment_target", known), ("marts.mart_recruitment_target", truth),
                           ("marts.mart_recruitment_target_perturbed", published_truth)):
        for month, *counts in query(url, f"select {columns} from {source}"):
            values |= {(name, month): count for name, count in zip(names, counts)}
    known = {cell: (value, value) if value is not None else (0, threshold - 1) for cell, value in known.items()}
    months = sorted({month for _, month in known})
    relations = []
    for count in RECRUITMENT_TARGET_COUNTS:
        relations.append(Relation((f"{count} to date", months[0]), ((count, months[0]),)))
        relations += [Relation((f"{count} to date", month), ((f"{count} to date", before), (count, month)))
                      for before, month in zip(months, months[1:])]
    protected, pinned, found = recovered_through_perturbation(known, relations, truth, published_truth, PERTURBATION_TABLE)
    print(f"differencing attack on recruitment_target: {len(known)} counts, {len(relations)} running totals; of "
          f"{len(protected)} cells with a true count of 1-9, {len(pinned)} have their published (perturbed) value "
          f"worked out and {len(found)} their true value")
    return {"relations": relations, "truth": truth, "published_truth": published_truth, "protected": protected,
            "pinned": pinned, "found": found}


def test_a_month_of_the_recruitment_target_is_not_two_running_totals_apart(all_sources_night):
    attack = recruitment_target_attack_on(all_sources_night["url"])
    assert all(holds(relation, attack["published_truth"]) for relation in attack["relations"])
    assert len(attack["relations"]) > 20 and attack["found"] == []


OVERSIGHT_PERIODS = 1  # the last periods of each type attacked: no published total crosses periods
OVERSIGHT_UNIT = "period_type, period_start, unit_level, unit_id, replace(ethnicity_basis, '_', '-')"
OVERSIGHT_OUTCOME_COUNTS = ("events", "find_events", "arrest_events", "more_than_outer_clothing_events",
                            "strip_search_events")
OVERSIGHT_BENCHMARKS = ("oversight_stop_search_benchmark", "oversight_use_of_force_benchmark")


def oversight_attack_on(url: str) -> dict:
    """The attack on the oversight tables below force level, whose every count of a period is perturbed by its own
    cell key: in oversight_stop_search_outcomes a unit's 'All' is the sum of its groups, and the searches a measure
    holds for are part of the searches; in each benchmark a group's observed events are part of the unit's events.
    The relations are read on the true counts; a part's rest is a total nobody publishes. Periods are independent
    (no period of these tables is published as a sum of others), so the last OVERSIGHT_PERIODS of each type are
    attacked."""
    threshold = Settings.from_env().suppression_threshold
    published, truth, relations, rests = {}, {}, [], []
    tables = [("oversight_stop_search_outcomes", "event_group", OVERSIGHT_OUTCOME_COUNTS)] + [
        (table, "ethnic_group", ("events", "observed")) for table in OVERSIGHT_BENCHMARKS]
    for table, group, counts in tables:
        last = (f"period_start in (select distinct period_start from reporting.{table} as latest where "
                f"latest.period_type = {table}.period_type order by 1 desc limit {OVERSIGHT_PERIODS})")
        for source, values in ((f"reporting.{table}", published), (f"marts.mart_{table}", truth)):
            unit = OVERSIGHT_UNIT if source.startswith("reporting") else OVERSIGHT_UNIT.replace(
                "replace(ethnicity_basis, '_', '-')", "ethnicity_basis")
            for row in query(url, f"select {unit}, {group}, {', '.join(counts)} from {source} as {table} where {last}"):
                values |= {(f"{table} {count}", *row[:6]): value for count, value in zip(counts, row[6:])}
    groups_of = defaultdict(list)
    for kind, *cell in list(published):
        table, count = kind.split(" ")
        if table == "oversight_stop_search_outcomes" and cell[-1] != "All":
            groups_of[(kind, *cell[:-1])].append((kind, *cell))
        if count != "events":  # a part of the events: the rest is a total nobody publishes
            whole, rest = (f"{table} events", *cell), (f"rest of {kind}", *cell)
            truth[rest] = truth[whole] - truth[(kind, *cell)]
            rests.append(rest)
            relations.append(Relation(whole, ((kind, *cell), rest)))
    relations += [Relation((kind, *unit, "All"), tuple(parts)) for (kind, *unit), parts in groups_of.items()
                  if (kind, *unit, "All") in published]
    sound = [relation for relation in relations if holds(relation, truth)]
    protected, pinned = recovered_through_bounded_noise(published, rests, sound, truth, PERTURBATION_TABLE, threshold)
    print(f"differencing attack on {', '.join(table for table, _, _ in tables)} (last {OVERSIGHT_PERIODS} periods "
          f"of each type): {len(published)} counts, {len(sound)} totals ({len(relations) - len(sound)} that do not "
          f"add up in the exact marts left out); of {len(protected)} cells with a true count of 1-9, {len(pinned)} "
          f"have their true value worked out")
    return {"published": published, "truth": truth, "relations": relations, "sound": sound, "protected": protected,
            "pinned": pinned}


def test_a_small_count_of_a_team_or_location_cannot_be_worked_out_from_its_totals(all_sources_night):
    attack = oversight_attack_on(all_sources_night["url"])
    moved, shown = moved_of_shown(attack)
    assert moved > shown / 3  # each count of a period carries its own noise
    assert len(attack["sound"]) == len(attack["relations"]) > 1000  # 'All' adds up its groups, a part is within its whole
    assert len(attack["protected"]) > 500 and attack["pinned"] == []
