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
    """

    header: str
    name: str
    kind: ColumnKind = "text"
    required: bool = False
    code_list: str | None = None
    low: float | None = None
    high: float | None = None
    not_before: str | None = None


@dataclass(frozen=True)
class SourceContract:
    """A kind of file the pipeline accepts.

    source_system: the key of this source in the seeds' ``source_system`` column.
    file_pattern: the file name, as a regular expression whose group ``key`` is the extract key: a file with
        the same key and different content replaces the earlier load (a corrected re-delivery).
    record_id: the column unique within the source (across files), if the source has one.
    """

    name: str
    description: str
    source_system: str
    file_pattern: str
    raw_table: str
    columns: tuple[Column, ...]
    record_id: str | None = None
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
    record_id="record_id",
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
    record_id="detention_id",
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

CONTRACTS: tuple[SourceContract, ...] = (FORCE_STOP_SEARCH, POLICE_UK_STOP_SEARCH, HOME_OFFICE_STOP_SEARCH_RATES,
                                         CUSTODY_DETENTIONS)


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
}


def allowed_values(code_list: str, source_system: str, seeds_dir) -> list[str]:
    """The values a source may deliver in a coded column, read from the dbt seed that defines them."""
    import csv
    from pathlib import Path

    spec = CODE_LISTS[code_list]
    with open(Path(seeds_dir) / spec.seed, newline="", encoding="utf-8") as seed_file:
        rows = list(csv.DictReader(seed_file))
    if spec.system_suffix is None:
        return sorted({row[spec.value_column] for row in rows})
    if spec.system_suffix == "":
        return sorted({row[spec.value_column] for row in rows if row["source_system"] == source_system})
    return sorted({row[spec.value_column] for row in rows
                   if row["source_system"].startswith(source_system + spec.system_suffix)})
