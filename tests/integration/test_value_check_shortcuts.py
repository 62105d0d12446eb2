"""A value check's shortcut (polars, in the load's client) may pass a value only where its SQL (PostgreSQL, the
rule) gives no reason: checked on every check of every contract, over values made to sit on the rules' edges
(calendar, clock, UTC offsets, daylight saving, number bounds, digits of other scripts, case), as checked values
(trimmed; null for blank). The shortcut must also pass what a real extract holds, or the load would gain nothing.
The age band the client gives a plain date of birth must be the one PostgreSQL gives it.
"""

import datetime
import itertools
import random
import re

import polars as pl
import pytest

from equality.checked_rows import ValueCheck, age_band, age_band_sql, value_checks
from equality.config import SEEDS_DIR
from equality.contracts import age_bands
from equality.sources import contracts
from equality.sources.stop_search.contracts import FORCE_STOP_SEARCH

TODAY = datetime.date.today()
DAYS = [TODAY + datetime.timedelta(days=offset) for offset in (-400, -3, -2, -1, 0, 1, 2, 400)] + [
    datetime.date(2024, 2, 29), datetime.date(2024, 3, 31), datetime.date(2024, 10, 27), datetime.date(1900, 1, 1)]
CLOCKS = ["00:00", "00:59:59", "01:30", "01:30:00", "02:00:00", "02:30:00.5", "23:59:59.999999", "24:00:00",
          "12:60:00", "12:00:60"]
OFFSETS = ["", "Z", "+00:00", "+01:00", "-11:00", "+14:00", "-14:00", "+15:00", "+0100", " BST", " Europe/London"]
TIMESTAMPS = sorted({f"{day.isoformat()}{separator}{clock}{offset}"
                     for day, separator, clock, offset in itertools.product(DAYS, ["T", " "], CLOCKS, OFFSETS)}
                    | {day.isoformat() for day in DAYS}
                    | {"2024-02-30T10:00:00", "2023-02-29", "2024-13-01", "2024-00-10", "0000-01-01", "1899-12-31",
                       "2100-01-01", "2024-1-5", "05/01/2024", "yesterday", "2024-01-05T10:00:00.1234567",
                       "2024-01-05t10:00:00", "２０２４-01-05", "2024-01-05T10:00:00+01:00:00", "epoch", "infinity"})
NUMBERS = ["0", "1", "-1", "110", "111", "0110", "1.0", "1.", ".5", "+5", "1e1", "٣", "١٠", "NaN", "inf",
           "49.8", "49.80000000000000001", "49.79999999999999999", "61", "61.0", "61.00000000000000001",
           "60.99999999999999999", "-8.7", "-8.70000000000000001", "-8.69999999999999999", "1.8", "1.80000000000000001",
           "52.4862", "-1.8904", "999999999", "1000000000", "-0", "--1"]
