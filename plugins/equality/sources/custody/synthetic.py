"""Synthetic custody extracts (``custody_<YYYY-MM-DD>.csv``) with a known truth about detentions and outcomes.

Detentions per (local policing unit, broad ethnic group) are Poisson draws around
``population x baseline rate x detention rate ratio``. Each detention gets an offence group from its group's
offence mix, and, if it ends in the charge / no-further-action decision, is charged with probability
``charge_probability[offence] x within_stratum_charge_ratio[group]``. So a scenario separates the two things
the custody marts must tell apart:

- ``SCENARIO_A_OFFENCE_MIX`` ("crude gap produced entirely by offence mix"): groups differ in offence mix
  only; within every offence group the charge probability is the same, so the crude charge ratio is not 1
  but the Mantel-Haenszel (offence x age band) ratio is 1.0.
- ``SCENARIO_B_WITHIN_STRATUM`` ("real within-stratum gap"): the same mixes, and every group other than White
  is charged 1.5 times as often as White people within each stratum, so the adjusted ratio is 1.5.

Populations, ethnicity codes, officer-observed codes, sex codes and local policing units come from the dbt
seeds through ``equality.sources.synthetic_toolkit.load_force_people``; offence groups and disposals are checked
against their seeds. Each file's header is the contract's (``CUSTODY_DETENTIONS``). Rows are produced and
written at most ``BATCH_ROWS`` at a time; each month draws
from its own random stream derived from ``(seed, year, month)``, so files are reproducible byte for byte.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

import numpy as np

from equality.sources.custody.contracts import CUSTODY_DETENTIONS
from equality.sources.synthetic_toolkit import (BATCH_ROWS, BROAD_GROUPS, DAYS_PER_YEAR, DEFAULT_SEEDS_DIR,
                                                ForcePeople, GeneratedByContract, cumulative, expected_rate_ratio,
                                                headers, load_force_people, non_negative_by_group, padded_ids, periods,
                                                pick, read_seed, replacing, require)

CUSTODY_COLUMNS: tuple[str, ...] = headers(CUSTODY_DETENTIONS)

OFFENCE_GROUPS: tuple[str, ...] = (
    "VIOLENCE_AGAINST_THE_PERSON", "SEXUAL_OFFENCES", "ROBBERY", "THEFT_OFFENCES", "CRIMINAL_DAMAGE_AND_ARSON",
    "DRUG_OFFENCES", "POSSESSION_OF_WEAPONS", "PUBLIC_ORDER_OFFENCES", "MISCELLANEOUS_CRIMES_AGAINST_SOCIETY",
    "FRAUD_OFFENCES", "OTHER",
)
# Share of detentions by offence group: White people's mix, and a mix weighted towards drugs and weapons
# (offences with high charge probabilities) used for the other groups by default.
WHITE_OFFENCE_MIX = MappingProxyType(dict(zip(OFFENCE_GROUPS, (0.30, 0.04, 0.03, 0.20, 0.08, 0.08, 0.03, 0.10,
                                                               0.05, 0.04, 0.05))))
SKEWED_OFFENCE_MIX = MappingProxyType(dict(zip(OFFENCE_GROUPS, (0.22, 0.03, 0.06, 0.10, 0.05, 0.26, 0.12, 0.06,
                                                                0.04, 0.03, 0.03))))
# P(charged | in the charge / no-further-action decision), by offence group: at most 0.6, so a within-stratum
# ratio of 1.5 stays a probability.
DEFAULT_CHARGE_PROBABILITY = MappingProxyType(dict(zip(OFFENCE_GROUPS, (0.30, 0.35, 0.50, 0.25, 0.22, 0.55,
                                                                        0.60, 0.20, 0.30, 0.25, 0.15))))
SERIOUS_OFFENCES = frozenset({"VIOLENCE_AGAINST_THE_PERSON", "SEXUAL_OFFENCES", "ROBBERY", "POSSESSION_OF_WEAPONS"})
DEFAULT_DETENTION_RATIOS = MappingProxyType({"White": 1.0, "Black": 2.5, "Asian": 1.3, "Mixed": 1.8, "Other": 1.2})

# How detentions not in the charge / NFA decision end, and the share that are in it.
DECISION_SHARE = 0.70
OTHER_DISPOSALS = MappingProxyType({"RELEASED_UNDER_INVESTIGATION": 0.40, "PRE_CHARGE_BAIL": 0.10,
                                    "COMMUNITY_RESOLUTION": 0.20, "CAUTION": 0.15, "CONDITIONAL_CAUTION": 0.07,
                                    "TRANSFERRED": 0.08})
REMAND_SHARE = 0.30
CROWN_SHARE_SERIOUS, CROWN_SHARE_OTHER = 0.30, 0.05
STRIP_SEARCH_SHARE, USE_OF_FORCE_SHARE, INTERPRETER_SHARE = 0.05, 0.10, 0.04
NOT_STATED_SHARE = 0.03
MEDIAN_HOURS_ADULT, MEDIAN_HOURS_JUVENILE, HOURS_SPREAD = 12.0, 8.0, 0.6
SUITES = ("STEELHOUSE", "PERRY_BARR", "OLDBURY", "WOLVERHAMPTON", "COVENTRY")


@dataclass(frozen=True)
class CustodyScenario:
    """What the synthetic custody suites did: the truth the custody marts should recover.

    seed: makes the run reproducible. start, end: first and last day of arrivals (inclusive).
    detentions_per_1000_white_per_year: the baseline rate; a group's rate is this times its ratio.
    detention_rate_ratios: detention rate of each broad group relative to White.
    offence_mix: per group, weights over OFFENCE_GROUPS (White: WHITE_OFFENCE_MIX, others SKEWED_OFFENCE_MIX).
    charge_probability: P(charge | charge-or-NFA decision) by offence group, for White people.
    within_stratum_charge_ratio: per group, the multiplier on the charge probability within every offence x
        age stratum (White is 1 by definition).
    juvenile_share: share of detentions of people aged 10-17 (the same for every group).
    """

    seed: int
    start: date
    end: date
    census_year: int = 2021
    detentions_per_1000_white_per_year: float = 12.0
    detention_rate_ratios: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_DETENTION_RATIOS))
    offence_mix: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    charge_probability: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_CHARGE_PROBABILITY))
    within_stratum_charge_ratio: Mapping[str, float] = field(default_factory=dict)
    juvenile_share: float = 0.10
    file_period: str = "month"
    missing_months: frozenset = frozenset()
    partial_months: Mapping = field(default_factory=dict)

    def __post_init__(self) -> None:
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731 (frozen dataclass)
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if not 0 <= self.juvenile_share <= 1:
            raise ValueError("juvenile_share must be in [0, 1]")
        set_("detention_rate_ratios", non_negative_by_group("detention_rate_ratios", self.detention_rate_ratios,
                                              DEFAULT_DETENTION_RATIOS))
        ratios = non_negative_by_group("within_stratum_charge_ratio", self.within_stratum_charge_ratio, 1.0)
        if ratios["White"] != 1.0:
            raise ValueError("within_stratum_charge_ratio['White'] is 1 by definition (White is the reference)")
        set_("within_stratum_charge_ratio", ratios)
        unknown = set(self.charge_probability) - set(OFFENCE_GROUPS)
        if unknown:
            raise ValueError(f"charge_probability: unknown offence group(s) {sorted(unknown)}")
        charge = {o: float(self.charge_probability.get(o, DEFAULT_CHARGE_PROBABILITY[o])) for o in OFFENCE_GROUPS}
        for group, ratio in ratios.items():
            worst = max(charge.values()) * ratio
            if worst > 1:
                raise ValueError(f"charge probability x within-stratum ratio of {group} reaches {worst:.2f} > 1")
        set_("charge_probability", MappingProxyType(charge))
        mixes = {}
        for group in BROAD_GROUPS:
            mix = dict(self.offence_mix.get(group, WHITE_OFFENCE_MIX if group == "White" else SKEWED_OFFENCE_MIX))
            if set(mix) - set(OFFENCE_GROUPS):
                raise ValueError(f"offence_mix[{group!r}]: unknown offence group(s) {sorted(set(mix) - set(OFFENCE_GROUPS))}")
            mixes[group] = MappingProxyType({o: float(mix.get(o, 0.0)) for o in OFFENCE_GROUPS})
        set_("offence_mix", MappingProxyType(mixes))

    def expected_crude_charge_ratio(self, group: str) -> float:
        """P(charge | decision) of the group over White's, from the mixes (age does not change it)."""
        def p(g: str) -> float:
            mix = self.offence_mix[g]
            total = sum(mix.values())
            return sum(mix[o] / total * self.charge_probability[o] for o in OFFENCE_GROUPS) \
                * self.within_stratum_charge_ratio[g]
        return p(group) / p("White")


