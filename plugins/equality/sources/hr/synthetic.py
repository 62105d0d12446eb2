"""Synthetic HR (workforce) extracts with injected disparities and a known truth.

A small force is simulated month by month from ``start`` (the first of a month) to ``end`` (a month's last day).
Each month ``D`` (its last day) gets four files in the HR data contracts' formats (``equality.contracts``):

- ``hr_people_D.csv`` (``HR_PEOPLE``): a full snapshot of everyone employed at the end of the month;
- ``hr_events_D.csv`` (``HR_EVENTS``): joiners, leavers, substantive and temporary promotions and specialist
  moves effective in the month;
- ``hr_process_stages_D.csv`` (``HR_PROCESS_STAGES``): recruitment and promotion process rows dated in the month;
- ``hr_vetting_D.csv`` (``HR_VETTING``): recruitment vetting applications decided in the month.

The truth (what a warehouse mart should recover; ``WorkforceTruth`` carries it):

- **Stages.** Recruitment campaigns (every ``campaign_every_months``, external applicants ``C000001``...,
  target role CONSTABLE, and PCSO if ``pcso_campaigns``) and yearly promotion processes (one per rank in
  ``PROMOTION_RANKS``, candidates the officers of that rank, target the next rank up) run through the stages of
  ``process_stages.csv``. APPLICATION is always PASSED. At every later stage but the last, a candidate first
  WITHDRAWS with probability ``withdrawal_probability`` (the same for every group; they stop), otherwise PASSES
  with probability ``pass_probability[stage] x stage_pass_ratio[stage][group]`` (White's ratio is 1), otherwise
  FAILS (they stop). The last stage (APPOINTED, PROMOTED) is always PASSED by those who reach it. Among the
  candidates *assessed* at a stage (passed + failed, withdrawals left out) a group's pass rate over White's is
  therefore the injected ratio. Defaults: ASSESSMENT_CENTRE Black 0.7 (recruitment), BOARD Black 0.75
  (promotion), every other stage 1.
- **Vetting.** The VETTING stage's failure is a refusal: P(refused | not withdrawn) = ``vetting_base_refusal x
  vetting_refusal_ratio[group]`` (defaults 0.08; Black 1.8, Asian 1.3). Each candidate who enters VETTING has
  one vetting record, decided on the VETTING stage date, GRANTED / REFUSED / WITHDRAWN as the stage PASSED /
  FAILED / WITHDRAWN, so the refusal rate among decided (granted + refused) applications has the injected ratio;
  the VETTING stage's pass ratio is derived from it, ``(1 - b r) / (1 - b)``.
- **Leavers.** Each month a person leaves with probability ``annual_leaver_rate / 12 x leaver_rate_ratio[group]``
  (defaults 0.07; Black 1.5); the reason is drawn from ``LEAVER_REASON_MIX`` whatever the group. So leavers in a
  month over the previous month-end snapshot's headcount give the ratio. Two exceptions, neither depending on
  the group: everyone retires (reason RETIREMENT) on their 65th birthday (rare: nobody starts older than 60),
  and an officer who is a candidate in a promotion process does not leave until the process is over for them
  (so no process row or promotion ever follows a leaver).
- **Specialist moves.** Constables, sergeants and inspectors outside a specialist department (``departments.csv``
  ``is_specialist``) move into one with monthly probability ``annual_specialist_entry_rate / 12 x
  specialist_entry_ratio[group]`` (default Asian 0.8, others 1); specialists move out at
  ``annual_specialist_exit_rate / 12`` whatever their group. Temporary promotions (to the next rank, the
  snapshot keeps the substantive rank) have a small hazard with no disparity.
- **Representation.** The starting workforce's broad ethnic groups follow ``workforce_group_shares`` (default
  White 0.88, Asian 0.06, Black 0.03, Mixed 0.02, Other 0.01), applicants' and direct hires' follow
  ``applicant_group_shares`` (White 0.62, Asian 0.22, Black 0.09, Mixed 0.04, Other 0.03). About 3% of people
  prefer not to say their ethnicity (``PNS``) and 2% have none recorded (``NR``): they belong to no broad group
  and every injected ratio is 1 for them. Other characteristics are drawn from plausible mixes, each with some
  PREFER_NOT_TO_SAY and NOT_RECORDED.

Headcount stays roughly stable: campaigns are sized to replace the expected leavers of their workforce type (or
``applicants_per_campaign`` fixes their size), and staff and specials (PCSOs too without PCSO campaigns) are
hired directly, a Poisson number each month around the gap to the starting headcount, with a JOINER event and no
process rows. Appointed recruits join as CONSTABLE or PCSO under a new person id (``P000123``) on their
APPOINTED date; candidate ids are never person ids (the link is kept in memory only).

Codes (ranks and their workforce types and order, departments and whether specialist, process stages, the HR
code lists, ``hr_self_defined`` ethnicity codes with their broad groups, ``hr`` sex codes, local policing
units) are read from the dbt seeds; the codes this module's mixes name are checked against them. Each file's
header is the contract's (``[c.header for c in CONTRACT.columns]``) and its values are looked up by header, so a
contract column the generator does not fill fails loudly instead of drifting.

Determinism and memory: the starting workforce and each month draw from their own streams derived from the seed
(``SeedSequence(seed, spawn_key=...)``), so a scenario always gives byte-identical files. Only the current
people (a few arrays and one cached CSV line each) and the process rows still to come are held; every month's
files are written as the month is simulated (to a temporary name, then renamed into place).

Usage::

    from equality.sources.hr.synthetic import demo_scenario, generate_workforce

    generated = generate_workforce(demo_scenario(), "landing/")
    generated.row_counts["hr_people"]
    generated.truth.stage_pass_ratio("RECRUITMENT", "ASSESSMENT_CENTRE", "Black")   # 0.7
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

import numpy as np

from equality.contracts import SourceContract
from equality.sources.hr.contracts import HR_EVENTS, HR_PEOPLE, HR_PROCESS_STAGES, HR_VETTING
from equality.sources.synthetic_toolkit import (BROAD_GROUPS, DAYS_PER_YEAR, DEFAULT_SEEDS_DIR, ONES,
                                                GeneratedByContract, by_group, check_whole_months, contract_lines,
                                                cumulative, epoch_day, is_true, iso_dates, padded_ids, pick,
                                                ratios_to_white, read_seed, require, sort_key, write_contract_file)

# ------------------------------------------------------------------------------------------------ codes we name

WORKFORCE_TYPES: tuple[str, ...] = ("OFFICER", "STAFF", "PCSO", "SPECIAL")
OFFICER, STAFF, PCSO, SPECIAL = range(4)
EVENT_TYPES: tuple[str, ...] = ("JOINER", "LEAVER", "PROMOTION_SUBSTANTIVE", "PROMOTION_TEMPORARY",
                                "SPECIALIST_IN", "SPECIALIST_OUT")
JOINER, LEAVER, PROMOTION_SUBSTANTIVE, PROMOTION_TEMPORARY, SPECIALIST_IN, SPECIALIST_OUT = range(6)
RECRUITMENT, PROMOTION = "RECRUITMENT", "PROMOTION"
# The stages as process_stages.csv orders them (checked at run time: the truth is defined on these).
RECRUITMENT_STAGES: tuple[str, ...] = ("APPLICATION", "ELIGIBILITY_SIFT", "ONLINE_ASSESSMENT", "ASSESSMENT_CENTRE",
                                       "INTERVIEW", "VETTING", "MEDICAL", "FITNESS", "OFFER", "APPOINTED")
PROMOTION_STAGES: tuple[str, ...] = ("APPLICATION", "EXAM", "INTERVIEW", "BOARD", "PROMOTED")
STAGES: Mapping[str, tuple[str, ...]] = MappingProxyType({RECRUITMENT: RECRUITMENT_STAGES,
                                                          PROMOTION: PROMOTION_STAGES})
VETTING_STAGE = "VETTING"
OUTCOMES: tuple[str, ...] = ("PASSED", "FAILED", "WITHDRAWN")
PASSED, FAILED, WITHDRAWN = range(3)
VETTING_OUTCOMES: tuple[str, ...] = ("GRANTED", "REFUSED", "WITHDRAWN")   # by stage outcome
VETTING_LEVEL = "RECRUITMENT_VETTING"
OFFICER_RANKS: tuple[str, ...] = ("CONSTABLE", "SERGEANT", "INSPECTOR", "CHIEF_INSPECTOR", "SUPERINTENDENT",
                                  "CHIEF_SUPERINTENDENT", "ASSISTANT_CHIEF_CONSTABLE", "DEPUTY_CHIEF_CONSTABLE",
                                  "CHIEF_CONSTABLE")
PROMOTION_RANKS: tuple[str, ...] = ("CONSTABLE", "SERGEANT", "INSPECTOR", "CHIEF_INSPECTOR")
SPECIALIST_MOVE_RANKS: tuple[str, ...] = ("CONSTABLE", "SERGEANT", "INSPECTOR")
ENTRY_RANK: Mapping[str, str] = MappingProxyType({"OFFICER": "CONSTABLE", "PCSO": "PCSO"})

ETHNICITY_SYSTEM = "hr_self_defined"
SEX_SYSTEM = "hr"
PREFER_NOT_TO_SAY, NOT_RECORDED = "Prefer not to say", "Not recorded"   # broad_ethnic_group of PNS and NR
GROUP_LABELS: tuple[str, ...] = BROAD_GROUPS + (PREFER_NOT_TO_SAY, NOT_RECORDED)
"""Index 0-4: the broad groups (White first); 5 and 6: ethnicity not given (in no group's ratio)."""

# ------------------------------------------------------------------------------------------------ mixes

DEFAULT_INITIAL_HEADCOUNT = MappingProxyType({"OFFICER": 1_500, "STAFF": 900, "PCSO": 150, "SPECIAL": 100})
BENCH_INITIAL_HEADCOUNT = MappingProxyType({"OFFICER": 7_000, "STAFF": 4_000, "PCSO": 600, "SPECIAL": 400})
DEFAULT_OFFICER_RANK_SHARES = MappingProxyType({
    "CONSTABLE": 0.75, "SERGEANT": 0.16, "INSPECTOR": 0.06, "CHIEF_INSPECTOR": 0.02, "SUPERINTENDENT": 0.0065,
    "CHIEF_SUPERINTENDENT": 0.0025, "ASSISTANT_CHIEF_CONSTABLE": 0.0006, "DEPUTY_CHIEF_CONSTABLE": 0.0002,
    "CHIEF_CONSTABLE": 0.0002})
RANK_MIX: Mapping[str, Mapping[str, float]] = MappingProxyType({   # the officers' comes from the scenario
    "STAFF": {"STAFF_GRADE_A_D": 0.45, "STAFF_GRADE_E_G": 0.35, "STAFF_GRADE_H_J": 0.15, "STAFF_GRADE_K_PLUS": 0.05},
    "PCSO": {"PCSO": 1.0},
    "SPECIAL": {"SPECIAL_CONSTABLE": 0.85, "SPECIAL_SERGEANT_PLUS": 0.15},
})
HIRE_RANK_MIX: Mapping[str, Mapping[str, float]] = MappingProxyType({
    "STAFF": RANK_MIX["STAFF"], "PCSO": {"PCSO": 1.0}, "SPECIAL": {"SPECIAL_CONSTABLE": 1.0},
    "OFFICER": {"CONSTABLE": 1.0}})
DEPARTMENT_MIX: Mapping[str, Mapping[str, float]] = MappingProxyType({
    "OFFICER": {"RESPONSE": 0.33, "NEIGHBOURHOOD": 0.20, "INVESTIGATIONS": 0.16, "PUBLIC_PROTECTION": 0.10,
                "CUSTODY": 0.03, "CONTACT": 0.02, "CORPORATE_SERVICES": 0.01, "FIREARMS": 0.04,
                "ROADS_POLICING": 0.03, "DOGS": 0.01, "SURVEILLANCE": 0.015, "COUNTER_TERRORISM": 0.015,
                "MAJOR_CRIME": 0.02, "PROFESSIONAL_STANDARDS": 0.01},
    "STAFF": {"CONTACT": 0.34, "CORPORATE_SERVICES": 0.30, "INVESTIGATIONS": 0.10, "CUSTODY": 0.09,
              "PUBLIC_PROTECTION": 0.10, "MAJOR_CRIME": 0.04, "PROFESSIONAL_STANDARDS": 0.03},
    "PCSO": {"NEIGHBOURHOOD": 1.0},
    "SPECIAL": {"NEIGHBOURHOOD": 0.65, "RESPONSE": 0.35},
})
JOINER_DEPARTMENT_MIX: Mapping[str, Mapping[str, float]] = MappingProxyType({
    **DEPARTMENT_MIX, "OFFICER": {"RESPONSE": 0.7, "NEIGHBOURHOOD": 0.3}})
# Where officers leaving a specialist department go. Officers entering one pick it by DEPARTMENT_MIX["OFFICER"]
# among the departments departments.csv marks specialist (weight SPECIALIST_DEFAULT_WEIGHT if not listed).
SPECIALIST_OUT_MIX = MappingProxyType({"RESPONSE": 0.4, "NEIGHBOURHOOD": 0.2, "INVESTIGATIONS": 0.3,
                                       "PUBLIC_PROTECTION": 0.1})
SPECIALIST_DEFAULT_WEIGHT = 0.01
# Share of local policing units' people by unit (units not listed get the mean weight); staff in HQ departments
# have no unit with HQ_NO_LPU_SHARE probability.
LPU_WEIGHTS = MappingProxyType({"BIR": 0.38, "COV": 0.12, "DUD": 0.10, "SAN": 0.11, "SOL": 0.07, "WAL": 0.10,
                                "WOL": 0.12})
HQ_NO_LPU_SHARE = MappingProxyType({"CORPORATE_SERVICES": 0.5})
STAFF_PART_TIME_SHARE = 0.20
PART_TIME_FTE_TENTHS = (5, 6, 7, 8)
SPECIAL_FTE_TENTHS = 2
# Age in years at the start (mean, standard deviation), clipped to AGE_AT_START_RANGE; applicants are
# 18 + gamma(APPLICANT_AGE_GAMMA) (at most 50), direct hires 18 + gamma(HIRE_AGE_GAMMA) (at most 60).
AGE_AT_START = MappingProxyType({"OFFICER": (39.0, 9.0), "STAFF": (44.0, 11.0), "PCSO": (38.0, 11.0),
                                 "SPECIAL": (31.0, 9.0)})
AGE_AT_START_RANGE = (19.0, 60.0)
MIN_AGE = 18.05
APPLICANT_AGE_GAMMA, HIRE_AGE_GAMMA = (2.0, 3.5), (2.5, 7.0)
RETIREMENT_AGE = 65
PROMOTION_MAX_AGE = 63.0

ETHNICITY_CODE_WEIGHTS = MappingProxyType({   # within a broad group; codes not listed weigh 0.05
    "W1": 0.86, "W2": 0.02, "W9": 0.12, "M1": 0.40, "M2": 0.10, "M3": 0.30, "M9": 0.20, "A1": 0.33, "A2": 0.42,
    "A3": 0.08, "A9": 0.12, "O1": 0.05, "B1": 0.45, "B2": 0.45, "B9": 0.10, "O9": 1.0})
ETHNICITY_DEFAULT_WEIGHT = 0.05
SEX_MIX: Mapping[str, Mapping[str, float]] = MappingProxyType({
    "OFFICER": {"M": 0.640, "F": 0.352, "X": 0.002, "U": 0.006},
    "STAFF": {"M": 0.380, "F": 0.610, "X": 0.002, "U": 0.008},
    "PCSO": {"M": 0.520, "F": 0.470, "X": 0.002, "U": 0.008},
    "SPECIAL": {"M": 0.700, "F": 0.290, "X": 0.002, "U": 0.008},
})
PNS, NR = "PREFER_NOT_TO_SAY", "NOT_RECORDED"
CHARACTERISTIC_MIX: Mapping[str, Mapping[str, float]] = MappingProxyType({
    "disability": {"DISABLED": 0.06, "NOT_DISABLED": 0.80, PNS: 0.05, NR: 0.09},
    "sexual_orientation": {"HETEROSEXUAL": 0.85, "GAY_LESBIAN": 0.025, "BISEXUAL": 0.02, "OTHER_ORIENTATION": 0.005,
                           PNS: 0.05, NR: 0.05},
    "gender_reassignment": {"GENDER_SAME_AS_AT_BIRTH": 0.89, "GENDER_DIFFERENT_FROM_BIRTH": 0.004, PNS: 0.04,
                            NR: 0.066},
    "marital_status": {"SINGLE": 0.34, "MARRIED_OR_CIVIL_PARTNERSHIP": 0.46, "SEPARATED": 0.03,
                       "DIVORCED_OR_DISSOLVED": 0.06, "WIDOWED": 0.01, PNS: 0.04, NR: 0.06},
})
# Religion by broad group; people whose ethnicity is not given use "*" (they also withhold more).
RELIGION_MIX: Mapping[str, Mapping[str, float]] = MappingProxyType({
    "White": {"NO_RELIGION": 0.50, "CHRISTIAN": 0.34, "BUDDHIST": 0.005, "JEWISH": 0.005, "OTHER_RELIGION": 0.01,
              PNS: 0.07, NR: 0.07},
    "Black": {"CHRISTIAN": 0.58, "MUSLIM": 0.13, "NO_RELIGION": 0.12, "OTHER_RELIGION": 0.03, PNS: 0.07, NR: 0.07},
    "Asian": {"MUSLIM": 0.42, "SIKH": 0.18, "HINDU": 0.14, "CHRISTIAN": 0.04, "BUDDHIST": 0.02, "NO_RELIGION": 0.06,
              PNS: 0.07, NR: 0.07},
    "Mixed": {"NO_RELIGION": 0.40, "CHRISTIAN": 0.32, "MUSLIM": 0.10, "OTHER_RELIGION": 0.04, PNS: 0.07, NR: 0.07},
    "Other": {"MUSLIM": 0.30, "CHRISTIAN": 0.22, "NO_RELIGION": 0.18, "BUDDHIST": 0.10, "HINDU": 0.04,
              "OTHER_RELIGION": 0.02, PNS: 0.07, NR: 0.07},
    "*": {"NO_RELIGION": 0.30, "CHRISTIAN": 0.20, "MUSLIM": 0.05, "OTHER_RELIGION": 0.05, PNS: 0.25, NR: 0.15},
})
# Pregnancy or maternity: women under 45 (at the date they are first recorded), and everyone else.
PREGNANCY_MIX_WOMEN_UNDER_45 = MappingProxyType({"PREGNANT_OR_MATERNITY": 0.05, "NOT_PREGNANT_OR_MATERNITY": 0.85,
                                                 PNS: 0.03, NR: 0.07})
PREGNANCY_MIX_OTHERS = MappingProxyType({"NOT_PREGNANT_OR_MATERNITY": 0.90, PNS: 0.03, NR: 0.07})
LEAVER_REASON_MIX = MappingProxyType({"RESIGNATION": 0.45, "RETIREMENT": 0.35, "DISMISSAL": 0.03, "TRANSFER": 0.10,
                                      "OTHER": 0.07})
COMPULSORY_RETIREMENT_REASON = "RETIREMENT"

# Days between a stage and the one before it (uniform, inclusive); vetting is applied for VETTING_APPLIED_AFTER
# days after the stage before VETTING and decided on the VETTING stage date.
STAGE_GAP_DAYS: Mapping[str, Mapping[str, tuple[int, int]]] = MappingProxyType({
    RECRUITMENT: {"ELIGIBILITY_SIFT": (3, 14), "ONLINE_ASSESSMENT": (5, 21), "ASSESSMENT_CENTRE": (7, 28),
                  "INTERVIEW": (5, 21), "VETTING": (20, 50), "MEDICAL": (5, 21), "FITNESS": (3, 14),
                  "OFFER": (3, 14), "APPOINTED": (14, 42)},
    PROMOTION: {"EXAM": (14, 35), "INTERVIEW": (10, 28), "BOARD": (7, 21), "PROMOTED": (7, 28)},
})
VETTING_APPLIED_AFTER = (1, 5)

# ------------------------------------------------------------------------------------------------ injected truth

DEFAULT_WORKFORCE_GROUP_SHARES = MappingProxyType({"White": 0.88, "Asian": 0.06, "Black": 0.03, "Mixed": 0.02,
                                                   "Other": 0.01})
DEFAULT_APPLICANT_GROUP_SHARES = MappingProxyType({"White": 0.62, "Asian": 0.22, "Black": 0.09, "Mixed": 0.04,
                                                   "Other": 0.03})
DEFAULT_PASS_PROBABILITY = MappingProxyType({   # White's P(pass | not withdrawn); VETTING comes from the refusal
    "ELIGIBILITY_SIFT": 0.85, "ONLINE_ASSESSMENT": 0.70, "ASSESSMENT_CENTRE": 0.60, "INTERVIEW": 0.75,
    "MEDICAL": 0.95, "FITNESS": 0.92, "OFFER": 0.95})
DEFAULT_PROMOTION_PASS_PROBABILITY = MappingProxyType({"EXAM": 0.55, "INTERVIEW": 0.70, "BOARD": 0.60})
DEFAULT_STAGE_PASS_RATIO = MappingProxyType({"ASSESSMENT_CENTRE": MappingProxyType({"Black": 0.7})})
DEFAULT_PROMOTION_STAGE_PASS_RATIO = MappingProxyType({"BOARD": MappingProxyType({"Black": 0.75})})
DEFAULT_VETTING_REFUSAL_RATIO = MappingProxyType({"Black": 1.8, "Asian": 1.3})
DEFAULT_LEAVER_RATE_RATIO = MappingProxyType({"Black": 1.5})
DEFAULT_SPECIALIST_ENTRY_RATIO = MappingProxyType({"Asian": 0.8})
DEFAULT_PROMOTION_APPLICATION_RATE = MappingProxyType({"CONSTABLE": 0.08, "SERGEANT": 0.15, "INSPECTOR": 0.15,
                                                       "CHIEF_INSPECTOR": 0.20})

_ZEROS = MappingProxyType({g: 0.0 for g in BROAD_GROUPS})


def _shares(name: str, given: Mapping[str, float]) -> Mapping[str, float]:
    """Group shares normalised to sum to 1 (groups not given: 0)."""
    shares = by_group(name, given, _ZEROS, share=False)
    total = sum(shares.values())
    if total <= 0:
        raise ValueError(f"{name}: shares must not all be 0")
    return MappingProxyType({g: v / total for g, v in shares.items()})


def _assessed_stages(process_type: str) -> tuple[str, ...]:
    """The stages where a candidate can fail or withdraw: all but the first (APPLICATION) and the last."""
    return STAGES[process_type][1:-1]


def _stage_ratios(name: str, given: Mapping[str, Mapping[str, float]], process_type: str, *,
                  derived: tuple[str, ...] = ()) -> Mapping[str, Mapping[str, float]]:
    allowed = set(_assessed_stages(process_type)) - set(derived)
    unknown = set(given) - allowed
    if unknown:
        raise ValueError(f"{name}: unknown or not injectable {process_type.lower()} stage(s) {sorted(unknown)}; "
                         f"expected some of {sorted(allowed)}" + (f" ({', '.join(derived)}: use "
                                                                   f"vetting_refusal_ratio)" if derived else ""))
    return MappingProxyType({stage: ratios_to_white(f"{name}[{stage!r}]", given[stage])
                             for stage in _assessed_stages(process_type) if stage in given})


def _probabilities(name: str, given: Mapping[str, float], defaults: Mapping[str, float], process_type: str
                   ) -> Mapping[str, float]:
    unknown = set(given) - set(defaults)
    if unknown:
        raise ValueError(f"{name}: unknown {process_type.lower()} stage(s) {sorted(unknown)}; expected some of "
                         f"{sorted(defaults)}")
    merged = {stage: float(given.get(stage, default)) for stage, default in defaults.items()}
    for stage, value in merged.items():
        if not 0 <= value <= 1:
            raise ValueError(f"{name}[{stage!r}] = {value} is not a probability")
    return MappingProxyType(merged)


@dataclass(frozen=True)
class WorkforceScenario:
    """What the synthetic force's HR system recorded: the truth the workforce marts should recover.

    seed: makes the run reproducible (same scenario -> byte-identical files).
    start, end: the first day of the first month and the last day of the last month simulated.
    initial_headcount: people per workforce type at ``start`` (types not given: none).
    officer_rank_shares: how the starting officers spread over ranks.
    workforce_group_shares, applicant_group_shares: broad ethnic group shares of the starting workforce and of
        applicants and direct hires (groups not given: 0; normalised).
    ethnicity_prefer_not_to_say_share, ethnicity_not_recorded_share: shares with ethnicity PNS / NR (no group).
    annual_leaver_rate, leaver_rate_ratio: White's yearly leaving probability and each group's ratio to it.
    withdrawal_probability: P(withdraw) at each assessed stage, the same for everyone.
    pass_probability, stage_pass_ratio: recruitment stages: White's P(pass | not withdrawn) and each group's
        ratio (``{"ASSESSMENT_CENTRE": {"Black": 0.7}}``; stages not given: 1). VETTING is set through:
    vetting_base_refusal, vetting_refusal_ratio: White's P(refused | not withdrawn) at vetting and the ratios.
    promotion_pass_probability, promotion_stage_pass_ratio: the same for promotion stages.
    promotion_application_rate: share of the officers in each rank applying to its yearly promotion process.
    annual_temporary_promotion_rate: yearly probability of a temporary promotion (no disparity).
    annual_specialist_entry_rate, specialist_entry_ratio: moves into specialist departments (White, ratios).
    annual_specialist_exit_rate: moves out of them (no disparity).
    campaign_every_months: recruitment campaigns start in months 0, n, 2n, ... of the scenario.
    promotion_month: promotion processes start in this month of each scenario year (0 = the start month).
    pcso_campaigns: PCSOs are recruited through campaigns (else hired directly, like staff and specials).
    applicants_per_campaign: a fixed campaign size; None sizes each campaign to replace expected leavers.
    """

    seed: int
    start: date
    end: date
    initial_headcount: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_INITIAL_HEADCOUNT))
    officer_rank_shares: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_OFFICER_RANK_SHARES))
    workforce_group_shares: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_WORKFORCE_GROUP_SHARES))
    applicant_group_shares: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_APPLICANT_GROUP_SHARES))
    ethnicity_prefer_not_to_say_share: float = 0.03
    ethnicity_not_recorded_share: float = 0.02
    annual_leaver_rate: float = 0.07
    leaver_rate_ratio: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_LEAVER_RATE_RATIO))
    withdrawal_probability: float = 0.05
    pass_probability: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_PASS_PROBABILITY))
    stage_pass_ratio: Mapping[str, Mapping[str, float]] = field(
        default_factory=lambda: dict(DEFAULT_STAGE_PASS_RATIO))
    vetting_base_refusal: float = 0.08
    vetting_refusal_ratio: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_VETTING_REFUSAL_RATIO))
    promotion_pass_probability: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_PROMOTION_PASS_PROBABILITY))
    promotion_stage_pass_ratio: Mapping[str, Mapping[str, float]] = field(
        default_factory=lambda: dict(DEFAULT_PROMOTION_STAGE_PASS_RATIO))
    promotion_application_rate: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_PROMOTION_APPLICATION_RATE))
    annual_temporary_promotion_rate: float = 0.02
    annual_specialist_entry_rate: float = 0.04
    specialist_entry_ratio: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_SPECIALIST_ENTRY_RATIO))
    annual_specialist_exit_rate: float = 0.10
    campaign_every_months: int = 6
    promotion_month: int = 2
    pcso_campaigns: bool = True
    applicants_per_campaign: int | None = None

    def __post_init__(self) -> None:
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731 (frozen dataclass)
        check_whole_months(self.seed, self.start, self.end)

        unknown = set(self.initial_headcount) - set(WORKFORCE_TYPES)
        if unknown:
            raise ValueError(f"initial_headcount: unknown workforce type(s) {sorted(unknown)}")
        headcount = {t: int(self.initial_headcount.get(t, 0)) for t in WORKFORCE_TYPES}
        if any(n < 0 for n in headcount.values()):
            raise ValueError("initial_headcount: counts must be >= 0")
        set_("initial_headcount", MappingProxyType(headcount))
        unknown = set(self.officer_rank_shares) - set(OFFICER_RANKS)
        if unknown:
            raise ValueError(f"officer_rank_shares: unknown officer rank(s) {sorted(unknown)}")
        ranks = {r: float(self.officer_rank_shares.get(r, 0.0)) for r in OFFICER_RANKS}
        if any(not v >= 0 for v in ranks.values()) or sum(ranks.values()) <= 0:
            raise ValueError("officer_rank_shares: shares must be >= 0 and not all 0")
        set_("officer_rank_shares", MappingProxyType(ranks))

        set_("workforce_group_shares", _shares("workforce_group_shares", self.workforce_group_shares))
        set_("applicant_group_shares", _shares("applicant_group_shares", self.applicant_group_shares))
        for name in ("ethnicity_prefer_not_to_say_share", "ethnicity_not_recorded_share", "annual_leaver_rate",
                     "vetting_base_refusal", "annual_temporary_promotion_rate", "annual_specialist_entry_rate",
                     "annual_specialist_exit_rate"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"{name} must be in [0, 1]")
        if self.ethnicity_prefer_not_to_say_share + self.ethnicity_not_recorded_share > 1:
            raise ValueError("ethnicity_prefer_not_to_say_share + ethnicity_not_recorded_share exceeds 1")
        if not 0 <= self.withdrawal_probability < 1:
            raise ValueError("withdrawal_probability must be in [0, 1)")
        if not self.vetting_base_refusal < 1:
            raise ValueError("vetting_base_refusal must be below 1")

        set_("leaver_rate_ratio", ratios_to_white("leaver_rate_ratio", self.leaver_rate_ratio))
        set_("vetting_refusal_ratio", ratios_to_white("vetting_refusal_ratio", self.vetting_refusal_ratio))
        set_("specialist_entry_ratio", ratios_to_white("specialist_entry_ratio", self.specialist_entry_ratio))
        set_("stage_pass_ratio", _stage_ratios("stage_pass_ratio", self.stage_pass_ratio, RECRUITMENT,
                                               derived=(VETTING_STAGE,)))
        set_("promotion_stage_pass_ratio", _stage_ratios("promotion_stage_pass_ratio",
                                                         self.promotion_stage_pass_ratio, PROMOTION))
        if VETTING_STAGE in self.pass_probability:
            raise ValueError("pass_probability: VETTING's comes from vetting_base_refusal and vetting_refusal_ratio")
        set_("pass_probability", _probabilities("pass_probability", self.pass_probability,
                                                DEFAULT_PASS_PROBABILITY, RECRUITMENT))
        set_("promotion_pass_probability", _probabilities(
            "promotion_pass_probability", self.promotion_pass_probability, DEFAULT_PROMOTION_PASS_PROBABILITY,
            PROMOTION))
        for name, probabilities, ratios in (
                ("pass_probability x stage_pass_ratio", self.pass_probability, self.stage_pass_ratio),
                ("promotion_pass_probability x promotion_stage_pass_ratio", self.promotion_pass_probability,
                 self.promotion_stage_pass_ratio)):
            for stage, group_ratios in ratios.items():
                worst = probabilities[stage] * max(group_ratios.values())
                if worst > 1:
                    raise ValueError(f"{name} at {stage} reaches {worst:.3f} > 1")
        worst = self.vetting_base_refusal * max(self.vetting_refusal_ratio.values())
        if worst > 1:
            raise ValueError(f"vetting_base_refusal x vetting_refusal_ratio reaches {worst:.3f} > 1")
        for name, rate, ratios in (("annual_leaver_rate x leaver_rate_ratio", self.annual_leaver_rate,
                                    self.leaver_rate_ratio),
                                   ("annual_specialist_entry_rate x specialist_entry_ratio",
                                    self.annual_specialist_entry_rate, self.specialist_entry_ratio)):
            if rate / 12 * max(ratios.values()) > 1:
                raise ValueError(f"{name} makes a monthly probability above 1")

        unknown = set(self.promotion_application_rate) - set(PROMOTION_RANKS)
        if unknown:
            raise ValueError(f"promotion_application_rate: unknown rank(s) {sorted(unknown)}; expected some of "
                             f"{PROMOTION_RANKS}")
        rates = {r: float(self.promotion_application_rate.get(r, 0.0)) for r in PROMOTION_RANKS}
        if any(not 0 <= v <= 1 for v in rates.values()):
            raise ValueError("promotion_application_rate: rates must be in [0, 1]")
        set_("promotion_application_rate", MappingProxyType(rates))
        if not (isinstance(self.campaign_every_months, int) and self.campaign_every_months >= 1):
            raise ValueError("campaign_every_months must be a positive integer")
        if not (isinstance(self.promotion_month, int) and 0 <= self.promotion_month < 12):
            raise ValueError("promotion_month must be an integer in [0, 11]")
        if self.applicants_per_campaign is not None and int(self.applicants_per_campaign) < 0:
            raise ValueError("applicants_per_campaign must be >= 0 (or None)")

    def stage_pass_probability(self, process_type: str, stage: str, group: str) -> float:
        """P(pass | entered the stage and did not withdraw) for a group (1 at the first and last stages)."""
        stages = STAGES[process_type]
        if stage not in stages:
            raise KeyError(f"{stage!r} is not a {process_type} stage")
        if stage not in _assessed_stages(process_type):
            return 1.0
        if process_type == RECRUITMENT and stage == VETTING_STAGE:
            return 1.0 - self.vetting_base_refusal * self.vetting_refusal_ratio[group]
        probabilities, ratios = ((self.pass_probability, self.stage_pass_ratio) if process_type == RECRUITMENT
                                 else (self.promotion_pass_probability, self.promotion_stage_pass_ratio))
        return probabilities[stage] * ratios.get(stage, ONES)[group]


