"""Synthetic complaints and misconduct extracts, linked to synthetic contacts and officers, with a known truth.

The professional standards system of the synthetic force is simulated from ``start`` (the first of a month) to
``end`` (a month's last day), on top of the files the other generators delivered: stop-searches
(``equality.sources.stop_search.synthetic.generate``, ``stop_search_*.csv``), custody detentions
(``equality.sources.custody.synthetic.generate_custody``, ``custody_*.csv``) and the HR system's monthly
snapshots (``equality.sources.hr.synthetic.generate_workforce``, ``hr_people_<month end>.csv``). Each month
``D`` (its last day) gets three files in the complaints data contracts' formats (``equality.contracts``):

- ``complaint_cases_D.csv`` (``COMPLAINT_CASES``): the cases received in the month;
- ``complaint_allegations_D.csv`` (``COMPLAINT_ALLEGATIONS``): the allegations of those cases;
- ``misconduct_proceedings_D.csv`` (``MISCONDUCT_PROCEEDINGS``): the proceedings opened in the month.

Simplification: every case (with its allegations) and every proceeding is written once, in the file of the month
it was received or opened, already in its final state as known at ``end`` (finalised date and outcomes if they
fall on or before ``end``, else blank). A real system delivers a case again as it progresses; the warehouse
takes the latest delivery of a case, so one delivery of the final state is what it would end up with.

The truth (what a warehouse mart should recover; ``ComplaintsTruth`` carries it). "Group" is a broad ethnic
group; White is the reference (its ratios are 1). A complainant's group is that of their self-defined code as
the warehouse reads it (the code's detailed group's broad group in ``ethnic_groups.csv``, else the code's own);
``NS`` (not stated) belongs to no group and every injected ratio is 1 for it.

- **Complaints about stop-searches and detentions.** Every stop-search (detention) in the input files whose
  ``searched_at`` (``arrived_at``) date is in [start, end] independently leads to one complaint with probability
  ``complaint_probability[contact_type] x complaint_ratio[contact_type][g]``, g the group of the person's
  self-defined ethnicity (defaults 0.01 for both; STOP_SEARCH Black 1.5, CUSTODY Black 1.3). The case has
  contact_type STOP_SEARCH (CUSTODY), contact_record_id the contact's ``record_id`` (``detention_id``) exactly as
  delivered, and the contacted person's characteristics: the same self-defined code (NS stays NS), the sex
  (same sex concept) and the age band of their age (blank age: NOT_RECORDED). It is received
  ``1 + round(Gamma(1.5, 10))`` days after the contact (at most ``MAX_COMPLAINT_LAG_DAYS``), the same for every
  group; a complaint received after ``end`` is not delivered (not yet received). So delivered complaints per
  contact, group over White, are the injected ratio when every group's contacts spread alike over the period,
  as the contact generators' do.
- **Complaints about other contacts.** Each month and group, Poisson(population x
  ``other_contacts_per_1000_per_year`` / 1000 / 12 x ``other_contact_ratio[g]``) complaints (default 1.0 per
  1,000 residents a year; Black 1.6, Asian 1.2), the population being the Census ``census_year`` population of
  the force area by group (``census_population.csv`` over ``local_policing_units.csv``, as
  ``equality.sources.synthetic_toolkit.load_force_people`` reads them). A share ``other_not_stated_share`` of these
  complainants (whatever their group) is recorded NS, a share ``unknown_contact_share`` has contact_type UNKNOWN
  rather than OTHER; neither has a contact_record_id. Received on a day drawn uniformly in the month. So complaints
  per head among stated complainants, group over White, are ``other_contact_ratio``.
- **Upheld allegations.** Allegations of finalised cases in the investigated routes (LOCAL_INVESTIGATION,
  DIRECTED_INVESTIGATION, INDEPENDENT_INVESTIGATION) that were not withdrawn are REFLECTIVE_PRACTICE with
  probability ``reflective_practice_share`` (0.05, every group), otherwise UPHELD with probability
  ``base_upheld_probability x upheld_ratio[g]`` (default 0.30; Black 0.5), otherwise NOT_UPHELD, g the
  complainant's group. So among allegations UPHELD or NOT_UPHELD, a group's upheld share over White's is the
  injected ratio. Allegations of cases in the service-recovery-like routes (SERVICE_RECOVERY,
  SCHEDULE_3_NOT_INVESTIGATED) are SERVICE_ACCEPTABLE / SERVICE_NOT_ACCEPTABLE / NO_FURTHER_ACTION
  (``SERVICE_OUTCOME_MIX``), those of withdrawn cases NO_FURTHER_ACTION, those of cases not finalised by
  ``end`` blank.
- **Misconduct proceedings.** Every OFFICER in a month's HR snapshot enters formal proceedings in that month
  with probability ``annual_proceedings_rate / 12 x proceedings_ratio[g]`` (default 0.03; Asian 2.0), g the
  group of their HR ethnicity code (PNS and NR officers: ratio 1, in no group). So proceedings opened in a
  month over the officers in that month's snapshot (officer-months), group over White, are the injected ratio.
- **Discriminatory behaviour.** An allegation is DISCRIMINATORY_BEHAVIOUR with probability
  ``discriminatory_share[g]`` (defaults White 0.03, Black 0.12, Asian 0.10, Mixed 0.08, Other 0.08; NS
  complainants White's), otherwise its category is drawn from the contact type's ``CATEGORY_MIX``; only these
  allegations have a discrimination_characteristic (``DISCRIMINATION_MIX``, mostly RACE).

Everything else is drawn from fixed mixes that do not depend on the group: handling route
(``handling_route_mix``), days to finalisation (``1 + round(Gamma(2, mean / 2))``, mean by route:
``FINALISATION_MEAN_DAYS``), withdrawal by the complainant (``withdrawn_share`` of finalised cases; case outcome
WITHDRAWN), 1-3 allegations per case (``ALLEGATIONS_PER_CASE``), disability (``DISABILITY_MIX``) and, for other
contacts, sex (``OTHER_SEX_MIX``) and age band (``OTHER_AGE_BAND_MIX``). A finalised case's outcome follows
from its allegations: WITHDRAWN if withdrawn, else SERVICE_NOT_ACCEPTABLE if any allegation is UPHELD or
SERVICE_NOT_ACCEPTABLE, else RESOLVED for SERVICE_RECOVERY, else NO_FURTHER_ACTION if all its allegations are,
else SERVICE_ACCEPTABLE. Every case has its own complainant (``CP000001``...); case ids (``CC000001``...) follow
the received date.

Subjects and officers. An allegation's subject is an OFFICER in the HR snapshot of the month its case was
received (the case's first allegation names one at random; each further one names the same officer with
probability ``SAME_SUBJECT_SHARE``, else another at random), except that a share ``unknown_subject_share`` of
allegations have no subject (blank) and a share ``subject_not_in_hr_share`` name an id that is in no HR
snapshot (``PX00001``...), to exercise the warehouse's flag. A proceeding (``MP000001``...) is opened on a day
of the month drawn uniformly (not before the officer's start date); with probability
``proceedings_from_complaint_share`` it arises from a complaint case received on or before that day (one whose
allegations name the officer, if any, else any), otherwise it is internal (blank case_id; also when no case has
been received yet). Severity MISCONDUCT (a MEETING) or GROSS_MISCONDUCT (a HEARING or ACCELERATED_HEARING)
from ``SEVERITY_MIX`` / ``GROSS_TYPE_MIX``; concluded 60-300 days later if that is on or before ``end``, with
an outcome from ``PROCEEDING_OUTCOME_MIX`` and, if PROVEN, a sanction from the severity's ``SANCTION_MIX``
(NONE allowed); otherwise concluded_date, outcome and sanction are blank. Proceedings do not feed back into HR
(a dismissed officer does not leave).

Every month of the scenario needs an HR snapshot (``hr_people_<date>.csv`` dated in that month; the latest if
there are several). Codes (complaint code lists, complaints ethnicity and sex codes, age bands, disability)
are read from the dbt seeds and the codes this module's mixes name are checked against them; each file's
header is the contract's (``[c.header for c in CONTRACT.columns]``) and its values are looked up by header.

Determinism and memory: contacts are read in file-name order with the csv module, ``CHUNK_ROWS`` rows at a
time, keeping only the columns needed and only the contacts that lead to a complaint; HR snapshots keep one
small integer array of officers per month. Each kind of draw has its own random stream derived from the seed
(``SeedSequence(seed, spawn_key=...)``), so the same scenario and input files always give byte-identical files.

Usage::

    from equality.sources.complaints.synthetic import complaints_demo_scenario, generate_complaints

    generated = generate_complaints(complaints_demo_scenario(), "landing/", stop_search_files=searches.files,
                                    custody_files=custody.files,
                                    hr_people_files=[f for f in workforce.files if f.name.startswith("hr_people_")])
    generated.row_counts["complaint_cases"]
    generated.truth.upheld_ratio("Black")   # 0.5
"""

