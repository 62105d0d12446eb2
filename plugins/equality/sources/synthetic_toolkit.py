"""What the synthetic generators share: seeds, sampling, the force area's people, formatting, writing, the result.

Each source's generator is ``equality.sources.<source>.synthetic`` and imports only this module and contracts,
never another generator. This module sits beside the source packages, not in one, so it serves them all without
being a source (the registry takes packages only). Nothing here, and no generator, is imported by ingest, the
nightly run, the DAG, validation, transform or publish: only ``Source.demo``, ``equality generate``,
``equality bench`` and the tests import generators, inside the function that needs one.
"""

from __future__ import annotations

import calendar
import csv
import math
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Generic, TextIO, TypeVar

import numpy as np

from equality.contracts import SourceContract

BROAD_GROUPS: tuple[str, ...] = ("White", "Black", "Asian", "Mixed", "Other")
"""The stated broad ethnic groups, White first (the comparator). 'Not stated' is not a group of people."""

DEFAULT_SEEDS_DIR = Path(__file__).resolve().parents[3] / "dbt_project" / "seeds"
BATCH_ROWS = 20_000   # ~3 kB of working memory per row while a batch is built
DAYS_PER_YEAR = 365.25
EPOCH = date(1970, 1, 1)

# How the force's own systems (stop-search and custody extracts) record people.
SELF_DEFINED_SYSTEM = "force_self_defined"
OFFICER_OBSERVED_SYSTEM = "force_officer_observed"
SEX_SYSTEM = "force"
# Officer-observed code given the person's broad group (standard IC codes), before the IC9 'not recorded' noise.
OFFICER_OBSERVED_BY_GROUP: Mapping[str, Mapping[str, float]] = MappingProxyType({
    "White": {"IC1": 0.93, "IC2": 0.07},
    "Black": {"IC3": 1.0},
    "Asian": {"IC4": 0.9, "IC5": 0.1},
    "Mixed": {"IC1": 0.3, "IC3": 0.45, "IC4": 0.25},
    "Other": {"IC6": 0.7, "IC9": 0.3},
})
OFFICER_OBSERVED_UNKNOWN = "IC9"
SEX_MIX: Mapping[str, float] = MappingProxyType({"M": 0.87, "F": 0.10, "X": 0.003, "U": 0.027})

YearMonth = tuple[int, int]
TruthT = TypeVar("TruthT")


@dataclass(frozen=True)
class GeneratedByContract(Generic[TruthT]):
    """What a generator wrote: the files, rows per contract name, and the truth behind them."""

    files: list[Path]
    row_counts: Mapping[str, int]
    truth: TruthT

    @property
    def row_count(self) -> int:
        return sum(self.row_counts.values())


# --------------------------------------------------------------------------------------------------- checks


def by_group(name: str, given: Mapping[str, float], defaults: Mapping[str, float], *, share: bool
             ) -> Mapping[str, float]:
    """A value for every broad group (defaults for those not given): shares in [0, 1], or ratios >= 0."""
    unknown = set(given) - set(BROAD_GROUPS)
    if unknown:
        raise ValueError(f"{name}: unknown broad group(s) {sorted(unknown)}; expected some of {BROAD_GROUPS}")
    merged = {group: float(given.get(group, defaults[group])) for group in BROAD_GROUPS}
    for group, value in merged.items():
        if not math.isfinite(value) or value < 0 or (share and value > 1):
            raise ValueError(f"{name}[{group!r}] = {value} is not a {'share in [0, 1]' if share else 'ratio >= 0'}")
    return MappingProxyType(merged)


def non_negative_by_group(name: str, given: Mapping[str, float], default: float | Mapping[str, float]
                          ) -> Mapping[str, float]:
    """A value >= 0 for every broad group: the given ones, else the default (one for all, or one per group)."""
    unknown = set(given) - set(BROAD_GROUPS)
    if unknown:
        raise ValueError(f"{name}: unknown broad group(s) {sorted(unknown)}; expected some of {BROAD_GROUPS}")
    values = {g: float(given.get(g, default[g] if isinstance(default, Mapping) else default)) for g in BROAD_GROUPS}
    if any(not v >= 0 for v in values.values()):
        raise ValueError(f"{name}: values must be >= 0")
    return MappingProxyType(values)


