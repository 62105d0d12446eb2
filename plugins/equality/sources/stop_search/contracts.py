"""The stop-and-search contracts: the force's nightly extract, the public police.uk file and
the Home Office rates table (a reference source shipped in reference/)."""

from __future__ import annotations

from equality.contracts import Column, SourceContract

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
