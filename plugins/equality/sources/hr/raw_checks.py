"""The HR raw tables' rules that their contracts' columns cannot express (their raw suites check them too).

The seeds' rank ladders, rank order and process stages are written into the suites when they are generated
(``%(rank_grades_by_type)s``, ``%(rank_order)s``, ``%(process_stages)s``: see ``equality.contracts.RawCheck``), so a
seed change is a regenerated suite, never a hand edit.
"""

from __future__ import annotations

from equality.contracts import TABLE, RawCheck
from equality.raw_suites import timestamp_sql

PROMOTIONS = "('PROMOTION_SUBSTANTIVE', 'PROMOTION_TEMPORARY')"


def _off_the_ladder(rank: str) -> str:
    """A rank (column) given that is not a rank or grade of the row's workforce type."""
    return (f"(nullif(btrim({rank}), '') is not null and "
            f"workforce_type || ':' || {rank} <> all (%(rank_grades_by_type)s))")


HR_PEOPLE_CHECKS = (
    RawCheck(
        "rank_grade is a rank or grade of the person's workforce_type",
        "select * from {batch} where workforce_type || ':' || rank_grade <> all (%(rank_grades_by_type)s)",
        "officer ranks, staff grades, PCSO and special constable ranks are separate ladders (seeds/rank_grades.csv, "
        "workforce_type_code, written in as workforce_type:rank_grade pairs); ingest quarantines a rank of another "
        "type, so any here means ingest and contract disagree",
        "rank_grade"),
)

HR_EVENTS_CHECKS = (
    RawCheck(
        "a leaver has a leaver_reason, and only a leaver",
        "select * from {batch} where (event_type = 'LEAVER' and nullif(btrim(leaver_reason), '') is null) or "
        "(event_type <> 'LEAVER' and nullif(btrim(leaver_reason), '') is not null)",
        "leaver rates are broken down by reason; ingest quarantines a leaver without one (contract row check)",
        "leaver_reason"),
    RawCheck(
        "a promotion names from_rank and to_rank",
        f"select * from {{batch}} where event_type in {PROMOTIONS} and "
        "(nullif(btrim(from_rank), '') is null or nullif(btrim(to_rank), '') is null)",
        "promotion rates count promotions by the rank reached; ingest quarantines a promotion without both ranks",
        "to_rank"),
    RawCheck(
        "from_rank and to_rank are ranks or grades of the event's workforce_type",
        f"select * from {{batch}} where {_off_the_ladder('from_rank')} or {_off_the_ladder('to_rank')}",
        "officer ranks, staff grades, PCSO and special ranks are separate ladders (seeds/rank_grades.csv, "
        "workforce_type_code, written in as workforce_type:rank_grade pairs): moving between them is a leave and a "
        "join, not a promotion, and the rank order only compares ranks of one ladder",
        "to_rank"),
    RawCheck(
        "a promotion is to a strictly higher rank",
        f"select * from {{batch}} where event_type in {PROMOTIONS} and "
        "array_position(%(rank_order)s, to_rank) <= array_position(%(rank_order)s, from_rank)",
        "a substantive or temporary promotion moves up: the rank order is seeds/rank_grades.csv's rank_order, "
        "written in when the suite is generated; ingest quarantines a promotion to a lower or equal rank ('is not to "
        "a higher rank')",
        "to_rank"),
    RawCheck(
        "a specialist move names the department",
        "select * from {batch} where event_type in ('SPECIALIST_IN', 'SPECIALIST_OUT') "
        "and nullif(btrim(department), '') is null",
        "moves into and out of specialist departments are counted by department; ingest quarantines a move without "
        "one",
        "department"),
    RawCheck(
        "no event is dated before the person's start_date",
        f"select event.* from {{batch}} as event join (select person_id, min({timestamp_sql('start_date')}) as "
        "first_start from raw.hr_people group by person_id) as person on person.person_id = event.person_id "
        f"where {timestamp_sql('event.effective_date')} < person.first_start",
        "events happen during employment: none may precede the earliest start_date any people snapshot "
        "(raw.hr_people) delivered for the person. People in no snapshot yet are not checked. Ingest cannot check "
        "this (it needs the snapshots), so this is the only check; a re-joiner whose snapshots carry only the "
        "re-join date would show here with the events of the earlier employment",
        "effective_date", spans=TABLE),
    RawCheck(
        "no event after the person's leaver event unless they re-joined",
        "select distinct event.* from {batch} as event join {batch} as leaver on leaver.person_id = event.person_id "
        f"and leaver.event_type = 'LEAVER' and {timestamp_sql('leaver.effective_date')} < "
        f"{timestamp_sql('event.effective_date')} where event.event_type <> 'JOINER' and not exists (select 1 from "
        "{batch} as rejoin where rejoin.person_id = event.person_id and rejoin.event_type = 'JOINER' and "
        f"{timestamp_sql('rejoin.effective_date')} > {timestamp_sql('leaver.effective_date')} and "
        f"{timestamp_sql('rejoin.effective_date')} <= {timestamp_sql('event.effective_date')})",
        "after a LEAVER event the person has no further events until a JOINER (a re-join); ingest quarantines such "
        "events against the file and earlier extracts ('after the person left'), this re-checks every event of the "
        "people the night's events name, across files, whatever order they were loaded in",
        "effective_date", spans="person_id"),
)