# ------------------------------------------------------------------------------------------------ results


@dataclass(frozen=True)
class WorkforceTruth:
    """What was injected, and a few counts of what was written, for hand checks.

    stage_pass_ratios: (process_type, stage) -> group -> pass rate ratio to White among the assessed, for every
        stage (1 where nothing is injected; VETTING's derived from the refusal ratio).
    appointed_by_group: APPOINTED stage rows written, by broad group (and 'Prefer not to say', 'Not recorded').
    final_snapshot_headcount: (workforce_type, broad group or not-given label) -> people in the last snapshot.
    """

    scenario: WorkforceScenario
    stage_pass_ratios: Mapping[tuple[str, str], Mapping[str, float]]
    leaver_rate_ratios: Mapping[str, float]
    vetting_refusal_ratios: Mapping[str, float]
    specialist_entry_ratios: Mapping[str, float]
    appointed_by_group: Mapping[str, int]
    final_snapshot_headcount: Mapping[tuple[str, str], int]

    def stage_pass_ratio(self, process_type: str, stage: str, group: str) -> float:
        """A group's pass rate over White's among candidates assessed (passed + failed) at a stage."""
        return self.stage_pass_ratios[(process_type, stage)][group]

    def leaver_rate_ratio(self, group: str) -> float:
        """A group's monthly leaving probability over White's."""
        return self.leaver_rate_ratios[group]

    def vetting_refusal_ratio(self, group: str) -> float:
        """A group's refusal rate over White's among decided (granted + refused) recruitment vetting."""
        return self.vetting_refusal_ratios[group]

    def promotion_board_ratio(self, group: str) -> float:
        """A group's pass rate over White's at the promotion BOARD (among those assessed there)."""
        return self.stage_pass_ratio(PROMOTION, "BOARD", group)

    def specialist_entry_ratio(self, group: str) -> float:
        """A group's monthly probability of moving into a specialist department over White's."""
        return self.specialist_entry_ratios[group]