from __future__ import annotations

import csv
import itertools
import math
import operator
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

import numpy as np

from equality.contracts import SourceContract
from equality.sources.complaints.contracts import COMPLAINT_ALLEGATIONS, COMPLAINT_CASES, MISCONDUCT_PROCEEDINGS
from equality.sources.hr.contracts import HR_PEOPLE
from equality.sources.synthetic_toolkit import (BROAD_GROUPS, DEFAULT_SEEDS_DIR, GeneratedByContract, by_group,
                                                check_whole_months, contract_lines, cumulative, epoch_day, is_true,
                                                iso_dates, load_force_people, padded_ids, pick, ratios_to_white,
                                                read_seed, require, sort_key, write_contract_file)

# ------------------------------------------------------------------------------------------------ codes we name

CONTACT_TYPES: tuple[str, ...] = ("STOP_SEARCH", "CUSTODY", "OTHER", "UNKNOWN")
STOP_SEARCH, CUSTODY, OTHER, UNKNOWN = range(4)
LINKED_CONTACT_TYPES: tuple[str, ...] = ("STOP_SEARCH", "CUSTODY")
# The delivered contact files: the columns read (record id, timestamp whose date is the contact's day).
CONTACT_COLUMNS: Mapping[str, tuple[str, str]] = MappingProxyType({"STOP_SEARCH": ("record_id", "searched_at"),
                                                                   "CUSTODY": ("detention_id", "arrived_at")})
CONTACT_SEX_SYSTEM = "force"          # sex_source_values.csv system of the contact files
CONTACT_ETHNICITY_SYSTEM = "force_self_defined"
ETHNICITY_SYSTEM = "complaints_self_defined"
SEX_SYSTEM = "complaints"
HR_ETHNICITY_SYSTEM = "hr_self_defined"
OFFICER = "OFFICER"
HR_COLUMNS = ("person_id", "workforce_type", "ethnicity", "start_date")   # read from the HR snapshots

HANDLING_ROUTES: tuple[str, ...] = ("SERVICE_RECOVERY", "SCHEDULE_3_NOT_INVESTIGATED", "LOCAL_INVESTIGATION",
                                    "DIRECTED_INVESTIGATION", "INDEPENDENT_INVESTIGATION")
SERVICE_ROUTES = frozenset({"SERVICE_RECOVERY", "SCHEDULE_3_NOT_INVESTIGATED"})
INVESTIGATED_ROUTES = frozenset({"LOCAL_INVESTIGATION", "DIRECTED_INVESTIGATION", "INDEPENDENT_INVESTIGATION"})
CASE_OUTCOMES: tuple[str, ...] = ("RESOLVED", "SERVICE_ACCEPTABLE", "SERVICE_NOT_ACCEPTABLE", "NO_FURTHER_ACTION",
                                  "WITHDRAWN")
RESOLVED, C_ACCEPTABLE, C_NOT_ACCEPTABLE, C_NFA, C_WITHDRAWN = range(5)
ALLEGATION_OUTCOMES: tuple[str, ...] = ("SERVICE_ACCEPTABLE", "SERVICE_NOT_ACCEPTABLE", "UPHELD", "NOT_UPHELD",
                                        "REFLECTIVE_PRACTICE", "NO_FURTHER_ACTION")
A_ACCEPTABLE, A_NOT_ACCEPTABLE, UPHELD, NOT_UPHELD, REFLECTIVE, A_NFA = range(6)
DISCRIMINATORY = "DISCRIMINATORY_BEHAVIOUR"
PROCEEDING_TYPES: tuple[str, ...] = ("MEETING", "HEARING", "ACCELERATED_HEARING")
SEVERITIES: tuple[str, ...] = ("MISCONDUCT", "GROSS_MISCONDUCT")
PROCEEDING_OUTCOMES: tuple[str, ...] = ("PROVEN", "NOT_PROVEN", "DISCONTINUED")
NOT_RECORDED_AGE_BAND = "NOT_RECORDED"

# ------------------------------------------------------------------------------------------------ mixes

DEFAULT_COMPLAINT_PROBABILITY = MappingProxyType({"STOP_SEARCH": 0.01, "CUSTODY": 0.01})
DEFAULT_COMPLAINT_RATIO = MappingProxyType({"STOP_SEARCH": MappingProxyType({"Black": 1.5}),
                                            "CUSTODY": MappingProxyType({"Black": 1.3})})
DEFAULT_OTHER_CONTACT_RATIO = MappingProxyType({"Black": 1.6, "Asian": 1.2})
DEFAULT_UPHELD_RATIO = MappingProxyType({"Black": 0.5})
DEFAULT_PROCEEDINGS_RATIO = MappingProxyType({"Asian": 2.0})
DEFAULT_DISCRIMINATORY_SHARE = MappingProxyType({"White": 0.03, "Black": 0.12, "Asian": 0.10, "Mixed": 0.08,
                                                 "Other": 0.08})
DEFAULT_HANDLING_ROUTE_MIX = MappingProxyType({"SERVICE_RECOVERY": 0.45, "SCHEDULE_3_NOT_INVESTIGATED": 0.30,
                                               "LOCAL_INVESTIGATION": 0.20, "DIRECTED_INVESTIGATION": 0.03,
                                               "INDEPENDENT_INVESTIGATION": 0.02})

MAX_COMPLAINT_LAG_DAYS = 180
COMPLAINT_LAG_GAMMA = (1.5, 10.0)          # days after the contact: 1 + round(Gamma(shape, scale))
FINALISATION_MEAN_DAYS = MappingProxyType({"SERVICE_RECOVERY": 20, "SCHEDULE_3_NOT_INVESTIGATED": 60,
                                           "LOCAL_INVESTIGATION": 150, "DIRECTED_INVESTIGATION": 200,
                                           "INDEPENDENT_INVESTIGATION": 270})
