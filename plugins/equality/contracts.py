"""Data contracts: what each delivered file must look like, column by column.

A contract names the file pattern, the header, the raw table it lands in, and for each column what a
valid value is. The coded columns take their allowed values from the dbt seeds (one source of truth for
ingest, Great Expectations and dbt). ``docs/data-contracts.md`` is the prose version of this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

ColumnKind = Literal["text", "identifier", "timestamp", "integer", "decimal", "boolean", "code"]
Generalisation = Literal["age_band"]


@dataclass(frozen=True)
class Column:
    """One column of a delivered file.

    header: the name in the file's header row (matched ignoring case and surrounding spaces).
    name: the column name in the raw table.
    kind: how values are checked at ingest; 'identifier' values are replaced by a keyed hash.
    required: a blank value quarantines the row.
    code_list: for kind 'code', the concept whose seed lists allowed values (``<concept>_source_values.csv``).
    low/high: for 'integer' and 'decimal', the accepted range.
    not_before: for 'timestamp', the name of another timestamp column of the same row this one may not
        precede (e.g. a release not before the arrival); a row where it does is quarantined.
    generalised_to: for a date of birth, 'age_band': the raw table keeps only the age band (``age_bands``
        seed) as at the extract's date, under ``name``; the date itself is never stored.
    """

    header: str
    name: str
    kind: ColumnKind = "text"
    required: bool = False
    code_list: str | None = None
    low: float | None = None
    high: float | None = None
    not_before: str | None = None
    generalised_to: Generalisation | None = None


@dataclass(frozen=True)
class SourceContract:
    """A kind of file the pipeline accepts.

    source_system: the key of this source in the seeds' ``source_system`` column.
    file_pattern: the file name, as a regular expression whose group ``key`` is the extract key: a file with
        the same key and different content replaces the earlier load (a corrected re-delivery).
    record_key: the columns that identify a record, if the source has such a key.
    record_key_scope: 'source': a key is unique across every extract (a record delivered again in a later
        file is quarantined); 'file': unique within one file only (a full snapshot repeats its keys nightly).
    row_checks: SQL expressions over one landed row (alias ``landed``, identifiers already hashed, values still
        text) that yield a reason to quarantine it, or null. They may use window functions over the file and
        look at ``raw.<raw_table>`` for earlier extracts; ``%(rank_order)s`` and ``%(process_stages)s`` are
        bound (see ``contract_parameters``). ``landed_file`` is the whole file, landed the same way.
    lookup_columns: columns the row checks look up in ``raw.<raw_table>`` (indexed).
    """

    name: str
    description: str
    source_system: str
    file_pattern: str
    raw_table: str
    columns: tuple[Column, ...]
    record_key: tuple[str, ...] = ()
    record_key_scope: Literal["source", "file"] = "source"
    row_checks: tuple[str, ...] = ()
    lookup_columns: tuple[str, ...] = ()
    quarantines_rows: bool = True

    def extract_key(self, file_name: str) -> str | None:
        match = re.fullmatch(self.file_pattern, file_name)
        return match.group("key") if match else None

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


LATITUDE = dict(kind="decimal", low=49.8, high=61.0)
LONGITUDE = dict(kind="decimal", low=-8.7, high=1.8)

FORCE_STOP_SEARCH = SourceContract(
    name="force_stop_search",
    description="The force's internal nightly stop-and-search extract: one row per person searched.",
    source_system="force",
    file_pattern=r"stop_search_(?P<key>\d{4}-\d{2}-\d{2})\.csv",
    raw_table="force_stop_search",
    record_key=("record_id",),
    columns=(
        Column("record_id", "record_id", "identifier", required=True),
        Column("searched_at", "searched_at", "timestamp", required=True),
        Column("neighbourhood_code", "neighbourhood_code"),
        Column("lpu_code", "lpu_code", "code", required=True, code_list="local_policing_unit"),
        Column("latitude", "latitude", **LATITUDE),
        Column("longitude", "longitude", **LONGITUDE),
        Column("age", "age", "integer", low=0, high=110),
        Column("sex", "sex", "code", required=True, code_list="sex"),
        Column("self_defined_ethnicity", "self_defined_ethnicity", "code", required=True, code_list="ethnicity"),
        Column("officer_observed_ethnicity", "officer_observed_ethnicity", "code", required=True,
               code_list="officer_ethnicity"),
        Column("legislation", "legislation", "code", required=True, code_list="legislation"),
        Column("object_of_search", "object_of_search", "code", required=True, code_list="object_of_search"),
        Column("outcome", "outcome", "code", required=True, code_list="outcome"),
        Column("outcome_linked_to_object", "outcome_linked_to_object", "boolean"),
        Column("more_than_outer_clothing_removed", "more_than_outer_clothing_removed", "boolean", required=True),
        Column("strip_search", "strip_search", "boolean", required=True),
        Column("officer_id", "officer_id", "identifier", required=True),
        Column("team", "team"),
    ),
)

POLICE_UK_STOP_SEARCH = SourceContract(
    name="police_uk_stop_search",
    description="The public police.uk stop-and-search CSV, one file per force and month.",
    source_system="police_uk",
    file_pattern=r"(?P<key>\d{4}-\d{2}-[a-z0-9-]+?)-stop-and-search\.csv",
    raw_table="police_uk_stop_search",
    columns=(
        Column("Type", "type", required=True),
        Column("Date", "date", "timestamp", required=True),
        Column("Part of a policing operation", "part_of_a_policing_operation", "boolean"),
        Column("Policing operation", "policing_operation"),
        Column("Latitude", "latitude", **LATITUDE),
        Column("Longitude", "longitude", **LONGITUDE),
        Column("Gender", "gender", "code", code_list="sex"),
        Column("Age range", "age_range", "code", code_list="age_range"),
        Column("Self-defined ethnicity", "self_defined_ethnicity", "code", code_list="ethnicity"),
        Column("Officer-defined ethnicity", "officer_defined_ethnicity", "code", code_list="officer_ethnicity"),
        Column("Legislation", "legislation", "code", code_list="legislation"),
        Column("Object of search", "object_of_search", "code", code_list="object_of_search"),
        Column("Outcome", "outcome", "code", code_list="outcome"),
        Column("Outcome linked to object of search", "outcome_linked_to_object_of_search", "boolean"),
        Column("Removal of more than just outer clothing", "removal_of_more_than_just_outer_clothing", "boolean"),
    ),
)

HOME_OFFICE_STOP_SEARCH_RATES = SourceContract(
    name="home_office_stop_search_rates",
    description=("GOV.UK Ethnicity facts and figures 'Stop and search' download (Home Office data): searches, "
                 "populations and rates per 1,000 by ethnicity, force and financial year. A reference source "
                 "shipped in reference/; numbers keep their thousands separators and 'N/A' as landed."),
    source_system="home_office",
    file_pattern=r"(?P<key>stop-and-search)\.csv",
    raw_table="home_office_stop_search_rates",
    quarantines_rows=False,
    columns=(
        Column("Measure", "measure"),
        Column("Time", "time"),
        Column("Time_type", "time_type"),
        Column("Ethnicity", "ethnicity"),
        Column("Ethnicity_type", "ethnicity_type"),
        Column("Geography", "geography"),
        Column("Geography_type", "geography_type"),
        Column("Number of stop and searches", "number_of_stop_and_searches"),
        Column("Total number of stop and search carried out in this year in this area "
               "(excluding cases where the ethnicity was unreported)", "total_stop_and_searches_excluding_unreported"),
        Column("Population by ethnicity", "population_by_ethnicity"),
        Column("Rate per 1,000 population by ethnicity", "rate_per_1000_population"),
        Column("Proportion of total stop and searches of this ethnicity in the financial year "
               "(excludes unreported)", "proportion_of_stop_and_searches"),
        Column("Notes", "notes"),
    ),
)

CUSTODY_DETENTIONS = SourceContract(
    name="custody_detentions",
    description="The force's custody extract: one row per detention (arrival at a custody suite to release).",
    source_system="force",
    file_pattern=r"custody_(?P<key>\d{4}-\d{2}-\d{2})\.csv",
    raw_table="custody_detentions",
    record_key=("detention_id",),
    columns=(
        Column("detention_id", "detention_id", "identifier", required=True),
        Column("person_id", "person_id", "identifier"),
        Column("custody_suite", "custody_suite"),
        Column("arrived_at", "arrived_at", "timestamp", required=True),
        Column("released_at", "released_at", "timestamp", required=True, not_before="arrived_at"),
        Column("age", "age", "integer", required=True, low=10, high=110),
        Column("sex", "sex", "code", required=True, code_list="sex"),
        Column("self_defined_ethnicity", "self_defined_ethnicity", "code", required=True, code_list="ethnicity"),
        Column("officer_observed_ethnicity", "officer_observed_ethnicity", "code", required=True,
               code_list="officer_ethnicity"),
        Column("offence_group", "offence_group", "code", required=True, code_list="offence_group"),
        Column("arresting_lpu", "arresting_lpu", "code", required=True, code_list="local_policing_unit"),
        Column("juvenile", "juvenile", "boolean", required=True),
        Column("appropriate_adult", "appropriate_adult", "boolean"),
        Column("interpreter", "interpreter", "boolean"),
        Column("strip_search", "strip_search", "boolean", required=True),
        Column("strip_search_authorised", "strip_search_authorised", "boolean"),
        Column("use_of_force", "use_of_force", "boolean", required=True),
        Column("disposal", "disposal", "code", required=True, code_list="custody_disposal"),
        Column("court", "court", "code", code_list="court"),
    ),
)

# Workforce (HR). The characteristics a person or candidate may hold; each has a code list in hr_codes.csv
# that keeps "prefer not to say" (PREFER_NOT_TO_SAY) and "not recorded" (NOT_RECORDED) apart.
PROTECTED_CHARACTERISTICS: tuple[Column, ...] = (
    Column("ethnicity", "ethnicity", "code", required=True, code_list="ethnicity"),
    Column("sex", "sex", "code", required=True, code_list="sex"),
    Column("date_of_birth", "age_band", "timestamp", required=True, generalised_to="age_band"),
    Column("disability", "disability", "code", required=True, code_list="disability"),
    Column("religion_or_belief", "religion_or_belief", "code", required=True, code_list="religion_or_belief"),
    Column("sexual_orientation", "sexual_orientation", "code", required=True, code_list="sexual_orientation"),
)
PERSON_ONLY_CHARACTERISTICS: tuple[Column, ...] = (
    Column("gender_reassignment", "gender_reassignment", "code", required=True, code_list="gender_reassignment"),
    Column("marital_status", "marital_status", "code", required=True, code_list="marital_status"),
    Column("pregnancy_maternity", "pregnancy_maternity", "code", required=True, code_list="pregnancy_maternity"),
)


def _date(column: str) -> str:
    """A landed text value as a timestamptz, or null when it does not parse (its own check reports that)."""
    return (f"(case when landed.{column} ~ '^\\d{{4}}-\\d\\d-\\d\\d' and audit.is_valid_timestamptz(landed.{column}) "
            f"then landed.{column}::timestamptz end)")


HR_PEOPLE = SourceContract(
    name="hr_people",
    description=("The HR system's nightly full snapshot of everyone employed, as at the date in the file name: "
                 "one row per person."),
    source_system="hr",
    file_pattern=r"hr_people_(?P<key>\d{4}-\d{2}-\d{2})\.csv",
    raw_table="hr_people",
    record_key=("person_id",),
    record_key_scope="file",
    columns=(
        Column("person_id", "person_id", "identifier", required=True),
        Column("workforce_type", "workforce_type", "code", required=True, code_list="workforce_type"),
        Column("rank_grade", "rank_grade", "code", required=True, code_list="rank_grade"),
        Column("department", "department", "code", required=True, code_list="department"),
        Column("specialist_role", "specialist_role", "boolean", required=True),
        Column("lpu_code", "lpu_code", "code", code_list="local_policing_unit"),
        Column("fte", "fte", "decimal", required=True, low=0, high=1),
        Column("start_date", "start_date", "timestamp", required=True),
        *PROTECTED_CHARACTERISTICS,
        *PERSON_ONLY_CHARACTERISTICS,
    ),
    row_checks=(
        "case when array_position(%(rank_grades_by_type)s::text[], landed.workforce_type || ':' || landed.rank_grade)"
        " is null and landed.rank_grade is not null and landed.workforce_type is not null then 'rank_grade ' || "
        "landed.rank_grade || ' is not a ' || landed.workforce_type || ' rank or grade' end",
    ),
)

HR_EVENTS = SourceContract(
    name="hr_events",
    description=("The HR system's events: joiners, leavers (with reason), substantive and temporary promotions "
                 "(from and to rank), moves into and out of specialist departments, with effective dates."),
    source_system="hr",
    file_pattern=r"hr_events_(?P<key>\d{4}-\d{2}-\d{2})\.csv",
    raw_table="hr_events",
    record_key=("event_id",),
    lookup_columns=("person_id",),
    columns=(
        Column("event_id", "event_id", "identifier", required=True),
        Column("person_id", "person_id", "identifier", required=True),
        Column("event_type", "event_type", "code", required=True, code_list="event_type"),
        Column("effective_date", "effective_date", "timestamp", required=True),
        Column("workforce_type", "workforce_type", "code", required=True, code_list="workforce_type"),
        Column("leaver_reason", "leaver_reason", "code", code_list="leaver_reason"),
        Column("from_rank", "from_rank", "code", code_list="rank_grade"),
        Column("to_rank", "to_rank", "code", code_list="rank_grade"),
        Column("department", "department", "code", code_list="department"),
    ),
    row_checks=(
        "case when landed.event_type = 'LEAVER' and landed.leaver_reason is null then 'a leaver needs a leaver_reason' "
        "when landed.event_type <> 'LEAVER' and landed.leaver_reason is not null "
        "then 'leaver_reason given for a ' || landed.event_type || ' event' end",
        "case when landed.from_rank is not null and landed.workforce_type is not null and array_position("
        "%(rank_grades_by_type)s::text[], landed.workforce_type || ':' || landed.from_rank) is null "
        "then 'from_rank ' || landed.from_rank || ' is not a ' || landed.workforce_type || ' rank or grade' "
        "when landed.to_rank is not null and landed.workforce_type is not null and array_position("
        "%(rank_grades_by_type)s::text[], landed.workforce_type || ':' || landed.to_rank) is null "
        "then 'to_rank ' || landed.to_rank || ' is not a ' || landed.workforce_type || ' rank or grade' end",
        "case when landed.event_type like 'PROMOTION%%' and (landed.from_rank is null or landed.to_rank is null) "
        "then 'a promotion needs from_rank and to_rank' "
        "when landed.event_type like 'PROMOTION%%' and array_position(%(rank_order)s::text[], landed.to_rank) "
        "<= array_position(%(rank_order)s::text[], landed.from_rank) "
        "then 'promotion from ' || landed.from_rank || ' to ' || landed.to_rank || ' is not to a higher rank' end",
        "case when landed.event_type like 'SPECIALIST%%' and landed.department is null "
        "then 'a specialist move needs the department' end",
        # A leaver who has later events: an event after the person's last leaving date, with no joiner (a
        # re-join) in between, in this file or in earlier extracts. The leaving row itself stays valid.
        f"""case when landed.event_type <> 'JOINER' and {_date('effective_date')} > (
            select max(history.left_on) from (
                select {_date('effective_date').replace('landed.', 'earlier.')} as left_on,
                       earlier.person_id, earlier.event_type
                from raw.hr_events as earlier where earlier.person_id = landed.person_id
                union all
                select {_date('effective_date').replace('landed.', 'same_file.')}, same_file.person_id,
                       same_file.event_type
                from landed_file as same_file where same_file.person_id = landed.person_id
            ) as history
            where history.event_type = 'LEAVER' and history.left_on < {_date('effective_date')}
              and not exists (
                select 1 from (
                    select {_date('effective_date').replace('landed.', 'rejoin.')} as joined_on
                    from raw.hr_events as rejoin
                    where rejoin.person_id = landed.person_id and rejoin.event_type = 'JOINER'
                    union all
                    select {_date('effective_date').replace('landed.', 'rejoin_file.')}
                    from landed_file as rejoin_file
                    where rejoin_file.person_id = landed.person_id and rejoin_file.event_type = 'JOINER'
                ) as joins where joins.joined_on > history.left_on and joins.joined_on <= {_date('effective_date')}))
        then 'event on ' || landed.effective_date || ' after the person left' end""",
    ),
)

PROCESS_CANDIDATE_CHARACTERISTICS = PROTECTED_CHARACTERISTICS

HR_PROCESS_STAGES = SourceContract(
    name="hr_process_stages",
    description=("Recruitment campaigns and promotion processes: one row per candidate and stage reached, with "
                 "its outcome (passed, failed, withdrawn) and date, and the candidate's characteristics."),
    source_system="hr",
    file_pattern=r"hr_process_stages_(?P<key>\d{4}-\d{2}-\d{2})\.csv",
    raw_table="hr_process_stages",
    record_key=("process_id", "candidate_id", "stage"),
    columns=(
        Column("process_id", "process_id", required=True),
        Column("process_type", "process_type", "code", required=True, code_list="process_type"),
        Column("target_role", "target_role", "code", required=True, code_list="rank_grade"),
        Column("candidate_id", "candidate_id", "identifier", required=True),
        Column("stage", "stage", "code", required=True, code_list="process_stage"),
        Column("outcome", "outcome", "code", required=True, code_list="stage_outcome"),
        Column("stage_date", "stage_date", "timestamp", required=True),
        *PROCESS_CANDIDATE_CHARACTERISTICS,
    ),
    row_checks=(
        "case when landed.process_type is not null and landed.stage is not null and "
        "array_position(%(process_stages)s::text[], landed.process_type || ':' || landed.stage) is null "
        "then 'stage ' || landed.stage || ' is not a stage of a ' || landed.process_type || ' process' end",
    ),
)

HR_VETTING = SourceContract(
    name="hr_vetting",
    description="Vetting applications and their outcomes (granted, refused, withdrawn), with the applicant's characteristics.",
    source_system="hr",
    file_pattern=r"hr_vetting_(?P<key>\d{4}-\d{2}-\d{2})\.csv",
    raw_table="hr_vetting",
    record_key=("vetting_id",),
    columns=(
        Column("vetting_id", "vetting_id", "identifier", required=True),
        Column("applicant_id", "applicant_id", "identifier", required=True),
        Column("applicant_type", "applicant_type", "code", required=True, code_list="workforce_type"),
        Column("vetting_level", "vetting_level", "code", required=True, code_list="vetting_level"),
        Column("applied_date", "applied_date", "timestamp", required=True),
        Column("decided_date", "decided_date", "timestamp", required=True, not_before="applied_date"),
        Column("outcome", "outcome", "code", required=True, code_list="vetting_outcome"),
        *PROTECTED_CHARACTERISTICS,
    ),
)

# Complaints and misconduct (professional standards). Cases and allegations are delivered again as they
# progress (a finalised date, an outcome): a key is unique within a file, and the latest delivery of a case,
# allegation or proceeding is its current state. Subject officers carry the HR person id, so the same keyed
# hash links them to the workforce history.
COMPLAINT_CASES = SourceContract(
    name="complaint_cases",
    description=("The professional standards system's complaint cases, as they stand on the date in the file "
                 "name: one row per case, with the complainant's characteristics and the contact that led to it."),
    source_system="complaints",
    file_pattern=r"complaint_cases_(?P<key>\d{4}-\d{2}-\d{2})\.csv",
    raw_table="complaint_cases",
    record_key=("case_id",),
    record_key_scope="file",
    columns=(
        Column("case_id", "case_id", "identifier", required=True),
        Column("received_date", "received_date", "timestamp", required=True),
        Column("complainant_id", "complainant_id", "identifier"),
        Column("complainant_ethnicity", "complainant_ethnicity", "code", required=True, code_list="ethnicity"),
        Column("complainant_sex", "complainant_sex", "code", required=True, code_list="sex"),
        Column("complainant_age_band", "complainant_age_band", "code", required=True, code_list="age_band"),
        Column("complainant_disability", "complainant_disability", "code", required=True, code_list="disability"),
        Column("handling_route", "handling_route", "code", required=True, code_list="handling_route"),
        Column("finalised_date", "finalised_date", "timestamp", not_before="received_date"),
        Column("case_outcome", "case_outcome", "code", code_list="case_outcome"),
        Column("contact_type", "contact_type", "code", required=True, code_list="contact_type"),
        Column("contact_record_id", "contact_record_id", "identifier"),
    ),
    row_checks=(
        "case when landed.contact_type in ('STOP_SEARCH', 'CUSTODY') and landed.contact_record_id is null "
        "then 'a ' || landed.contact_type || ' contact needs its contact_record_id' end",
        "case when (landed.finalised_date is null) <> (landed.case_outcome is null) "
        "then 'finalised_date and case_outcome come together' end",
    ),
)

COMPLAINT_ALLEGATIONS = SourceContract(
    name="complaint_allegations",
    description=("The allegations of each complaint case: category (IOPC), the subject officer or staff member, "
                 "and the outcome, as they stand on the date in the file name. One row per allegation."),
    source_system="complaints",
    file_pattern=r"complaint_allegations_(?P<key>\d{4}-\d{2}-\d{2})\.csv",
    raw_table="complaint_allegations",
    record_key=("allegation_id",),
    record_key_scope="file",
    columns=(
        Column("allegation_id", "allegation_id", "identifier", required=True),
        Column("case_id", "case_id", "identifier", required=True),
        Column("category", "category", "code", required=True, code_list="allegation_category"),
        Column("discrimination_characteristic", "discrimination_characteristic", "code",
               code_list="discrimination_characteristic"),
        Column("subject_id", "subject_id", "identifier"),
        Column("outcome", "outcome", "code", code_list="allegation_outcome"),
    ),
    row_checks=(
        "case when landed.category = 'DISCRIMINATORY_BEHAVIOUR' and landed.discrimination_characteristic is null "
        "then 'a discriminatory behaviour allegation needs the protected characteristic' "
        "when landed.category <> 'DISCRIMINATORY_BEHAVIOUR' and landed.discrimination_characteristic is not null "
        "then 'discrimination_characteristic given for a ' || landed.category || ' allegation' end",
        # An orphan: its case is in neither this night's case extracts nor any earlier one.
        "case when landed.case_id is not null and not exists (select 1 from raw.complaint_cases as cases "
        "where cases.case_id = landed.case_id) then 'case_id is not a delivered complaint case' end",
    ),
)

MISCONDUCT_PROCEEDINGS = SourceContract(
    name="misconduct_proceedings",
    description=("Misconduct and gross misconduct proceedings: the officer, the complaint case they arose from "
                 "(blank for an internal matter), type, outcome and sanction. One row per proceeding."),
    source_system="complaints",
    file_pattern=r"misconduct_proceedings_(?P<key>\d{4}-\d{2}-\d{2})\.csv",
    raw_table="misconduct_proceedings",
    record_key=("proceeding_id",),
    record_key_scope="file",
    columns=(
        Column("proceeding_id", "proceeding_id", "identifier", required=True),
        Column("officer_id", "officer_id", "identifier", required=True),
        Column("case_id", "case_id", "identifier"),
        Column("opened_date", "opened_date", "timestamp", required=True),
        Column("proceeding_type", "proceeding_type", "code", required=True, code_list="proceeding_type"),
        Column("severity", "severity", "code", required=True, code_list="misconduct_severity"),
        Column("concluded_date", "concluded_date", "timestamp", not_before="opened_date"),
        Column("outcome", "outcome", "code", code_list="proceeding_outcome"),
        Column("sanction", "sanction", "code", code_list="sanction"),
    ),
    row_checks=(
        "case when landed.case_id is not null and not exists (select 1 from raw.complaint_cases as cases "
        "where cases.case_id = landed.case_id) then 'case_id is not a delivered complaint case' end",
        "case when landed.sanction is not null and landed.outcome is distinct from 'PROVEN' "
        "then 'a sanction needs a proven outcome' end",
        "case when (landed.concluded_date is null) <> (landed.outcome is null) "
        "then 'concluded_date and outcome come together' end",
    ),
)

CONTRACTS: tuple[SourceContract, ...] = (FORCE_STOP_SEARCH, POLICE_UK_STOP_SEARCH, HOME_OFFICE_STOP_SEARCH_RATES,
                                         CUSTODY_DETENTIONS, HR_PEOPLE, HR_EVENTS, HR_PROCESS_STAGES, HR_VETTING,
                                         COMPLAINT_CASES, COMPLAINT_ALLEGATIONS, MISCONDUCT_PROCEEDINGS)


def contract_for(file_name: str) -> SourceContract | None:
    """The contract whose file pattern matches this file name, if any."""
    for contract in CONTRACTS:
        if contract.extract_key(file_name) is not None:
            return contract
    return None


@dataclass(frozen=True)
class CodeList:
    """Where a coded column's allowed values live: a seed file, its value column, and how rows are filtered."""

    seed: str
    value_column: str
    system_suffix: str | None = ""  # None: every row applies; "": source_system = the contract's; else a suffix
    where: tuple[str, str] | None = None  # only rows whose column (first) holds the value (second)