ONES = MappingProxyType({g: 1.0 for g in BROAD_GROUPS})


def ratios_to_white(name: str, given: Mapping[str, float]) -> Mapping[str, float]:
    """A full group -> ratio mapping (groups not given: 1); White is the reference, so its ratio is 1."""
    ratios = by_group(name, given, ONES, share=False)
    if ratios["White"] != 1.0:
        raise ValueError(f"{name}['White'] is 1 by definition (White is the reference group)")
    return ratios


def check_whole_months(seed: int, start: date, end: date) -> None:
    """A scenario simulated month by month: a seed >= 0, from the first day of a month to the last of one."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, not {seed!r}")
    if start.day != 1:
        raise ValueError(f"start {start} is not the first day of a month")
    if end.day != calendar.monthrange(end.year, end.month)[1]:
        raise ValueError(f"end {end} is not the last day of a month")
    if end < start:
        raise ValueError(f"end {end} is before start {start}")


def expected_rate_ratio(expected: Mapping[tuple[str, str], float], population: Mapping[tuple[str, str], int],
                        group: str, lpu_code: str | None = None) -> float:
    """Expected events per head of a group over White's, from per-(lpu, group) means and populations."""
    def rate(g: str) -> float:
        keys = [k for k in population if k[1] == g and (lpu_code is None or k[0] == lpu_code)]
        return sum(expected[k] for k in keys) / sum(population[k] for k in keys)
    return rate(group) / rate("White")


# --------------------------------------------------------------------------------------------------- seeds


def read_seed(seeds_dir: Path, name: str) -> list[dict[str, str]]:
    path = seeds_dir / name
    if not path.exists():
        raise FileNotFoundError(f"seed {name} not found in {seeds_dir}")
    with open(path, newline="", encoding="utf-8") as seed_file:
        return list(csv.DictReader(seed_file))


def is_true(value: str | None) -> bool:
    return (value or "").strip().lower() in ("true", "t", "1", "yes", "y")


def sort_key(row: dict[str, str]) -> float:
    try:
        return float(row.get("sort_order") or "inf")
    except ValueError:
        return math.inf


def require(codes: set[str], wanted, what: str) -> None:
    missing = sorted(set(wanted) - codes)
    if missing:
        raise ValueError(f"{what}: codes {missing} used by the generator are not in the seeds")


# --------------------------------------------------------------------------------------------------- sampling


def cumulative(weights: np.ndarray) -> np.ndarray:
    """Row-wise cumulative probabilities ending at exactly 1.0 (rows of zeros stay all 1.0)."""
    weights = np.asarray(weights, dtype=float)
    totals = weights.sum(axis=-1, keepdims=True)
    cum = np.cumsum(weights, axis=-1) / np.where(totals > 0, totals, 1)
    cum[np.isclose(cum, 1.0, rtol=0, atol=1e-12) | (totals == 0)] = 1.0
    return cum


def pick(u: np.ndarray, cum: np.ndarray) -> np.ndarray:
    """Index of the category for uniforms u; cum is one row of cumulative probabilities or one row per u."""
    if cum.ndim == 1:
        return np.searchsorted(cum, u, side="right")
    return (u[:, None] >= cum).sum(axis=1)


# --------------------------------------------------------------------------------------------------- the people


