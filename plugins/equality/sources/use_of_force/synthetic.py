"""Synthetic use-of-force forms (``use_of_force_<YYYY-MM>.csv``) with a known truth.

People subjected to force per (local policing unit, broad ethnic group) are Poisson draws around
``population x baseline rate x subject rate ratio`` (the Census 2021 populations of the dbt seeds, as the other
generators use). Each subject is one person in one incident; an incident holds one subject or, sometimes, two.
One to three officers of one team use force on a subject, each writing one report, so a subject has one to three
reports. What the subject experienced is drawn once per subject with per-group shares (the truth): each tactic,
the highest use of a CED (Taser), injury; the subject's first report carries all of it, the others a part of it
and at most a lower CED use (a colleague who drew a Taser another fired), so the marts must count a tactic once
per subject at its highest use. Body-worn video is drawn per report, with a per-group share.

Oversight truth: incidents are placed in a shift (early 07-15, late 15-23, night 23-07, London time) with a
per-group shift mix, then given to a team working that LPU and shift, then to an officer of the team. Most teams
and officers take subjects of every group alike; a few outlier teams take Black subjects more often than the other
teams in the same LPU x month x shift (``OUTLIER_WEIGHT``), and a few outlier officers more often than their
teammates (``OUTLIER_OFFICER_WEIGHT``; where most Black people live, so that a year gives them enough Black
subjects to be screened). One case-mix
team works only nights in the LPU with the most Black residents: its raw share of Black subjects is high only
because of where and when it works, and a benchmark against peers in the same LPU x month x shift must not flag it.

Links: a subject may be linked to a stop-search or a custody detention the other generators wrote (the
``stop_search_*.csv`` and ``custody_*.csv`` files passed in) of the same month, LPU and officer-observed broad
group; the truth counts the links by group.
"""

from __future__ import annotations

import csv
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import MappingProxyType
from zoneinfo import ZoneInfo

import numpy as np

from equality.sources.synthetic_toolkit import (BROAD_GROUPS, DAYS_PER_YEAR, DEFAULT_SEEDS_DIR, GeneratedByContract,
                                                expected_rate_ratio, headers, non_negative_by_group, read_seed,
                                                replacing)
from equality.sources.use_of_force.contracts import TACTICS, USE_OF_FORCE_REPORTS

COLUMNS: tuple[str, ...] = headers(USE_OF_FORCE_REPORTS)
LONDON = ZoneInfo("Europe/London")
SHIFTS: tuple[str, ...] = ("early", "late", "night")
SHIFT_START_HOUR = MappingProxyType({"early": 7, "late": 15, "night": 23})
# CED uses from the least to the most severe (the Home Office order; use_of_force_codes.csv sort_order).
CED_USES: tuple[str, ...] = ("NONE", "DRAWN", "AIMED", "ARCED", "RED_DOT", "DRIVE_STUN", "FIRED")
PERCEIVED_CODE = MappingProxyType({"White": "WHITE", "Black": "BLACK", "Asian": "ASIAN", "Mixed": "MIXED",
                                   "Other": "OTHER"})
PLACE_TYPES = MappingProxyType({"STREET_HIGHWAY": 0.45, "DWELLING": 0.25, "POLICE_VEHICLE": 0.05,
                                "CUSTODY_SUITE": 0.08, "LICENSED_PREMISES": 0.05, "RETAIL_PREMISES": 0.04,
                                "HOSPITAL": 0.03, "TRANSPORT_HUB": 0.02, "OPEN_GROUND": 0.02, "OTHER": 0.01})
OUTCOMES = MappingProxyType({"ARRESTED": 0.70, "DETAINED_MENTAL_HEALTH": 0.08, "TAKEN_TO_HOSPITAL": 0.04,
                             "ESCAPED": 0.03, "NO_FURTHER_ACTION": 0.10, "OTHER": 0.05})
AGE_BANDS = MappingProxyType({"AGE_10_17": 0.10, "AGE_18_24": 0.30, "AGE_25_34": 0.32, "AGE_35_PLUS": 0.26,
                              "NOT_RECORDED": 0.02})
REASONS = MappingProxyType({"reason_protect_self": 0.80, "reason_protect_others": 0.55,
                            "reason_prevent_escape": 0.35, "reason_effect_arrest": 0.60,
                            "reason_prevent_harm": 0.40, "reason_other": 0.05})

