"""The HR contracts: the workforce snapshot, its events, recruitment and promotion processes,
and vetting."""

from __future__ import annotations

from equality.contracts import Column, SourceContract
from equality.sources.hr.raw_checks import (HR_EVENTS_CHECKS, HR_PEOPLE_CHECKS, HR_PROCESS_STAGES_CHECKS)

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
    raw_checks=HR_PEOPLE_CHECKS,
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
    row_value_checks=(
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
    raw_checks=HR_EVENTS_CHECKS,
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
    raw_checks=HR_PROCESS_STAGES_CHECKS,
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
    row_value_checks=(
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