ALLEGATIONS_PER_CASE = (0.6, 0.3, 0.1)     # P(1), P(2), P(3)
SAME_SUBJECT_SHARE = 0.7
# Allegation categories other than DISCRIMINATORY_BEHAVIOUR, by contact type (UNKNOWN uses OTHER's).
CATEGORY_MIX: Mapping[str, Mapping[str, float]] = MappingProxyType({
    "STOP_SEARCH": {"DELIVERY_OF_DUTIES": 0.20, "POLICE_POWERS": 0.40, "INDIVIDUAL_BEHAVIOURS": 0.16,
                    "USE_OF_FORCE": 0.10, "ACCESS_TO_INFORMATION": 0.02, "ABUSE_OF_POSITION": 0.02,
                    "HANDLING_OF_PROPERTY": 0.06, "OTHER": 0.04},
    "CUSTODY": {"DELIVERY_OF_DUTIES": 0.25, "POLICE_POWERS": 0.22, "INDIVIDUAL_BEHAVIOURS": 0.15,
                "USE_OF_FORCE": 0.20, "ACCESS_TO_INFORMATION": 0.03, "ABUSE_OF_POSITION": 0.02,
                "HANDLING_OF_PROPERTY": 0.10, "OTHER": 0.03},
    "OTHER": {"DELIVERY_OF_DUTIES": 0.45, "POLICE_POWERS": 0.12, "INDIVIDUAL_BEHAVIOURS": 0.18,
              "USE_OF_FORCE": 0.05, "ACCESS_TO_INFORMATION": 0.08, "ABUSE_OF_POSITION": 0.04,
              "HANDLING_OF_PROPERTY": 0.04, "OTHER": 0.04},
})
DISCRIMINATION_MIX = MappingProxyType({"RACE": 0.70, "SEX": 0.08, "DISABILITY": 0.08, "RELIGION_OR_BELIEF": 0.06,
                                       "SEXUAL_ORIENTATION": 0.04, "AGE": 0.02, "GENDER_REASSIGNMENT": 0.01,
                                       "MARRIAGE_CIVIL_PARTNERSHIP": 0.005, "PREGNANCY_MATERNITY": 0.005})
SERVICE_OUTCOME_MIX = MappingProxyType({"SERVICE_ACCEPTABLE": 0.55, "SERVICE_NOT_ACCEPTABLE": 0.15,
                                        "NO_FURTHER_ACTION": 0.30})
DISABILITY_MIX = MappingProxyType({"DISABLED": 0.12, "NOT_DISABLED": 0.60, "PREFER_NOT_TO_SAY": 0.08,
                                   "NOT_RECORDED": 0.20})
OTHER_SEX_MIX = MappingProxyType({"M": 0.55, "F": 0.42, "X": 0.003, "U": 0.027})
OTHER_AGE_BAND_MIX = MappingProxyType({"AGE_10_17": 0.04, "AGE_18_24": 0.12, "AGE_25_34": 0.22,
                                       "AGE_35_PLUS": 0.52, "NOT_RECORDED": 0.10})
SEVERITY_MIX = MappingProxyType({"MISCONDUCT": 0.7, "GROSS_MISCONDUCT": 0.3})
GROSS_TYPE_MIX = MappingProxyType({"HEARING": 0.8, "ACCELERATED_HEARING": 0.2})   # MISCONDUCT: a MEETING
CONCLUDED_AFTER_DAYS = (60, 300)
PROCEEDING_OUTCOME_MIX = MappingProxyType({"PROVEN": 0.55, "NOT_PROVEN": 0.35, "DISCONTINUED": 0.10})
SANCTION_MIX: Mapping[str, Mapping[str, float]] = MappingProxyType({
    "MISCONDUCT": {"NONE": 0.10, "MANAGEMENT_ADVICE": 0.40, "WRITTEN_WARNING": 0.35, "FINAL_WRITTEN_WARNING": 0.15},
    "GROSS_MISCONDUCT": {"NONE": 0.05, "WRITTEN_WARNING": 0.10, "FINAL_WRITTEN_WARNING": 0.35,
                         "REDUCTION_IN_RANK": 0.10, "DISMISSAL": 0.40},
})

CHUNK_ROWS = 20_000


def _probability(name: str, value: float) -> float:
    value = float(value)
    if not 0 <= value <= 1:
        raise ValueError(f"{name} = {value} is not a probability in [0, 1]")
    return value


def _weights(name: str, given: Mapping[str, float], allowed: Iterable[str]) -> Mapping[str, float]:
    allowed = tuple(allowed)
    unknown = set(given) - set(allowed)
    if unknown:
        raise ValueError(f"{name}: unknown code(s) {sorted(unknown)}; expected some of {list(allowed)}")
    weights = {code: float(given.get(code, 0.0)) for code in allowed}
    if any(not (math.isfinite(w) and w >= 0) for w in weights.values()) or sum(weights.values()) <= 0:
        raise ValueError(f"{name}: weights must be >= 0 and not all 0")
    total = sum(weights.values())
    return MappingProxyType({code: w / total for code, w in weights.items()})


@dataclass(frozen=True)
class ComplaintsScenario:
    """What the synthetic professional standards department recorded: the truth the complaints marts recover.

    seed: makes the run reproducible (same scenario and inputs -> byte-identical files).
    start, end: the first day of the first month and the last day of the last month; only contacts dated in
        [start, end] can lead to a complaint, and one file of each kind is written per month.
    census_year: the census in ``census_population.csv`` giving the force area's population by group.
    complaint_probability: P(complaint) per STOP_SEARCH / CUSTODY contact of a White person.
    complaint_ratio: per contact type, each group's ratio to White (``{"STOP_SEARCH": {"Black": 1.5}}``); a
        given mapping replaces the default (contact types and groups not given: 1).
    other_contacts_per_1000_per_year, other_contact_ratio: complaints about other contacts per 1,000 White
        residents a year, and each group's ratio.
    other_not_stated_share: share of other-contact complainants recorded NS (whatever their group).
    unknown_contact_share: share of other-contact complaints with contact_type UNKNOWN (else OTHER).
    handling_route_mix: weights over the handling routes.
    withdrawn_share: share of finalised cases withdrawn by the complainant (any route, any group).
    base_upheld_probability, upheld_ratio: White's P(UPHELD | UPHELD or NOT_UPHELD) for an investigated
        allegation, and each group's ratio.
    reflective_practice_share: P(REFLECTIVE_PRACTICE) for an investigated allegation (every group).
    discriminatory_share: per group, P(an allegation is DISCRIMINATORY_BEHAVIOUR) (NS complainants: White's).
    unknown_subject_share, subject_not_in_hr_share: allegations with no subject, and with a subject id that is
        in no HR snapshot.
    annual_proceedings_rate, proceedings_ratio: White officers' yearly probability of entering misconduct
        proceedings (applied monthly as rate / 12), and each group's ratio.
    proceedings_from_complaint_share: share of proceedings arising from a complaint case.
    """

    seed: int
    start: date
    end: date
    census_year: int = 2021
    complaint_probability: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_COMPLAINT_PROBABILITY))
    complaint_ratio: Mapping[str, Mapping[str, float]] = field(
        default_factory=lambda: {k: dict(v) for k, v in DEFAULT_COMPLAINT_RATIO.items()})
    other_contacts_per_1000_per_year: float = 1.0
    other_contact_ratio: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_OTHER_CONTACT_RATIO))
    other_not_stated_share: float = 0.06
    unknown_contact_share: float = 0.15
    handling_route_mix: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_HANDLING_ROUTE_MIX))
    withdrawn_share: float = 0.04
    base_upheld_probability: float = 0.30
    upheld_ratio: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_UPHELD_RATIO))
    reflective_practice_share: float = 0.05
    discriminatory_share: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_DISCRIMINATORY_SHARE))
    unknown_subject_share: float = 0.05
    subject_not_in_hr_share: float = 0.02
    annual_proceedings_rate: float = 0.03
    proceedings_ratio: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_PROCEEDINGS_RATIO))
    proceedings_from_complaint_share: float = 0.6

    def __post_init__(self) -> None:
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731 (frozen dataclass)
        check_whole_months(self.seed, self.start, self.end)

        for name, given in (("complaint_probability", self.complaint_probability),
                            ("complaint_ratio", self.complaint_ratio)):
            unknown = set(given) - set(LINKED_CONTACT_TYPES)
            if unknown:
                raise ValueError(f"{name}: unknown contact type(s) {sorted(unknown)}; expected some of "
                                 f"{list(LINKED_CONTACT_TYPES)} (other contacts: other_contact_ratio)")
        set_("complaint_probability", MappingProxyType({
            t: _probability(f"complaint_probability[{t!r}]",
                            self.complaint_probability.get(t, DEFAULT_COMPLAINT_PROBABILITY[t]))
            for t in LINKED_CONTACT_TYPES}))
        set_("complaint_ratio", MappingProxyType({
            t: ratios_to_white(f"complaint_ratio[{t!r}]", self.complaint_ratio.get(t, {}))
            for t in LINKED_CONTACT_TYPES}))
        for t in LINKED_CONTACT_TYPES:
            worst = self.complaint_probability[t] * max(self.complaint_ratio[t].values())
            if worst > 1:
                raise ValueError(f"complaint_probability x complaint_ratio for {t} reaches {worst:.3f} > 1")

        if not (math.isfinite(self.other_contacts_per_1000_per_year) and self.other_contacts_per_1000_per_year >= 0):
            raise ValueError("other_contacts_per_1000_per_year must be >= 0")
        set_("other_contact_ratio", ratios_to_white("other_contact_ratio", self.other_contact_ratio))
        for name in ("other_not_stated_share", "unknown_contact_share", "withdrawn_share",
                     "base_upheld_probability", "reflective_practice_share", "unknown_subject_share",
                     "subject_not_in_hr_share", "annual_proceedings_rate", "proceedings_from_complaint_share"):
            set_(name, _probability(name, getattr(self, name)))
        if self.unknown_subject_share + self.subject_not_in_hr_share > 1:
            raise ValueError("unknown_subject_share + subject_not_in_hr_share exceeds 1")
        set_("handling_route_mix", _weights("handling_route_mix", self.handling_route_mix, HANDLING_ROUTES))
        set_("upheld_ratio", ratios_to_white("upheld_ratio", self.upheld_ratio))
        worst = self.base_upheld_probability * max(self.upheld_ratio.values())
        if worst > 1:
            raise ValueError(f"base_upheld_probability x upheld_ratio reaches {worst:.3f} > 1")
        set_("discriminatory_share", by_group("discriminatory_share", self.discriminatory_share,
                                                         DEFAULT_DISCRIMINATORY_SHARE, share=True))
        set_("proceedings_ratio", ratios_to_white("proceedings_ratio", self.proceedings_ratio))
        worst = self.annual_proceedings_rate / 12 * max(self.proceedings_ratio.values())
        if worst > 1:
            raise ValueError(f"annual_proceedings_rate / 12 x proceedings_ratio reaches {worst:.3f} > 1")