DEFAULT_SUBJECT_RATIOS = MappingProxyType({"White": 1.0, "Black": 3.0, "Asian": 1.2, "Mixed": 2.0, "Other": 1.1})
# P(tactic used on the subject) for every group; by group where TACTIC_SHARES_BY_GROUP says otherwise.
DEFAULT_TACTIC_SHARES = MappingProxyType({
    "handcuffing_compliant": 0.45, "handcuffing_non_compliant": 0.35, "ground_restraint": 0.30,
    "unarmed_skills": 0.40, "baton": 0.02, "irritant_spray": 0.05, "spit_and_bite_guard": 0.04,
    "limb_body_restraint": 0.15, "firearms_aimed": 0.01, "firearms_fired": 0.0, "dog": 0.01})
DEFAULT_GROUP_TACTIC_SHARES = MappingProxyType({
    "ground_restraint": {"White": 0.30, "Black": 0.42, "Asian": 0.32, "Mixed": 0.36, "Other": 0.30},
    "irritant_spray": {"White": 0.05, "Black": 0.09, "Asian": 0.05, "Mixed": 0.07, "Other": 0.05}})
# P(any CED use on the subject), and how its highest use is distributed over DRAWN..FIRED.
DEFAULT_CED_SHARES = MappingProxyType({"White": 0.10, "Black": 0.20, "Asian": 0.11, "Mixed": 0.15, "Other": 0.10})
DEFAULT_CED_HIGHEST = MappingProxyType({"DRAWN": 0.45, "AIMED": 0.20, "ARCED": 0.05, "RED_DOT": 0.20,
                                        "DRIVE_STUN": 0.02, "FIRED": 0.08})
DEFAULT_SUBJECT_INJURY = MappingProxyType({"White": 0.12, "Black": 0.15, "Asian": 0.12, "Mixed": 0.13,
                                           "Other": 0.12})
OFFICER_INJURY_SHARE = 0.06
# P(the officer's body-worn video was on), per report.
DEFAULT_BODY_WORN_VIDEO = MappingProxyType({"White": 0.85, "Black": 0.75, "Asian": 0.84, "Mixed": 0.80,
                                            "Other": 0.84})
# Shift mix of incidents by group: Black subjects are met more often at night (so a night team's raw share of
# Black subjects is higher with no bias at all).
SHIFT_MIX = MappingProxyType({"White": (0.35, 0.40, 0.25), "Black": (0.20, 0.35, 0.45),
                              "Asian": (0.30, 0.40, 0.30), "Mixed": (0.25, 0.40, 0.35),
                              "Other": (0.30, 0.40, 0.30)})
SECOND_SUBJECT_SHARE = 0.12   # share of subjects who share the incident of the subject before them
EXTRA_OFFICER_MEAN = 0.5      # officers on a subject: 1 + Poisson(0.5), at most 3
MENTAL_HEALTH_SHARE, PHYSICAL_IMPAIRMENT_SHARE, SELF_DEFINED_RECORDED_SHARE = 0.15, 0.05, 0.6
STOP_SEARCH_LINK_SHARE, CUSTODY_LINK_SHARE_OF_ARRESTS = 0.20, 0.60
TEAMS_PER_LPU, OFFICERS_PER_TEAM, OUTLIER_WEIGHT = 4, 6, 4.0
# An outlier officer is the first officer of 12 times as many of its team's Black subjects as a teammate: its
# teammates attend some of those incidents too (their own reports), so its share of reports on Black subjects is
# about 3 times theirs on the test night, not 12.
OUTLIER_OFFICER_WEIGHT = 12.0
CASE_MIX_LPU = "BIR"


