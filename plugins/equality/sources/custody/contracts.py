"""The custody contract: one row per detention."""

from __future__ import annotations

from equality.contracts import Column, SourceContract
from equality.sources.custody.raw_checks import CUSTODY_DETENTIONS_CHECKS

CUSTODY_DETENTIONS = SourceContract(
    name="custody_detentions",
    description="The force's custody extract: one row per detention (arrival at a custody suite to release).",
    source_system="force",
    file_pattern=r"custody_(?P<key>\d{4}-\d{2}-\d{2})\.csv",
    raw_table="custody_detentions",
    record_key=("detention_id",),
    raw_checks=CUSTODY_DETENTIONS_CHECKS,
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
