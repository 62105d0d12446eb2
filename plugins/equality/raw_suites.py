"""The raw tables' expectation suites, generated from the data contracts: nothing about a raw table is written twice.

A contract (``equality.sources.<source>.contracts``) says what each column of a delivered file holds, and ingest
quarantines what breaks it; the raw suite checks, after the load, that what landed still says so. Each suite is
built from its contract: the table's columns, the row count the load registry expects, a not-null check for every
required and key column, the record key's uniqueness (across extracts or within a file, as its scope says), the
file name against the contract's file pattern, pseudonymised identifiers, ISO 8601 timestamps not in the future
and not before the column they may not precede, a date of birth kept only as its age band, coded columns against
their seed's code list (a suite parameter), numeric ranges and yes/no columns. The rules a column cannot express
(a court only with a charge) are the contract's ``raw_checks``, declared in the source's package.

    python -m equality.raw_suites      # rewrite expectations/raw_*.json after changing a contract or a seed
"""

from __future__ import annotations

import re
from pathlib import Path

from equality.config import EXPECTATIONS_DIR, REPO_ROOT, SEEDS_DIR
from equality.contracts import (FUTURE_TOLERANCE, TABLE, Column, RawCheck, SourceContract, age_bands,
                                contract_parameters)
from equality.sources import code_list_named, contracts
from equality.validation import code_parameter, suite_json, write_suites

LOAD_COLUMNS = ("load_id", "file_name", "line_number")
ISO_8601 = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$"
PSEUDONYM = "^[0-9a-f]{64}$"
NUMBER = {"integer": (r"^-?\d{1,9}$", "integer"), "decimal": (r"^-?\d{1,9}(\.\d+)?$", "numeric")}


def _braced(regex: str) -> str:
    """A regular expression inside an unexpected-rows query, whose braces GX would otherwise read as fields."""
    return regex.replace("{", "{{").replace("}", "}}")


def timestamp_sql(column: str) -> str:
    """A raw text timestamp as timestamptz, or null where it is not ISO 8601 (its regex expectation reports that)."""
    return (f"(case when btrim({column}) ~ '{_braced(ISO_8601)}' and audit.is_valid_timestamptz(btrim({column})) "
            f"then btrim({column})::timestamptz end)")


def _expectation(kind: str, why: str, **kwargs) -> dict:
    return {"type": kind, "kwargs": kwargs, "meta": {"why": why}}


def _unexpected_rows(check: RawCheck) -> dict:
    meta = {"why": check.why} | ({"column": check.column} if check.column else {})
    return {"type": "unexpected_rows_expectation", "description": check.description,
            "kwargs": {"unexpected_rows_query": check.query}, "meta": meta}


def _rows_where(column: str, condition: str, description: str, why: str) -> dict:
    return _unexpected_rows(RawCheck(description, f"select * from {{batch}} where {condition}", why, column))


def _optional(column: Column) -> str:
    return "" if column.required else "; blank allowed (the contract makes it optional)"


def _file_pattern(contract: SourceContract) -> str:
    """The contract's file name pattern as a PostgreSQL regular expression matching the whole name."""
    return "^" + re.sub(r"\(\?P<\w+>", "(", contract.file_pattern) + "$"


def _record_key(contract: SourceContract) -> list[dict]:
    if not contract.record_key:
        return []
    key = ", ".join(contract.record_key)
    if contract.record_key_scope == "file":
        return [_expectation(
            "expect_compound_columns_to_be_unique",
            f"one row per record in each delivery: {key} is unique within a file only (contract record_key_scope "
            "'file': a record is delivered again as it changes, or every snapshot repeats it); a second row in one "
            "file would count the record twice", column_list=["file_name", *contract.record_key])]
    why = (f"one row per record: {key} is unique across every extract (contract record_key_scope 'source': ingest "
           "quarantines a record delivered again, and raw's unique index on the key refuses one); a repeat would count "
           "it twice")
    within_night = (
        _expectation("expect_column_values_to_be_unique", why, column=contract.record_key[0])
        if len(contract.record_key) == 1 else
        _expectation("expect_compound_columns_to_be_unique", why, column_list=list(contract.record_key)))
    same_key = " and ".join(f"earlier.{column} = night.{column}" for column in contract.record_key)
    return [within_night, _unexpected_rows(RawCheck(
        f"{key} was not delivered by an earlier load",
        f"select night.* from {{batch}} as night join raw.{contract.raw_table} as earlier on {same_key} "
        "and earlier.load_id <> night.load_id",
        f"{why}. The night validates its own loads, so a key already in the table from a load validated on an "
        "earlier night is looked up in the table (through its index on the key)", contract.record_key[0]))]


def _identifier(column: Column) -> list[dict]:
    return [_expectation(
        "expect_column_values_to_match_regex",
        "identifiers are pseudonymised at ingest to a 64-character lowercase hex HMAC-SHA256; anything else may be a "
        "raw identifier" + _optional(column), column=column.name, regex=PSEUDONYM)]