@dataclass(frozen=True)
class UseOfForceScenario:
    """What the synthetic force did: the truth the use-of-force marts should recover.

    seed: makes the run reproducible. start, end: the first and last day of incidents (whole months are written).
    subjects_per_1000_white_per_year: people subjected to force per 1,000 White residents a year (an incident
        with two people counts two); a group's rate is this times its ratio.
    subject_rate_ratios: each broad group's rate relative to White.
    ced_shares: per group, the share of subjects on whom a CED was used (any use); ced_highest: how the highest
        use is spread over DRAWN..FIRED (every group alike).
    tactic_shares: per tactic and group, the share of subjects it was used on.
    subject_injury_shares, body_worn_video_shares: per group; body-worn video is per report.
    outlier_officers, outlier_teams: how many of each take Black subjects more often than their peers
        (teams OUTLIER_WEIGHT times as often as another team, officers OUTLIER_OFFICER_WEIGHT times as often as a
        teammate).
    """

    seed: int
    start: date
    end: date
    census_year: int = 2021
    subjects_per_1000_white_per_year: float = 1.0
    subject_rate_ratios: Mapping[str, float] = field(default_factory=dict)
    ced_shares: Mapping[str, float] = field(default_factory=dict)
    ced_highest: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_CED_HIGHEST))
    tactic_shares: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    subject_injury_shares: Mapping[str, float] = field(default_factory=dict)
    body_worn_video_shares: Mapping[str, float] = field(default_factory=dict)
    outlier_officers: int = 3
    outlier_teams: int = 2

    def __post_init__(self) -> None:
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731 (frozen dataclass)
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        set_("subject_rate_ratios", non_negative_by_group("subject_rate_ratios", self.subject_rate_ratios,
                                              DEFAULT_SUBJECT_RATIOS))
        set_("ced_shares", non_negative_by_group("ced_shares", self.ced_shares, DEFAULT_CED_SHARES))
        set_("subject_injury_shares", non_negative_by_group("subject_injury_shares", self.subject_injury_shares,
                                                DEFAULT_SUBJECT_INJURY))
        set_("body_worn_video_shares", non_negative_by_group("body_worn_video_shares", self.body_worn_video_shares,
                                                 DEFAULT_BODY_WORN_VIDEO))
        if set(self.ced_highest) - set(CED_USES[1:]) or abs(sum(self.ced_highest.values()) - 1) > 1e-9:
            raise ValueError(f"ced_highest: weights over {CED_USES[1:]} summing to 1")
        unknown = set(self.tactic_shares) - set(TACTICS)
        if unknown:
            raise ValueError(f"tactic_shares: unknown tactic(s) {sorted(unknown)}; expected some of {TACTICS}")
        set_("tactic_shares", MappingProxyType({
            tactic: non_negative_by_group(f"tactic_shares[{tactic!r}]",
                              self.tactic_shares.get(tactic, DEFAULT_GROUP_TACTIC_SHARES.get(tactic, {})),
                              {group: DEFAULT_TACTIC_SHARES[tactic] for group in BROAD_GROUPS})
            for tactic in TACTICS}))
        shares = [*self.ced_shares.values(), *self.subject_injury_shares.values(),
                  *self.body_worn_video_shares.values(),
                  *(share for by_group in self.tactic_shares.values() for share in by_group.values())]
        if any(share > 1 for share in shares):
            raise ValueError("shares must be at most 1")

    def ced_fired_share(self, group: str) -> float:
        """The share of the group's subjects whose highest CED use was FIRED."""
        return self.ced_shares[group] * self.ced_highest["FIRED"]


@dataclass(frozen=True)
class UseOfForceTruth:
    scenario: UseOfForceScenario
    expected_subjects: Mapping[tuple[str, str], float]
    delivered_subjects: Mapping[tuple[str, str], int]
    population: Mapping[tuple[str, str], int]
    reports: int
    incidents: int
    # oversight: raw (not yet pseudonymised) officer ids and team codes
    outlier_officer_ids: tuple[str, ...]
    outlier_teams: tuple[str, ...]
    case_mix_team: str
    # links delivered, by the subject's broad group
    stop_search_links: Mapping[str, int]
    custody_links: Mapping[str, int]

    def rate_ratio(self, group: str, lpu_code: str | None = None) -> float:
        """The ratio of expected subjects per head, group vs White (force-wide when lpu_code is None)."""
        return expected_rate_ratio(self.expected_subjects, self.population, group, lpu_code)


@dataclass(frozen=True)
class _Team:
    code: str
    lpu: str
    shifts: tuple[str, ...]
    officers: tuple[str, ...]


