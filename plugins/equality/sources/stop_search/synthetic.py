"""Synthetic nightly stop-and-search extracts for West Midlands Police, with known injected disparities.

The generator writes files in the force's internal extract format (see ``FORCE_STOP_SEARCH_COLUMNS``) so the
pipeline can be exercised end to end against a truth we chose: searches per (local policing unit, broad ethnic
group) are Poisson draws around ``population x baseline rate x rate ratio``, and outcomes, find rates and
more-than-outer-clothing searches are drawn with per-group shares. A test can then assert that the warehouse's
disparity marts recover the scenario's ratios within Poisson noise.

Everything coded (local policing units, ethnicity codes, legislation, objects, outcomes, sex) and the census
populations are read from the dbt seeds at run time; nothing from the seeds is copied into this module.

Determinism: each extract period draws from its own random stream derived from ``(seed, year, month, day)``, so
the same scenario always produces byte-identical files, and a period's rows do not depend on which other periods
were generated (apart from the running ``record_id`` sequence). Memory is bounded: rows are produced and written
in batches of at most ``BATCH_ROWS`` rows (a single day is never split).

Usage::

    from datetime import date
    from equality.sources.stop_search.synthetic import Scenario, generate

    extract = generate(Scenario(seed=7, start=date(2023, 1, 1), end=date(2023, 12, 31)), "landing/")
    extract.files          # [.../stop_search_2023-01-31.csv, ...]
    extract.truth.rate_ratio("Black")   # 3.0, the injected Black/White ratio
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta, timezone
from pathlib import Path
from types import MappingProxyType
from typing import Literal
from zoneinfo import ZoneInfo

import numpy as np

from equality.sources.stop_search.contracts import FORCE_STOP_SEARCH
from equality.sources.synthetic_toolkit import (BATCH_ROWS, BROAD_GROUPS, DAYS_PER_YEAR, DEFAULT_SEEDS_DIR,
                                                ForcePeople, GeneratedByContract, YearMonth, by_group, cumulative,
                                                expected_rate_ratio, headers, is_true, load_force_people, padded_ids,
                                                periods, pick, read_seed, replacing, require, sort_key)

FORCE_STOP_SEARCH_COLUMNS: tuple[str, ...] = headers(FORCE_STOP_SEARCH)
"""The force extract's header, in order: the contract's."""

WRITE_ROWS = 20_000

# Share of searches with a positive (not 'no further action') outcome whose outcome is linked to the object of
# search; with the find rate this fixes the share of positive outcomes (find rate 0.28 -> 33% positive).
LINKED_SHARE_OF_POSITIVE = 0.85

OFFICER_OBSERVED_UNKNOWN_SHARE = 0.03

LEGISLATION_MIX: Mapping[str, float] = MappingProxyType({
    "MDA_S23": 0.58, "PACE_S1": 0.33, "CJPOA_S60": 0.05, "FIREARMS_S47": 0.04,
})
OBJECT_BY_LEGISLATION: Mapping[str, Mapping[str, float]] = MappingProxyType({
    "MDA_S23": {"CONTROLLED_DRUGS": 1.0},
    "CJPOA_S60": {"OFFENSIVE_WEAPONS": 1.0},
    "FIREARMS_S47": {"FIREARMS": 1.0},
    "PACE_S1": {"OFFENSIVE_WEAPONS": 0.40, "STOLEN_GOODS": 0.30, "ARTICLES_FOR_THEFT": 0.20,
                "ARTICLES_FOR_CRIMINAL_DAMAGE": 0.10},
})
# How positive outcomes other than arrest are split (codes checked against outcomes.csv).
OTHER_OUTCOME_MIX: Mapping[str, float] = MappingProxyType({
    "COMMUNITY_RESOLUTION": 0.40, "KHAT_CANNABIS_WARNING": 0.25, "SUMMONS": 0.20, "PENALTY_NOTICE": 0.08,
    "CAUTION": 0.07,
})
AGE_BLANK_SHARE = 0.003
# Searches by hour of day (local time is ignored: timestamps are UTC), quiet before dawn, busy in the evening.
HOUR_WEIGHTS = (4, 3, 2, 1.5, 1, 1, 1.5, 2, 3, 4, 5, 6, 6, 6, 7, 8, 9, 10, 10, 10, 9, 8, 7, 5)

# Where each local policing unit's searches fall: a box well inside the local authority (centre latitude,
# centre longitude, half-height, half-width in degrees) cut into a grid whose cells are the neighbourhoods.
LPU_GEOGRAPHY: Mapping[str, tuple[float, float, float, float, int, int]] = MappingProxyType({
    "BIR": (52.480, -1.890, 0.045, 0.075, 6, 6),
    "COV": (52.408, -1.510, 0.025, 0.045, 4, 4),
    "DUD": (52.490, -2.110, 0.030, 0.040, 4, 3),
    "SAN": (52.505, -2.010, 0.025, 0.035, 4, 3),
    "SOL": (52.415, -1.775, 0.025, 0.035, 3, 3),
    "WAL": (52.586, -1.982, 0.025, 0.035, 4, 3),
    "WOL": (52.586, -2.128, 0.022, 0.030, 4, 3),
})

# Oversight truth (Scenario.outlier_*, case_mix_team_*): the force-wide team that differs only by case mix, its
# officers, and the UTC hours night_weight_by_group weighs.
CASE_MIX_TEAM = "FORCE-TSG-1"
CASE_MIX_OFFICERS = 12
NIGHT_UTC_HOURS = frozenset((23, 0, 1, 2, 3, 4, 5, 6))
LONDON = ZoneInfo("Europe/London")

DEFAULT_RATE_RATIOS = MappingProxyType({"Black": 3.0, "Asian": 1.4, "Mixed": 1.8, "Other": 1.2, "White": 1.0})
DEFAULT_FIND_RATES = MappingProxyType({"White": 0.28, "Black": 0.22, "Asian": 0.26, "Mixed": 0.26, "Other": 0.26})
DEFAULT_ARREST_SHARES = MappingProxyType({"White": 0.13, "Black": 0.12, "Asian": 0.13, "Mixed": 0.13,
                                          "Other": 0.13})
DEFAULT_MORE_THAN_OUTER = MappingProxyType({"White": 0.03, "Black": 0.06, "Asian": 0.04, "Mixed": 0.05,
                                            "Other": 0.04})


@dataclass(frozen=True)
class Scenario:
    """What the synthetic force did, i.e. the truth the warehouse should recover.

    seed: makes the run reproducible (same scenario -> byte-identical files).
    start, end: the first and last day searched (inclusive).
    census_year: which census in ``census_population.csv`` supplies the populations.
    searches_per_1000_white_per_year: the baseline rate; a group's rate is this times its ratio.
    rate_ratios: search rate of each broad group relative to White; groups not given keep the default.
    lpu_rate_ratios: per local policing unit overrides of ``rate_ratios`` (``{"BIR": {"Black": 5.0}}``).
    not_stated_share: share of searches recorded with self-defined 'NS', drawn independently of the group so the
        stated rows still give unbiased ratios.
    find_rate_by_group: share of searches whose outcome is linked to the object of search (the 'outcome test').
    arrest_share_by_group: share of searches ending in arrest. Positive outcomes (not 'no further action') are
        ``max(find rate / LINKED_SHARE_OF_POSITIVE, arrest share)`` of searches; those not arrests are split
        by ``OTHER_OUTCOME_MIX``.
    more_than_outer_share_by_group: share of searches with more than outer clothing removed.
    strip_search_share_of_more_than_outer: of those, the share that were strip searches.
    file_period: one file per calendar month ("month") or per day ("day").
    missing_months: months (year, month) for which no file is delivered (the searches still happened).
    partial_months: months whose files keep only this fraction of their rows (a partial submission).

    Oversight below force level (the internal benchmark's truth; none of these changes a default scenario's files):
    outlier_officers: this many officers (busy ones of the LPU with the largest Black population, outside the outlier
        teams) search Black people ``outlier_officer_ratio`` times as often as their peers working the same LPU, month
        and shift would: each of their searches of a Black person comes with, on average, ratio - 1 more (at the same
        time and place), so their peers' searches are untouched. ``outlier_teams`` teams (a middling team of each of
        the LPUs with the largest Black populations) likewise, every officer of the team at ``outlier_team_ratio``.
    night_weight_by_group: the weight of the night hours (23:00-06:59 UTC) in a group's time of search, relative to
        the day's (``{"Black": 2.0}``: everyone searches Black people more at night).
    case_mix_team_lpus: a force-wide team (``CASE_MIX_TEAM``, officers of its own) making ``case_mix_team_share`` of
        the night-shift searches (Europe/London 23:00-06:59) of these LPUs, whoever is searched: its raw Black share
        is high only through where and when it works, and it must not be flagged.
    """

    seed: int
    start: date
    end: date
    census_year: int = 2021
    searches_per_1000_white_per_year: float = 3.0
    rate_ratios: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_RATE_RATIOS))
    lpu_rate_ratios: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    not_stated_share: float = 0.08
    find_rate_by_group: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_FIND_RATES))
    arrest_share_by_group: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_ARREST_SHARES))
    more_than_outer_share_by_group: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_MORE_THAN_OUTER))
    strip_search_share_of_more_than_outer: float = 0.5
    file_period: Literal["month", "day"] = "month"
    missing_months: frozenset[YearMonth] = frozenset()
    partial_months: Mapping[YearMonth, float] = field(default_factory=dict)
    outlier_officers: int = 0
    outlier_officer_ratio: float = 3.0
    outlier_teams: int = 0
    outlier_team_ratio: float = 2.0
    night_weight_by_group: Mapping[str, float] = field(default_factory=dict)
    case_mix_team_lpus: tuple[str, ...] = ()
    case_mix_team_share: float = 0.3

    def __post_init__(self) -> None:
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731 (frozen dataclass)
        if not isinstance(self.seed, (int, np.integer)) or self.seed < 0:
            raise ValueError(f"seed must be a non-negative integer, not {self.seed!r}")
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if self.file_period not in ("month", "day"):
            raise ValueError(f"file_period must be 'month' or 'day', not {self.file_period!r}")
        if not self.searches_per_1000_white_per_year >= 0:
            raise ValueError("searches_per_1000_white_per_year must be >= 0")
        for name in ("not_stated_share", "strip_search_share_of_more_than_outer"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"{name} must be in [0, 1]")
        set_("rate_ratios", by_group("rate_ratios", self.rate_ratios, DEFAULT_RATE_RATIOS, share=False))
        set_("lpu_rate_ratios", MappingProxyType({
            lpu: by_group(f"lpu_rate_ratios[{lpu!r}]", ratios, self.rate_ratios, share=False)
            for lpu, ratios in self.lpu_rate_ratios.items()}))
        set_("find_rate_by_group", by_group("find_rate_by_group", self.find_rate_by_group, DEFAULT_FIND_RATES,
                                             share=True))
        set_("arrest_share_by_group", by_group("arrest_share_by_group", self.arrest_share_by_group,
                                                DEFAULT_ARREST_SHARES, share=True))
        set_("more_than_outer_share_by_group", by_group(
            "more_than_outer_share_by_group", self.more_than_outer_share_by_group, DEFAULT_MORE_THAN_OUTER,
            share=True))
        set_("missing_months", frozenset((int(y), int(m)) for y, m in self.missing_months))
        for (year, month), fraction in self.partial_months.items():
            if not 0 <= fraction <= 1:
                raise ValueError(f"partial_months[{(year, month)}] = {fraction} is not a fraction in [0, 1]")
        set_("partial_months", MappingProxyType({(int(y), int(m)): float(f)
                                                 for (y, m), f in self.partial_months.items()}))
        if self.outlier_officers < 0 or self.outlier_teams < 0:
            raise ValueError("outlier_officers and outlier_teams must be >= 0")
        if not (self.outlier_officer_ratio >= 1 and self.outlier_team_ratio >= 1):
            raise ValueError("outlier_officer_ratio and outlier_team_ratio must be >= 1")
        set_("night_weight_by_group", by_group("night_weight_by_group", self.night_weight_by_group,
                                                dict.fromkeys(BROAD_GROUPS, 1.0), share=False)
             if self.night_weight_by_group else MappingProxyType({}))
        set_("case_mix_team_lpus", tuple(self.case_mix_team_lpus))
        if not 0 <= self.case_mix_team_share <= 1:
            raise ValueError("case_mix_team_share must be in [0, 1]")

    def ratio(self, lpu_code: str, group: str) -> float:
        """The injected rate ratio vs White for a group in a local policing unit."""
        return self.lpu_rate_ratios.get(lpu_code, self.rate_ratios)[group]


@dataclass(frozen=True)
class OversightTruth:
    """Who was made to search Black people more than their peers, and the team different only by case mix.

    Officer ids are as written in the files (the warehouse holds their keyed hashes).
    outlier_officers, outlier_teams: the injected outliers.
    biased_officers: every officer whose searches were tilted (the outlier officers and the outlier teams' officers).
    teams_with_outlier_officers: teams holding an outlier officer (tilted through that officer, not injected).
    case_mix_team, case_mix_officers: the force-wide team working where and when more Black people are searched.
    officers, teams: every officer and team in the files.
    """

    outlier_officers: tuple[str, ...]
    outlier_teams: tuple[str, ...]
    biased_officers: frozenset[str]
    teams_with_outlier_officers: frozenset[str]
    case_mix_team: str | None
    case_mix_officers: tuple[str, ...]
    officers: tuple[str, ...]
    teams: tuple[str, ...]


@dataclass(frozen=True)
class Truth:
    """What was injected and what was drawn, per (lpu_code, broad group) of the person searched.

    expected_searches: the Poisson means over the whole scenario period, with the outliers' extra searches (the
        months delivered, given the officers their searches fell to).
    occurred_searches: the Poisson draws (all searches that happened, delivered or not; the outliers' extra
        searches not counted).
    delivered_searches: rows actually written (after missing and partial months), by true group; rows in the
        files show 'NS' for about ``not_stated_share`` of them.
    population: the census population used.
    """

    scenario: Scenario
    expected_searches: Mapping[tuple[str, str], float]
    occurred_searches: Mapping[tuple[str, str], int]
    delivered_searches: Mapping[tuple[str, str], int]
    population: Mapping[tuple[str, str], int]
    oversight: OversightTruth | None = None

    def rate_ratio(self, group: str, lpu_code: str | None = None) -> float:
        """The ratio of expected search rates per head, group vs White (force-wide when lpu_code is None)."""
        return expected_rate_ratio(self.expected_searches, self.population, group, lpu_code)


# --------------------------------------------------------------------------------------------------- reference


@dataclass(frozen=True)
class _Reference(ForcePeople):
    """The force area's people, and the codes of why people are searched and what came of it."""

    legislation_codes: np.ndarray
    legislation_cum: np.ndarray
    object_codes: np.ndarray
    object_cum: np.ndarray                 # (n_legislation, n_objects)
    arrest_code: str
    nfa_code: str
    other_outcome_codes: np.ndarray        # positive outcomes other than arrest
    other_outcome_cum: np.ndarray