CODE_LISTS: dict[str, CodeList] = {
    "local_policing_unit": CodeList("local_policing_units.csv", "lpu_code", None),
    "sex": CodeList("sex_source_values.csv", "source_value"),
    "age_range": CodeList("age_range_source_values.csv", "source_value"),
    "ethnicity": CodeList("ethnicity_source_values.csv", "source_value", "_self_defined"),
    "officer_ethnicity": CodeList("ethnicity_source_values.csv", "source_value", "_officer"),
    "legislation": CodeList("legislation_source_values.csv", "source_value"),
    "object_of_search": CodeList("object_of_search_source_values.csv", "source_value"),
    "outcome": CodeList("outcome_source_values.csv", "source_value"),
    "offence_group": CodeList("offence_group_source_values.csv", "source_value"),
    "custody_disposal": CodeList("custody_disposal_source_values.csv", "source_value"),
    "court": CodeList("court_source_values.csv", "source_value"),
    "age_band": CodeList("age_bands.csv", "age_band_code", None),
    "rank_grade": CodeList("rank_grades.csv", "rank_grade_code", None),
    "department": CodeList("departments.csv", "department_code", None),
    "process_stage": CodeList("process_stages.csv", "stage_code", None),
    **{code_list: CodeList("hr_codes.csv", "code", None, where=("code_list", code_list))
       for code_list in ("workforce_type", "event_type", "leaver_reason", "process_type", "stage_outcome",
                         "vetting_level", "vetting_outcome", "disability", "religion_or_belief",
                         "sexual_orientation", "gender_reassignment", "marital_status", "pregnancy_maternity")},
    **{code_list: CodeList("complaint_codes.csv", "code", None, where=("code_list", code_list))
       for code_list in ("handling_route", "case_outcome", "contact_type", "allegation_category",
                         "discrimination_characteristic", "allegation_outcome", "proceeding_type",
                         "misconduct_severity", "proceeding_outcome", "sanction")},
}


