"""A delivered file's rows, checked and landed: parsed in the client, each value checked by PostgreSQL once per
distinct value, identifiers pseudonymised, then written to ``raw`` or to ``audit.quarantined_rows``.

Checking every row in one SQL statement cost a load about 20 times a bare ``COPY`` of its file (docs/benchmarks.md):
each of a month's 40,000 searches went through a dozen checks, a keyed hash and a look-up of its record id.
Here the file is parsed by polars, and PostgreSQL evaluates each check (``value_checks``, the one definition of what
a valid value is) over the file's *distinct* values: a coded column has a dozen, a timestamp one per row. The
verdicts join back to the rows in the client, the identifiers are hashed once per distinct value, and the rows
that passed are copied straight into raw. A record key that an earlier extract already delivered is caught by
raw's unique index on it; such a file, and every file of a contract with row checks (SQL over the whole file and
raw), lands through one SQL statement instead (``_land_through_sql``), which names the earlier load. A backfill
loads without that index and quarantines the keys delivered again once, as it builds the index
(``quarantine_keys_delivered_again``).
"""

from __future__ import annotations

import datetime
import io
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import polars as pl
import psycopg

from equality.contracts import FUTURE_TOLERANCE, Column, SourceContract, age_bands, allowed_values, contract_parameters
from equality.pseudonymise import KeyedHash

# ISO 8601 only: PostgreSQL alone would also accept '05/01/2024' (ambiguous) and words like 'yesterday'.
# A date-first prefix is enough to rule those out; the rest of the value must then parse as a timestamp.
ISO_8601_PREFIX = r"^\d{4}-\d\d-\d\d([T ]|$)"
# The timestamps the shortcut reads itself: ISO 8601 to the second or beyond, in 1900-2099, with a UTC offset of at
# most 14 hours or none (then PostgreSQL reads it in its TimeZone). Anything else goes to PostgreSQL.
PLAIN_DAY = r"(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
PLAIN_TIMESTAMP = (rf"^{PLAIN_DAY}"
                   r"([T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])?)?$")
# The dates of birth the shortcut reads itself: a day of 1900-2099 written as ISO 8601 and nothing more.
PLAIN_DATE = rf"^{PLAIN_DAY}$"
# The numbers the shortcut reads itself: at most 15 significant digits, so two different values (and the contracts'
# bounds, short decimals too) are two different doubles, in the same order: compared as doubles, bounds included.
SHORT_INTEGER, SHORT_DECIMAL = r"^-?[0-9]{1,9}$", r"^-?[0-9]{1,9}(\.[0-9]{1,6})?$"
# No timezone is more than 14 hours from UTC, and no daylight saving moves a clock by more than 2.
UTC_OFFSET_HOURS, DAYLIGHT_SAVING_HOURS = 14, 2
COPY_BATCH_ROWS = 50_000  # rows per piece of a COPY: the file's rows are never all in one buffer
READ_BLOCK_BYTES = 2 << 20  # a file is read, checked and written about this much at a time (memory: ~200 MB)


@dataclass(frozen=True)
class ValueCheck:
    """A check of a delivered value: ``sql`` reads ``landing.<column>__trimmed`` of its ``columns`` (the value's
    own, and for an order rule the other value of the row) and gives the reason to quarantine the row, or null.

    ``surely_passes``: a polars expression over the same ``<column>__trimmed`` values, true only where ``sql``
    surely gives null (tests/integration/test_value_check_shortcuts.py holds it to that). It is a shortcut, never
    the rule: it may send a good value to PostgreSQL, never pass a bad one, and every reason comes from ``sql``.
    """

    columns: tuple[str, ...]
    sql: str
    surely_passes: pl.Expr | None = None