@dataclass(frozen=True)
class ForcePeople:
    """The force area's residents and how the force's systems record them, from the seeds."""

    lpus: tuple[str, ...]
    population: np.ndarray                 # (n_lpu, n_group)
    self_defined_codes: np.ndarray         # stated codes (str)
    self_defined_cum: np.ndarray           # (n_lpu * n_group, n_codes)
    not_stated_code: str
    officer_codes: np.ndarray
    officer_cum: np.ndarray                # (n_group, n_officer_codes)
    officer_unknown: int                   # index of IC9 in officer_codes
    sex_codes: np.ndarray
    sex_cum: np.ndarray


def load_force_people(seeds_dir: Path, census_year: int) -> ForcePeople:
    """Census populations per (local policing unit, broad group) and the codes a person of each is recorded with."""
    lpu_rows = read_seed(seeds_dir, "local_policing_units.csv")
    lpus = tuple(row["lpu_code"] for row in lpu_rows)
    la_of = {row["lpu_code"]: row["la_code"] for row in lpu_rows}

    broad_of_detailed = {row["ethnic_group_code"]: row["broad_ethnic_group"]
                         for row in read_seed(seeds_dir, "ethnic_groups.csv")}
    census = [row for row in read_seed(seeds_dir, "census_population.csv")
              if row["census_year"].strip() == str(census_year)]
    if not census:
        raise ValueError(f"census_population.csv has no rows for census_year {census_year}")
    detailed_pop: dict[tuple[str, str], float] = {}
    for row in census:
        if row["ethnic_group_code"] in broad_of_detailed:
            key = (row["la_code"], row["ethnic_group_code"])
            detailed_pop[key] = detailed_pop.get(key, 0.0) + float(row["population"].replace(",", ""))

    source = read_seed(seeds_dir, "ethnicity_source_values.csv")
    self_defined = [row for row in source if row["source_system"] == SELF_DEFINED_SYSTEM]
    not_stated = [row["source_value"] for row in self_defined if is_true(row.get("is_not_stated"))]
    if not not_stated:
        raise ValueError(f"ethnicity_source_values.csv has no not-stated {SELF_DEFINED_SYSTEM} value")
    stated = [row for row in self_defined if not is_true(row.get("is_not_stated"))]
    codes = [row["source_value"] for row in stated]
    # A code belongs to the broad group of the detailed group it maps to (so it matches the population it is
    # drawn from); codes without a detailed group use their own broad group.
    code_group = [broad_of_detailed.get(row.get("ethnic_group_code") or "", row["broad_ethnic_group"])
                  for row in stated]
    code_detail = [row.get("ethnic_group_code") or None for row in stated]

    population = np.zeros((len(lpus), len(BROAD_GROUPS)))
    weights = np.zeros((len(lpus), len(BROAD_GROUPS), len(codes)))
    for i, lpu in enumerate(lpus):
        la = la_of[lpu]
        for j, group in enumerate(BROAD_GROUPS):
            in_group = [k for k, g in enumerate(code_group) if g == group]
            details = [d for d, g in broad_of_detailed.items() if g == group]
            population[i, j] = sum(detailed_pop.get((la, d), 0.0) for d in details)
            if population[i, j] == 0:
                continue
            if not in_group:
                raise ValueError(f"no {SELF_DEFINED_SYSTEM} code for broad group {group!r}")
            for d in details:
                pop = detailed_pop.get((la, d), 0.0)
                takers = [k for k in in_group if code_detail[k] == d]
                # Detailed groups no code names go to the group's unmapped codes, else its 'any other' (x9)
                # codes, else are shared by all its codes.
                takers = takers or [k for k in in_group if code_detail[k] is None] \
                    or [k for k in in_group if codes[k].endswith("9")] or in_group
                for k in takers:
                    weights[i, j, k] += pop / len(takers)
        if population[i].sum() == 0:
            raise ValueError(f"no census {census_year} population for {lpu} (la_code {la})")

    officer_values = {row["source_value"] for row in source if row["source_system"] == OFFICER_OBSERVED_SYSTEM}
    officer_codes = sorted({c for mix in OFFICER_OBSERVED_BY_GROUP.values() for c in mix} | {OFFICER_OBSERVED_UNKNOWN})
    require(officer_values, officer_codes, f"ethnicity_source_values.csv ({OFFICER_OBSERVED_SYSTEM})")
    officer_w = np.array([[OFFICER_OBSERVED_BY_GROUP[g].get(c, 0.0) for c in officer_codes] for g in BROAD_GROUPS])

    if (seeds_dir / "sex_source_values.csv").exists():
        sex_rows = [row for row in read_seed(seeds_dir, "sex_source_values.csv") if row["source_system"] == SEX_SYSTEM]
        require({row["source_value"] for row in sex_rows}, SEX_MIX, "sex_source_values.csv (force)")

    return ForcePeople(
        lpus=lpus,
        population=population,
        self_defined_codes=np.array(codes),
        self_defined_cum=cumulative(weights.reshape(len(lpus) * len(BROAD_GROUPS), len(codes))),
        not_stated_code=not_stated[0],
        officer_codes=np.array(officer_codes),
        officer_cum=cumulative(officer_w),
        officer_unknown=officer_codes.index(OFFICER_OBSERVED_UNKNOWN),
        sex_codes=np.array(list(SEX_MIX)),
        sex_cum=cumulative(np.array(list(SEX_MIX.values()))),
    )