SCENARIO_A_OFFENCE_MIX = dict(within_stratum_charge_ratio={})
SCENARIO_B_WITHIN_STRATUM = dict(within_stratum_charge_ratio={g: 1.5 for g in BROAD_GROUPS if g != "White"})


@dataclass(frozen=True)
class CustodyTruth:
    scenario: CustodyScenario
    expected_detentions: Mapping[tuple[str, str], float]
    delivered_detentions: Mapping[tuple[str, str], int]
    population: Mapping[tuple[str, str], int]

    def rate_ratio(self, group: str, lpu_code: str | None = None) -> float:
        """The ratio of expected detention rates per head, group vs White (force-wide when lpu_code is None)."""
        return expected_rate_ratio(self.expected_detentions, self.population, group, lpu_code)


def _check_seeds(seeds: Path) -> None:
    offences = {row["offence_group_code"] for row in read_seed(seeds, "offence_groups.csv")}
    require(offences, OFFENCE_GROUPS, "offence_groups.csv")
    disposals = {row["disposal_code"] for row in read_seed(seeds, "custody_disposals.csv")}
    require(disposals, set(OTHER_DISPOSALS) | {"CHARGED_REMANDED", "CHARGED_BAILED", "NO_FURTHER_ACTION"},
                       "custody_disposals.csv")


