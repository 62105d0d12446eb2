"""The complaints raw tables' rules that their contracts' columns cannot express (their raw suites check them too).

The codes that carry a rule are written into the queries: STOP_SEARCH and CUSTODY (a contact record is required),
DISCRIMINATORY_BEHAVIOUR (a discrimination characteristic goes with it, and only with it) and PROVEN (the only
outcome with a sanction). The cross-table checks read ``raw.complaint_cases`` directly.
"""

from __future__ import annotations

from equality.contracts import TABLE, RawCheck

COMPLAINT_CASES_CHECKS = (
    RawCheck(
        "finalised_date and case_outcome come together",
        "select * from {batch} where (nullif(btrim(finalised_date), '') is null) <> "
        "(nullif(btrim(case_outcome), '') is null)",
        "an open case has neither a finalised date nor an outcome, a finalised case has both: outcome rates count "
        "finalised cases by outcome; ingest quarantines a row with only one (contract row check 'finalised_date and "
        "case_outcome come together')",
        "case_outcome"),
    RawCheck(
        "a STOP_SEARCH or CUSTODY case names its contact_record_id",
        "select * from {batch} where contact_type in ('STOP_SEARCH', 'CUSTODY') "
        "and nullif(btrim(contact_record_id), '') is null",
        "complaints arising from a stop and search or a custody detention are linked to that record (the stop-search "
        "record_id or custody detention_id, hashed with the same key) to compare complaint rates by ethnicity with the "
        "contacts behind them; ingest quarantines such a case without one",
        "contact_record_id"),
)

COMPLAINT_ALLEGATIONS_CHECKS = (
    RawCheck(
        "an allegation belongs to a delivered complaint case",
        "select allegation.* from {batch} as allegation where not exists "
        "(select 1 from raw.complaint_cases as cases where cases.case_id = allegation.case_id)",
        "every allegation's case_id is a case in raw.complaint_cases (any delivery): allegations are counted by the "
        "complainant's characteristics, which only the case holds. Ingest quarantines an orphan ('case_id is not a "
        "delivered complaint case'); this also catches a case removed afterwards, e.g. by a corrected case extract "
        "for the same date that leaves it out. Whether the subject is in the workforce history is not checked here: "
        "the warehouse flags unmatched subjects in dbt",
        "case_id", spans=TABLE),
    RawCheck(
        "a discrimination_characteristic is given for a DISCRIMINATORY_BEHAVIOUR allegation, and only for one",
        "select * from {batch} where (category = 'DISCRIMINATORY_BEHAVIOUR' and "
        "nullif(btrim(discrimination_characteristic), '') is null) or (category <> 'DISCRIMINATORY_BEHAVIOUR' and "
        "nullif(btrim(discrimination_characteristic), '') is not null)",
        "discrimination allegations are counted by the protected characteristic alleged, and a characteristic on "
        "another category would count it as discrimination; ingest quarantines both (contract row check)",
        "discrimination_characteristic"),
)

MISCONDUCT_PROCEEDINGS_CHECKS = (
    RawCheck(
        "a proceeding's case_id, when given, is a delivered complaint case",
        "select proceeding.* from {batch} as proceeding where nullif(btrim(proceeding.case_id), '') "
        "is not null and not exists (select 1 from raw.complaint_cases as cases "
        "where cases.case_id = proceeding.case_id)",
        "a proceeding that arose from a complaint names a case in raw.complaint_cases (any delivery); a blank case_id "
        "is an internal matter and is not checked. Ingest quarantines an unknown case ('case_id is not a delivered "
        "complaint case'); this also catches a case removed afterwards by a corrected case extract. Whether the "
        "officer is in the workforce history is not checked here: the warehouse flags unmatched officers in dbt",
        "case_id", spans=TABLE),
    RawCheck(
        "concluded_date and outcome come together",
        "select * from {batch} where (nullif(btrim(concluded_date), '') is null) <> "
        "(nullif(btrim(outcome), '') is null)",
        "an open proceeding has neither a concluded date nor an outcome, a concluded one has both; ingest quarantines "
        "a row with only one (contract row check 'concluded_date and outcome come together')",
        "outcome"),
    RawCheck(
        "a sanction only with a PROVEN outcome",
        "select * from {batch} where nullif(btrim(sanction), '') is not null and coalesce(btrim(outcome), '') "
        "<> 'PROVEN'",
        "a sanction (including NONE, no sanction) is imposed only when misconduct is proven: sanction rates by "
        "ethnicity count proven cases; ingest quarantines a sanction with any other or no outcome (contract row check "
        "'a sanction needs a proven outcome')",
        "sanction"),
)