def value_checks(contract: SourceContract, seeds_dir: Path,
                 as_at: datetime.date) -> tuple[list[ValueCheck], dict]:
    """The contract's checks of single values, in column order, then its row value checks (each over the values it
    reads), and the parameters they bind (``as_at``: the date a date of birth is aged at, ``Landing.as_at``)."""
    checks: list[ValueCheck] = []
    parameters: dict = {"as_at": as_at}
    for column in contract.columns:
        value = f"landing.{column.name}__trimmed"
        label = column.header
        own = (column.name,)
        trimmed = pl.col(f"{column.name}__trimmed")
        if column.required:
            checks.append(ValueCheck(own, f"case when {value} is null then 'missing {label}' end", trimmed.is_not_null()))
        if column.kind == "timestamp" and column.generalised_to == "age_band":
            # a date of birth never appears in a reason: the quarantine would keep what raw does not
            checks.append(ValueCheck(own, (
                f"case when {value} is null then null "
                f"when {value} !~ '{ISO_8601_PREFIX}' or not audit.is_valid_timestamptz({value}) "
                f"then 'unparseable {label} (expected ISO 8601)' "
                f"when {value}::date > %(as_at)s::date then '{label} is after the extract date' "
                f"when ({age_band_sql(value, seeds_dir)}) is null then '{label} gives an age outside every age band' end"),
                trimmed.is_null() | age_band(trimmed, as_at, seeds_dir).is_not_null()))
        elif column.kind == "timestamp":
            checks.append(ValueCheck(own, (
                f"case when {value} is null then null "
                f"when {value} !~ '{ISO_8601_PREFIX}' or not audit.is_valid_timestamptz({value}) "
                f"then 'unparseable {label} ' || quote_literal({value}) || ' (expected ISO 8601)' "
                f"when {value}::timestamptz > now() + interval '{FUTURE_TOLERANCE}' "
                f"then '{label} ' || {value} || ' is in the future' end"),
                trimmed.is_null() | (_local_time(trimmed).dt.date() <= datetime.date.today() - datetime.timedelta(days=2))))
            if column.not_before:
                earlier = f"landing.{column.not_before}__trimmed"
                checks.append(ValueCheck((column.name, column.not_before), (
                    f"case when {value} is null or {earlier} is null then null "
                    f"when {value} !~ '{ISO_8601_PREFIX}' or {earlier} !~ '{ISO_8601_PREFIX}' "
                    f"or not audit.is_valid_timestamptz({value}) or not audit.is_valid_timestamptz({earlier}) "
                    f"then null when {value}::timestamptz < {earlier}::timestamptz "
                    f"then '{label} ' || {value} || ' is before {column.not_before} ' || {earlier} end"),
                    _surely_not_before(trimmed, pl.col(f"{column.not_before}__trimmed"))))
        elif column.kind in ("integer", "decimal"):
            pattern = r"^-?\d{1,9}$" if column.kind == "integer" else r"^-?\d{1,9}(\.\d+)?$"
            checks.append(ValueCheck(own, (
                f"case when {value} is null then null "
                f"when {value} !~ '{pattern}' then '{label} ' || quote_literal({value}) || ' is not a "
                f"{'whole number' if column.kind == 'integer' else 'number'}' "
                f"when {value}::numeric not between {column.low} and {column.high} "
                f"then '{label} ' || {value} || ' is outside {column.low:g} to {column.high:g}' end"),
                trimmed.is_null() | (trimmed.str.contains(SHORT_INTEGER if column.kind == "integer" else SHORT_DECIMAL)
                                     & trimmed.cast(pl.Float64, strict=False).is_between(column.low, column.high))))
        elif column.kind == "boolean":
            checks.append(ValueCheck(own, f"case when {value} is not null and lower({value}) not in ('true', 'false') "
                                          f"then '{label} ' || quote_literal({value}) || ' is not true or false' end",
                                     trimmed.is_null() | trimmed.is_in(["true", "false", "TRUE", "FALSE", "True", "False"])))
        elif column.kind == "code":
            parameter = f"allowed_{column.name}"
            parameters[parameter] = allowed_values(column.code_list, contract.source_system, seeds_dir)
            checks.append(ValueCheck(own, f"case when {value} is not null and not ({value} = any(%({parameter})s::text[])) "
                                          f"then 'unknown {label} ' || quote_literal({value}) end",
                                     trimmed.is_null() | trimmed.is_in(parameters[parameter])))
    for check in contract.row_value_checks:
        columns = tuple(dict.fromkeys(re.findall(r"\blanded\.(\w+)", check)))
        checks.append(ValueCheck(columns, re.sub(r"\blanded\.(\w+)", r"landing.\1__trimmed", check)))
    if contract.row_value_checks:
        parameters |= contract_parameters(seeds_dir)
    return checks, parameters