# ------------------------------------------------------------------------------------------------ reference


@dataclass(frozen=True)
class _Codes:
    """One code list: its codes (seed order) and cumulative weights of a mix over them."""

    codes: np.ndarray
    cum: np.ndarray            # one row, or one row per broad group / not-given label


@dataclass(frozen=True)
class _Reference:
    rank_codes: np.ndarray                 # every rank, by rank_order
    rank_index: Mapping[str, int]
    next_rank: np.ndarray                  # the next officer rank up, or -1
    dept_codes: np.ndarray
    dept_index: Mapping[str, int]
    dept_specialist: np.ndarray            # bool, per department
    lpu_codes: np.ndarray
    lpu_cum: np.ndarray
    eth_codes: np.ndarray
    eth_group: np.ndarray                  # per code: index into GROUP_LABELS
    eth_cum: np.ndarray                    # (len(GROUP_LABELS), n codes): codes within a group
    sex: Mapping[str, _Codes]              # by workforce type
    characteristics: Mapping[str, _Codes]  # disability, sexual_orientation, gender_reassignment, marital_status
    religion: _Codes                       # one row per GROUP_LABELS entry
    pregnancy_women_under_45: _Codes
    pregnancy_others: _Codes
    leaver_reasons: _Codes


def _mix(codes: list[str], mix: Mapping[str, float], what: str) -> np.ndarray:
    require(set(codes), mix, what)
    return np.array([float(mix.get(code, 0.0)) for code in codes])


