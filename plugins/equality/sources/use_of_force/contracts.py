"""The use-of-force contract: one report is one officer's use of force on one person in one incident.

An incident with two officers and one subject is two reports; one officer restraining two people is two
reports. Forms are completed late and corrected, so a month is delivered again (``use_of_force_<YYYY-MM>.csv``
under the same name replaces that month's earlier load) and a report may also come again in a later month's
file: its key is unique within a file only, and staging keeps each report's latest delivery (macro
``latest_delivery``). Subject and officer characteristics are as the officer recorded them on the form.
"""

from __future__ import annotations

from equality.contracts import Column, SourceContract

REASONS: tuple[str, ...] = ("protect_self", "protect_others", "prevent_escape", "effect_arrest", "prevent_harm",
                            "other")
# The tactics recorded as yes/no flags, in the Home Office form's order; the CED (Taser) is one coded column,
# its highest use in the report.
TACTICS: tuple[str, ...] = ("handcuffing_compliant", "handcuffing_non_compliant", "ground_restraint",
                            "unarmed_skills", "baton", "irritant_spray", "spit_and_bite_guard",
                            "limb_body_restraint", "firearms_aimed", "firearms_fired", "dog")


def _flag(name: str) -> Column:
    return Column(name, name, "boolean", required=True)


USE_OF_FORCE_REPORTS = SourceContract(
    name="use_of_force_reports",
    description=("The force's use-of-force forms (Home Office Annual Data Requirement), one file per month of "
                 "incidents: one row per report, that is one officer's use of force on one person in one "
                 "incident."),
    source_system="force",
    file_pattern=r"use_of_force_(?P<key>\d{4}-\d{2})\.csv",
    raw_table="use_of_force_reports",
    record_key=("report_id",),
    record_key_scope="file",
    columns=(
        # ids
        Column("report_id", "report_id", "identifier", required=True),
        Column("incident_id", "incident_id", "identifier", required=True),
        Column("subject_id", "subject_id", "identifier", required=True),
        Column("officer_id", "officer_id", "identifier", required=True),
        Column("team", "team"),
        # when and where
        Column("incident_at", "incident_at", "timestamp", required=True),
        Column("lpu_code", "lpu_code", "code", required=True, code_list="local_policing_unit"),
        Column("place_type", "place_type", "code", required=True, code_list="place_type"),
        # the subject, as the officer perceived and recorded them
        Column("perceived_ethnicity", "perceived_ethnicity", "code", required=True, code_list="perceived_ethnicity"),
        Column("self_defined_ethnicity", "self_defined_ethnicity", "code", required=True, code_list="ethnicity"),
        Column("sex", "sex", "code", required=True, code_list="sex"),
        Column("age_band", "age_band", "code", required=True, code_list="age_band"),
        _flag("mental_health_impairment"),
        _flag("physical_impairment"),
        # why and what
        *(_flag(f"reason_{reason}") for reason in REASONS),
        *(_flag(f"tactic_{tactic}") for tactic in TACTICS),
        Column("ced_highest_use", "ced_highest_use", "code", required=True, code_list="ced_use"),
        # what came of it
        _flag("subject_injured"),
        _flag("officer_injured"),
        Column("outcome", "outcome", "code", required=True, code_list="use_of_force_outcome"),
        _flag("body_worn_video_on"),
        # linked records: the force stop-search extract's record_id, the custody extract's detention_id
        Column("stop_search_record_id", "stop_search_record_id", "identifier"),
        Column("custody_detention_id", "custody_detention_id", "identifier"),
    ),
)

CONTRACTS: tuple[SourceContract, ...] = (USE_OF_FORCE_REPORTS,)