def _local_time(value: pl.Expr) -> pl.Expr:
    """A PLAIN_TIMESTAMP's date and time as written (its offset left aside), else null."""
    plain = pl.when(value.str.contains(PLAIN_TIMESTAMP)).then(value.str.replace("T", " ", literal=True))
    return pl.coalesce(plain.str.slice(0, 19).str.to_datetime("%Y-%m-%d %H:%M:%S", strict=False),
                       plain.str.slice(0, 16).str.to_datetime("%Y-%m-%d %H:%M", strict=False),
                       plain.str.slice(0, 10).str.to_datetime("%Y-%m-%d", strict=False))


def _surely_not_before(value: pl.Expr, earlier: pl.Expr) -> pl.Expr:
    """True where ``value`` is surely not before ``earlier`` whatever PostgreSQL's TimeZone: both written with the
    same UTC offset and in order, or both without one and in order by more than a daylight-saving change, or
    either way apart by more than any two offsets can close; or either is missing."""
    offset = r"(Z|[+-][0-9]{2}:[0-9]{2})$"
    gap = _local_time(value) - _local_time(earlier)
    same_offset = value.str.extract(offset).fill_null("") == earlier.str.extract(offset).fill_null("")
    naive = value.str.extract(offset).is_null()
    return (value.is_null() | earlier.is_null()
            | (same_offset & ~naive & (gap >= datetime.timedelta(0)))
            | (same_offset & naive & (gap > datetime.timedelta(hours=DAYLIGHT_SAVING_HOURS)))
            | (gap > datetime.timedelta(hours=2 * UTC_OFFSET_HOURS)))


def _plain_date(value: pl.Expr) -> pl.Expr:
    """A PLAIN_DATE's day, else null (a day the calendar does not have, such as 2023-02-29, too)."""
    return pl.when(value.str.contains(PLAIN_DATE)).then(value).str.to_date("%Y-%m-%d", strict=False)


def _born(value: pl.Expr, as_at: datetime.date) -> pl.Expr:
    """A date of birth the client ages itself, as the number yyyymmdd: a PLAIN_DATE not after ``as_at``; else null
    (PostgreSQL ages it)."""
    return pl.when(_plain_date(value) <= as_at).then(value.str.replace_all("-", "", literal=True).cast(pl.Int32))


def age_band(value: pl.Expr, as_at: datetime.date, seeds_dir: Path) -> pl.Expr:
    """The age band ``age_band_sql`` gives a date of birth the client ages (``_born``): whole years of age at
    ``as_at``, as PostgreSQL's ``age`` counts them (a year is complete on its birthday, on 1 March for 29 February
    in a year without one: the difference of the two days as yyyymmdd, in ten thousands); null for any other value
    and for an age in no band."""
    band_of_age = {age: band["age_band_code"] for band in age_bands(seeds_dir)
                   for age in range(int(band["min_age"]), int(band["max_age"]) + 1)}
    as_at_number = as_at.year * 10_000 + as_at.month * 100 + as_at.day
    return ((as_at_number - _born(value, as_at)) // 10_000).replace_strict(band_of_age, default=None,
                                                                          return_dtype=pl.String)


def age_band_sql(value: str, seeds_dir: Path) -> str:
    """The age band (code from the age_bands seed) of a date of birth as at the extract's date, or null."""
    bands = age_bands(seeds_dir)
    age = f"extract(year from age(%(as_at)s::date, {value}::date))"
    whens = " ".join(f"when {age} between {row['min_age']} and {row['max_age']} then '{row['age_band_code']}'"
                     for row in bands)
    return (f"case when {value} ~ '{ISO_8601_PREFIX}' and audit.is_valid_timestamptz({value}) "
            f"then case {whens} end end")