WORDS = ["true", "false", "TRUE", "False", "tRuE", "yes", "no", "1", "0", "t", "f", "ｔｒｕｅ"]


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` earlier: 28 February for 29 February in a year without one."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


# Dates of birth a day either side of each age band's edges and of a birthday on 29 February, as at each of AS_AT
# (an extract's date; today is the shortcut test's).
AS_AT = [TODAY, datetime.date(2025, 2, 28), datetime.date(2024, 2, 29), datetime.date(2025, 3, 1),
         datetime.date(2024, 12, 31)]
BIRTHS = sorted({(years_before(as_at, age) + datetime.timedelta(days=shift)).isoformat()
                 for as_at in AS_AT for band in age_bands(SEEDS_DIR)
                 for age in (int(band["min_age"]), int(band["max_age"]) + 1) for shift in (-1, 0, 1)}
                | {f"{year}-02-{day}" for year in (1960, 1964, 2000, 2004, 2023, 2024) for day in (28, 29)}
                | {f"{year}-03-01" for year in (1960, 1964, 2000, 2004)})
PAIR_DAYS = [datetime.date(2024, 3, 31), datetime.date(2024, 10, 27), datetime.date(2024, 6, 1)]
PAIR_TIMES = [f"{day.isoformat()}T{clock}{offset}" for day in PAIR_DAYS
              for clock in ("00:30:00", "01:10:00", "01:50:00", "02:10:00", "03:00:00", "04:00:00", "23:30:00")
              for offset in ("", "+00:00", "+01:00", "Z")] + ["2024-06-02", "2024-05-31"]


def candidates(check: ValueCheck, allowed: dict) -> list[tuple]:
    """Values on the edges of a check's rule, and a sample of random ones, for each of its columns."""
    rng = random.Random(check.sql)
    values = [None, *TIMESTAMPS, *BIRTHS, *NUMBERS, *WORDS, *allowed.get(check.columns[0], [])]
    values += [value.lower() for value in allowed.get(check.columns[0], [])]
    values += [f"{rng.uniform(-200, 200):.{rng.randint(0, 8)}f}" for _ in range(200)]
    if len(check.columns) == 1:
        return [(value,) for value in values]
    pairs = list(itertools.product([None, *PAIR_TIMES], repeat=2))
    return pairs + [(rng.choice(TIMESTAMPS), rng.choice(TIMESTAMPS)) for _ in range(3000)]


def every_check():
    for contract in contracts():
        checks, parameters = value_checks(contract, SEEDS_DIR, TODAY)
        for check in checks:
            if check.surely_passes is not None:
                yield pytest.param(contract, check, parameters, id=f"{contract.name}:{check.sql[:60]}")


@pytest.fixture(scope="module")
def connection(module_warehouse_url):
    from equality.schema import bootstrap
    from equality.warehouse import connect

    with connect(module_warehouse_url, autocommit=True) as conn:
        bootstrap(conn)
        yield conn


@pytest.mark.parametrize("contract, check, parameters", list(every_check()))
def test_a_shortcut_passes_only_what_its_rule_passes(connection, contract, check, parameters):
    allowed = {name.removeprefix("allowed_"): values for name, values in parameters.items()
               if name.startswith("allowed_")}
    rows = pl.DataFrame(candidates(check, allowed), schema=[f"{column}__trimmed" for column in check.columns],
                        orient="row")
    passed = rows.select(check.surely_passes.fill_null(False)).to_series().to_list()
    arrays = ", ".join(f"%(values_{position})s::text[]" for position in range(len(check.columns)))
    reasons = [reason for (reason,) in connection.execute(
        f"select {check.sql} from unnest({arrays}) with ordinality as landing("
        f"{', '.join(rows.columns)}, position) order by position",
        parameters | {f"values_{position}": rows.get_column(column).to_list() for position, column in enumerate(rows.columns)}
    ).fetchall()]
    wrongly_passed = [row for row, shortcut, reason in zip(rows.rows(), passed, reasons) if shortcut and reason]
    assert not wrongly_passed
    assert any(passed) and not all(passed)  # the shortcut decides some values, and leaves others to the rule


def test_the_shortcuts_pass_every_value_of_a_real_month(tmp_path):
    from equality.checked_rows import DeliveredFile
    from equality.ingest import inspect_header
    from equality.sources.stop_search.synthetic import Scenario, generate

    [path, *_] = generate(Scenario(seed=3, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 1, 31)),
                          tmp_path).files
    columns, header_bytes = inspect_header(path, FORCE_STOP_SEARCH)
    [block] = DeliveredFile(path, columns, header_bytes).blocks()
    checks, _ = value_checks(FORCE_STOP_SEARCH, SEEDS_DIR, TODAY)
    trimmed = block.select(pl.when(pl.col(name).str.strip_chars(" ") != "").then(pl.col(name).str.strip_chars(" "))
                           .alias(f"{name}__trimmed") for name in FORCE_STOP_SEARCH.column_names)
    undecided = trimmed.select(pl.all_horizontal(check.surely_passes for check in checks).not_().sum()).item()
    assert block.height > 500 and undecided == 0


@pytest.mark.parametrize("as_at", AS_AT, ids=str)
def test_the_client_ages_a_plain_date_of_birth_into_the_band_postgresql_gives_and_leaves_other_values_to_it(connection, as_at):
    births = [*BIRTHS, *TIMESTAMPS]
    in_the_client = pl.DataFrame({"born": births}).select(age_band(pl.col("born"), as_at, SEEDS_DIR)).to_series()
    in_postgresql = [band for (band,) in connection.execute(
        f"select {age_band_sql('landing.born', SEEDS_DIR)} from unnest(%(births)s::text[]) with ordinality "
        "as landing (born, position) order by position", {"births": births, "as_at": as_at}).fetchall()]
    aged_in_the_client = [born_by(value, as_at) for value in births]
    assert in_the_client.to_list() == [band if aged else None for aged, band in zip(aged_in_the_client, in_postgresql)]
    bands = {band["age_band_code"] for band in age_bands(SEEDS_DIR)}
    assert {band for aged, band in zip(aged_in_the_client, in_postgresql) if aged} == bands | {None}  # every edge met


def born_by(value: str, as_at: datetime.date) -> bool:
    """Whether a value is a day of 1900-2099 not after ``as_at``, written as ISO 8601 and nothing more."""
    try:
        born = datetime.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        return False
    return born is not None and 1900 <= born.year < 2100 and born <= as_at
