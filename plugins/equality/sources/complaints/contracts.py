"""The complaints and misconduct contracts: cases, allegations and proceedings."""

from __future__ import annotations

from equality.contracts import Column, SourceContract
from equality.sources.complaints.raw_checks import (COMPLAINT_ALLEGATIONS_CHECKS, COMPLAINT_CASES_CHECKS,
                                                   MISCONDUCT_PROCEEDINGS_CHECKS)

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
    raw_checks=COMPLAINT_CASES_CHECKS,
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
    row_value_checks=(
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
    raw_checks=COMPLAINT_ALLEGATIONS_CHECKS,
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
    raw_checks=MISCONDUCT_PROCEEDINGS_CHECKS,
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