def _load_reference(seeds: Path) -> _Reference:
    ranks = sorted(read_seed(seeds, "rank_grades.csv"), key=lambda row: int(row["rank_order"]))
    rank_codes = [row["rank_grade_code"] for row in ranks]
    rank_type = {row["rank_grade_code"]: row["workforce_type_code"] for row in ranks}
    require(set(rank_codes), set(OFFICER_RANKS) | {r for m in RANK_MIX.values() for r in m}
                       | {r for m in HIRE_RANK_MIX.values() for r in m}, "rank_grades.csv")
    for workforce_type, mixes in (("OFFICER", OFFICER_RANKS), *[(t, tuple(m)) for t, m in RANK_MIX.items()],
                                  *[(t, tuple(m)) for t, m in HIRE_RANK_MIX.items()]):
        wrong = [r for r in mixes if rank_type[r] != workforce_type]
        if wrong:
            raise ValueError(f"rank_grades.csv: {wrong} are not {workforce_type} ranks")
    officer_ranks = [r for r in rank_codes if rank_type[r] == "OFFICER"]
    if tuple(officer_ranks) != OFFICER_RANKS:
        raise ValueError(f"rank_grades.csv: officer ranks {officer_ranks} differ from {OFFICER_RANKS}")
    rank_index = {code: i for i, code in enumerate(rank_codes)}
    next_rank = np.full(len(rank_codes), -1)
    for lower, higher in zip(officer_ranks, officer_ranks[1:]):
        next_rank[rank_index[lower]] = rank_index[higher]

    departments = read_seed(seeds, "departments.csv")
    dept_codes = [row["department_code"] for row in departments]
    require(set(dept_codes), {d for m in DEPARTMENT_MIX.values() for d in m} | set(SPECIALIST_OUT_MIX)
                       | set(HQ_NO_LPU_SHARE), "departments.csv")
    specialist = np.array([is_true(row["is_specialist"]) for row in departments])
    if not specialist.any():
        raise ValueError("departments.csv marks no department specialist")
    if specialist[[dept_codes.index(d) for d in SPECIALIST_OUT_MIX]].any():
        raise ValueError("SPECIALIST_OUT_MIX names a specialist department")

    stages: dict[str, list[tuple[int, str]]] = {}
    for row in read_seed(seeds, "process_stages.csv"):
        stages.setdefault(row["process_type"], []).append((int(row["stage_order"]), row["stage_code"]))
    for process_type, expected in STAGES.items():
        found = tuple(code for _, code in sorted(stages.get(process_type, [])))
        if found != expected:
            raise ValueError(f"process_stages.csv: {process_type} stages {found} differ from {expected}")

    hr_codes: dict[str, list[str]] = {}
    for row in sorted(read_seed(seeds, "hr_codes.csv"), key=sort_key):
        hr_codes.setdefault(row["code_list"], []).append(row["code"])
    for code_list, wanted in (("workforce_type", WORKFORCE_TYPES), ("event_type", EVENT_TYPES),
                              ("process_type", tuple(STAGES)), ("stage_outcome", OUTCOMES),
                              ("vetting_level", (VETTING_LEVEL,)), ("vetting_outcome", VETTING_OUTCOMES),
                              ("leaver_reason", (COMPULSORY_RETIREMENT_REASON,))):
        require(set(hr_codes.get(code_list, [])), wanted, f"hr_codes.csv ({code_list})")

    def codes(code_list: str, *mixes: Mapping[str, float]) -> _Codes:
        listed = hr_codes.get(code_list, [])
        weights = np.array([_mix(listed, mix, f"hr_codes.csv ({code_list})") for mix in mixes])
        return _Codes(np.array(listed), cumulative(weights[0] if len(mixes) == 1 else weights))

    lpus = [row["lpu_code"] for row in read_seed(seeds, "local_policing_units.csv")]
    mean_weight = float(np.mean(list(LPU_WEIGHTS.values())))
    lpu_weights = np.array([LPU_WEIGHTS.get(code, mean_weight) for code in lpus])

    broad_of_detailed = {row["ethnic_group_code"]: row["broad_ethnic_group"]
                         for row in read_seed(seeds, "ethnic_groups.csv")}
    ethnicity = [row for row in read_seed(seeds, "ethnicity_source_values.csv")
                 if row["source_system"] == ETHNICITY_SYSTEM]
    eth_codes = [row["source_value"] for row in ethnicity]
    # A code's group is that of the detailed group it maps to (as the warehouse reads it), else its own.
    eth_labels = [broad_of_detailed.get(row.get("ethnic_group_code") or "", row["broad_ethnic_group"])
                  for row in ethnicity]
    unknown = sorted(set(eth_labels) - set(GROUP_LABELS))
    if unknown:
        raise ValueError(f"ethnicity_source_values.csv ({ETHNICITY_SYSTEM}): unknown broad group(s) {unknown}")
    eth_group = np.array([GROUP_LABELS.index(label) for label in eth_labels])
    eth_weights = np.zeros((len(GROUP_LABELS), len(eth_codes)))
    for k, (code, g) in enumerate(zip(eth_codes, eth_group)):
        eth_weights[g, k] = ETHNICITY_CODE_WEIGHTS.get(code, ETHNICITY_DEFAULT_WEIGHT)
    missing = [GROUP_LABELS[g] for g in range(len(GROUP_LABELS)) if not eth_weights[g].any()]
    if missing:
        raise ValueError(f"ethnicity_source_values.csv ({ETHNICITY_SYSTEM}) has no code for {missing}")

    sex_codes = [row["source_value"] for row in read_seed(seeds, "sex_source_values.csv")
                 if row["source_system"] == SEX_SYSTEM]
    religion_mixes = [RELIGION_MIX.get(label, RELIGION_MIX["*"]) for label in GROUP_LABELS]
    return _Reference(
        rank_codes=np.array(rank_codes),
        rank_index=MappingProxyType(rank_index),
        next_rank=next_rank,
        dept_codes=np.array(dept_codes),
        dept_index=MappingProxyType({code: i for i, code in enumerate(dept_codes)}),
        dept_specialist=specialist,
        lpu_codes=np.array(lpus),
        lpu_cum=cumulative(lpu_weights),
        eth_codes=np.array(eth_codes),
        eth_group=eth_group,
        eth_cum=cumulative(eth_weights),
        sex=MappingProxyType({t: _Codes(np.array(sex_codes), cumulative(
            _mix(sex_codes, SEX_MIX[t], f"sex_source_values.csv ({SEX_SYSTEM})"))) for t in WORKFORCE_TYPES}),
        characteristics=MappingProxyType({name: codes(name, mix) for name, mix in CHARACTERISTIC_MIX.items()}),
        religion=codes("religion_or_belief", *religion_mixes),
        pregnancy_women_under_45=codes("pregnancy_maternity", PREGNANCY_MIX_WOMEN_UNDER_45),
        pregnancy_others=codes("pregnancy_maternity", PREGNANCY_MIX_OTHERS),
        leaver_reasons=codes("leaver_reason", LEAVER_REASON_MIX),
    )