def _load_reference(seeds_dir: Path, census_year: int) -> _Reference:
    people = load_force_people(seeds_dir, census_year)
    require(set(LPU_GEOGRAPHY), people.lpus, "LPU_GEOGRAPHY (add a box for the new local policing unit)")

    legislation = {row["legislation_code"] for row in read_seed(seeds_dir, "legislation.csv")}
    require(legislation, LEGISLATION_MIX, "legislation.csv")
    objects = {row["object_of_search_code"] for row in read_seed(seeds_dir, "object_of_search.csv")}
    object_codes = sorted({c for mix in OBJECT_BY_LEGISLATION.values() for c in mix})
    require(objects, object_codes, "object_of_search.csv")
    legislation_codes = list(LEGISLATION_MIX)

    outcomes = sorted(read_seed(seeds_dir, "outcomes.csv"), key=sort_key)
    arrests = [row["outcome_code"] for row in outcomes if is_true(row["is_arrest"])]
    nfas = [row["outcome_code"] for row in outcomes if is_true(row["is_no_further_action"])]
    if not arrests or not nfas:
        raise ValueError("outcomes.csv needs an arrest and a no-further-action outcome")
    require({row["outcome_code"] for row in outcomes
             if not is_true(row["is_arrest"]) and not is_true(row["is_no_further_action"])},
            OTHER_OUTCOME_MIX, "outcomes.csv (positive outcomes other than arrest)")

    return _Reference(
        **vars(people),
        legislation_codes=np.array(legislation_codes),
        legislation_cum=cumulative(np.array(list(LEGISLATION_MIX.values()))),
        object_codes=np.array(object_codes),
        object_cum=cumulative(np.array([[OBJECT_BY_LEGISLATION[l].get(o, 0.0) for o in object_codes]
                                        for l in legislation_codes])),
        arrest_code=arrests[0],
        nfa_code=nfas[0],
        other_outcome_codes=np.array(list(OTHER_OUTCOME_MIX)),
        other_outcome_cum=cumulative(np.array(list(OTHER_OUTCOME_MIX.values()))),
    )