@dataclass(frozen=True)
class DeliveredFile:
    """A delivered file whose structure COPY accepted (``ingest``; polars alone reads short rows and stray
    carriage returns without complaint), read READ_BLOCK_BYTES at a time, so memory does not grow with the file."""

    path: Path
    columns: list[Column]  # the contract's columns in the file's order
    header_bytes: int

    def blocks(self, names: list[str] | None = None) -> Iterator[pl.DataFrame]:
        """The records after the header line (of the columns ``names``, else all), every value as text (an unquoted
        empty field is null, as COPY reads it), numbered as COPY counts them: ``line_number`` 2 is the first."""
        schema = {column.name: pl.String for column in self.columns}
        positions = [list(schema).index(name) for name in names] if names else None
        line_number = 2
        with open(self.path, "rb") as stream:
            stream.seek(self.header_bytes)
            pending = b""
            while True:
                chunk = stream.read(READ_BLOCK_BYTES)
                pending += chunk
                cut = _last_record_end(pending) if chunk else len(pending)
                if cut:
                    block = pl.read_csv(pending[:cut], has_header=False, schema=schema, columns=positions,
                                        raise_if_empty=False).with_row_index("line_number", offset=line_number)
                    line_number += block.height
                    pending = pending[cut:]
                    yield block
                if not chunk:
                    return

    def survey(self, record_key: tuple[str, ...]) -> tuple[int, pl.DataFrame]:
        """The number of records, and the record keys (as checked) that more than one record of the file holds."""
        names = list(record_key) or [self.columns[0].name]
        keys = pl.concat([block.select(_checked_value(pl.col(name)).alias(name) for name in names)
                          for block in self.blocks(names)] or [pl.DataFrame(schema={name: pl.String for name in names})])
        repeated = keys.filter(pl.struct(names).is_duplicated()).unique() if record_key else keys.clear()
        return keys.height, repeated


def _last_record_end(data: bytes) -> int:
    """Where the last complete record of ``data`` (which starts at a record) ends: after a line break outside
    quotes; 0 when there is none yet."""
    end = data.rfind(b"\n") + 1
    while end and data.count(b'"', 0, end) % 2:  # the break is inside a quoted value: try the one before
        end = data.rfind(b"\n", 0, end - 1) + 1
    return end


@dataclass(frozen=True)
class Landing:
    """What a file's rows are checked against: the contract, the load's identity and the extract's date."""

    contract: SourceContract
    load_id: int
    file_name: str
    keyed_hash: KeyedHash
    seeds_dir: Path

    @property
    def as_at(self) -> datetime.date:
        """The date a date of birth is aged at: the extract's date when its key is one, else today."""
        return self.contract.extract_date(self.file_name) or datetime.date.today()


def land(conn: psycopg.Connection, records: DeliveredFile, repeated_keys: pl.DataFrame,
         landing: Landing) -> tuple[int, int]:
    """Check the records (``repeated_keys``: the record keys more than one of them holds, ``DeliveredFile.survey``)
    and write them to raw or quarantine; return (rows loaded, rows quarantined). Runs in the load's transaction
    (``now()`` there is the moment a timestamp may not pass)."""
    contract = landing.contract
    checks, parameters = (value_checks(contract, landing.seeds_dir, landing.as_at) if contract.quarantines_rows
                          else ([], {}))
    repeated = repeated_keys.with_columns(pl.lit(True).alias("duplicate_key")) if contract.quarantines_rows else None
    runs = _runs(checks)

    def checked_blocks() -> Iterator[pl.DataFrame]:
        for prepared in _prepared_ahead(records, runs, landing):
            yield _checked(conn, prepared, landing, runs, parameters, repeated)

    if not contract.row_checks:
        try:
            with conn.transaction():  # a savepoint: raw's unique key index may refuse a record key seen before
                counts = [_copy_into_raw(conn, rows, landing) for rows in checked_blocks()]
            return sum(loaded for loaded, _ in counts), sum(quarantined for _, quarantined in counts)
        except psycopg.errors.UniqueViolation:
            if not contract.key_unique_across_extracts:
                raise
    return _land_through_sql(conn, checked_blocks(), landing)