# --------------------------------------------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    """The days one extract file covers."""

    start: date
    end: date                              # inclusive; names the file
    year_month: YearMonth


def periods(start: date, end: date, file_period: str) -> Iterator[Period]:
    """One period per calendar month ("month", the last one cut at end) or per day ("day")."""
    day = start
    while day <= end:
        if file_period == "day":
            last = day
        else:
            last = min(end, date(day.year, day.month, calendar.monthrange(day.year, day.month)[1]))
        yield Period(day, last, (day.year, day.month))
        day = last + timedelta(days=1)


def epoch_day(value: date) -> int:
    """Days since 1970-01-01."""
    return (value - EPOCH).days


# --------------------------------------------------------------------------------------------------- writing


def iso_dates(days: np.ndarray) -> np.ndarray:
    """ISO dates ('2024-03-31') of day numbers since 1970-01-01."""
    return np.datetime_as_string(np.asarray(days, dtype=np.int64).astype("datetime64[D]"), unit="D")


def padded_ids(prefix: str, numbers: np.ndarray, width: int) -> np.ndarray:
    """Identifiers such as 'CC000123': the prefix, then the number zero-padded to width."""
    numbers = np.asarray(numbers, dtype=np.int64)
    if numbers.size == 0:   # np.strings.zfill cannot size an empty result
        return np.zeros(0, dtype=f"U{len(prefix) + width}")
    return np.strings.add(prefix, np.strings.zfill(numbers.astype(str), width))


def headers(contract: SourceContract) -> tuple[str, ...]:
    """The contract's header row: what a generator writes first, in this order."""
    return tuple(column.header for column in contract.columns)


def contract_lines(columns: Mapping[str, np.ndarray], contract: SourceContract) -> list[str]:
    """CSV lines of the columns in the contract's header order (no value needs quoting: codes and dates)."""
    header = headers(contract)
    given = {name for name in columns if not name.startswith("_")}
    if given != set(header):
        raise ValueError(f"{contract.name}: the generator fills {sorted(given - set(header))} the contract lacks, "
                         f"and lacks {sorted(set(header) - given)}")
    values = [columns[name].tolist() for name in header]
    return list(map(",".join, zip(*values)))


@contextmanager
def replacing(path: Path) -> Iterator[TextIO]:
    """A text file written under a temporary name and renamed into place, so a reader never sees half a file
    (removed instead if writing fails)."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_contract_file(path: Path, contract: SourceContract, lines: list[str]) -> None:
    """The contract's header and the lines, written to a temporary name and renamed into place."""
    with replacing(path) as handle:
        handle.write(",".join(headers(contract)) + "\n")
        if lines:
            handle.write("\n".join(lines))
            handle.write("\n")