# Each stage row with its place in its process type's stage order (null for a stage of another type) and its date.
_STAGED = ("with staged as (select *, array_position(%(process_stages)s, process_type || ':' || stage) as "
           f"stage_order, {timestamp_sql('stage_date')} as stage_at from {{batch}} as stage_row) ")
_STAGE_COLUMNS = "load_id, file_name, line_number, process_id, process_type, candidate_id, stage, outcome, stage_date"

HR_PROCESS_STAGES_CHECKS = (
    RawCheck(
        "stage is a stage of the process_type",
        "select * from {batch} where process_type || ':' || stage <> all (%(process_stages)s)",
        "recruitment campaigns and promotion processes have their own stages (seeds/process_stages.csv, written in "
        "as process_type:stage pairs); ingest quarantines a stage of another process type",
        "stage"),
    RawCheck(
        "a process has one process_type",
        "select stage_row.* from {batch} as stage_row join (select process_id from {batch} as any_row "
        "group by process_id having count(distinct process_type) > 1) as mixed "
        "on mixed.process_id = stage_row.process_id",
        "a process is either a recruitment campaign or a promotion process, in every row and every extract: its "
        "stages and their order follow from that type",
        "process_type", spans="process_id"),
    RawCheck(
        "stage dates do not decrease with stage order",
        _STAGED + f"select {_STAGE_COLUMNS} from staged as later where exists (select 1 from staged as earlier "
        "where earlier.process_id = later.process_id and earlier.candidate_id = later.candidate_id and "
        "earlier.stage_order < later.stage_order and earlier.stage_at > later.stage_at)",
        "a candidate reaches the stages of a process in order (seeds/process_stages.csv stage_order, written in when "
        "the suite is generated), so a later stage is not dated before an earlier one; the check spans every "
        "extract. Ingest does not check this (a candidate's stages arrive over several files)",
        "stage_date", spans="process_id"),
    RawCheck(
        "every stage before a candidate's last one was PASSED (no stage after a FAILED or WITHDRAWN one)",
        _STAGED + f"select {_STAGE_COLUMNS} from staged as stopped where stopped.outcome <> 'PASSED' and exists "
        "(select 1 from staged as later where later.process_id = stopped.process_id and later.candidate_id = "
        "stopped.candidate_id and later.stage_order > stopped.stage_order)",
        "a candidate who failed or withdrew at a stage goes no further, so only the last stage reached may be FAILED "
        "or WITHDRAWN (stage order from seeds/process_stages.csv, written in when the suite is generated); otherwise "
        "the pass rates by stage would count a candidate who had already left the process. The rows shown are the "
        "non-PASSED stages that have a later stage. Ingest does not check this (stages arrive over several files)",
        "outcome", spans="process_id"),
)