# ------------------------------------------------------------------------------------------------ results


@dataclass(frozen=True)
class ComplaintsTruth:
    """What was injected, and counts of what was read and written, for hand checks.

    contacts: (STOP_SEARCH or CUSTODY, complainant label) -> contacts read from the input files dated in
        [start, end], by the group of the person's self-defined code (label 'Not stated' for NS).
    population: group -> the census population the other-contact complaints were drawn from.
    cases: (contact_type, label) -> cases written, by the complainant's group ('Not stated' for NS).
    officer_months: officer label (group, or the HR not-given labels) -> officers summed over the monthly
        snapshots used; proceedings: the same labels -> proceedings written.
    subjects_not_in_hr: allegations naming an id that is in no HR snapshot (``PX...``).
    """

    scenario: ComplaintsScenario
    complaint_ratios: Mapping[str, Mapping[str, float]]
    other_contact_ratios: Mapping[str, float]
    upheld_ratios: Mapping[str, float]
    proceedings_ratios: Mapping[str, float]
    contacts: Mapping[tuple[str, str], int]
    population: Mapping[str, int]
    cases: Mapping[tuple[str, str], int]
    officer_months: Mapping[str, int]
    proceedings: Mapping[str, int]
    subjects_not_in_hr: int

    def complaint_ratio(self, contact_type: str, group: str) -> float:
        """Complaints per STOP_SEARCH or CUSTODY contact of a group over White's."""
        if contact_type not in self.complaint_ratios:
            raise KeyError(f"{contact_type!r}: complaint ratios are for {list(LINKED_CONTACT_TYPES)}; other "
                           f"contacts: other_contact_ratio")
        return self.complaint_ratios[contact_type][group]

    def other_contact_ratio(self, group: str) -> float:
        """Complaints about other contacts (OTHER and UNKNOWN) per head of a group over White's."""
        return self.other_contact_ratios[group]

    def upheld_ratio(self, group: str) -> float:
        """A group's UPHELD share over White's among allegations UPHELD or NOT_UPHELD (by complainant)."""
        return self.upheld_ratios[group]

    def proceedings_ratio(self, group: str) -> float:
        """Proceedings per officer-month of a group over White's (officers' HR ethnicity)."""
        return self.proceedings_ratios[group]


# ------------------------------------------------------------------------------------------------ reference


@dataclass(frozen=True)
class _Reference:
    eth_codes: np.ndarray                  # complaints self-defined codes (seed order)
    eth_label: np.ndarray                  # per code: index into labels (BROAD_GROUPS, then 'Not stated')
    labels: tuple[str, ...]
    not_stated: int                        # index of the NS code in eth_codes
    contact_sex: Mapping[str, str]         # contact file sex code -> complaints sex code
    sex_codes: np.ndarray                  # complaints sex codes in OTHER_SEX_MIX order
    sex_cum: np.ndarray
    age_codes: np.ndarray                  # age_bands.csv codes; bands with ages first, by min age
    age_min: np.ndarray                    # min age of the banded codes
    age_not_recorded: int
    other_age_cum: np.ndarray              # over age_codes
    disability_codes: np.ndarray
    disability_cum: np.ndarray
    population: np.ndarray                 # (n_lpu, n_group)
    lpu_cum: np.ndarray                    # (n_group, n_lpu): where a group's residents live
    other_eth: np.ndarray                  # stated codes to draw from (indices into eth_codes)
    other_eth_cum: np.ndarray              # (n_lpu * n_group, len(other_eth))
    hr_label: Mapping[str, int]            # HR ethnicity code -> index into officer_labels
    officer_labels: tuple[str, ...]
    category_codes: np.ndarray             # categories: CATEGORY_MIX's, then DISCRIMINATORY_BEHAVIOUR last
    discrimination_codes: np.ndarray
    discrimination_cum: np.ndarray


def _group_of_code(rows: list[dict[str, str]], broad_of_detailed: Mapping[str, str]) -> list[str]:
    """Each code's broad group as the warehouse reads it (its detailed group's, else its own)."""
    return [broad_of_detailed.get(row.get("ethnic_group_code") or "", row["broad_ethnic_group"]) for row in rows]