def _prepared_ahead(records: DeliveredFile, runs: list[tuple[tuple[str, ...], list[ValueCheck]]],
                    landing: Landing) -> Iterator[pl.DataFrame]:
    """The file's blocks ``_prepared``, each in a thread of its own while the load writes the one before: the
    client's work (parsing, shortcuts, hashing) overlaps PostgreSQL's (the COPY into raw and its indexes)."""
    blocks = records.blocks()

    def next_prepared() -> pl.DataFrame | None:
        block = next(blocks, None)
        return None if block is None else _prepared(block, runs, landing)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="equality-load") as worker:
        upcoming = worker.submit(next_prepared)
        while (prepared := upcoming.result()) is not None:
            upcoming = worker.submit(next_prepared)
            yield prepared


def _checked_value(value: pl.Expr) -> pl.Expr:
    """A value as checked: without surrounding spaces (PostgreSQL's btrim), and null when nothing is left."""
    trimmed = value.str.strip_chars(" ")
    return pl.when(trimmed != "").then(trimmed)


def _prepared(block: pl.DataFrame, runs: list[tuple[tuple[str, ...], list[ValueCheck]]],
              landing: Landing) -> pl.DataFrame:
    """What the client alone can tell of a block: ``line_number``, each value as stored (``<name>__delivered``,
    trimmed) and as checked (``<name>__trimmed``), whether each run of checks surely passes (``passes_<run>``),
    and each identifier's keyed hash (``<name>__hashed``), computed once per distinct value."""
    names = landing.contract.column_names
    rows = block.select("line_number", *(pl.col(name).str.strip_chars(" ").alias(f"{name}__delivered") for name in names),
                        *(_checked_value(pl.col(name)).alias(f"{name}__trimmed") for name in names))
    rows = rows.with_columns(
        pl.all_horizontal(check.surely_passes if check.surely_passes is not None else pl.lit(False) for check in run)
        .fill_null(False).alias(f"passes_{number}") for number, (_, run) in enumerate(runs))
    for column in landing.contract.columns:
        if column.kind == "identifier":
            distinct = rows.get_column(f"{column.name}__trimmed").unique().drop_nulls()
            rows = rows.with_columns(pl.col(f"{column.name}__trimmed").replace_strict(
                distinct, [landing.keyed_hash.hex(value) for value in distinct], default=None, return_dtype=pl.String)
                .alias(f"{column.name}__hashed"))
    contract = landing.contract
    if contract.key_unique_across_extracts:
        # raw's unique index on the key takes a block's keys in order faster than scattered (pseudonyms are random)
        rows = rows.sort([f"{name}__hashed" if f"{name}__hashed" in rows.columns else f"{name}__trimmed"
                          for name in contract.record_key], nulls_last=True)
    return rows