def _timestamp(column: Column, contract: SourceContract) -> list[dict]:
    regex = ISO_8601 if column.required else "^$|" + ISO_8601
    checks = [
        _expectation("expect_column_values_to_match_regex",
                     "the contract's timestamps are ISO 8601 (date, optional time and offset)"
                     + ("" if column.required else "; this one is optional, and a quoted empty CSV field lands as '' "
                                                   "rather than null"), column=column.name, regex=regex),
        _rows_where(column.name, f"{timestamp_sql(column.name)} > now() + interval '{FUTURE_TOLERANCE}'",
                    f"{column.name} is not in the future",
                    f"nothing is dated after the extract was made; {FUTURE_TOLERANCE} of clock skew is tolerated, as "
                    "at ingest (unparseable values are the regex expectation's job; audit.is_valid_timestamptz comes "
                    "from the bootstrap)")]
    if column.not_before:
        checks.append(_rows_where(
            column.name, f"{timestamp_sql(column.name)} < {timestamp_sql(column.not_before)}",
            f"{column.name} is not before {column.not_before}",
            f"ingest quarantines such rows (contract {contract.name}: column {column.name}, not_before "
            f"{column.not_before}), so any here means ingest and contract disagree"))
    return checks


def _age_band(column: Column) -> list[dict]:
    seed = code_list_named("age_band").seed
    codes = ", ".join(f"'{row['age_band_code']}'" for row in age_bands(SEEDS_DIR))
    return [_rows_where(
        column.name, f"{column.name} not in ({codes})", f"{column.name} is an age band of seeds/{seed}, never a date",
        f"the date of birth ({column.header}) is never stored: ingest keeps only its age band as at the date in the "
        f"file name. The bands with an age range in seeds/{seed} are written here when the suite is generated; a "
        "date or any other value here may be a leaked date of birth")]


def _code(column: Column, contract: SourceContract) -> list[dict]:
    spec = code_list_named(column.code_list)
    rows = f", rows {spec.where[0]} {spec.where[1]}" if spec.where else ""
    return [_expectation(
        "expect_column_values_to_be_in_set",
        f"the codes of code list {column.code_list} in seeds/{spec.seed}{rows} (suite parameter "
        f"{code_parameter(contract, column)}): an unlisted code would drop out of every figure" + _optional(column),
        column=column.name, value_set={"$PARAMETER": code_parameter(contract, column)})]


def _number(column: Column) -> list[dict]:
    pattern, sql_type = NUMBER[column.kind]
    value = f"btrim({column.name})"
    outside = " or ".join([f"{value}::{sql_type} < {column.low}"] * (column.low is not None)
                          + [f"{value}::{sql_type} > {column.high}"] * (column.high is not None))
    bounds = (f"between {column.low} and {column.high}" if column.low is not None and column.high is not None
              else f"at least {column.low}" if column.low is not None else f"at most {column.high}")
    return [_rows_where(
        column.name, f"nullif({value}, '') is not null and case when {value} ~ '{_braced(pattern)}' "
                     f"then {outside} else true end",
        f"{column.name} is {bounds}" + ("" if column.required else " when present"),
        f"the range of the data contract ({column.kind}, {bounds}); ingest quarantines a value outside it"
        + _optional(column))]


def _boolean(column: Column) -> list[dict]:
    value = f"btrim({column.name})"
    return [_rows_where(column.name, f"nullif({value}, '') is not null and lower({value}) not in ('true', 'false')",
                        f"{column.name} holds true or false (any case) or blank",
                        "dbt casts yes/no columns to boolean; anything else would fail the build")]


def _column_checks(column: Column, contract: SourceContract) -> list[dict]:
    if column.generalised_to == "age_band":
        return _age_band(column)
    if column.kind == "identifier":
        return _identifier(column)
    if column.kind == "timestamp":
        return _timestamp(column, contract)
    if column.kind == "code" and column.code_list:
        return _code(column, contract)
    if column.kind in NUMBER and (column.low is not None or column.high is not None):
        return _number(column)
    if column.kind == "boolean":
        return _boolean(column)
    return []


def night_batch_query(contract: SourceContract) -> str:
    """The rows a night's raw validation reads: those of the loads not validated yet, and any of a load the
    registry does not hold as loaded (a superseded load's leftovers, or rows that bypassed ingest), which make
    the row count fail. Both are found through the table's index on load_id (the load ids present by a loose
    index scan, one probe per load), so the cost follows what the night loaded, not the table's history."""
    table = f"raw.{contract.raw_table}"
    return (
        f"select * from {table} where load_id = any(array("
        f"select load_id from audit.loads where source = '{contract.name}' and status = 'loaded' "
        "and raw_validated_at is null "
        "union all "
        f"select present.load_id from (with recursive present_load (load_id) as (select min(load_id) from {table} "
        f"union all select (select min(later.load_id) from {table} as later where later.load_id > present_load.load_id) "
        "from present_load where present_load.load_id is not null) select load_id from present_load "
        "where load_id is not null) as present where not exists (select 1 from audit.loads as registered "
        f"where registered.load_id = present.load_id and registered.source = '{contract.name}' "
        "and registered.status = 'loaded')))")