# --------------------------------------------------------------------------------------------------- the force


@dataclass(frozen=True)
class _Force:
    """The force's fixed structure for a seed: neighbourhood hotspots and officers (with their teams)."""

    cell_cum: list[np.ndarray]             # per lpu: cumulative weights over grid cells
    officer_cum: list[np.ndarray]          # per lpu: cumulative weights over its officers
    officer_offset: np.ndarray             # per lpu: index of its first officer
    officer_ids: np.ndarray                # all officers
    officer_teams: np.ndarray


def _build_force(seed: int, reference: _Reference) -> _Force:
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(0,)))
    cell_cum, officer_cum, offsets, teams, counts = [], [], [], [], []
    for i, lpu in enumerate(reference.lpus):
        rows, cols = LPU_GEOGRAPHY[lpu][4:]
        cell_cum.append(cumulative(rng.gamma(0.8, size=rows * cols)))
        n_officers = max(25, round(reference.population[i].sum() / 8000))
        officer_cum.append(cumulative(rng.gamma(0.6, size=n_officers)))
        offsets.append(sum(counts))
        counts.append(n_officers)
        n_npt = max(2, n_officers // 40)
        n_res = max(1, n_officers // 60)
        team_names = [f"{lpu}-NPT-{k}" for k in range(1, n_npt + 1)] + [f"{lpu}-RES-{k}" for k in range(1, n_res + 1)]
        teams.extend(rng.choice(team_names, size=n_officers))
    numbers = rng.choice(np.arange(10000, 100000), size=sum(counts), replace=False)
    return _Force(cell_cum=cell_cum, officer_cum=officer_cum, officer_offset=np.array(offsets),
                  officer_ids=np.array([f"WM{n:05d}" for n in numbers]), officer_teams=np.array(teams))


@dataclass(frozen=True)
class _Oversight:
    """How officers are picked when the scenario injects oversight truth; inactive (the default picks) otherwise."""

    officer_ids: np.ndarray                # the force's officers, then the case-mix team's
    officer_teams: np.ndarray
    black_ratio: np.ndarray | None         # per officer: how many times as many searches of Black people (outliers)
    hour_cum_by_group: np.ndarray | None   # (n_group, 24)
    case_mix_lpus: np.ndarray              # per lpu: whether the case-mix team works there
    case_mix_first: int                    # index of the case-mix team's first officer
    truth: OversightTruth | None


def _plan_oversight(scenario: Scenario, reference: _Reference, force: _Force) -> _Oversight:
    require(set(reference.lpus), scenario.case_mix_team_lpus, "case_mix_team_lpus")
    n_lpu, black = len(reference.lpus), BROAD_GROUPS.index("Black")
    hour_cum = None
    if scenario.night_weight_by_group:
        hour_cum = cumulative(np.array([[w * (scenario.night_weight_by_group[g] if h in NIGHT_UTC_HOURS else 1.0)
                                          for h, w in enumerate(HOUR_WEIGHTS)] for g in BROAD_GROUPS]))
    mixing = scenario.case_mix_team_lpus and scenario.case_mix_team_share > 0
    officer_ids, officer_teams = force.officer_ids, force.officer_teams
    if mixing:
        officer_ids = np.concatenate([officer_ids, [f"TS{k:05d}" for k in range(1, CASE_MIX_OFFICERS + 1)]])
        officer_teams = np.concatenate([officer_teams, [CASE_MIX_TEAM] * CASE_MIX_OFFICERS])
    case_mix_lpus = np.array([lpu in scenario.case_mix_team_lpus for lpu in reference.lpus])
    if not (scenario.outlier_officers or scenario.outlier_teams or hour_cum is not None or mixing):
        return _Oversight(officer_ids, officer_teams, None, None, case_mix_lpus, len(force.officer_ids), None)

    # Outliers where most Black people live (so their searches of Black people are many): the least busy team of each
    # of the first LPUs (so its extra searches move its peers' share little), and the busiest officers of those
    # teams (so no other team is tilted by an outlier officer), in turn.
    weights = [np.diff(cum, prepend=0.0) for cum in force.officer_cum]
    lpu_order = np.argsort(-reference.population[:, black] / reference.population.sum(axis=1), kind="stable")
    outlier_teams: list[str] = []
    for i in lpu_order[:scenario.outlier_teams]:
        mine = force.officer_teams[force.officer_offset[i]:force.officer_offset[i] + len(weights[i])]
        names = sorted(set(mine))
        busy = sorted(names, key=lambda name: -weights[i][mine == name].sum())
        outlier_teams.append(str(busy[-1]))
    odds = np.ones(len(force.officer_ids))
    odds[np.isin(force.officer_teams, outlier_teams)] = scenario.outlier_team_ratio
    outlier_officers: list[str] = []
    busiest = np.argsort(-np.concatenate(weights), kind="stable")
    candidates = [busiest[np.isin(force.officer_teams[busiest], team)] for team in outlier_teams] \
        or [busiest[force.officer_teams[busiest] == force.officer_teams[busiest[0]]]]
    for k in range(scenario.outlier_officers):
        officer = candidates[k % len(candidates)][k // len(candidates)]
        odds[officer] = scenario.outlier_officer_ratio
        outlier_officers.append(str(force.officer_ids[officer]))
    black_ratio = np.concatenate([odds, np.ones(len(officer_ids) - len(odds))]) \
        if (outlier_officers or outlier_teams) else None
    truth = OversightTruth(
        outlier_officers=tuple(outlier_officers),
        outlier_teams=tuple(outlier_teams),
        biased_officers=frozenset(str(o) for o in force.officer_ids[odds != 1.0]),
        teams_with_outlier_officers=frozenset(
            str(force.officer_teams[np.flatnonzero(force.officer_ids == o)[0]]) for o in outlier_officers),
        case_mix_team=CASE_MIX_TEAM if mixing else None,
        case_mix_officers=tuple(str(o) for o in officer_ids[len(force.officer_ids):]),
        officers=tuple(str(o) for o in officer_ids),
        teams=tuple(sorted(set(str(t) for t in officer_teams))),
    )
    return _Oversight(officer_ids, officer_teams, black_ratio, hour_cum, case_mix_lpus, len(force.officer_ids), truth)


def _london_hours(stamps: np.ndarray) -> np.ndarray:
    """The Europe/London local hour of UTC minute stamps (datetime64[m])."""
    hours, inverse = np.unique(stamps.astype("datetime64[h]"), return_inverse=True)
    local = np.array([hour.astype(object).replace(tzinfo=timezone.utc).astimezone(LONDON).hour for hour in hours])
    return local[inverse].reshape(stamps.shape)


# --------------------------------------------------------------------------------------------------- generation


def _outcome_shares(scenario: Scenario) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per group: P(arrest), P(any positive outcome) and P(linked to object | positive outcome)."""
    find = np.array([scenario.find_rate_by_group[g] for g in BROAD_GROUPS])
    arrest = np.array([scenario.arrest_share_by_group[g] for g in BROAD_GROUPS])
    positive = np.maximum(np.minimum(1.0, find / LINKED_SHARE_OF_POSITIVE), arrest)
    linked = np.divide(find, positive, out=np.zeros_like(find), where=positive > 0)
    return arrest, positive, linked


def _batches(per_day: np.ndarray) -> Iterator[slice]:
    """Consecutive day ranges holding at most BATCH_ROWS rows (a day is never split)."""
    start, rows = 0, 0
    for day, n in enumerate(per_day):
        if rows and rows + n > BATCH_ROWS:
            yield slice(start, day)
            start, rows = day, 0
        rows += n
    if start < len(per_day):
        yield slice(start, len(per_day))


def _rows(rng: np.random.Generator, counts: np.ndarray, first_day: date, scenario: Scenario,
          reference: _Reference, force: _Force, plan: _Oversight, expected: np.ndarray
          ) -> tuple[dict[str, np.ndarray | None], np.ndarray, np.ndarray]:
    """The searches for a block of days as string columns, in time order, with each row's lpu and group indices.

    counts has shape (n_days, n_lpu, n_group). The outliers' extra searches are added to ``expected`` (n_lpu,
    n_group) as their Poisson means, given the officers the block's searches fell to.
    """
    n_lpu, n_group = counts.shape[1:]
    cell = np.repeat(np.arange(counts.size), counts.ravel())
    n = cell.size
    day, lpu, group = cell // (n_lpu * n_group), (cell // n_group) % n_lpu, cell % n_group

    hour_cum = cumulative(np.array(HOUR_WEIGHTS)) if plan.hour_cum_by_group is None else plan.hour_cum_by_group[group]
    hour = pick(rng.random(n), hour_cum)
    minute = day * 1440 + hour * 60 + rng.integers(0, 60, size=n)
    order = np.argsort(minute, kind="stable")
    minute, lpu, group = minute[order], lpu[order], group[order]
    stamps = np.datetime64(first_day, "m") + minute.astype("timedelta64[m]")
    searched_at = np.char.add(np.datetime_as_string(stamps, unit="m"), ":00+00:00")

    # Where: a neighbourhood (grid cell, weighted by hotspots) and a point inside it.
    lat = np.empty(n)
    lon = np.empty(n)
    neighbourhood = np.empty(n, dtype="U16")
    officer = np.empty(n, dtype=np.int64)
    for i, code in enumerate(reference.lpus):
        here = np.flatnonzero(lpu == i)
        if here.size == 0:
            continue
        lat0, lon0, half_lat, half_lon, rows, cols = LPU_GEOGRAPHY[code]
        cells = pick(rng.random(here.size), force.cell_cum[i])
        r, c = cells // cols, cells % cols
        lat[here] = lat0 - half_lat + (r + rng.random(here.size)) * (2 * half_lat / rows)
        lon[here] = lon0 - half_lon + (c + rng.random(here.size)) * (2 * half_lon / cols)
        names = np.array([f"{code}-N{k + 1:02d}" for k in range(rows * cols)])
        neighbourhood[here] = names[cells]
        officer[here] = force.officer_offset[i] + pick(rng.random(here.size), force.officer_cum[i])
    if plan.case_mix_first < len(plan.officer_ids):   # the case-mix team takes its share of its LPUs' nights
        mixing = np.random.default_rng(np.random.SeedSequence(
            scenario.seed, spawn_key=(3, first_day.year, first_day.month, first_day.day)))
        local_hour = _london_hours(stamps)
        taken = (plan.case_mix_lpus[lpu] & ((local_hour >= 23) | (local_hour < 7))
                 & (mixing.random(n) < scenario.case_mix_team_share))
        members = plan.case_mix_first + mixing.integers(0, len(plan.officer_ids) - plan.case_mix_first, size=n)
        officer = np.where(taken, members, officer)

    # Who.
    age = np.minimum(90, 10 + np.round(rng.gamma(2.0, 8.5, size=n))).astype(np.int64)
    age_blank = rng.random(n) < AGE_BLANK_SHARE
    sex = reference.sex_codes[pick(rng.random(n), reference.sex_cum)]
    combo = lpu * n_group + group
    self_defined = reference.self_defined_codes[pick(rng.random(n), reference.self_defined_cum[combo])]
    self_defined = np.where(rng.random(n) < scenario.not_stated_share, reference.not_stated_code, self_defined)
    observed = pick(rng.random(n), reference.officer_cum[group])
    observed[rng.random(n) < OFFICER_OBSERVED_UNKNOWN_SHARE] = reference.officer_unknown
    officer_observed = reference.officer_codes[observed]

    # Why and what came of it.
    legislation = pick(rng.random(n), reference.legislation_cum)
    obj = pick(rng.random(n), reference.object_cum[legislation])
    arrest_p, positive_p, linked_p = _outcome_shares(scenario)
    u = rng.random(n)
    is_arrest = u < arrest_p[group]
    is_nfa = u >= positive_p[group]
    other = reference.other_outcome_codes[pick(rng.random(n), reference.other_outcome_cum)]
    outcome = np.where(is_arrest, reference.arrest_code, np.where(is_nfa, reference.nfa_code, other))
    linked = rng.random(n) < linked_p[group]
    more_than_outer = rng.random(n) < np.array([scenario.more_than_outer_share_by_group[g]
                                                 for g in BROAD_GROUPS])[group]
    strip = more_than_outer & (rng.random(n) < scenario.strip_search_share_of_more_than_outer)
    true_false = np.array(["false", "true"])

    columns = {
        "record_id": None,   # filled in by the caller (a running sequence)
        "searched_at": searched_at,
        "neighbourhood_code": neighbourhood,
        "lpu_code": np.array(reference.lpus)[lpu],
        "latitude": _fixed6(lat),
        "longitude": _fixed6(lon),
        "age": np.where(age_blank, "", age.astype(str)),
        "sex": sex,
        "self_defined_ethnicity": self_defined,
        "officer_observed_ethnicity": officer_observed,
        "legislation": reference.legislation_codes[legislation],
        "object_of_search": reference.object_codes[obj],
        "outcome": outcome,
        "outcome_linked_to_object": np.where(is_nfa, "", true_false[linked.astype(int)]),
        "more_than_outer_clothing_removed": true_false[more_than_outer.astype(int)],
        "strip_search": true_false[strip.astype(int)],
        "officer_id": plan.officer_ids[officer],
        "team": plan.officer_teams[officer],
    }
    if plan.black_ratio is not None:   # the outliers' extra searches of Black people, copies at the same time and place
        extra_mean = np.where(group == BROAD_GROUPS.index("Black"), plan.black_ratio[officer] - 1, 0)
        np.add.at(expected, (lpu, group), extra_mean)
        extra = np.random.default_rng(np.random.SeedSequence(
            scenario.seed, spawn_key=(4, first_day.year, first_day.month, first_day.day))).poisson(extra_mean)
        rows = np.repeat(np.arange(n), 1 + extra)
        columns = {name: None if values is None else values[rows] for name, values in columns.items()}
        lpu, group = lpu[rows], group[rows]
    return columns, lpu, group


def _fixed6(values: np.ndarray) -> np.ndarray:
    """Decimal strings with exactly six decimals ('%.6f'), vectorised."""
    micro = np.round(values * 1e6).astype(np.int64)
    whole, fraction = np.divmod(np.abs(micro), 1_000_000)
    text = np.strings.add(np.strings.add(whole.astype(str), "."), np.strings.zfill(fraction.astype(str), 6))
    return np.where(micro < 0, np.strings.add("-", text), text)


def _write_rows(handle, columns: dict[str, np.ndarray]) -> None:
    """Append rows as CSV lines (no value needs quoting: codes, numbers and ISO timestamps only)."""
    n = len(columns["record_id"])
    for start in range(0, n, WRITE_ROWS):   # Python strings cost ~60 bytes each: convert a slice at a time
        values = [columns[name][start:start + WRITE_ROWS].tolist() for name in FORCE_STOP_SEARCH_COLUMNS]
        handle.write("\n".join(map(",".join, zip(*values))))
        handle.write("\n")


def generate(scenario: Scenario, out_dir: str | os.PathLike, *, seeds_dir: str | os.PathLike | None = None
             ) -> GeneratedByContract[Truth]:
    """Write the scenario's extract files into out_dir (created if needed) and return them with the truth.

    Files are ``stop_search_<YYYY-MM-DD>.csv`` named by the last day they cover (the month end, or the
    scenario end for a final part month; the day itself for daily files). Each file is written to a temporary
    name and renamed into place, so a reader never sees half a file. Existing files of the same name are
    replaced; others in out_dir are left alone.
    """
    seeds = Path(seeds_dir) if seeds_dir is not None else DEFAULT_SEEDS_DIR
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    reference = _load_reference(seeds, scenario.census_year)
    force = _build_force(scenario.seed, reference)
    plan = _plan_oversight(scenario, reference, force)
    require(set(reference.lpus), scenario.lpu_rate_ratios, "lpu_rate_ratios")

    n_lpu, n_group = reference.population.shape
    ratios = np.array([[scenario.ratio(lpu, g) for g in BROAD_GROUPS] for lpu in reference.lpus])
    daily_mean = reference.population * scenario.searches_per_1000_white_per_year / 1000 * ratios / DAYS_PER_YEAR
    expected = np.zeros((n_lpu, n_group))
    occurred = np.zeros((n_lpu, n_group), dtype=np.int64)
    delivered = np.zeros((n_lpu, n_group), dtype=np.int64)
    next_sequence: dict[int, int] = {}
    files: list[Path] = []

    for period in periods(scenario.start, scenario.end, scenario.file_period):
        n_days = (period.end - period.start).days + 1
        rng = np.random.default_rng(np.random.SeedSequence(
            scenario.seed, spawn_key=(1, period.start.year, period.start.month, period.start.day)))
        counts = rng.poisson(daily_mean, size=(n_days, n_lpu, n_group))
        expected += daily_mean * n_days
        occurred += counts.sum(axis=0)
        total = int(counts.sum())
        year = period.start.year
        first_sequence = next_sequence.get(year, 1)
        next_sequence[year] = first_sequence + total   # ids of undelivered searches are never reused
        if period.year_month in scenario.missing_months:
            continue
        fraction = scenario.partial_months.get(period.year_month)
        held = []  # a partial month's batches, thinned once all its rows (the outliers' extra ones too) are drawn

        path = out / f"stop_search_{period.end.isoformat()}.csv"
        done = 0
        with replacing(path) as handle:
            handle.write(",".join(FORCE_STOP_SEARCH_COLUMNS) + "\n")
            for days in _batches(counts.sum(axis=(1, 2))):
                columns, lpu, group = _rows(rng, counts[days], period.start + timedelta(days=days.start),
                                            scenario, reference, force, plan, expected)
                sequence = np.arange(first_sequence + done, first_sequence + done + len(lpu))
                columns["record_id"] = padded_ids(f"SS-{year}-", sequence, 6)
                done += len(lpu)
                if fraction is None:
                    np.add.at(delivered, (lpu, group), 1)
                    _write_rows(handle, columns)
                else:
                    held.append((columns, lpu, group))
            if fraction is not None:
                # Its own stream, so the rows kept are exactly rows of the complete file.
                thinning = np.random.default_rng(np.random.SeedSequence(
                    scenario.seed, spawn_key=(2, period.start.year, period.start.month, period.start.day)))
                keep = np.zeros(done, dtype=bool)
                keep[thinning.choice(done, size=round(fraction * done), replace=False)] = True
                lpu, group = (np.concatenate([batch[part] for batch in held])[keep] for part in (1, 2))
                np.add.at(delivered, (lpu, group), 1)
                _write_rows(handle, {name: np.concatenate([batch[0][name] for batch in held])[keep]
                                     for name in FORCE_STOP_SEARCH_COLUMNS})
        next_sequence[year] = max(next_sequence[year], first_sequence + done)   # the outliers' extra rows
        files.append(path)

    keys = [(lpu, g) for lpu in reference.lpus for g in BROAD_GROUPS]
    truth = Truth(
        scenario=scenario,
        expected_searches=MappingProxyType({k: float(v) for k, v in zip(keys, expected.ravel())}),
        occurred_searches=MappingProxyType({k: int(v) for k, v in zip(keys, occurred.ravel())}),
        delivered_searches=MappingProxyType({k: int(v) for k, v in zip(keys, delivered.ravel())}),
        population=MappingProxyType({k: int(round(v)) for k, v in zip(keys, reference.population.ravel())}),
        oversight=plan.truth,
    )
    return GeneratedByContract(files=files, truth=truth,
                               row_counts=MappingProxyType({FORCE_STOP_SEARCH.name: int(delivered.sum())}))