def _rows(rng: np.random.Generator, lpu: np.ndarray, group: np.ndarray, first_day: date, n_days: int,
          scenario: CustodyScenario, reference: ForcePeople) -> dict[str, np.ndarray]:
    n = lpu.size
    minute = np.sort(rng.integers(0, n_days * 1440, size=n))
    juvenile = rng.random(n) < scenario.juvenile_share
    age = np.where(juvenile, rng.integers(10, 18, size=n),
                   np.minimum(90, 18 + np.round(rng.gamma(2.0, 8.0, size=n))).astype(np.int64))
    hours = np.exp(np.log(np.where(juvenile, MEDIAN_HOURS_JUVENILE, MEDIAN_HOURS_ADULT))
                   + HOURS_SPREAD * rng.standard_normal(n))
    arrived = np.datetime64(first_day, "m") + minute.astype("timedelta64[m]")
    released = arrived + np.maximum(1, np.round(hours * 60)).astype("timedelta64[m]")

    combo = lpu * len(BROAD_GROUPS) + group
    self_defined = reference.self_defined_codes[pick(rng.random(n), reference.self_defined_cum[combo])]
    self_defined = np.where(rng.random(n) < NOT_STATED_SHARE, reference.not_stated_code, self_defined)
    officer = reference.officer_codes[pick(rng.random(n), reference.officer_cum[group])]
    sex = reference.sex_codes[pick(rng.random(n), reference.sex_cum)]

    mix_cum = cumulative(np.array([[scenario.offence_mix[g][o] for o in OFFENCE_GROUPS] for g in BROAD_GROUPS]))
    offence = pick(rng.random(n), mix_cum[group])
    charge_p = np.array([scenario.charge_probability[o] for o in OFFENCE_GROUPS])[offence] \
        * np.array([scenario.within_stratum_charge_ratio[g] for g in BROAD_GROUPS])[group]
    in_decision = rng.random(n) < DECISION_SHARE
    charged = in_decision & (rng.random(n) < charge_p)
    remanded = charged & (rng.random(n) < REMAND_SHARE)
    other = np.array(list(OTHER_DISPOSALS))[pick(rng.random(n), cumulative(np.array(list(OTHER_DISPOSALS.values()))))]
    disposal = np.where(charged, np.where(remanded, "CHARGED_REMANDED", "CHARGED_BAILED"),
                        np.where(in_decision, "NO_FURTHER_ACTION", other))
    serious = np.isin(np.array(OFFENCE_GROUPS)[offence], list(SERIOUS_OFFENCES))
    crown = rng.random(n) < np.where(serious, CROWN_SHARE_SERIOUS, CROWN_SHARE_OTHER)
    court = np.where(charged, np.where(crown, "CROWN", "MAGISTRATES"), "")
    strip = rng.random(n) < STRIP_SEARCH_SHARE
    true_false = np.array(["false", "true"])
    tf = lambda flags: true_false[flags.astype(int)]  # noqa: E731
    return {
        "person_id": np.strings.add("P", rng.integers(1, max(2, n * 2), size=n).astype(str)),
        "custody_suite": np.array(SUITES)[rng.integers(0, len(SUITES), size=n)],
        "arrived_at": np.char.add(np.datetime_as_string(arrived, unit="m"), ":00+00:00"),
        "released_at": np.char.add(np.datetime_as_string(released, unit="m"), ":00+00:00"),
        "age": age.astype(str),
        "sex": sex,
        "self_defined_ethnicity": self_defined,
        "officer_observed_ethnicity": officer,
        "offence_group": np.array(OFFENCE_GROUPS)[offence],
        "arresting_lpu": np.array(reference.lpus)[lpu],
        "juvenile": tf(juvenile),
        "appropriate_adult": np.where(juvenile, "true", ""),
        "interpreter": tf(rng.random(n) < INTERPRETER_SHARE),
        "strip_search": tf(strip),
        "strip_search_authorised": np.where(strip, "true", ""),
        "use_of_force": tf(rng.random(n) < USE_OF_FORCE_SHARE),
        "disposal": disposal,
        "court": court,
    }