def _population(seeds: Path, census_year: int) -> dict[tuple[str, str], int]:
    """Usual residents by (LPU, broad group), from the seeds the marts' denominators come from."""
    la_of = {row["la_code"]: row["lpu_code"] for row in read_seed(seeds, "local_policing_units.csv")}
    broad_of = {row["ethnic_group_code"]: row["broad_ethnic_group"]
                for row in read_seed(seeds, "ethnic_groups.csv")}
    population: Counter = Counter({(lpu, group): 0 for lpu in la_of.values() for group in BROAD_GROUPS})
    for row in read_seed(seeds, "census_population.csv"):
        if row["census_year"] == str(census_year) and row["la_code"] in la_of and row["ethnic_group_code"] in broad_of:
            population[la_of[row["la_code"]], broad_of[row["ethnic_group_code"]]] += int(row["population"].replace(",", ""))
    return dict(population)


def _teams(lpus: Iterable[str], outlier_teams: int, outlier_officers: int, black_residents: Mapping[str, int]
           ) -> tuple[list[_Team], tuple[str, ...], tuple[str, ...], str]:
    """Response teams in every LPU working every shift, plus the case-mix team (nights in CASE_MIX_LPU only).
    The outlier teams are the first teams of the first LPUs; the outlier officers are the last officer of each
    other team, the teams of the LPU with the most Black residents first (a Dudley team meets about five Black
    subjects a year, too few for any of its officers to be screened)."""
    teams = [_Team(f"{lpu}-RESP-{number}", lpu, SHIFTS,
                   tuple(f"UOF-{lpu}-{number}-{officer:02d}" for officer in range(1, OFFICERS_PER_TEAM + 1)))
             for lpu in lpus for number in range(1, TEAMS_PER_LPU + 1)]
    case_mix = _Team(f"{CASE_MIX_LPU}-NIGHT", CASE_MIX_LPU, ("night",),
                     tuple(f"UOF-{CASE_MIX_LPU}-N-{officer:02d}" for officer in range(1, OFFICERS_PER_TEAM + 1)))
    outlier_team_codes = tuple(team.code for team in teams[::TEAMS_PER_LPU][:outlier_teams])
    officer_teams = sorted((team for team in teams if team.code not in outlier_team_codes),
                           key=lambda team: -black_residents[team.lpu])
    outlier_officer_ids = tuple(team.officers[-1] for team in officer_teams[:outlier_officers])
    return [*teams, case_mix], outlier_team_codes, outlier_officer_ids, case_mix.code


def _months(start: date, end: date) -> list[date]:
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def _linkable(paths: Iterable[Path], id_column: str, at_column: str, lpu_column: str, seeds: Path
              ) -> dict[tuple[date, str, str], list[str]]:
    """Record ids of other extracts by (month, LPU, officer-observed broad group), in file order."""
    broad_of = {row["source_value"]: row["broad_ethnic_group"] for row in read_seed(seeds, "ethnicity_source_values.csv")
                if row["source_system"] == "force_officer_observed"}
    pools: dict[tuple[date, str, str], list[str]] = defaultdict(list)
    for path in paths:
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                month = date.fromisoformat(row[at_column][:7] + "-01")
                pools[month, row[lpu_column], broad_of.get(row["officer_observed_ethnicity"], "Not stated")].append(
                    row[id_column])
    return pools


def _pick(rng: np.random.Generator, weights: Mapping[str, float]) -> str:
    keys = list(weights)
    values = np.array([weights[key] for key in keys], dtype=float)
    return keys[rng.choice(len(keys), p=values / values.sum())]


def _incident_at(rng: np.random.Generator, month: date, shift: str) -> datetime:
    """A London wall-clock time in the shift on a day of the month, in UTC."""
    days = ((month + timedelta(days=32)).replace(day=1) - month).days
    day = month + timedelta(days=int(rng.integers(0, days)))
    local = datetime(day.year, day.month, day.day, SHIFT_START_HOUR[shift], tzinfo=LONDON) \
        + timedelta(minutes=int(rng.integers(0, 8 * 60)))
    if local.date().month != month.month:  # a night shift that began on the month's last day: keep it in the month
        local -= timedelta(days=1)
    return local.astimezone(timezone.utc)