def _checked(conn: psycopg.Connection, rows: pl.DataFrame, landing: Landing,
             runs: list[tuple[tuple[str, ...], list[ValueCheck]]], parameters: dict,
             repeated: pl.DataFrame | None) -> pl.DataFrame:
    """A ``_prepared`` block checked: ``line_number``; per column the value as checked (``<name>``: trimmed, or
    the keyed hash of an identifier) and, where it differs, as stored (``<name>__delivered``: trimmed as delivered,
    or generalised); ``reasons``. PostgreSQL checks the values no shortcut passed."""
    contract = landing.contract
    reasons: list[pl.Expr] = []
    shortcuts_decided_all = rows.select(pl.all_horizontal(f"passes_{number}" for number in range(len(runs)))
                                        .all()).item() if runs else True
    for number, (columns, run) in enumerate([] if shortcuts_decided_all else runs):
        verdicts = _per_distinct(conn, rows.filter(~pl.col(f"passes_{number}")), columns,
                                 f"array_remove(array[{', '.join(check.sql for check in run)}]::text[], null)",
                                 parameters, f"reasons_{number}", pl.List(pl.String), where="cardinality(result) > 0")
        if verdicts.height:  # most runs find nothing: the rows are then left as they are
            rows = rows.join(verdicts, on=[f"{name}__trimmed" for name in columns], how="left", nulls_equal=True,
                             maintain_order="left")
            reasons.append(pl.col(f"reasons_{number}").fill_null([]))
    if repeated is not None and repeated.height:
        rows = rows.join(repeated.rename({name: f"{name}__trimmed" for name in contract.record_key}),
                         on=[f"{name}__trimmed" for name in contract.record_key], how="left", nulls_equal=True,
                         maintain_order="left")
        reasons.append(pl.when(pl.col("duplicate_key"))
                       .then(pl.lit(f"duplicate {', '.join(contract.record_key)} within the file")))
    rows = rows.with_columns(pl.concat_list(reasons).list.drop_nulls().alias("reasons") if reasons
                             else pl.lit([], dtype=pl.List(pl.String)).alias("reasons"))
    rows = rows.drop(name for name in rows.columns
                     if name.startswith(("reasons_", "passes_")) or name == "duplicate_key")
    for column in contract.columns:
        name = column.name
        if column.kind == "identifier":  # stored as checked, so each value's keyed hash is computed once
            rows = rows.drop(f"{name}__trimmed", f"{name}__delivered").rename({f"{name}__hashed": name})
            continue
        if column.generalised_to == "age_band":  # the client ages what it can (``_born``), PostgreSQL the rest
            trimmed = pl.col(f"{name}__trimmed")
            left_to_postgresql = rows.filter(trimmed.is_not_null() & _born(trimmed, landing.as_at).is_null())
            bands = _per_distinct(conn, left_to_postgresql, (name,),
                                  age_band_sql(f"landing.{name}__trimmed", landing.seeds_dir),
                                  {"as_at": landing.as_at}, "age_band", pl.String)
            rows = (rows.join(bands, on=f"{name}__trimmed", how="left", nulls_equal=True, maintain_order="left")
                    .with_columns(pl.coalesce(age_band(trimmed, landing.as_at, landing.seeds_dir), "age_band")
                                  .alias(f"{name}__delivered"))
                    .drop("age_band"))
        rows = rows.rename({f"{name}__trimmed": name})
    return rows


def _runs(checks: list[ValueCheck]) -> list[tuple[tuple[str, ...], list[ValueCheck]]]:
    """Consecutive checks of the same columns, together: one query each, the reasons still in column order."""
    runs: list[tuple[tuple[str, ...], list[ValueCheck]]] = []
    for check in checks:
        if runs and runs[-1][0] == check.columns:
            runs[-1][1].append(check)
        else:
            runs.append((check.columns, [check]))
    return runs


def _per_distinct(conn: psycopg.Connection, rows: pl.DataFrame, columns: tuple[str, ...], expression: str,
                  parameters: dict, name: str, dtype: pl.DataType, *, where: str = "true") -> pl.DataFrame:
    """``expression`` (SQL over ``landing.<column>__trimmed``) evaluated by PostgreSQL once per distinct
    combination of the columns' values in ``rows``: the combinations for which its result (column ``name``, of
    type ``dtype``) meets ``where`` (SQL over ``result``), with that result. The values travel by COPY (fast; a
    query's parameters would be built value by value), and only the results asked for come back."""
    keys = [f"{column}__trimmed" for column in columns]
    distinct = rows.select(keys).unique().with_row_index("position")
    if not distinct.height:
        return distinct.drop("position").with_columns(pl.lit(None, dtype=dtype).alias(name))
    conn.execute("drop table if exists distinct_values")
    conn.execute(f"create temp table distinct_values (position bigint, {', '.join(f'{key} text' for key in keys)}) "
                 "on commit drop")
    _copy(conn, f"distinct_values (position, {', '.join(keys)})", distinct)
    results = conn.execute(f"select position, result from (select position, {expression} as result "
                           f"from distinct_values as landing) as verdict where {where}", parameters).fetchall()
    found = pl.DataFrame(results, schema={"position": pl.UInt32, name: dtype}, orient="row")
    return distinct.join(found, on="position").drop("position")