# ------------------------------------------------------------------------------------------------ helpers

_TRUE_FALSE = np.array(["false", "true"])
_FTE_TEXT = np.array([f"{tenths / 10:.1f}" for tenths in range(11)])


def _with_blank(codes: np.ndarray) -> np.ndarray:
    """The codes with '' appended, so index -1 reads as a blank value."""
    return np.append(codes, "")


def _birthday(dob: np.ndarray, years: int) -> np.ndarray:
    """The day a person born on dob (days since 1970) turns ``years`` (29 February -> 28 February)."""
    born = np.asarray(dob, dtype=np.int64).astype("datetime64[D]")
    month = born.astype("datetime64[M]")
    day_in_month = (born - month.astype("datetime64[D]")).astype(np.int64)
    target = month + 12 * years
    month_length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(np.int64)
    return (target.astype("datetime64[D]").astype(np.int64) + np.minimum(day_in_month, month_length - 1))


def _concat(blocks: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    return {name: np.concatenate([block[name] for block in blocks]) for name in blocks[0]}


def _take(block: Mapping[str, np.ndarray], rows: np.ndarray) -> dict[str, np.ndarray]:
    return {name: values[rows] for name, values in block.items()}


# ------------------------------------------------------------------------------------------------ people

_PERSON_FIELDS = ("wtype", "rank", "dept", "lpu", "fte", "start", "dob", "retire", "group", "eth", "sex",
                  "disability", "religion", "orientation", "gender", "marital", "pregnancy")
_PROTECTED_FIELDS = ("group", "eth", "sex", "dob", "disability", "religion", "orientation")


class _People:
    """Everyone ever employed in the run, as arrays indexed by person number - 1, with a cached CSV line each."""

    def __init__(self) -> None:
        self.n = 0
        self.data = {name: np.zeros(0, dtype=np.int64) for name in _PERSON_FIELDS}
        self.active = np.zeros(0, dtype=bool)
        self.protected_until = np.zeros(0, dtype=np.int64)   # last day of an open promotion process
        self.lines: list[str | None] = []

    def __getattr__(self, name: str) -> np.ndarray:
        try:
            return self.__dict__["data"][name]
        except KeyError:
            raise AttributeError(name) from None

    def add(self, columns: Mapping[str, np.ndarray]) -> np.ndarray:
        count = len(columns["wtype"])
        index = np.arange(self.n, self.n + count)
        for name in _PERSON_FIELDS:
            self.data[name] = np.concatenate([self.data[name], np.asarray(columns[name], dtype=np.int64)])
        self.active = np.concatenate([self.active, np.ones(count, dtype=bool)])
        self.protected_until = np.concatenate([self.protected_until, np.full(count, np.iinfo(np.int64).min)])
        self.lines.extend([None] * count)
        self.n += count
        return index

    def changed(self, index: np.ndarray) -> None:
        for i in np.asarray(index).tolist():
            self.lines[i] = None


# ------------------------------------------------------------------------------------------------ simulation


class _Simulation:
    def __init__(self, scenario: WorkforceScenario, reference: _Reference, out: Path) -> None:
        self.s, self.ref, self.out = scenario, reference, out
        self.first_month = np.datetime64(scenario.start, "M")
        self.n_months = int((np.datetime64(scenario.end, "M") - self.first_month).astype(np.int64)) + 1
        self.people = _People()
        self.files: list[Path] = []
        self.row_counts = {c.name: 0 for c in (HR_PEOPLE, HR_EVENTS, HR_PROCESS_STAGES, HR_VETTING)}
        self.next_event = self.next_vetting = self.next_candidate = 1
        self.next_process = 0
        self.appointed = np.zeros(len(GROUP_LABELS), dtype=np.int64)
        # What is still to come, by month index: process rows, vetting rows, appointments, promotions.
        self.stage_rows: dict[int, list[dict[str, np.ndarray]]] = {}
        self.vetting_rows: dict[int, list[dict[str, np.ndarray]]] = {}
        self.appointments: dict[int, list[dict[str, np.ndarray]]] = {}
        self.promotions: dict[int, list[dict[str, np.ndarray]]] = {}

        def per_group(ratios: Mapping[str, float]) -> np.ndarray:   # not-given labels: ratio 1
            return np.array([ratios.get(label, 1.0) for label in GROUP_LABELS])

        def group_probabilities(shares: Mapping[str, float]) -> np.ndarray:
            pns, nr = scenario.ethnicity_prefer_not_to_say_share, scenario.ethnicity_not_recorded_share
            return np.array([shares[g] * (1 - pns - nr) for g in BROAD_GROUPS] + [pns, nr])

        self.workforce_groups = group_probabilities(scenario.workforce_group_shares)
        self.applicant_groups = group_probabilities(scenario.applicant_group_shares)
        self.leaver_hazard = scenario.annual_leaver_rate / 12 * per_group(scenario.leaver_rate_ratio)
        self.specialist_in_hazard = scenario.annual_specialist_entry_rate / 12 \
            * per_group(scenario.specialist_entry_ratio)
        # P(pass | entered, not withdrawn) per stage and group label; 1 at the first and last stages.
        self.pass_p = {process_type: np.array([[scenario.stage_pass_probability(process_type, stage, label)
                                                if label in BROAD_GROUPS else
                                                scenario.stage_pass_probability(process_type, stage, "White")
                                                for label in GROUP_LABELS] for stage in stages])
                       for process_type, stages in STAGES.items()}
        survive = ((1 - scenario.withdrawal_probability) * self.pass_p[RECRUITMENT][1:-1]).prod(axis=0)
        self.appointed_fraction = float(self.applicant_groups @ survive)

        r = reference
        self.rank_blank, self.dept_blank = _with_blank(r.rank_codes), _with_blank(r.dept_codes)
        self.lpu_blank = _with_blank(r.lpu_codes)
        self.reason_blank = _with_blank(r.leaver_reasons.codes)
        officer_mix = dict(scenario.officer_rank_shares)
        self.rank_cum = {t: self._index_cum(r.rank_index, officer_mix if t == "OFFICER" else RANK_MIX[t],
                                            len(r.rank_codes)) for t in WORKFORCE_TYPES}
        self.hire_rank_cum = {t: self._index_cum(r.rank_index, HIRE_RANK_MIX[t], len(r.rank_codes))
                              for t in WORKFORCE_TYPES}
        self.dept_cum = {t: self._index_cum(r.dept_index, DEPARTMENT_MIX[t], len(r.dept_codes))
                         for t in WORKFORCE_TYPES}
        self.joiner_dept_cum = {t: self._index_cum(r.dept_index, JOINER_DEPARTMENT_MIX[t], len(r.dept_codes))
                                for t in WORKFORCE_TYPES}
        into = {code: DEPARTMENT_MIX["OFFICER"].get(code, SPECIALIST_DEFAULT_WEIGHT)
                for code, special in zip(r.dept_codes.tolist(), r.dept_specialist) if special}
        self.specialist_in_cum = self._index_cum(r.dept_index, into, len(r.dept_codes))
        self.specialist_out_cum = self._index_cum(r.dept_index, SPECIALIST_OUT_MIX, len(r.dept_codes))
        self.hq_no_lpu = np.zeros(len(r.dept_codes))
        for code, share in HQ_NO_LPU_SHARE.items():
            self.hq_no_lpu[r.dept_index[code]] = share
        self.promotion_ranks = np.array([r.rank_index[code] for code in PROMOTION_RANKS])
        self.move_ranks = np.array([r.rank_index[code] for code in SPECIALIST_MOVE_RANKS])
        self.campaign_types = [OFFICER] + ([PCSO] if scenario.pcso_campaigns else [])

    @staticmethod
    def _index_cum(index: Mapping[str, int], mix: Mapping[str, float], size: int) -> np.ndarray:
        weights = np.zeros(size)
        for code, weight in mix.items():
            weights[index[code]] = weight
        return cumulative(weights)

    # ---------------------------------------------------------------- dates

    def month_days(self, m: int) -> tuple[int, int]:
        first = (self.first_month + m).astype("datetime64[D]").astype(np.int64)
        last = (self.first_month + m + 1).astype("datetime64[D]").astype(np.int64) - 1
        return int(first), int(last)

    def month_of(self, days: np.ndarray) -> np.ndarray:
        months = np.asarray(days, dtype=np.int64).astype("datetime64[D]").astype("datetime64[M]")
        return (months - self.first_month).astype(np.int64)

    def bucket(self, store: dict[int, list], block: dict[str, np.ndarray], days: np.ndarray) -> None:
        """File a block's rows under the month of their day (rows after the last month are dropped)."""
        months = self.month_of(days)
        for m in np.unique(months).tolist():
            if m < self.n_months:
                store.setdefault(m, []).append(_take(block, np.flatnonzero(months == m)))

    # ---------------------------------------------------------------- drawing people

    def draw_protected(self, rng: np.random.Generator, n: int, group_p: np.ndarray, wtype: str,
                       age: np.ndarray, on: np.ndarray) -> dict[str, np.ndarray]:
        """Group, ethnicity code, sex, date of birth and the other candidate characteristics (as indices)."""
        r = self.ref
        group = pick(rng.random(n), cumulative(group_p))
        eth = pick(rng.random(n), r.eth_cum[group])
        sex = pick(rng.random(n), r.sex[wtype].cum)
        dob = on - np.ceil(age * DAYS_PER_YEAR).astype(np.int64)
        return {
            "group": group, "eth": eth, "sex": sex, "dob": dob,
            "disability": pick(rng.random(n), r.characteristics["disability"].cum),
            "religion": pick(rng.random(n), r.religion.cum[group]),
            "orientation": pick(rng.random(n), r.characteristics["sexual_orientation"].cum),
        }

    def draw_person_only(self, rng: np.random.Generator, protected: Mapping[str, np.ndarray], on: np.ndarray
                         ) -> dict[str, np.ndarray]:
        r = self.ref
        n = len(protected["group"])
        woman = r.sex["OFFICER"].codes[protected["sex"]] == "F"
        under_45 = (on - protected["dob"]) < 45 * DAYS_PER_YEAR
        u = rng.random(n)
        pregnancy = np.where(woman & under_45, pick(u, r.pregnancy_women_under_45.cum),
                             pick(u, r.pregnancy_others.cum))
        return {
            "gender": pick(rng.random(n), r.characteristics["gender_reassignment"].cum),
            "marital": pick(rng.random(n), r.characteristics["marital_status"].cum),
            "pregnancy": pregnancy,
            "retire": _birthday(protected["dob"], RETIREMENT_AGE),
        }

    def draw_job(self, rng: np.random.Generator, n: int, wtype: int, rank_cum: np.ndarray, dept_cum: np.ndarray
                 ) -> dict[str, np.ndarray]:
        rank = pick(rng.random(n), rank_cum)
        dept = pick(rng.random(n), dept_cum)
        lpu = pick(rng.random(n), self.ref.lpu_cum)
        lpu = np.where((wtype == STAFF) & (rng.random(n) < self.hq_no_lpu[dept]), -1, lpu)
        if wtype == STAFF:
            part_time = rng.random(n) < STAFF_PART_TIME_SHARE
            fte = np.where(part_time, np.array(PART_TIME_FTE_TENTHS)[rng.integers(0, len(PART_TIME_FTE_TENTHS), n)],
                           10)
        else:
            fte = np.full(n, SPECIAL_FTE_TENTHS if wtype == SPECIAL else 10)
        return {"wtype": np.full(n, wtype), "rank": rank, "dept": dept, "lpu": lpu, "fte": fte}

    def initial_workforce(self) -> None:
        rng = np.random.default_rng(np.random.SeedSequence(self.s.seed, spawn_key=(31,)))
        start = epoch_day(self.s.start)
        for wtype, name in enumerate(WORKFORCE_TYPES):
            n = self.s.initial_headcount[name]
            if n == 0:
                continue
            job = self.draw_job(rng, n, wtype, self.rank_cum[name], self.dept_cum[name])
            mean, sd = AGE_AT_START[name]
            age = np.clip(rng.normal(mean, sd, n), *AGE_AT_START_RANGE)
            on = np.full(n, start)
            protected = self.draw_protected(rng, n, self.workforce_groups, name, age, on)
            # Years of service: a share of the years since 18, longer for higher ranks.
            seniority = np.where(wtype == OFFICER, job["rank"], 0)
            service = (age - MIN_AGE) * rng.beta(1.5 + 0.8 * seniority, 2.0)
            job["start"] = start - np.maximum(1, np.round(service * DAYS_PER_YEAR)).astype(np.int64)
            self.people.add({**job, **protected, **self.draw_person_only(rng, protected, on)})

    # ---------------------------------------------------------------- processes

    def run_stages(self, rng: np.random.Generator, process_type: str, group: np.ndarray, first: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The stage rule: per candidate the last stage entered, its outcome and every stage's date."""
        stages = STAGES[process_type]
        n, last_stage = group.size, len(stages) - 1
        days = np.empty((n, len(stages)), dtype=np.int64)
        days[:, 0] = first
        for s, stage in enumerate(stages[1:], start=1):
            low, high = STAGE_GAP_DAYS[process_type][stage]
            days[:, s] = days[:, s - 1] + rng.integers(low, high + 1, n)
        last = np.full(n, last_stage)
        outcome = np.full(n, PASSED)
        alive = np.ones(n, dtype=bool)
        for s in range(1, last_stage):
            withdrew = alive & (rng.random(n) < self.s.withdrawal_probability)
            failed = alive & ~withdrew & (rng.random(n) >= self.pass_p[process_type][s, group])
            last[withdrew | failed] = s
            outcome[withdrew] = WITHDRAWN
            outcome[failed] = FAILED
            alive &= ~(withdrew | failed)
        return last, outcome, days

    def protected_columns(self, ch: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        r = self.ref
        return {
            "ethnicity": r.eth_codes[ch["eth"]],
            "sex": r.sex["OFFICER"].codes[ch["sex"]],
            "date_of_birth": iso_dates(ch["dob"]),
            "disability": r.characteristics["disability"].codes[ch["disability"]],
            "religion_or_belief": r.religion.codes[ch["religion"]],
            "sexual_orientation": r.characteristics["sexual_orientation"].codes[ch["orientation"]],
        }

    def file_process(self, process_type: str, process_id: str, target_rank: int, candidate_ids: np.ndarray,
                     candidate_keys: np.ndarray, ch: Mapping[str, np.ndarray], last: np.ndarray,
                     outcome: np.ndarray, days: np.ndarray) -> None:
        """Turn a process's results into stage rows, filed by month."""
        counts = last + 1
        candidate = np.repeat(np.arange(last.size), counts)
        stage = np.arange(candidate.size) - np.repeat(np.cumsum(counts) - counts, counts)
        row_outcome = np.where(stage == last[candidate], outcome[candidate], PASSED)
        row_days = days[candidate, stage]
        total = candidate.size
        block = {
            "process_id": np.full(total, process_id),
            "process_type": np.full(total, process_type),
            "target_role": np.full(total, self.ref.rank_codes[target_rank]),
            "candidate_id": candidate_ids[candidate],
            "stage": np.array(STAGES[process_type])[stage],
            "outcome": np.array(OUTCOMES)[row_outcome],
            "stage_date": iso_dates(row_days),
            **{name: values[candidate] for name, values in self.protected_columns(ch).items()},
            "_day": row_days, "_process": np.full(total, self.next_process), "_candidate": candidate_keys[candidate],
            "_stage": stage, "_group": ch["group"][candidate],
            "_appointed": (stage == len(STAGES[process_type]) - 1) & (process_type == RECRUITMENT),
        }
        self.next_process += 1
        self.bucket(self.stage_rows, block, row_days)

    def campaign(self, rng: np.random.Generator, m: int, wtype: int) -> None:
        name = WORKFORCE_TYPES[wtype]
        first, last_day = self.month_days(m)
        n = self.campaign_size(wtype)
        month = (self.first_month + m).astype(object)
        process_id = f"RC-{month.year:04d}-{month.month:02d}" + ("" if wtype == OFFICER else f"-{name}")
        keys = np.arange(self.next_candidate, self.next_candidate + n)
        self.next_candidate += n
        ids = padded_ids("C", keys, 6)
        applied = first + rng.integers(0, last_day - first + 1, n)
        age = np.minimum(50.0, MIN_AGE + rng.gamma(*APPLICANT_AGE_GAMMA, n))
        ch = self.draw_protected(rng, n, self.applicant_groups, name, age, applied)
        last, outcome, days = self.run_stages(rng, RECRUITMENT, ch["group"], applied)
        target = self.ref.rank_index[ENTRY_RANK[name]]
        self.file_process(RECRUITMENT, process_id, target, ids, keys, ch, last, outcome, days)

        v = RECRUITMENT_STAGES.index(VETTING_STAGE)
        vetted = np.flatnonzero(last >= v)
        decided = days[vetted, v]
        vet_outcome = np.where(last[vetted] > v, PASSED, outcome[vetted])
        low, high = VETTING_APPLIED_AFTER
        block = {
            "applicant_id": ids[vetted],
            "applicant_type": np.full(vetted.size, name),
            "vetting_level": np.full(vetted.size, VETTING_LEVEL),
            "applied_date": iso_dates(days[vetted, v - 1] + rng.integers(low, high + 1, vetted.size)),
            "decided_date": iso_dates(decided),
            "outcome": np.array(VETTING_OUTCOMES)[vet_outcome],
            **{col: values[vetted] for col, values in self.protected_columns(ch).items()},
            "_day": decided, "_candidate": keys[vetted],
        }
        self.bucket(self.vetting_rows, block, decided)

        appointed = np.flatnonzero(last == len(RECRUITMENT_STAGES) - 1)
        on = days[appointed, -1]
        self.bucket(self.appointments, {"_day": on, "_wtype": np.full(appointed.size, wtype),
                                        "_rank": np.full(appointed.size, target),
                                        **{k: v[appointed] for k, v in ch.items()}}, on)

    def campaign_size(self, wtype: int) -> int:
        if self.s.applicants_per_campaign is not None:
            return int(self.s.applicants_per_campaign)
        p = self.people
        current = int(np.count_nonzero(p.active & (p.wtype == wtype)))
        pending = sum(int(np.count_nonzero(block["_wtype"] == wtype))
                      for blocks in self.appointments.values() for block in blocks)
        mean_hazard = float(self.workforce_groups @ self.leaver_hazard)
        expected_leavers = current * (1 - (1 - mean_hazard) ** self.s.campaign_every_months)
        target = expected_leavers + max(0, self.s.initial_headcount[WORKFORCE_TYPES[wtype]] - current - pending)
        return math.ceil(target / self.appointed_fraction) if self.appointed_fraction > 0 else 0

    def promotion_processes(self, rng: np.random.Generator, m: int, present: np.ndarray) -> None:
        p, r = self.people, self.ref
        first, last_day = self.month_days(m)
        year = (self.first_month + m).astype(object).year
        for code in PROMOTION_RANKS:
            rank = r.rank_index[code]
            pool = present[(p.rank[present] == rank) & (p.wtype[present] == OFFICER)
                           & ((first - p.dob[present]) < PROMOTION_MAX_AGE * DAYS_PER_YEAR)
                           & (p.protected_until[present] < first)]
            applying = pool[rng.random(pool.size) < self.s.promotion_application_rate[code]]
            n = applying.size
            applied = first + rng.integers(0, last_day - first + 1, n)
            ch = {name: p.data[name][applying] for name in _PROTECTED_FIELDS}
            last, outcome, days = self.run_stages(rng, PROMOTION, ch["group"], applied)
            target = int(r.next_rank[rank])
            self.file_process(PROMOTION, f"PR-{year:04d}-{r.rank_codes[target]}", target,
                              padded_ids("P", applying + 1, 6), applying, ch, last, outcome, days)
            p.protected_until[applying] = days[np.arange(n), last]
            promoted = np.flatnonzero(last == len(PROMOTION_STAGES) - 1)
            on = days[promoted, -1]
            self.bucket(self.promotions, {"_day": on, "_person": applying[promoted],
                                          "_to": np.full(promoted.size, target)}, on)

    # ---------------------------------------------------------------- a month

    def month(self, m: int) -> None:
        s, p, r = self.s, self.people, self.ref
        first, last_day = self.month_days(m)
        n_days = last_day - first + 1
        month = (self.first_month + m).astype(object)
        rng = np.random.default_rng(np.random.SeedSequence(s.seed, spawn_key=(32, month.year, month.month)))
        present = np.flatnonzero(p.active)
        events: list[dict[str, np.ndarray]] = []

        def event(kind: int, person: np.ndarray, days: np.ndarray, *, reason=None, from_rank=None, to_rank=None,
                  dept=None) -> None:
            blank = np.full(person.size, -1)
            events.append({"person": person, "kind": np.full(person.size, kind), "day": days,
                           "wtype": p.wtype[person],
                           **{name: blank if value is None else value
                              for name, value in (("reason", reason), ("from", from_rank), ("to", to_rank),
                                                  ("dept", dept))}})

        # Processes starting this month (promotion candidates: officers present at the start of the month).
        if m % s.campaign_every_months == 0:
            for wtype in self.campaign_types:
                self.campaign(rng, m, wtype)
        if m % 12 == s.promotion_month:
            self.promotion_processes(rng, m, present)

        # Leavers: compulsory retirement at 65, then the monthly hazard (not during an open promotion process).
        retiring = present[p.retire[present] <= last_day]
        at_risk = present[(p.retire[present] > last_day) & (p.protected_until[present] < first)]
        leaving = at_risk[rng.random(at_risk.size) < self.leaver_hazard[p.group[at_risk]]]
        reason = pick(rng.random(leaving.size), r.leaver_reasons.cum)
        retire_reason = int(np.flatnonzero(r.leaver_reasons.codes == COMPULSORY_RETIREMENT_REASON)[0])
        event(LEAVER, retiring, np.maximum(p.retire[retiring], first),
              reason=np.full(retiring.size, retire_reason))
        event(LEAVER, leaving, first + rng.integers(0, n_days, leaving.size), reason=reason)
        gone = np.zeros(p.n, dtype=bool)
        gone[retiring] = gone[leaving] = True

        # Substantive promotions decided by a process (the candidates cannot have left).
        promoted = np.zeros(p.n, dtype=bool)
        for block in self.promotions.pop(m, []):
            person = block["_person"]
            if not p.active[person].all() or gone[person].any():   # candidates are kept from leaving
                raise RuntimeError("a promoted candidate has left the force")
            event(PROMOTION_SUBSTANTIVE, person, block["_day"], from_rank=p.rank[person].copy(), to_rank=block["_to"])
            p.rank[person] = block["_to"]
            promoted[person] = True
            p.changed(person)

        # Temporary promotions and specialist moves, for officers staying all month and not promoted in it.
        staying = present[~gone[present] & ~promoted[present] & (p.wtype[present] == OFFICER)]
        temporary = staying[np.isin(p.rank[staying], self.promotion_ranks)]
        temporary = temporary[rng.random(temporary.size) < s.annual_temporary_promotion_rate / 12]
        event(PROMOTION_TEMPORARY, temporary, first + rng.integers(0, n_days, temporary.size),
              from_rank=p.rank[temporary], to_rank=r.next_rank[p.rank[temporary]])
        movers = staying[np.isin(p.rank[staying], self.move_ranks)]
        specialist = r.dept_specialist[p.dept[movers]]
        hazard = np.where(specialist, s.annual_specialist_exit_rate / 12, self.specialist_in_hazard[p.group[movers]])
        moving = rng.random(movers.size) < hazard
        going_in, going_out = movers[moving & ~specialist], movers[moving & specialist]
        new_dept = pick(rng.random(going_in.size), self.specialist_in_cum)
        event(SPECIALIST_IN, going_in, first + rng.integers(0, n_days, going_in.size), dept=new_dept)
        event(SPECIALIST_OUT, going_out, first + rng.integers(0, n_days, going_out.size),
              dept=p.dept[going_out].copy())
        p.dept[going_in] = new_dept
        p.dept[going_out] = pick(rng.random(going_out.size), self.specialist_out_cum)
        p.changed(np.concatenate([going_in, going_out]))

        # Joiners: appointed recruits, then direct hires towards the starting headcount.
        for block in self.appointments.pop(m, []):
            n = block["_day"].size
            if n == 0:
                continue
            ch = {name: block[name] for name in _PROTECTED_FIELDS}
            for wtype in np.unique(block["_wtype"]).tolist():
                rows = np.flatnonzero(block["_wtype"] == wtype)
                name = WORKFORCE_TYPES[wtype]
                job = self.draw_job(rng, rows.size, wtype, self.hire_rank_cum[name], self.joiner_dept_cum[name])
                job["rank"] = block["_rank"][rows]
                job["start"] = block["_day"][rows]
                sub = {k: v[rows] for k, v in ch.items()}
                person = p.add({**job, **sub, **self.draw_person_only(rng, sub, job["start"])})
                event(JOINER, person, job["start"])
        gone = np.concatenate([gone, np.zeros(p.n - gone.size, dtype=bool)])
        staying_count = np.bincount(p.wtype[p.active & ~gone], minlength=len(WORKFORCE_TYPES))
        for wtype, name in enumerate(WORKFORCE_TYPES):
            if wtype in self.campaign_types:
                continue
            n = int(rng.poisson(max(0, s.initial_headcount[name] - int(staying_count[wtype]))))
            if n == 0:
                continue
            job = self.draw_job(rng, n, wtype, self.hire_rank_cum[name], self.joiner_dept_cum[name])
            job["start"] = first + rng.integers(0, n_days, n)
            age = np.minimum(60.0, MIN_AGE + rng.gamma(*HIRE_AGE_GAMMA, n))
            ch = self.draw_protected(rng, n, self.applicant_groups, name, age, job["start"])
            person = p.add({**job, **ch, **self.draw_person_only(rng, ch, job["start"])})
            event(JOINER, person, job["start"])
        gone = np.concatenate([gone, np.zeros(p.n - gone.size, dtype=bool)])
        p.active &= ~gone

        self.write_month(m, events)

    # ---------------------------------------------------------------- files

    def people_columns(self, index: np.ndarray) -> dict[str, np.ndarray]:
        p, r = self.people, self.ref
        dept = p.dept[index]
        ch = {name: p.data[name][index] for name in _PROTECTED_FIELDS}
        return {
            "person_id": padded_ids("P", index + 1, 6),
            "workforce_type": np.array(WORKFORCE_TYPES)[p.wtype[index]],
            "rank_grade": r.rank_codes[p.rank[index]],
            "department": r.dept_codes[dept],
            "specialist_role": _TRUE_FALSE[r.dept_specialist[dept].astype(int)],
            "lpu_code": self.lpu_blank[p.lpu[index]],
            "fte": _FTE_TEXT[p.fte[index]],
            "start_date": iso_dates(p.start[index]),
            **self.protected_columns(ch),
            "gender_reassignment": r.characteristics["gender_reassignment"].codes[p.gender[index]],
            "marital_status": r.characteristics["marital_status"].codes[p.marital[index]],
            "pregnancy_maternity": r.pregnancy_others.codes[p.pregnancy[index]],
        }

    def write_month(self, m: int, events: list[dict[str, np.ndarray]]) -> None:
        p = self.people
        label = str((self.first_month + m + 1).astype("datetime64[D]") - 1)

        # People: refresh the cached lines of anyone new or changed, then write everyone present.
        present = np.flatnonzero(p.active)
        stale = np.array([i for i in present.tolist() if p.lines[i] is None], dtype=np.int64)
        if stale.size:
            for i, line in zip(stale.tolist(), contract_lines(self.people_columns(stale), HR_PEOPLE)):
                p.lines[i] = line
        lines = p.lines
        self.emit(HR_PEOPLE, label, [lines[i] for i in present.tolist()])

        # Events, in date order, numbered as written.
        out: list[str] = []
        if events:
            e = _concat(events)
            order = np.lexsort((e["kind"], e["person"], e["day"]))
            e = _take(e, order)
            ids = np.arange(self.next_event, self.next_event + order.size)
            self.next_event += order.size
            out = contract_lines({
                "event_id": padded_ids("E", ids, 7),
                "person_id": padded_ids("P", e["person"] + 1, 6),
                "event_type": np.array(EVENT_TYPES)[e["kind"]],
                "effective_date": iso_dates(e["day"]),
                "workforce_type": np.array(WORKFORCE_TYPES)[e["wtype"]],
                "leaver_reason": self.reason_blank[e["reason"]],
                "from_rank": self.rank_blank[e["from"]],
                "to_rank": self.rank_blank[e["to"]],
                "department": self.dept_blank[e["dept"]],
            }, HR_EVENTS)
        self.emit(HR_EVENTS, label, out)

        out = []
        blocks = self.stage_rows.pop(m, [])
        if blocks:
            rows = _concat(blocks)
            order = np.lexsort((rows["_stage"], rows["_candidate"], rows["_process"], rows["_day"]))
            rows = _take(rows, order)
            np.add.at(self.appointed, rows["_group"][rows["_appointed"]], 1)
            out = contract_lines(rows, HR_PROCESS_STAGES)
        self.emit(HR_PROCESS_STAGES, label, out)

        out = []
        blocks = self.vetting_rows.pop(m, [])
        if blocks:
            rows = _concat(blocks)
            rows = _take(rows, np.lexsort((rows["_candidate"], rows["_day"])))
            ids = np.arange(self.next_vetting, self.next_vetting + rows["_day"].size)
            self.next_vetting += ids.size
            rows["vetting_id"] = padded_ids("V", ids, 6)
            out = contract_lines(rows, HR_VETTING)
        self.emit(HR_VETTING, label, out)

    def emit(self, contract: SourceContract, label: str, lines: list[str]) -> None:
        path = self.out / f"{contract.name}_{label}.csv"
        if contract.extract_key(path.name) != label:
            raise ValueError(f"{path.name} does not match the {contract.name} file pattern")
        write_contract_file(path, contract, lines)
        self.files.append(path)
        self.row_counts[contract.name] += len(lines)

    def final_headcount(self) -> dict[tuple[str, str], int]:
        p = self.people
        counts = {(t, g): 0 for t in WORKFORCE_TYPES for g in GROUP_LABELS}
        present = np.flatnonzero(p.active)
        pairs, n = np.unique(np.stack([p.wtype[present], p.group[present]]), axis=1, return_counts=True)
        for (wtype, group), count in zip(pairs.T.tolist(), n.tolist()):
            counts[(WORKFORCE_TYPES[wtype], GROUP_LABELS[group])] = count
        return counts


def generate_workforce(scenario: WorkforceScenario, out_dir: str | os.PathLike, *,
                       seeds_dir: str | os.PathLike | None = DEFAULT_SEEDS_DIR) -> GeneratedByContract[WorkforceTruth]:
    """Write the scenario's monthly HR files into out_dir (created if needed) and return them with the truth.

    Per month, dated by its last day D: ``hr_people_D.csv``, ``hr_events_D.csv``, ``hr_process_stages_D.csv``
    and ``hr_vetting_D.csv`` (header only when nothing happened). Files of the same name are replaced; others in
    out_dir are left alone.
    """
    seeds = Path(seeds_dir) if seeds_dir is not None else DEFAULT_SEEDS_DIR
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    simulation = _Simulation(scenario, _load_reference(seeds), out)
    simulation.initial_workforce()
    for m in range(simulation.n_months):
        simulation.month(m)

    stage_ratios = {}
    for process_type, stages in STAGES.items():
        for stage in stages:
            white = scenario.stage_pass_probability(process_type, stage, "White")
            stage_ratios[(process_type, stage)] = MappingProxyType({
                g: scenario.stage_pass_probability(process_type, stage, g) / white if white > 0 else math.nan
                for g in BROAD_GROUPS})
    truth = WorkforceTruth(
        scenario=scenario,
        stage_pass_ratios=MappingProxyType(stage_ratios),
        leaver_rate_ratios=scenario.leaver_rate_ratio,
        vetting_refusal_ratios=scenario.vetting_refusal_ratio,
        specialist_entry_ratios=scenario.specialist_entry_ratio,
        appointed_by_group=MappingProxyType(dict(zip(GROUP_LABELS, simulation.appointed.tolist()))),
        final_snapshot_headcount=MappingProxyType(simulation.final_headcount()),
    )
    return GeneratedByContract(files=simulation.files, row_counts=MappingProxyType(dict(simulation.row_counts)),
                               truth=truth)


def demo_scenario(seed: int = 21, start: date = date(2022, 4, 1), end: date = date(2025, 3, 31), **overrides
                  ) -> WorkforceScenario:
    """Three financial years of a ~2,650-person force with the default injected disparities."""
    return WorkforceScenario(seed=seed, start=start, end=end, **overrides)


def bench_scenario(seed: int = 22, start: date = date(2015, 4, 1), end: date = date(2025, 3, 31), **overrides
                   ) -> WorkforceScenario:
    """Ten years of a 12,000-person force (120 monthly snapshots): the generator's benchmark."""
    return WorkforceScenario(seed=seed, start=start, end=end,
                             **({"initial_headcount": dict(BENCH_INITIAL_HEADCOUNT)} | overrides))


__all__ = ["WorkforceScenario", "WorkforceTruth", "generate_workforce", "demo_scenario",
           "bench_scenario", "WORKFORCE_TYPES", "RECRUITMENT_STAGES", "PROMOTION_STAGES", "GROUP_LABELS"]