def _load_reference(seeds: Path, census_year: int) -> _Reference:
    codes: dict[str, list[str]] = {}
    for row in sorted(read_seed(seeds, "complaint_codes.csv"), key=sort_key):
        codes.setdefault(row["code_list"], []).append(row["code"])
    for code_list, wanted in (("handling_route", HANDLING_ROUTES), ("case_outcome", CASE_OUTCOMES),
                              ("contact_type", CONTACT_TYPES),
                              ("allegation_category", {c for mix in CATEGORY_MIX.values() for c in mix}
                               | {DISCRIMINATORY}),
                              ("discrimination_characteristic", DISCRIMINATION_MIX),
                              ("allegation_outcome", ALLEGATION_OUTCOMES), ("proceeding_type", PROCEEDING_TYPES),
                              ("misconduct_severity", SEVERITIES), ("proceeding_outcome", PROCEEDING_OUTCOMES),
                              ("sanction", {s for mix in SANCTION_MIX.values() for s in mix})):
        require(set(codes.get(code_list, [])), wanted, f"complaint_codes.csv ({code_list})")
    if DISCRIMINATORY in {c for mix in CATEGORY_MIX.values() for c in mix}:
        raise ValueError("CATEGORY_MIX must not name DISCRIMINATORY_BEHAVIOUR (discriminatory_share sets it)")
    categories = list(CATEGORY_MIX["OTHER"])
    if any(set(mix) != set(categories) for mix in CATEGORY_MIX.values()):
        raise ValueError("CATEGORY_MIX: every contact type's mix must name the same categories")

    broad_of_detailed = {row["ethnic_group_code"]: row["broad_ethnic_group"]
                         for row in read_seed(seeds, "ethnic_groups.csv")}
    ethnicity = read_seed(seeds, "ethnicity_source_values.csv")
    complaints = [row for row in ethnicity if row["source_system"] == ETHNICITY_SYSTEM]
    not_stated = [k for k, row in enumerate(complaints) if is_true(row.get("is_not_stated"))]
    if len(not_stated) != 1:
        raise ValueError(f"ethnicity_source_values.csv needs exactly one not-stated {ETHNICITY_SYSTEM} value")
    ns_label = complaints[not_stated[0]]["broad_ethnic_group"] or "Not stated"
    labels = BROAD_GROUPS + (ns_label,)
    eth_groups = _group_of_code(complaints, broad_of_detailed)
    eth_groups[not_stated[0]] = ns_label
    unknown = sorted(set(eth_groups) - set(labels))
    if unknown:
        raise ValueError(f"ethnicity_source_values.csv ({ETHNICITY_SYSTEM}): unknown broad group(s) {unknown}")
    eth_codes = [row["source_value"] for row in complaints]

    hr = [row for row in ethnicity if row["source_system"] == HR_ETHNICITY_SYSTEM]
    hr_groups = [row["broad_ethnic_group"] if is_true(row.get("is_not_stated")) else group
                 for row, group in zip(hr, _group_of_code(hr, broad_of_detailed))]
    officer_labels = BROAD_GROUPS + tuple(dict.fromkeys(g for g in hr_groups if g not in BROAD_GROUPS))
    hr_label = {row["source_value"]: officer_labels.index(g) for row, g in zip(hr, hr_groups)}

    sex_rows = read_seed(seeds, "sex_source_values.csv")
    complaints_sex = {row["sex_code"]: row["source_value"] for row in sex_rows if row["source_system"] == SEX_SYSTEM}
    require(set(complaints_sex.values()), OTHER_SEX_MIX, f"sex_source_values.csv ({SEX_SYSTEM})")
    contact_sex = {row["source_value"]: complaints_sex[row["sex_code"]] for row in sex_rows
                   if row["source_system"] == CONTACT_SEX_SYSTEM and row["sex_code"] in complaints_sex}

    bands = read_seed(seeds, "age_bands.csv")
    banded = sorted((row for row in bands if (row.get("min_age") or "").strip()), key=lambda r: int(r["min_age"]))
    unbanded = [row["age_band_code"] for row in bands if not (row.get("min_age") or "").strip()]
    if NOT_RECORDED_AGE_BAND not in unbanded:
        raise ValueError(f"age_bands.csv needs a band {NOT_RECORDED_AGE_BAND} without ages")
    age_codes = [row["age_band_code"] for row in banded] + [NOT_RECORDED_AGE_BAND]
    require(set(age_codes), OTHER_AGE_BAND_MIX, "age_bands.csv")

    hr_codes = [row["code"] for row in sorted(read_seed(seeds, "hr_codes.csv"), key=sort_key)
                if row["code_list"] == "disability"]
    require(set(hr_codes), DISABILITY_MIX, "hr_codes.csv (disability)")

    # The force area's population by local policing unit and group, and the self-defined codes within them.
    force = load_force_people(seeds, census_year)
    missing = sorted(set(force.self_defined_codes.tolist()) - set(eth_codes))
    if missing:
        raise ValueError(f"{CONTACT_ETHNICITY_SYSTEM} codes {missing} are not {ETHNICITY_SYSTEM} codes")
    other_eth = np.array([eth_codes.index(code) for code in force.self_defined_codes.tolist()])

    discrimination = list(DISCRIMINATION_MIX)
    return _Reference(
        eth_codes=np.array(eth_codes),
        eth_label=np.array([labels.index(g) for g in eth_groups]),
        labels=labels,
        not_stated=not_stated[0],
        contact_sex=MappingProxyType(contact_sex),
        sex_codes=np.array(list(OTHER_SEX_MIX)),
        sex_cum=cumulative(np.array(list(OTHER_SEX_MIX.values()))),
        age_codes=np.array(age_codes),
        age_min=np.array([int(row["min_age"]) for row in banded]),
        age_not_recorded=len(age_codes) - 1,
        other_age_cum=cumulative(np.array([OTHER_AGE_BAND_MIX.get(code, 0.0) for code in age_codes])),
        disability_codes=np.array(list(DISABILITY_MIX)),
        disability_cum=cumulative(np.array(list(DISABILITY_MIX.values()))),
        population=force.population,
        lpu_cum=cumulative(force.population.T),
        other_eth=other_eth,
        other_eth_cum=force.self_defined_cum,
        hr_label=MappingProxyType(hr_label),
        officer_labels=officer_labels,
        category_codes=np.array(categories + [DISCRIMINATORY]),
        discrimination_codes=np.array(discrimination),
        discrimination_cum=cumulative(np.array(list(DISCRIMINATION_MIX.values()))),
    )


# ------------------------------------------------------------------------------------------------ inputs


def _sorted_paths(files: Iterable[str | os.PathLike]) -> list[Path]:
    return sorted((Path(f) for f in files), key=lambda p: (p.name, str(p)))


@dataclass
class _Contacts:
    """The contacts that led to a complaint (in reading order) and every in-range contact counted by label."""

    record_id: list[str]
    day: np.ndarray
    eth: np.ndarray
    sex: list[str]
    age_band: np.ndarray
    counts: np.ndarray     # by label


def _read_contacts(files: Iterable[str | os.PathLike], contact_type: str, scenario: ComplaintsScenario,
                   ref: _Reference) -> _Contacts:
    """Stream a contact type's delivered files, drawing for each row whether it leads to a complaint."""
    rng = np.random.default_rng(np.random.SeedSequence(scenario.seed,
                                                       spawn_key=(41, CONTACT_TYPES.index(contact_type))))
    id_column, time_column = CONTACT_COLUMNS[contact_type]
    wanted = (id_column, time_column, "self_defined_ethnicity", "sex", "age")
    first, last = epoch_day(scenario.start), epoch_day(scenario.end)
    code_index = {code: k for k, code in enumerate(ref.eth_codes.tolist())}
    sex_values = list(dict.fromkeys(ref.contact_sex.values()))
    sex_index = {code: sex_values.index(value) for code, value in ref.contact_sex.items()}
    probability = scenario.complaint_probability[contact_type] * np.array(
        [scenario.complaint_ratio[contact_type].get(label, 1.0) for label in ref.labels])
    chosen_ids: list[str] = []
    chosen_sex: list[str] = []
    days, eths, bands = [], [], []
    counts = np.zeros(len(ref.labels), dtype=np.int64)

    def codes_of(path: Path, values: list[str], index: Mapping[str, int], what: str) -> np.ndarray:
        """Each value's index in ``index`` (checked once per distinct value)."""
        distinct, inverse = np.unique(np.array(values), return_inverse=True)
        unknown = [code for code in distinct.tolist() if code not in index]
        if unknown:
            raise ValueError(f"{path.name}: {what} {unknown} are not codes the complaints system takes")
        return np.array([index[code] for code in distinct.tolist()], dtype=np.int64)[inverse.ravel()]

    def chunk(path: Path, rows: list[tuple[str, ...]]) -> None:
        record_id, stamp, ethnicity, sex_code, age = zip(*rows)
        try:
            day = np.array([value[:10] for value in stamp], dtype="datetime64[D]").astype(np.int64)
        except ValueError as error:
            raise ValueError(f"{path.name}: a {time_column} does not start with a date ({error})") from None
        eth = codes_of(path, ethnicity, code_index, f"self_defined_ethnicity ({ETHNICITY_SYSTEM})")
        sex = codes_of(path, sex_code, sex_index, f"sex ({CONTACT_SEX_SYSTEM})")
        label = ref.eth_label[eth]
        in_range = (day >= first) & (day <= last)
        counts[:] += np.bincount(label[in_range], minlength=len(ref.labels))
        u = rng.random(len(rows))    # one draw per row read, in range or not
        for k in np.flatnonzero(in_range & (u < probability[label])).tolist():
            chosen_ids.append(record_id[k])
            chosen_sex.append(sex_values[sex[k]])
            days.append(int(day[k]))
            eths.append(int(eth[k]))
            years = age[k].strip()
            bands.append(_age_band(ref, int(years)) if years else ref.age_not_recorded)

    for path in _sorted_paths(files):
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                continue
            position = {name.strip().lower(): i for i, name in enumerate(header)}
            missing = [name for name in wanted if name not in position]
            if missing:
                raise ValueError(f"{path.name}: no column(s) {missing} for {contact_type} contacts")
            needed = operator.itemgetter(*(position[name] for name in wanted))   # keep only these columns
            rows_needed = map(needed, reader)
            while rows := list(itertools.islice(rows_needed, CHUNK_ROWS)):
                chunk(path, rows)
    return _Contacts(record_id=chosen_ids, day=np.array(days, dtype=np.int64), eth=np.array(eths, dtype=np.int64),
                     sex=chosen_sex, age_band=np.array(bands, dtype=np.int64), counts=counts)