def _stored(contract: SourceContract) -> list[str]:
    """The columns of the checked rows that raw stores, in the contract's order."""
    return [column.name if column.kind == "identifier" else f"{column.name}__delivered" for column in contract.columns]


def _copy_into_raw(conn: psycopg.Connection, rows: pl.DataFrame, landing: Landing) -> tuple[int, int]:
    contract = landing.contract
    passed = rows.filter(pl.col("reasons").list.len() == 0)
    _copy(conn, f"raw.{contract.raw_table} (load_id, file_name, line_number, {', '.join(contract.column_names)})",
          passed.select(pl.lit(landing.load_id).alias("load_id"), pl.lit(landing.file_name).alias("file_name"),
                        "line_number", *_stored(contract)))
    failed = rows.filter(pl.col("reasons").list.len() > 0)
    record = pl.struct([pl.col(stored).alias(column.header)
                        for column, stored in zip(contract.columns, _stored(contract))]).struct.json_encode()
    _copy(conn, "audit.quarantined_rows (load_id, source, file_name, line_number, reasons, record)",
          failed.select(pl.lit(landing.load_id).alias("load_id"), pl.lit(contract.name).alias("source"),
                        pl.lit(landing.file_name).alias("file_name"), "line_number", _text_array("reasons"),
                        record.alias("record")))
    return passed.height, failed.height


def _copy(conn: psycopg.Connection, target: str, rows: pl.DataFrame) -> None:
    """COPY the rows into ``target`` (a table and its columns), as CSV in pieces of COPY_BATCH_ROWS."""
    if not rows.height:
        return
    with conn.cursor() as cursor, cursor.copy(f"copy {target} from stdin with (format csv)") as copy:
        for offset in range(0, rows.height, COPY_BATCH_ROWS):
            piece = io.BytesIO()
            rows.slice(offset, COPY_BATCH_ROWS).write_csv(piece, include_header=False)
            copy.write(piece.getvalue())


def _text_array(column: str) -> pl.Expr:
    """A list of text as a PostgreSQL array literal (each element quoted, its backslashes and quotes escaped)."""
    quoted = pl.lit('"') + (pl.element().str.replace_all("\\", "\\\\", literal=True)
                            .str.replace_all('"', '\\"', literal=True)) + pl.lit('"')
    return (pl.lit("{") + pl.col(column).list.eval(quoted).list.join(",") + pl.lit("}")).alias(column)