def _spanned(check: RawCheck, contract: SourceContract) -> str:
    """The check's query with ``{batch}`` widened to the rows its rule spans (``RawCheck.spans``).

    The widened batch joins the night's rows (GX's ``{batch}``, aliased, as a query with a JOIN needs), so
    GX still sees the night in the query; a rule against the whole table joins only their count.
    """
    table = f"raw.{contract.raw_table}"
    if check.spans is None:
        return check.query
    if re.search(r"\{batch\}(?!\s+as\s)", check.query):
        raise ValueError(f"{contract.name}: the declared check {check.description!r} spans rows, so every {{batch}} "
                         "in its query must be aliased ('{batch} as event'): it becomes a subquery")
    if check.spans == TABLE:
        rows = f"(select whole.* from {table} as whole join (select count(*) from {{batch}} as night) as night_rows on true)"
    else:
        key = check.spans
        rows = (f"(select touched.* from {table} as touched join (select distinct night.{key} from {{batch}} as night) "
                f"as night_keys on night_keys.{key} = touched.{key})")
    return check.query.replace("{batch}", rows)


def _declared(check: RawCheck, contract: SourceContract, seed_lists: dict[str, list[str]]) -> dict:
    """A declared check over the rows it spans, with the seeds' lists written in where its query names them."""
    query = _spanned(check, contract)
    for name, values in seed_lists.items():
        query = query.replace(f"%({name})s", "array[" + ", ".join(f"'{value}'" for value in values) + "]")
    return _unexpected_rows(RawCheck(check.description, query, check.why, check.column))


def expectation_suite(contract: SourceContract) -> dict:
    """The raw suite of one contract's table."""
    required = [column.name for column in contract.columns if column.required or column.name in contract.record_key]
    expectations = [
        _expectation("expect_table_columns_to_match_set",
                     "the raw table has exactly the contract's columns plus load_id, file_name, line_number; a renamed "
                     "or extra column means ingest and contract disagree",
                     column_set=[*LOAD_COLUMNS, *contract.column_names], exact_match=True),
        _expectation("expect_table_row_count_to_equal",
                     f"every row the load registry counts as loaded by the loads not validated yet (audit.loads, "
                     f"status 'loaded', source {contract.name}) is in the table, and no row of a load it does not "
                     "hold as loaded: superseded loads were removed, and nothing bypassed ingest",
                     value={"$PARAMETER": "expected_row_count"}),
        *(_expectation("expect_column_values_to_not_be_null", f"{name} is a key or required by the contract",
                       column=name) for name in [*LOAD_COLUMNS, *required]),
        *_record_key(contract),
        _expectation("expect_column_values_to_match_regex",
                     f"ingest takes a file by its name (contract file pattern {contract.file_pattern}), whose key is "
                     "the extract it replaces when corrected; a row from any other file did not come through ingest",
                     column="file_name", regex=_file_pattern(contract)),
    ]
    for column in contract.columns:
        expectations += _column_checks(column, contract)
    seed_lists = contract_parameters(SEEDS_DIR)
    expectations += [_declared(check, contract, seed_lists) for check in contract.raw_checks]
    return {"name": f"raw_{contract.raw_table}",
            "meta": {"schema": "raw", "table": contract.raw_table, "batch_query": night_batch_query(contract),
                     "description": f"{contract.description} As landed: text columns, identifiers pseudonymised. "
                                    "A night validates the rows of its own loads (batch_query), and the rows "
                                    "of earlier loads a rule between rows relates them to. Generated from the "
                                    "data contract by equality.raw_suites; do not edit by hand."},
            "expectations": expectations}


def validated_contracts() -> list[SourceContract]:
    """The contracts whose raw tables have a suite: every one whose rows ingest checks (a reference table kept
    exactly as published, such as the Home Office rates, is checked by its dbt staging model instead)."""
    return [contract for contract in contracts() if contract.quarantines_rows]


def suite_path(contract: SourceContract, expectations_dir: Path = EXPECTATIONS_DIR) -> Path:
    return expectations_dir / f"raw_{contract.raw_table}.json"


def suite_text(contract: SourceContract) -> str:
    return suite_json(expectation_suite(contract))


def write_all(expectations_dir: Path = EXPECTATIONS_DIR) -> list[Path]:
    """Rewrite every raw suite (removing those of contracts that no longer exist); return the files written."""
    return write_suites(expectations_dir, "raw_*.json", map(expectation_suite, validated_contracts()))


if __name__ == "__main__":
    for path in write_all():
        print(path.relative_to(REPO_ROOT))