def _age_band(ref: _Reference, age: int) -> int:
    if age < ref.age_min[0]:
        return ref.age_not_recorded
    return int(np.searchsorted(ref.age_min, age, side="right")) - 1


@dataclass
class _Workforce:
    """Officers in post per scenario month (indices into person ids), with each person's group and start day."""

    person_ids: list[str]
    label: np.ndarray                       # per person: index into officer_labels
    start: np.ndarray                       # per person: start day
    officers: list[np.ndarray]              # per month


def _read_workforce(files: Iterable[str | os.PathLike], months: list[tuple[int, int]], scenario: ComplaintsScenario,
                    ref: _Reference) -> _Workforce:
    first_month = np.datetime64(scenario.start, "M")
    chosen: dict[int, tuple[str, Path]] = {}
    for path in _sorted_paths(files):
        key = HR_PEOPLE.extract_key(path.name)
        if key is None:
            raise ValueError(f"{path.name} is not an HR people snapshot (hr_people_<YYYY-MM-DD>.csv)")
        m = int((np.datetime64(key).astype("datetime64[M]") - first_month).astype(np.int64))
        if 0 <= m < len(months) and (m not in chosen or key > chosen[m][0]):
            chosen[m] = (key, path)
    missing = [str(first_month + m) for m in range(len(months)) if m not in chosen]
    if missing:
        raise ValueError(f"no HR people snapshot for month(s) {missing}: every month of the scenario needs one")

    index: dict[str, int] = {}
    labels: list[int] = []
    starts: list[int] = []
    officers: list[np.ndarray] = []
    for m in range(len(months)):
        path = chosen[m][1]
        here: list[int] = []
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            position = {name.strip().lower(): i for i, name in enumerate(next(reader, []))}
            missing = [name for name in HR_COLUMNS if name not in position]
            if missing:
                raise ValueError(f"{path.name}: no column(s) {missing}")
            i_person, i_type, i_ethnicity, i_start = (position[name] for name in HR_COLUMNS)
            for row in reader:
                if row[i_type] != OFFICER:
                    continue
                i = index.get(row[i_person])
                if i is None:
                    i = index[row[i_person]] = len(labels)
                    label = ref.hr_label.get(row[i_ethnicity])
                    if label is None:
                        raise ValueError(f"{path.name}: ethnicity {row[i_ethnicity]!r} is not a "
                                         f"{HR_ETHNICITY_SYSTEM} code")
                    labels.append(label)
                    starts.append(epoch_day(date.fromisoformat(row[i_start][:10])))
                here.append(i)
        officers.append(np.array(sorted(here), dtype=np.int64))
    return _Workforce(person_ids=list(index), label=np.array(labels, dtype=np.int64),
                      start=np.array(starts, dtype=np.int64), officers=officers)


# ------------------------------------------------------------------------------------------------ generation


def _months(scenario: ComplaintsScenario) -> list[tuple[int, int]]:
    """(first day, last day) of each month of the scenario, as days since 1970."""
    first_month = np.datetime64(scenario.start, "M")
    n = int((np.datetime64(scenario.end, "M") - first_month).astype(np.int64)) + 1
    return [(int((first_month + m).astype("datetime64[D]").astype(np.int64)),
             int((first_month + m + 1).astype("datetime64[D]").astype(np.int64)) - 1) for m in range(n)]


def _other_contacts(scenario: ComplaintsScenario, ref: _Reference, months: list[tuple[int, int]]
                    ) -> dict[str, np.ndarray]:
    """Complaints about other contacts, month by month (each month its own stream)."""
    per_group = ref.population.sum(axis=0)
    ratio = np.array([scenario.other_contact_ratio[g] for g in BROAD_GROUPS])
    mean = per_group * scenario.other_contacts_per_1000_per_year / 1000 / 12 * ratio
    blocks = []
    for first, last in months:
        month = np.datetime64(first, "D").astype(object)
        rng = np.random.default_rng(np.random.SeedSequence(scenario.seed, spawn_key=(44, month.year, month.month)))
        counts = rng.poisson(mean)
        group = np.repeat(np.arange(len(BROAD_GROUPS)), counts)
        n = group.size
        lpu = pick(rng.random(n), ref.lpu_cum[group])
        eth = ref.other_eth[pick(rng.random(n), ref.other_eth_cum[lpu * len(BROAD_GROUPS) + group])]
        eth = np.where(rng.random(n) < scenario.other_not_stated_share, ref.not_stated, eth)
        kind = np.where(rng.random(n) < scenario.unknown_contact_share, UNKNOWN, OTHER)
        blocks.append({
            "day": first + rng.integers(0, last - first + 1, n),
            "kind": kind, "eth": eth,
            "sex": ref.sex_codes[pick(rng.random(n), ref.sex_cum)],
            "age_band": pick(rng.random(n), ref.other_age_cum),
        })
    return {name: np.concatenate([block[name] for block in blocks]) for name in blocks[0]}


def _rng(scenario: ComplaintsScenario, *key: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence(scenario.seed, spawn_key=key))


def _cases(scenario: ComplaintsScenario, ref: _Reference, months: list[tuple[int, int]],
           linked: Mapping[int, _Contacts]) -> dict[str, np.ndarray]:
    """Every case, sorted by received day: who complained about what, and when."""
    last_day = months[-1][1]
    blocks = []
    for kind, contacts in linked.items():
        rng = _rng(scenario, 42, kind)
        n = contacts.day.size
        lag = 1 + np.minimum(MAX_COMPLAINT_LAG_DAYS - 1, np.round(rng.gamma(*COMPLAINT_LAG_GAMMA, n))).astype(np.int64)
        received = contacts.day + lag
        keep = received <= last_day      # received after the end: not yet delivered
        blocks.append({
            "received": received[keep], "kind": np.full(int(keep.sum()), kind),
            "record_id": np.array(contacts.record_id, dtype=object)[keep], "eth": contacts.eth[keep],
            "sex": np.array(contacts.sex, dtype=object)[keep], "age_band": contacts.age_band[keep],
            "seq": np.arange(n)[keep],
        })
    other = _other_contacts(scenario, ref, months)
    n = other["day"].size
    blocks.append({"received": other["day"], "kind": other["kind"], "record_id": np.full(n, "", dtype=object),
                   "eth": other["eth"], "sex": other["sex"].astype(object), "age_band": other["age_band"],
                   "seq": np.arange(n)})
    cases = {name: np.concatenate([block[name] for block in blocks]) for name in blocks[0]}
    order = np.lexsort((cases["seq"], np.minimum(cases["kind"], OTHER), cases["received"]))
    return {name: values[order] for name, values in cases.items()}