def _land_through_sql(conn: psycopg.Connection, checked_slices: Iterable[pl.DataFrame],
                      landing: Landing) -> tuple[int, int]:
    """Land the checked rows with one statement that adds the contract's row checks (over the whole file, and
    raw for earlier extracts) and the record keys an earlier extract delivered (naming its load)."""
    contract = landing.contract
    columns = [name for column in contract.columns
               for name in ((column.name,) if column.kind == "identifier" else (column.name, f"{column.name}__delivered"))]
    conn.execute("drop table if exists landed_file")
    conn.execute(f"create temp table landed_file (line_number integer, {', '.join(f'{name} text' for name in columns)}, "
                 "reasons text[]) on commit drop")
    for rows in checked_slices:
        _copy(conn, f"landed_file (line_number, {', '.join(columns)}, reasons)",
              rows.select("line_number", *columns, _text_array("reasons")))
    row_reasons = list(contract.row_checks)
    # Record keys already in raw: one join of the file's keys with raw's, which PostgreSQL runs through the key's
    # index, or as one hash join when the file is large against the table.
    earlier_keys = earlier_join = ""
    if contract.key_unique_across_extracts:
        keys = ", ".join(contract.record_key)
        earlier_keys = (f"earlier_keys as materialized (select distinct on ({keys}) {keys}, earlier.load_id "
                        f"from raw.{contract.raw_table} as earlier where ({keys}) in (select {keys} from landed_file) "
                        f"order by {keys}, earlier.load_id),")
        earlier_join = f"left join earlier_keys as earlier using ({keys})"
        row_reasons.append(f"case when earlier.load_id is not null then {_key_delivered_again(contract, 'earlier.load_id')} end")
    all_reasons = (f"landed.reasons || array_remove(array[{', '.join(row_reasons)}]::text[], null)"
                   if row_reasons else "landed.reasons")
    stored = _stored(contract)
    statement = f"""
        with {earlier_keys}
        checked as materialized (
            select landed.*, {all_reasons} as all_reasons from landed_file as landed
            {earlier_join}
        ),
        landed as (
            insert into raw.{contract.raw_table} (load_id, file_name, line_number, {', '.join(contract.column_names)})
            select %(load_id)s, %(file_name)s, checked.line_number, {', '.join(stored)}
            from checked where cardinality(checked.all_reasons) = 0
            returning 1
        ),
        quarantined as (
            insert into audit.quarantined_rows (load_id, source, file_name, line_number, reasons, record)
            select %(load_id)s, %(source)s, %(file_name)s, checked.line_number, checked.all_reasons,
                   {_record(contract, [f"checked.{name}" for name in stored])}
            from checked where cardinality(checked.all_reasons) > 0
            returning 1
        )
        select (select count(*) from landed), (select count(*) from quarantined)
    """
    parameters = (contract_parameters(landing.seeds_dir) if contract.row_checks else {}) | {
        "load_id": landing.load_id, "file_name": landing.file_name, "source": contract.name, "as_at": landing.as_at}
    return conn.execute(statement, parameters).fetchone()


def _key_delivered_again(contract: SourceContract, earlier_load_id: str) -> str:
    """SQL of the reason a record whose key an earlier extract delivered is quarantined, naming that load."""
    return f"'{', '.join(contract.record_key)} already loaded from an earlier extract (load ' || {earlier_load_id} || ')'"


def _record(contract: SourceContract, values: list[str]) -> str:
    """SQL of a quarantined row's record: each column's header and its value as raw stores it."""
    pairs = [f"'{column.header}', {value}" for column, value in zip(contract.columns, values)]
    return f"jsonb_build_object({', '.join(pairs)})"


def quarantine_keys_delivered_again(conn: psycopg.Connection, contract: SourceContract) -> int:
    """Move to quarantine the rows of raw whose record key an earlier load holds, naming that load, and correct
    their loads' counts in ``audit.loads``: what a night's load does as each file lands, done at once for a backfill,
    which loads without raw's unique index on the key. Returns the number of rows moved."""
    keys = contract.record_key
    table = f"raw.{contract.raw_table}"
    statement = f"""
        with first_loads as (
            select {', '.join(keys)}, min(load_id) as first_load_id from {table}
            group by {', '.join(keys)} having count(*) > 1
        ),
        moved as (
            delete from {table} as later using first_loads
            where ({', '.join(f'later.{key}' for key in keys)}) = ({', '.join(f'first_loads.{key}' for key in keys)})
              and later.load_id > first_loads.first_load_id
            returning later.*, first_loads.first_load_id
        ),
        quarantined as (
            insert into audit.quarantined_rows (load_id, source, file_name, line_number, reasons, record)
            select load_id, %(source)s, file_name, line_number, array[{_key_delivered_again(contract, 'first_load_id')}],
                   {_record(contract, list(contract.column_names))}
            from moved
            returning load_id
        ),
        counted as (
            update audit.loads set rows_loaded = rows_loaded - moved_by_load.rows,
                                   rows_quarantined = rows_quarantined + moved_by_load.rows
            from (select load_id, count(*) as rows from quarantined group by load_id) as moved_by_load
            where audit.loads.load_id = moved_by_load.load_id
            returning moved_by_load.rows
        )
        select coalesce(sum(rows), 0) from counted
    """
    return int(conn.execute(statement, {"source": contract.name}).fetchone()[0])