def generate_custody(scenario: CustodyScenario, out_dir: str | os.PathLike, *,
                     seeds_dir: str | os.PathLike | None = None) -> GeneratedByContract[CustodyTruth]:
    """Write ``custody_<month end>.csv`` files for the scenario into out_dir and return them with the truth."""
    seeds = Path(seeds_dir) if seeds_dir is not None else DEFAULT_SEEDS_DIR
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    reference = load_force_people(seeds, scenario.census_year)
    _check_seeds(seeds)
    n_lpu, n_group = reference.population.shape
    ratios = np.array([scenario.detention_rate_ratios[g] for g in BROAD_GROUPS])
    daily_mean = reference.population * scenario.detentions_per_1000_white_per_year / 1000 * ratios / DAYS_PER_YEAR
    expected = np.zeros((n_lpu, n_group))
    delivered = np.zeros((n_lpu, n_group), dtype=np.int64)
    files: list[Path] = []
    sequence = 1
    for period in periods(scenario.start, scenario.end, scenario.file_period):
        n_days = (period.end - period.start).days + 1
        rng = np.random.default_rng(np.random.SeedSequence(
            scenario.seed, spawn_key=(11, period.start.year, period.start.month, period.start.day)))
        counts = rng.poisson(daily_mean * n_days)
        expected += daily_mean * n_days
        delivered += counts
        cell = np.repeat(np.arange(counts.size), counts.ravel())
        path = out / f"custody_{period.end.isoformat()}.csv"
        with replacing(path) as handle:
            handle.write(",".join(CUSTODY_COLUMNS) + "\n")
            for start in range(0, cell.size, BATCH_ROWS):
                chunk = cell[start:start + BATCH_ROWS]
                columns = _rows(rng, chunk // n_group, chunk % n_group, period.start, n_days, scenario, reference)
                columns["detention_id"] = padded_ids("CD-", np.arange(sequence, sequence + chunk.size), 8)
                sequence += chunk.size
                values = [columns[name].tolist() for name in CUSTODY_COLUMNS]
                if chunk.size:
                    handle.write("\n".join(map(",".join, zip(*values))) + "\n")
        files.append(path)
    keys = [(lpu, g) for lpu in reference.lpus for g in BROAD_GROUPS]
    truth = CustodyTruth(
        scenario=scenario,
        expected_detentions=MappingProxyType({k: float(v) for k, v in zip(keys, expected.ravel())}),
        delivered_detentions=MappingProxyType({k: int(v) for k, v in zip(keys, delivered.ravel())}),
        population=MappingProxyType({k: int(round(v)) for k, v in zip(keys, reference.population.ravel())}),
    )
    return GeneratedByContract(files=files, truth=truth,
                               row_counts=MappingProxyType({CUSTODY_DETENTIONS.name: int(delivered.sum())}))


def scenario_a(seed: int = 11, start: date = date(2024, 4, 1), end: date = date(2025, 3, 31), **overrides
               ) -> CustodyScenario:
    """Crude charge gap produced entirely by offence mix (adjusted charge ratio 1.0)."""
    return CustodyScenario(seed=seed, start=start, end=end, **(SCENARIO_A_OFFENCE_MIX | overrides))


def scenario_b(seed: int = 12, start: date = date(2024, 4, 1), end: date = date(2025, 3, 31), **overrides
               ) -> CustodyScenario:
    """A real within-stratum charge gap: 1.5 for every group against White."""
    return CustodyScenario(seed=seed, start=start, end=end, **(SCENARIO_B_WITHIN_STRATUM | overrides))


__all__ = ["CustodyScenario", "CustodyTruth", "generate_custody", "scenario_a", "scenario_b",
           "OFFENCE_GROUPS", "CUSTODY_COLUMNS"]