def _subject_rows(rng: np.random.Generator, scenario: UseOfForceScenario, group: str, team: _Team, officer: str,
                  incident: dict[str, str], subject_id: str, self_defined: str) -> list[dict[str, str]]:
    """The reports of one subject: the first officer's report carries everything the subject experienced."""
    tactics = {tactic: rng.random() < scenario.tactic_shares[tactic][group] for tactic in TACTICS}
    highest = _pick(rng, scenario.ced_highest) if rng.random() < scenario.ced_shares[group] else "NONE"
    injured = rng.random() < scenario.subject_injury_shares[group]
    others = [other for other in team.officers if other != officer]
    officers = [officer, *rng.choice(others, size=min(2, int(rng.poisson(EXTRA_OFFICER_MEAN))), replace=False)]
    subject = {
        "subject_id": subject_id,
        "perceived_ethnicity": PERCEIVED_CODE[group],
        "self_defined_ethnicity": self_defined,
        "sex": _pick(rng, {"M": 0.85, "F": 0.14, "X": 0.01}),
        "age_band": _pick(rng, AGE_BANDS),
        "mental_health_impairment": rng.random() < MENTAL_HEALTH_SHARE,
        "physical_impairment": rng.random() < PHYSICAL_IMPAIRMENT_SHARE,
        "subject_injured": injured,
    }
    rows = []
    for number, report_officer in enumerate(officers):
        first = number == 0
        lower = CED_USES[int(rng.integers(1, CED_USES.index(highest)))] if CED_USES.index(highest) > 1 else "NONE"
        row = {**incident, **subject, "officer_id": str(report_officer), "team": team.code,
               **{reason: rng.random() < share for reason, share in REASONS.items()},
               **{f"tactic_{tactic}": used and (first or rng.random() < 0.5) for tactic, used in tactics.items()},
               "ced_highest_use": highest if first else lower,
               "subject_injured": injured and first or (injured and rng.random() < 0.5),
               "officer_injured": rng.random() < OFFICER_INJURY_SHARE,
               "body_worn_video_on": rng.random() < scenario.body_worn_video_shares[group]}
        rows.append(row)
    return rows