def allowed_values(code_list: str, source_system: str, seeds_dir) -> list[str]:
    """The values a source may deliver in a coded column, read from the dbt seed that defines them."""
    spec = CODE_LISTS[code_list]
    rows = _read_seed(seeds_dir, spec.seed)
    if spec.where:
        rows = [row for row in rows if row[spec.where[0]] == spec.where[1]]
    if spec.system_suffix is None:
        return sorted({row[spec.value_column] for row in rows})
    if spec.system_suffix == "":
        return sorted({row[spec.value_column] for row in rows if row["source_system"] == source_system})
    return sorted({row[spec.value_column] for row in rows
                   if row["source_system"].startswith(source_system + spec.system_suffix)})


def _read_seed(seeds_dir, name: str) -> list[dict[str, str]]:
    import csv
    from pathlib import Path

    with open(Path(seeds_dir) / name, newline="", encoding="utf-8") as seed_file:
        return list(csv.DictReader(seed_file))


def contract_parameters(seeds_dir) -> dict[str, list[str]]:
    """Lists the contracts' row checks bind, from the seeds: ranks in order, each type's ranks, each process's stages."""
    ranks = sorted(_read_seed(seeds_dir, "rank_grades.csv"), key=lambda row: int(row["rank_order"]))
    stages = _read_seed(seeds_dir, "process_stages.csv")
    return {
        "rank_order": [row["rank_grade_code"] for row in ranks],
        "rank_grades_by_type": [f"{row['workforce_type_code']}:{row['rank_grade_code']}" for row in ranks],
        "process_stages": [f"{row['process_type']}:{row['stage_code']}" for row in stages],
    }