def _allegations(scenario: ComplaintsScenario, ref: _Reference, months: list[tuple[int, int]],
                 workforce: _Workforce, cases: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Per case: route, finalisation and outcome; per allegation: category, subject and outcome."""
    rng = _rng(scenario, 45)
    n = cases["received"].size
    label = ref.eth_label[cases["eth"]]
    routes = np.array(HANDLING_ROUTES)
    route = pick(rng.random(n), cumulative(np.array([scenario.handling_route_mix[r] for r in HANDLING_ROUTES])))
    mean_days = np.array([FINALISATION_MEAN_DAYS[r] for r in HANDLING_ROUTES])[route]
    finalised_day = cases["received"] + 1 + np.round(rng.gamma(2.0, mean_days / 2.0)).astype(np.int64)
    finalised = finalised_day <= epoch_day(scenario.end)
    withdrawn = finalised & (rng.random(n) < scenario.withdrawn_share)
    cases["disability"] = ref.disability_codes[pick(rng.random(n), ref.disability_cum)]
    cases["route"] = routes[route]

    # Allegations: how many, their category (discriminatory first, by the complainant's group).
    rng = _rng(scenario, 46)
    count = 1 + pick(rng.random(n), cumulative(np.array(ALLEGATIONS_PER_CASE)))
    case = np.repeat(np.arange(n), count)
    k = case.size
    first = np.cumsum(count) - count                    # each case's first allegation
    position = np.arange(k) - np.repeat(first, count)
    a_label = label[case]
    share = np.array([scenario.discriminatory_share[g] for g in BROAD_GROUPS]
                     + [scenario.discriminatory_share["White"]])[a_label]
    kind = np.minimum(cases["kind"][case], OTHER)       # UNKNOWN uses OTHER's mix
    mix_cum = cumulative(np.array([[CATEGORY_MIX[t][c] for c in ref.category_codes[:-1].tolist()]
                                    for t in CONTACT_TYPES[:OTHER + 1]]))
    discriminatory = rng.random(k) < share
    category = np.where(discriminatory, len(ref.category_codes) - 1, pick(rng.random(k), mix_cum[kind]))
    characteristic = np.where(discriminatory,
                              ref.discrimination_codes[pick(rng.random(k), ref.discrimination_cum)], "")

    # Subjects: officers in post in the month the case was received.
    month_of = np.searchsorted(np.array([last for _, last in months]), cases["received"])
    subject = np.full(k, -1, dtype=np.int64)
    for m in range(len(months)):
        rows = np.flatnonzero(month_of[case] == m)
        pool = workforce.officers[m]
        if rows.size and pool.size:
            subject[rows] = pool[rng.integers(0, pool.size, rows.size)]
    same = (position > 0) & (rng.random(k) < SAME_SUBJECT_SHARE)
    subject[same] = subject[first[case[same]]]
    u = rng.random(k)
    no_subject = u < scenario.unknown_subject_share
    not_in_hr = ~no_subject & (u < scenario.unknown_subject_share + scenario.subject_not_in_hr_share)
    subject[no_subject | not_in_hr] = -1
    subject_id = np.array(workforce.person_ids + [""], dtype=object)[subject]
    subject_id[not_in_hr] = padded_ids("PX", np.arange(1, int(not_in_hr.sum()) + 1), 5).astype(object)

    # Outcomes (finalised cases only).
    investigated = np.isin(cases["route"], list(INVESTIGATED_ROUTES))[case]
    upheld_p = scenario.base_upheld_probability * np.array(
        [scenario.upheld_ratio[g] for g in BROAD_GROUPS] + [1.0])[a_label]
    u, v = rng.random(k), rng.random(k)
    investigated_outcome = np.where(u < scenario.reflective_practice_share, REFLECTIVE,
                                    np.where(v < upheld_p, UPHELD, NOT_UPHELD))
    service_cum = cumulative(np.array(list(SERVICE_OUTCOME_MIX.values())))
    service_outcome = np.array([ALLEGATION_OUTCOMES.index(o) for o in SERVICE_OUTCOME_MIX])[
        pick(rng.random(k), service_cum)]
    outcome = np.where(withdrawn[case], A_NFA, np.where(investigated, investigated_outcome, service_outcome))
    outcome = np.where(finalised[case], outcome, -1)

    # The case outcome follows from its allegations.
    bad = np.bincount(case, weights=np.isin(outcome, (UPHELD, A_NOT_ACCEPTABLE)), minlength=n) > 0
    all_nfa = np.bincount(case, weights=outcome == A_NFA, minlength=n) == count
    case_outcome = np.where(withdrawn, C_WITHDRAWN, np.where(
        bad, C_NOT_ACCEPTABLE, np.where(cases["route"] == "SERVICE_RECOVERY", RESOLVED,
                                        np.where(all_nfa, C_NFA, C_ACCEPTABLE))))
    cases["finalised"] = np.where(finalised, finalised_day, -1)
    cases["case_outcome"] = np.where(finalised, case_outcome, -1)
    return {"case": case, "category": ref.category_codes[category], "characteristic": characteristic,
            "subject": subject, "subject_id": subject_id, "outcome": outcome}


def _proceedings(scenario: ComplaintsScenario, months: list[tuple[int, int]], workforce: _Workforce,
                 cases: dict[str, np.ndarray], allegations: dict[str, np.ndarray], ref: _Reference
                 ) -> dict[str, np.ndarray]:
    ratio = np.array([scenario.proceedings_ratio.get(label, 1.0) for label in ref.officer_labels])
    hazard = scenario.annual_proceedings_rate / 12 * ratio
    received = cases["received"]
    named: dict[int, list[int]] = {}   # officer -> cases whose allegations name them (ascending)
    for officer, case in sorted(set(zip(allegations["subject"].tolist(), allegations["case"].tolist()))):
        if officer >= 0:
            named.setdefault(officer, []).append(case)
    end_day = epoch_day(scenario.end)
    severity_cum = cumulative(np.array(list(SEVERITY_MIX.values())))
    gross_cum = cumulative(np.array(list(GROSS_TYPE_MIX.values())))
    outcome_cum = cumulative(np.array(list(PROCEEDING_OUTCOME_MIX.values())))
    sanction_codes = {s: np.array(list(mix)) for s, mix in SANCTION_MIX.items()}
    sanction_cum = {s: cumulative(np.array(list(mix.values()))) for s, mix in SANCTION_MIX.items()}
    blocks = []
    for m, (first, last) in enumerate(months):
        month = np.datetime64(first, "D").astype(object)
        rng = _rng(scenario, 47, month.year, month.month)
        pool = workforce.officers[m]
        officer = pool[rng.random(pool.size) < hazard[workforce.label[pool]]]
        n = officer.size
        earliest = np.clip(workforce.start[officer], first, last)
        opened = earliest + np.floor(rng.random(n) * (last - earliest + 1)).astype(np.int64)
        order = np.lexsort((officer, opened))
        officer, opened = officer[order], opened[order]
        from_case = rng.random(n) < scenario.proceedings_from_complaint_share
        case_id = np.full(n, -1, dtype=np.int64)
        chosen = rng.random(n)
        for j in np.flatnonzero(from_case).tolist():
            available = int(np.searchsorted(received, opened[j], side="right"))   # cases received by then
            if available == 0:
                continue
            mine = [c for c in named.get(int(officer[j]), []) if c < available]
            case_id[j] = mine[int(chosen[j] * len(mine))] if mine else int(chosen[j] * available)
        severity = np.array(SEVERITIES)[pick(rng.random(n), severity_cum)]
        gross = severity == "GROSS_MISCONDUCT"
        kind = np.where(gross, np.array(list(GROSS_TYPE_MIX))[pick(rng.random(n), gross_cum)], "MEETING")
        concluded = opened + rng.integers(CONCLUDED_AFTER_DAYS[0], CONCLUDED_AFTER_DAYS[1] + 1, n)
        done = concluded <= end_day
        outcome = np.where(done, np.array(PROCEEDING_OUTCOMES)[pick(rng.random(n), outcome_cum)], "")
        u = rng.random(n)
        sanction = np.full(n, "", dtype=object)
        for s in SEVERITIES:
            rows = (severity == s) & (outcome == "PROVEN")
            sanction[rows] = sanction_codes[s][pick(u[rows], sanction_cum[s])]
        blocks.append({"officer": officer, "case": case_id, "opened": opened, "type": kind, "severity": severity,
                       "concluded": np.where(done, concluded, -1), "outcome": outcome, "sanction": sanction,
                       "month": np.full(n, m)})
    return {name: np.concatenate([block[name] for block in blocks]) for name in blocks[0]}


def _blank_iso(days: np.ndarray) -> np.ndarray:
    return np.where(days >= 0, iso_dates(np.maximum(days, 0)), "")


def generate_complaints(scenario: ComplaintsScenario, out_dir: str | os.PathLike, *,
                        stop_search_files: Iterable[str | os.PathLike],
                        custody_files: Iterable[str | os.PathLike],
                        hr_people_files: Iterable[str | os.PathLike],
                        seeds_dir: str | os.PathLike | None = DEFAULT_SEEDS_DIR
                        ) -> GeneratedByContract[ComplaintsTruth]:
    """Write the scenario's monthly complaints files into out_dir (created if needed); return them with the truth.

    stop_search_files, custody_files: delivered ``stop_search_*.csv`` and ``custody_*.csv`` files (may be empty);
    hr_people_files: ``hr_people_<date>.csv`` snapshots, at least one dated in every month of the scenario.
    Per month, dated by its last day D: ``complaint_cases_D.csv``, ``complaint_allegations_D.csv`` and
    ``misconduct_proceedings_D.csv`` (header only when nothing happened). Files of the same name are replaced;
    others in out_dir are left alone.
    """
    seeds = Path(seeds_dir) if seeds_dir is not None else DEFAULT_SEEDS_DIR
    out = Path(out_dir)
    ref = _load_reference(seeds, scenario.census_year)
    months = _months(scenario)
    workforce = _read_workforce(hr_people_files, months, scenario, ref)
    linked = {STOP_SEARCH: _read_contacts(stop_search_files, "STOP_SEARCH", scenario, ref),
              CUSTODY: _read_contacts(custody_files, "CUSTODY", scenario, ref)}
    cases = _cases(scenario, ref, months, linked)
    allegations = _allegations(scenario, ref, months, workforce, cases)
    proceedings = _proceedings(scenario, months, workforce, cases, allegations, ref)

    n_cases, n_allegations = cases["received"].size, allegations["case"].size
    case_ids = padded_ids("CC", np.arange(1, n_cases + 1), 6)
    case_columns = {
        "case_id": case_ids,
        "received_date": iso_dates(cases["received"]),
        "complainant_id": padded_ids("CP", np.arange(1, n_cases + 1), 6),
        "complainant_ethnicity": ref.eth_codes[cases["eth"]],
        "complainant_sex": cases["sex"],
        "complainant_age_band": ref.age_codes[cases["age_band"]],
        "complainant_disability": cases["disability"],
        "handling_route": cases["route"],
        "finalised_date": _blank_iso(cases["finalised"]),
        "case_outcome": np.append(np.array(CASE_OUTCOMES), "")[cases["case_outcome"]],
        "contact_type": np.array(CONTACT_TYPES)[cases["kind"]],
        "contact_record_id": cases["record_id"],
    }
    allegation_columns = {
        "allegation_id": padded_ids("AL", np.arange(1, n_allegations + 1), 6),
        "case_id": case_ids[allegations["case"]],
        "category": allegations["category"],
        "discrimination_characteristic": allegations["characteristic"],
        "subject_id": allegations["subject_id"],
        "outcome": np.append(np.array(ALLEGATION_OUTCOMES), "")[allegations["outcome"]],
    }
    n_proceedings = proceedings["officer"].size
    proceeding_columns = {
        "proceeding_id": padded_ids("MP", np.arange(1, n_proceedings + 1), 6),
        "officer_id": np.array(workforce.person_ids + [""], dtype=object)[proceedings["officer"]],
        "case_id": np.append(case_ids, "")[proceedings["case"]],
        "opened_date": iso_dates(proceedings["opened"]),
        "proceeding_type": proceedings["type"],
        "severity": proceedings["severity"],
        "concluded_date": _blank_iso(proceedings["concluded"]),
        "outcome": proceedings["outcome"],
        "sanction": proceedings["sanction"],
    }

    out.mkdir(parents=True, exist_ok=True)
    month_ends = np.array([last for _, last in months])
    case_month = np.searchsorted(month_ends, cases["received"])
    files: list[Path] = []
    row_counts = {c.name: 0 for c in (COMPLAINT_CASES, COMPLAINT_ALLEGATIONS, MISCONDUCT_PROCEEDINGS)}

    def emit(contract: SourceContract, label: str, columns: dict[str, np.ndarray], rows: np.ndarray) -> None:
        path = out / f"{contract.name}_{label}.csv"
        if contract.extract_key(path.name) != label:
            raise ValueError(f"{path.name} does not match the {contract.name} file pattern")
        lines = contract_lines({name: values[rows] for name, values in columns.items()}, contract) if rows.size else []
        write_contract_file(path, contract, lines)
        files.append(path)
        row_counts[contract.name] += len(lines)

    for m, (_, last) in enumerate(months):
        label = iso_dates(np.array([last]))[0]
        emit(COMPLAINT_CASES, label, case_columns, np.flatnonzero(case_month == m))
        emit(COMPLAINT_ALLEGATIONS, label, allegation_columns, np.flatnonzero(case_month[allegations["case"]] == m))
        emit(MISCONDUCT_PROCEEDINGS, label, proceeding_columns, np.flatnonzero(proceedings["month"] == m))

    labels = ref.labels
    case_label = ref.eth_label[cases["eth"]]
    truth = ComplaintsTruth(
        scenario=scenario,
        complaint_ratios=scenario.complaint_ratio,
        other_contact_ratios=scenario.other_contact_ratio,
        upheld_ratios=scenario.upheld_ratio,
        proceedings_ratios=scenario.proceedings_ratio,
        contacts=MappingProxyType({(CONTACT_TYPES[kind], label): int(n) for kind, contacts in linked.items()
                                   for label, n in zip(labels, contacts.counts.tolist())}),
        population=MappingProxyType({g: int(round(v)) for g, v in zip(BROAD_GROUPS, ref.population.sum(axis=0))}),
        cases=MappingProxyType({(t, label): int(np.count_nonzero((cases["kind"] == kind) & (case_label == j)))
                                for kind, t in enumerate(CONTACT_TYPES) for j, label in enumerate(labels)}),
        officer_months=MappingProxyType({
            label: int(sum(np.count_nonzero(workforce.label[pool] == j) for pool in workforce.officers))
            for j, label in enumerate(ref.officer_labels)}),
        proceedings=MappingProxyType({label: int(np.count_nonzero(workforce.label[proceedings["officer"]] == j))
                                      for j, label in enumerate(ref.officer_labels)}),
        subjects_not_in_hr=int(sum(1 for s in allegations["subject_id"].tolist() if s.startswith("PX"))),
    )
    return GeneratedByContract(files=files, row_counts=MappingProxyType(row_counts), truth=truth)


def complaints_demo_scenario(seed: int = 31, start: date = date(2022, 4, 1), end: date = date(2025, 3, 31),
                             **overrides) -> ComplaintsScenario:
    """Three financial years of complaints and misconduct with the default injected disparities."""
    return ComplaintsScenario(seed=seed, start=start, end=end, **overrides)


__all__ = ["ComplaintsScenario", "ComplaintsTruth", "generate_complaints",
           "complaints_demo_scenario", "CONTACT_TYPES", "HANDLING_ROUTES"]