def generate_use_of_force(scenario: UseOfForceScenario, out_dir: str | os.PathLike, *,
                          stop_search_files: Iterable[Path] = (), custody_files: Iterable[Path] = (),
                          seeds_dir: str | os.PathLike | None = None) -> GeneratedByContract[UseOfForceTruth]:
    """Write ``use_of_force_<YYYY-MM>.csv`` for every month of the scenario into out_dir, with the truth."""
    seeds = Path(seeds_dir) if seeds_dir is not None else DEFAULT_SEEDS_DIR
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    population = _population(seeds, scenario.census_year)
    lpus = sorted({lpu for lpu, _ in population})
    teams, outlier_teams, outlier_officers, case_mix_team = _teams(
        lpus, scenario.outlier_teams, scenario.outlier_officers, {lpu: population[lpu, "Black"] for lpu in lpus})
    searches = _linkable(stop_search_files, "record_id", "searched_at", "lpu_code", seeds)
    detentions = _linkable(custody_files, "detention_id", "arrived_at", "arresting_lpu", seeds)
    self_defined = {group: [row["source_value"] for row in read_seed(seeds, "ethnicity_source_values.csv")
                            if row["source_system"] == "force_self_defined" and row["broad_ethnic_group"] == group]
                    for group in BROAD_GROUPS}
    expected: Counter = Counter()
    delivered: Counter = Counter()
    links = {"stop_search": Counter(), "custody": Counter()}
    files, reports, incidents = [], 0, 0
    for month in _months(scenario.start, scenario.end):
        rng = np.random.default_rng(np.random.SeedSequence(scenario.seed, spawn_key=(13, month.year, month.month)))
        days = ((month + timedelta(days=32)).replace(day=1) - month).days
        rows: list[dict] = []
        previous: dict | None = None
        for lpu in lpus:
            for group in BROAD_GROUPS:
                mean = (population[lpu, group] * scenario.subjects_per_1000_white_per_year / 1000
                        * scenario.subject_rate_ratios[group] * days / DAYS_PER_YEAR)
                expected[lpu, group] += mean
                for _ in range(int(rng.poisson(mean))):
                    delivered[lpu, group] += 1
                    if previous is not None and previous["lpu_code"] == lpu and rng.random() < SECOND_SUBJECT_SHARE:
                        incident, shift = previous["incident"], previous["shift"]
                        subject_number = previous["subject_number"] + 1
                    else:
                        incidents += 1
                        subject_number = 1
                        shift = SHIFTS[rng.choice(3, p=SHIFT_MIX[group])]
                        incident = {"incident_id": f"UOF-I-{incidents:07d}",
                                    "incident_at": _incident_at(rng, month, shift).isoformat(timespec="minutes"),
                                    "lpu_code": lpu, "place_type": _pick(rng, PLACE_TYPES),
                                    "outcome": _pick(rng, OUTCOMES)}
                    working = [team for team in teams if team.lpu == lpu and shift in team.shifts]
                    team_weights = np.array([OUTLIER_WEIGHT if group == "Black" and team.code in outlier_teams
                                             else 1.0 for team in working])
                    team = working[rng.choice(len(working), p=team_weights / team_weights.sum())]
                    officer_weights = np.array([OUTLIER_OFFICER_WEIGHT if group == "Black" and officer in outlier_officers
                                                else 1.0 for officer in team.officers])
                    officer = team.officers[rng.choice(len(team.officers), p=officer_weights / officer_weights.sum())]
                    linked = {"stop_search_record_id": "", "custody_detention_id": ""}
                    pool = searches.get((month, lpu, group))
                    if pool and rng.random() < STOP_SEARCH_LINK_SHARE:
                        linked["stop_search_record_id"] = pool.pop(0)
                        links["stop_search"][group] += 1
                    pool = detentions.get((month, lpu, group))
                    if pool and incident["outcome"] == "ARRESTED" and rng.random() < CUSTODY_LINK_SHARE_OF_ARRESTS:
                        linked["custody_detention_id"] = pool.pop(0)
                        links["custody"][group] += 1
                    stated = self_defined[group]
                    recorded = stated and rng.random() < SELF_DEFINED_RECORDED_SHARE
                    rows.extend(_subject_rows(rng, scenario, group, team, officer, {**incident, **linked},
                                              f"{incident['incident_id']}-S{subject_number}",
                                              stated[rng.integers(len(stated))] if recorded else "NS"))
                    previous = {"lpu_code": lpu, "incident": incident, "shift": shift,
                                "subject_number": subject_number}
        files.append(_write_month(out, month, rows, reports))
        reports += len(rows)
    truth = UseOfForceTruth(
        scenario=scenario,
        expected_subjects=MappingProxyType(dict(expected)),
        delivered_subjects=MappingProxyType({key: delivered[key] for key in population}),
        population=MappingProxyType(population),
        reports=reports, incidents=incidents,
        outlier_officer_ids=outlier_officers, outlier_teams=outlier_teams, case_mix_team=case_mix_team,
        stop_search_links=MappingProxyType(dict(links["stop_search"])),
        custody_links=MappingProxyType(dict(links["custody"])),
    )
    return GeneratedByContract(files=files, row_counts=MappingProxyType({USE_OF_FORCE_REPORTS.name: reports}),
                               truth=truth)


def _write_month(out: Path, month: date, rows: list[dict], first_report: int) -> Path:
    """One month's file, written whole under a temporary name first; report ids continue across months."""
    path = out / f"use_of_force_{month:%Y-%m}.csv"
    with replacing(path) as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for number, row in enumerate(rows, start=first_report + 1):
            writer.writerow({name: str(value).lower() if isinstance(value, (bool, np.bool_)) else value
                             for name, value in {**row, "report_id": f"UOF-R-{number:08d}"}.items()})
    return path


def redeliver_month(path: Path) -> int:
    """Rewrite a delivered month as a corrected re-delivery: every report whose officer had their body-worn video
    off is corrected to on (a form completed late). Returns how many reports changed."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    changed = sum(row["body_worn_video_on"] == "false" for row in rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({**row, "body_worn_video_on": "true"} for row in rows)
    return changed


def demo_scenario(seed: int = 13, start: date = date(2023, 4, 1), end: date = date(2025, 3, 31), **overrides
                  ) -> UseOfForceScenario:
    """The demo force: the default ratios, tactic mix, Taser use and outliers over two financial years."""
    return UseOfForceScenario(seed=seed, start=start, end=end, **overrides)


__all__ = ["UseOfForceScenario", "UseOfForceTruth", "generate_use_of_force",
           "redeliver_month", "demo_scenario", "COLUMNS", "CED_USES", "SHIFTS"]
