"""Data contracts: what a delivered file must look like, column by column (the types; each source's contracts
live in its package, ``equality.sources.<source>.contracts``).

A contract names the file pattern, the header, the raw table it lands in, and for each column what a
valid value is. The coded columns take their allowed values from the dbt seeds (one source of truth for
ingest, Great Expectations and dbt). ``docs/data-contracts.md`` is the prose version of the contracts.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Literal

ColumnKind = Literal["text", "identifier", "timestamp", "integer", "decimal", "boolean", "code"]
Generalisation = Literal["age_band"]
# A timestamp later than now by more than this is in the future (the clocks of the source and the warehouse differ).
FUTURE_TOLERANCE = "1 hour"


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
class RawCheck:
    """A rule on a raw table that the columns of a contract cannot express (the raw suite checks it too).

    description: the rule in a few words; a failure is reported under it.
    query: SQL over ``{batch}`` returning the rows that break the rule, as Great Expectations'
        ``unexpected_rows_expectation`` takes it (see expectations/README.md on braces and aliasing).
        ``%(rank_order)s``, ``%(rank_grades_by_type)s`` and ``%(process_stages)s`` are written in as SQL arrays
        of the seeds' values (``contract_parameters``) when the suite is generated.
    why: why the rule holds, and where it comes from.
    column: the column the failure names, if one.
    spans: what ``{batch}`` holds. A night validates only the rows of the loads it has not validated yet, so
        a rule on each row alone leaves it None. A rule between rows of the table names the column that
        relates them (``person_id``): ``{batch}`` is then every row, of any load, sharing a value of it with
        the night's rows. A rule against another table, which can change while this one does not, says
        ``TABLE``: ``{batch}`` is the whole table, read on the nights when this table or one the query names
        (``raw.<table>``) took a load. Either way every ``{batch}`` in the query must be aliased
        (``{batch} as event``): it becomes a subquery, which PostgreSQL before 16 accepts only with an alias.
    """

    description: str
    query: str
    why: str
    column: str | None = None
    spans: str | None = None

    @property
    def tables_read(self) -> frozenset[str]:
        """The raw tables the query names besides its batch: what a rule against another table reads."""
        return frozenset(re.findall(r"\braw\.(\w+)", self.query))


TABLE = "TABLE"  # RawCheck.spans: the rule reads the whole table


@dataclass(frozen=True)
class SourceContract:
    """A kind of file the pipeline accepts.

    source_system: the key of this source in the seeds' ``source_system`` column.
    file_pattern: the file name, as a regular expression whose group ``key`` is the extract key: a file with
        the same key and different content replaces the earlier load (a corrected re-delivery).
    record_key: the columns that identify a record, if the source has such a key.
    record_key_scope: 'source': a key is unique across every extract (a record delivered again in a later
        file is quarantined; raw's index on the key is unique); 'file': unique within one file only (a full
        snapshot repeats its keys nightly).
    row_checks: SQL expressions over one landed row (alias ``landed``, identifiers already hashed, values still
        text) that yield a reason to quarantine it, or null. They may use window functions over the file and
        look at ``raw.<raw_table>`` for earlier extracts; ``%(rank_order)s`` and ``%(process_stages)s`` are
        bound (see ``contract_parameters``). ``landed_file`` is the whole file, landed the same way. A file of
        a contract with row checks lands through one SQL statement (``equality.checked_rows``).
    row_value_checks: row checks that read no other row, only values of their own (``landed.<column>``, text,
        identifiers as delivered: only whether one is given should matter): checked like a column's values,
        once per distinct combination of the values they read, so the file's rows go straight to raw. Their
        reasons follow the columns' own.
    lookup_columns: columns the row checks look up in ``raw.<raw_table>`` (indexed).
    raw_checks: the rules on the whole raw table, beyond its columns, that its raw suite checks
        (``equality.raw_suites`` generates the suite from the columns, the record key and these).
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
    row_value_checks: tuple[str, ...] = ()
    lookup_columns: tuple[str, ...] = ()
    quarantines_rows: bool = True
    raw_checks: tuple[RawCheck, ...] = ()

    @property
    def key_unique_across_extracts(self) -> bool:
        """A record key no two extracts may share: raw's index on it is unique, and the load relies on it."""
        return bool(self.record_key) and self.record_key_scope == "source"

    def extract_key(self, file_name: str) -> str | None:
        match = re.fullmatch(self.file_pattern, file_name)
        return match.group("key") if match else None

    def extract_date(self, file_name: str) -> datetime.date | None:
        """The day a file's extract key names (YYYY-MM-DD); None for a key that is not a date (police.uk's month and
        force). ValueError for a day the calendar lacks, such as 2025-02-30."""
        key = self.extract_key(file_name)
        return datetime.date.fromisoformat(key) if key and re.fullmatch(r"\d{4}-\d{2}-\d{2}", key) else None

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


@dataclass(frozen=True)
class CodeList:
    """Where a coded column's allowed values live: a seed file, its value column, and how rows are filtered."""

    seed: str
    value_column: str
    system_suffix: str | None = ""  # None: every row applies; "": source_system = the contract's; else a suffix
    where: tuple[str, str] | None = None  # only rows whose column (first) holds the value (second)


def code_lists_in(seed: str, *names: str) -> dict[str, CodeList]:
    """Code lists kept together in one seed of (code_list, code, ...) rows, such as ``hr_codes.csv``."""
    return {name: CodeList(seed, "code", None, where=("code_list", name)) for name in names}


# The code lists every source may use: the conformed dimensions (area, sex, ethnicity, age band and the other
# protected characteristics). A source adds its own in its package (``Source.code_lists``).
CONFORMED_CODE_LISTS: dict[str, CodeList] = {
    "local_policing_unit": CodeList("local_policing_units.csv", "lpu_code", None),
    "sex": CodeList("sex_source_values.csv", "source_value"),
    "ethnicity": CodeList("ethnicity_source_values.csv", "source_value", "_self_defined"),
    "officer_ethnicity": CodeList("ethnicity_source_values.csv", "source_value", "_officer"),
    "age_band": CodeList("age_bands.csv", "age_band_code", None),
    **code_lists_in("hr_codes.csv", "disability", "religion_or_belief", "sexual_orientation",
                    "gender_reassignment", "marital_status", "pregnancy_maternity"),
}


def allowed_values(code_list: str, source_system: str, seeds_dir) -> list[str]:
    """The values a source may deliver in a coded column, read from the dbt seed that defines them."""
    from equality.sources import code_list_named

    spec = code_list_named(code_list)
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


def age_bands(seeds_dir) -> list[dict[str, str]]:
    """The age bands a date of birth is generalised to: the rows of the age_bands seed that have an age range."""
    return [row for row in _read_seed(seeds_dir, "age_bands.csv") if row["min_age"]]


def contract_parameters(seeds_dir) -> dict[str, list[str]]:
    """Lists the contracts' row checks bind, from the seeds: ranks in order, each type's ranks, each process's stages
    (in stage order within each process type)."""
    ranks = sorted(_read_seed(seeds_dir, "rank_grades.csv"), key=lambda row: int(row["rank_order"]))
    stages = sorted(_read_seed(seeds_dir, "process_stages.csv"), key=lambda row: int(row["stage_order"]))
    return {
        "rank_order": [row["rank_grade_code"] for row in ranks],
        "rank_grades_by_type": [f"{row['workforce_type_code']}:{row['rank_grade_code']}" for row in ranks],
        "process_stages": [f"{row['process_type']}:{row['stage_code']}" for row in stages],
    }
