"""The whole night, for real: Airflow runs the DAG, GX validates, dbt builds, reporting is published.

The session's night of every source (tests/integration/conftest.py ``all_sources_night``: injected stop-search
disparities, a missing and a partial month) is run as an operator runs a warehouse's first night: `equality nightly
--backfill` (the DAG through Airflow's dag.test, in one process), with the alert webhook pointed at a local
receiver. The first tests check the run and what it published, the others read what it left, then try the ways a
night can go wrong, each on a copy of that warehouse, and check that the published schema did not move.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import psycopg
import pytest

from commands import EQUALITY
from equality import nightly
from equality.config import EXPECTATIONS_DIR, REFERENCE_DIR
from equality.contracts import TABLE
from equality.errors import RejectedFiles, ValidationFailed
from equality.ingest import delivered_files
from equality.nightly import MART_SUITES
from equality.published_schema import published_tables
from equality.schema import BI_ROLE, ensure_login, raw_table_ddl
from equality.sources import by_name, contract_for, contracts
from equality.transform import run_dbt
from equality.validation import SuiteFile
from equality.warehouse import connect, describe
from nights import ALL_SOURCES_END, ALL_SOURCES_SEARCHES, BIRMINGHAM_BLACK, MISSING_MONTH, PARTIAL_MONTH, query
from warehouse_databases import copy_under_its_name

pytestmark = pytest.mark.slow

LAST_YEAR = date(2024, 4, 1)


@pytest.fixture(scope="module")
def night(all_sources_night):
    """The session's night of every source: its settings, landing folder, alert receiver and generated truth."""
    return all_sources_night


def broad_ratio_row(url: str, group: str, area: str = "FORCE", basis: str = "self-defined"):
    return query(url, """
        select rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95
        from marts.mart_stop_search_disproportionality
        where period_type = 'financial_year' and period_start = %s and area_code = %s
          and legislation_group = 'All' and ethnicity_basis = %s and ethnicity_level = 'broad'
          and ethnic_group = %s""", LAST_YEAR, area, basis, group)[0]


def reporting_snapshot(url: str) -> tuple:
    return (query(url, "select run_id from reporting.publication")[0][0],
            query(url, "select md5(string_agg(t::text, '' order by t::text)) from reporting.stop_search_disproportionality t"))


def test_the_airflow_dag_runs_the_night_end_to_end(night):
    assert night["run"].returncode == 0, night["run"].stdout[-3000:] + night["run"].stderr[-3000:]
    stages = [row[0] for row in query(night["url"], "select stage from audit.run_stages where status = 'success' "
                                                    "order by finished_at")]
    assert list(dict.fromkeys(stage.split()[0] for stage in stages)) == [
        "load", "validate_raw", "build", "validate_marts", "publish"]
    for stage in ("load", "validate_raw"):  # mapped over the sources, each named
        assert sorted(name for name in stages if name.startswith(f"{stage} ")) == sorted(
            f"{stage} {source}" for source in nightly.sources())
    assert query(night["url"], "select count(*) from reporting.stop_search_disproportionality")[0][0] > 0
    # the backfill's tables have every index the schema declares again, built and analysed after the load
    declared = sum(raw_table_ddl(contract).count("index if not exists") for contract in contracts())
    assert query(night["url"], "select count(*) from pg_indexes where schemaname = 'raw'") == [(declared,)]
    analysed = {table for (table,) in query(night["url"], "select relname from pg_stat_user_tables "
                                                          "where schemaname = 'raw' and last_analyze is not null")}
    assert analysed == {contract_for(path.name).raw_table for path in delivered_files([REFERENCE_DIR, night["landing"]])}


def test_a_good_night_sends_no_alert_shows_its_progress_and_status_says_reporting_is_current(night):
    assert night["run"].returncode == 0, night["run"].stderr
    assert night["alerts"] == []
    assert "stage build success" in night["run"].stdout and "OK created" in night["run"].stdout  # dbt model by model
    assert "[DAG TEST]" not in night["run"].stdout  # Airflow's internals stay in the log file
    status = subprocess.run([EQUALITY, "status"], env=night["environment"], capture_output=True, text=True, timeout=60)
    assert status.returncode == 0, status.stdout
    assert "succeeded" in status.stdout and "Reporting: current" in status.stdout
    assert query(night["url"], "select count(*) from reporting.publication")[0][0] == 1
    assert (night["home"] / "reports" / "board-report-2025Q1.html").exists()


def test_every_generated_row_of_the_sources_reaches_its_fact_table(night):
    searches = query(night["url"], "select count(*) from marts.fct_stop_search where source_system = 'force'")[0][0]
    detentions = query(night["url"], "select count(*) from marts.fct_custody_detention")[0][0]
    assert (searches, detentions) == (night["searches"].row_count, night["custody"].row_count)
    hr = query(night["url"], """select (select count(*) from marts.fct_workforce_month_end),
                                       (select count(*) from marts.fct_workforce_event),
                                       (select count(*) from marts.fct_process_stage),
                                       (select count(*) from marts.fct_vetting_application)""")[0]
    counts = night["workforce"].row_counts
    assert hr == (counts["hr_people"], counts["hr_events"], counts["hr_process_stages"], counts["hr_vetting"])
    assert query(night["url"], "select count(*) from reporting.workforce_representation")[0][0] > 0
    complaints = query(night["url"], """select (select count(*) from marts.fct_complaint_case),
                                               (select count(*) from marts.fct_allegation),
                                               (select count(*) from marts.fct_misconduct_proceeding)""")[0]
    counts = night["complaints"].row_counts
    assert complaints == (counts["complaint_cases"], counts["complaint_allegations"], counts["misconduct_proceedings"])


@pytest.mark.parametrize("group", ["Black", "Asian", "Mixed"])
def test_the_mart_recovers_the_injected_force_rate_ratio(night, group):
    # Outside Birmingham every ratio is as injected; Birmingham's Black ratio is higher, and the outlier officers and
    # teams search Black people more, so the force-level Black ratio is the blend the generator reports as its truth.
    expected = night["searches"].truth.rate_ratio(group)
    ratio, lower, upper = broad_ratio_row(night["url"], group)
    assert lower <= expected <= upper, (group, expected, ratio, lower, upper)


def test_the_mart_recovers_an_area_specific_disparity(night):
    ratio, lower, upper = broad_ratio_row(night["url"], "Black", area="BIR")
    assert lower <= night["searches"].truth.rate_ratio("Black", "BIR") <= upper  # 4, and the outliers' extra searches
    _, _, coventry_upper = broad_ratio_row(night["url"], "Black", area="COV")
    assert coventry_upper < BIRMINGHAM_BLACK


def test_the_outcome_test_recovers_the_injected_find_rates(night):
    [(ratio, lower, upper)] = query(night["url"], """
        select find_share_ratio, find_share_ratio_lower_95, find_share_ratio_upper_95
        from marts.mart_stop_search_outcomes
        where period_type = 'financial_year' and period_start = %s and area_code = 'FORCE'
          and legislation_group = 'All' and ethnicity_basis = 'self-defined' and ethnic_group = 'Black'""", LAST_YEAR)
    expected = ALL_SOURCES_SEARCHES.find_rate_by_group["Black"] / ALL_SOURCES_SEARCHES.find_rate_by_group["White"]
    assert lower <= expected <= upper


def test_reporting_shows_no_small_count(night):
    threshold = night["settings"].suppression_threshold
    shown_small = query(night["url"], "select count(*) from reporting.stop_search_disproportionality "
                                      "where searches < %s", threshold)[0][0]
    suppressed = query(night["url"], "select count(*) from reporting.stop_search_disproportionality "
                                     "where rate_status = 'suppressed' and searches is null and rate_per_1000 is null")[0][0]
    assert shown_small == 0 and suppressed > 0


UNDESCRIBED = """
    select relation.relname, null from pg_class as relation
    join pg_namespace as namespace on namespace.oid = relation.relnamespace
    where namespace.nspname = %(schema)s and relation.relkind in ('r', 'p', 'v')
      and obj_description(relation.oid, 'pg_class') is null
    union all
    select relation.relname, attribute.attname from pg_attribute as attribute
    join pg_class as relation on relation.oid = attribute.attrelid
    join pg_namespace as namespace on namespace.oid = relation.relnamespace
    where namespace.nspname = %(schema)s and relation.relkind in ('r', 'p', 'v') and attribute.attnum > 0
      and not attribute.attisdropped and col_description(relation.oid, attribute.attnum) is null"""


@pytest.mark.parametrize("schema", ["reporting_candidate", "reporting"])
def test_every_published_table_and_column_carries_its_description(night, schema):
    with connect(night["url"]) as conn:
        undescribed = conn.execute(UNDESCRIBED, {"schema": schema}).fetchall()
        [(columns,)] = conn.execute("select count(*) from information_schema.columns where table_schema = %s",
                                    (schema,)).fetchall()
    assert columns > 400 and undescribed == []


def test_every_published_table_is_indexed_on_the_grain_its_model_declares(night):
    indexed = dict(query(night["url"], """
        select index.indrelid::regclass::text, array(
            select attribute.attname from unnest(index.indkey) with ordinality as key (attnum, position)
            join pg_attribute as attribute on attribute.attrelid = index.indrelid and attribute.attnum = key.attnum
            order by key.position)
        from pg_index as index join pg_class as relation on relation.oid = index.indexrelid
        where relation.relnamespace = 'reporting'::regnamespace and right(relation.relname, 6) = '_grain'"""))
    assert indexed == {f"reporting.{table.name}": table.grain for table in published_tables()}


def test_every_published_code_is_lower_snake_case_and_named_in_labels(night):
    unnamed = []
    for table in published_tables():
        for column in (column for column in table.columns if column.code_list):
            unnamed += query(night["url"], f"""
                select distinct '{table.name}.{column.name}', {column.name} from reporting.{table.name}
                where {column.name} !~ '^[a-z0-9_]+$' or not exists (
                    select 1 from reporting.labels
                    where labels.code_list = {column.code_list} and labels.code = {table.name}.{column.name})""")
    assert unnamed == []


def test_a_month_with_no_extract_is_missing_not_zero_and_a_thin_month_is_flagged_partial(night):
    months = dict((row[0], row[1:]) for row in query(
        night["url"], "select month_start, is_missing, is_partial_submission from reporting.stop_search_submissions"))
    assert months[date(*MISSING_MONTH, 1)] == (True, False)
    assert months[date(*PARTIAL_MONTH, 1)] == (False, True)
    # (searches late on 31 March UTC fall on 1 April in London: that sliver of April is rightly "partial")
    flagged = {month for month, (missing, partial) in months.items() if missing or partial}
    assert {month for month in flagged if month <= ALL_SOURCES_END} == {date(*MISSING_MONTH, 1), date(*PARTIAL_MONTH, 1)}
    month_rows = query(night["url"], "select count(*) from reporting.stop_search_disproportionality "
                                     "where period_type = 'month' and period_start = %s", date(*MISSING_MONTH, 1))
    assert month_rows == [(0,)]
    [(complete, months_with_data)] = query(night["url"], """
        select distinct is_complete_period, months_with_data from reporting.stop_search_disproportionality
        where period_type = 'financial_year' and period_start = '2023-04-01'""")
    assert (complete, months_with_data) == (False, 11)


def test_a_partial_month_makes_its_quarter_and_every_rolling_window_holding_it_incomplete(night):
    partial = date(*PARTIAL_MONTH, 1)
    periods = query(night["url"], """
        select distinct period_type, period_start, months_with_data, months_partial, is_complete_period
        from marts.mart_stop_search_disproportionality
        where period_start <= %s and period_end > %s""", partial, partial)
    assert {(period_type, start) for period_type, start, *_ in periods} >= {
        ("month", partial), ("quarter", date(2024, 1, 1)), ("financial_year", date(2023, 4, 1))}
    assert sum(period_type == "rolling_12_months" for period_type, *_ in periods) == 12
    assert [row for row in periods if row[3:] != (1, False)] == []
    quarter = next(row for row in periods if row[0] == "quarter")
    assert quarter[2] == 3  # every month of the quarter has data: the partial month alone makes it incomplete


def test_groups_the_forces_codes_cannot_record_are_not_applicable_rather_than_zero(night):
    statuses = dict(query(night["url"], """
        select distinct ethnicity_basis || ' ' || ethnic_group, recording_status
        from marts.mart_stop_search_disproportionality
        where period_type = 'financial_year' and period_start = %s and area_code = 'FORCE'
          and legislation_group = 'All'""", LAST_YEAR))
    assert statuses["officer-defined Mixed"].startswith("not applicable: the officer-observed IC codes")
    assert statuses["self-defined OTHER_ARAB"].startswith("not applicable: the 16+1 codes have no Arab code")
    assert statuses["self-defined OTHER_ANY"].startswith("population does not match")
    assert statuses["self-defined Mixed"] == statuses["self-defined BLACK_AFRICAN"] == "recorded"


@pytest.fixture
def copy_of_night(night):
    """The module's night copied, for a test that changes it: under the night's name, so a build in it starts from
    the night's saved dbt parse (``copy_under_its_name``)."""
    with copy_under_its_name(night["url"]):
        yield night


def test_loading_the_same_night_again_duplicates_nothing(copy_of_night):
    night = copy_of_night
    raw_tables = [f"raw.{contract.raw_table}" for contract in contracts()]
    before = [query(night["url"], f"select count(*) from {table}")[0][0] for table in raw_tables]
    summary = nightly.load(night["landing"], "rerun", night["settings"])
    assert summary == {"files_already_loaded": summary["files_already_loaded"], "rows_loaded": 0, "rows_quarantined": 0}
    assert [query(night["url"], f"select count(*) from {table}")[0][0] for table in raw_tables] == before
    assert query(night["url"], "select count(*) from audit.loads where status = 'loaded' and source = 'force_stop_search'"
                 )[0][0] == len(night["searches"].files)
    assert query(night["url"], "select count(*) from audit.loads where status = 'loaded' and source = 'custody_detentions'"
                 )[0][0] == len(night["custody"].files)
    assert query(night["url"], "select count(*) from audit.loads where status = 'loaded' and source like 'hr_%%'"
                 )[0][0] == len(night["workforce"].files)
    assert query(night["url"], "select count(*) from audit.loads where status = 'loaded' "
                               "and source in ('complaint_cases', 'complaint_allegations', 'misconduct_proceedings')"
                 )[0][0] == len(night["complaints"].files)


def _rows_validated(url: str, run_id: str) -> dict[str, str]:
    """Each raw suite's row count in the run: the rows of the loads it validated."""
    return dict(query(url, "select table_name, observed_value from audit.validation_results where run_id = %s "
                           "and expectation_type = 'expect_table_row_count_to_equal'", run_id))


MONTH_PARTITIONED = ("intermediate.int_stop_searches_conformed", "marts.fct_stop_search",
                     "intermediate.int_stop_search_oversight_events", "intermediate.int_stop_search_month_cells",
                     "intermediate.int_stop_search_oversight_share_cells",
                     "intermediate.int_stop_search_oversight_benchmark_cells",
                     "intermediate.int_stop_search_oversight_officer_cells")
PERIOD_PARTITIONED = ("oversight.mart_oversight_stop_search_officers", "marts.mart_oversight_stop_search_benchmark",
                      "marts.mart_oversight_stop_search_benchmark_perturbed", "marts.mart_oversight_stop_search_outcomes",
                      "marts.mart_oversight_stop_search_outcomes_perturbed")
INCREMENTAL = MONTH_PARTITIONED + PERIOD_PARTITIONED


def _column_types(url: str, table: str) -> list[tuple[str, str]]:
    schema, name = table.split(".")
    return query(url, "select column_name, data_type from information_schema.columns where table_schema = %s "
                      "and table_name = %s order by ordinal_position", schema, name)


def _keep(url: str, tables: tuple[str, ...]) -> dict[str, str]:
    """A copy of each table as it stands (in schema kept), to compare with what a later build leaves."""
    kept = {table: "kept." + table.replace(".", "__") for table in tables}
    with connect(url) as conn:
        conn.execute("create schema kept")
        for table, copy in kept.items():
            conn.execute(f"create table {copy} as table {table}")
    return kept


def _differences(url: str, table: str, other: str) -> dict:
    """What keeps the rows of two tables of the same columns from pairing off (nothing when they do), counted in the
    warehouse: rows pair on their exact values, and their floating-point values must agree to 1e-9 relative (a
    period's sums over a month partition rebuilt in place add its cells in another order than a full build does, so
    their last bits differ)."""
    types = _column_types(url, table)
    exact = [column for column, data_type in types if data_type != "double precision"]
    agree = " and ".join(
        f"coalesce(one.{column} = two.{column} or (one.{column} is null and two.{column} is null) or "
        f"(abs(one.{column} - two.{column}) < 'infinity' and abs(one.{column} - two.{column}) <= "
        f"greatest(1e-9 * greatest(abs(one.{column}), abs(two.{column})), 1e-12)), false)"
        for column, data_type in types if data_type == "double precision") or "true"
    apart = f"one.row_key is null or two.row_key is null or not ({agree})"
    key = f"row({', '.join(exact)})::text as row_key"
    [(rows_apart, rows_paired, rows, other_rows, examples)] = query(url, f"""
        select count(*) filter (where {apart}), count(*) filter (where not ({apart})),
               (select count(*) from {table}), (select count(*) from {other}),
               (array_agg(coalesce(one.row_key, two.row_key)) filter (where {apart}))[1:3]
        from (select *, {key} from {table}) as one full join (select *, {key} from {other}) as two using (row_key)""")
    if rows_apart == 0 and rows_paired == rows == other_rows:
        return {}
    return {"table": table, "other": other, "rows apart": rows_apart, "rows paired": rows_paired, "rows": rows,
            "other's rows": other_rows, "for example": examples}


def _relation_ids(url: str, *tables: str) -> list[int]:
    """Each table's oid: dbt rebuilds a table as a new relation."""
    return [query(url, "select %s::regclass::oid", table)[0][0] for table in tables]


def test_a_night_validates_and_builds_only_what_its_loads_changed(copy_of_night, tmp_path):
    night = copy_of_night
    # a suite reads the night's loads; one with a rule against the whole table reads it when that table, or one
    # the rule reads, took a load
    whole_table_rules = {contract.raw_table: set().union(*(check.tables_read for check in contract.raw_checks
                                                           if check.spans == TABLE))
                         for contract in contracts() if any(check.spans == TABLE for check in contract.raw_checks)}
    assert whole_table_rules == {"hr_events": {"hr_people"}, "complaint_allegations": {"complaint_cases"},
                                 "misconduct_proceedings": {"complaint_cases"}}
    assert query(night["url"], "select count(*) = count(raw_validated_at), count(distinct source), "
                               "count(distinct raw_validated_by) from audit.loads where status = 'loaded' and "
                               "source <> 'home_office_stop_search_rates'")[0] == (True, 10, 10)  # one version a suite
    [(night_nodes, everything)] = query(night["url"], "select nodes, selected is null from audit.builds")
    assert everything
    searches, workforce = "marts.mart_stop_search_disproportionality", "marts.mart_workforce_representation"
    before = _relation_ids(night["url"], searches, workforce)
    partitioned_ids = _relation_ids(night["url"], *INCREMENTAL)
    fact_rows = query(night["url"], "select count(*) from marts.fct_stop_search")[0][0]

    # nothing new: no row validated, nothing built
    nightly.validate_raw("nothing-new", night["settings"])
    assert _rows_validated(night["url"], "nothing-new") == {}
    assert nightly.build("nothing-new", night["settings"]) == 0
    assert nightly.validate_marts("nothing-new", night["settings"]) == 0
    assert _relation_ids(night["url"], searches, workforce) == before

    # a corrected extract of the last month, one search fewer: a new load that supersedes the old one
    landing = tmp_path / "landing"
    landing.mkdir()
    corrected = landing / night["searches"].files[-1].name
    lines = night["searches"].files[-1].read_text().splitlines(keepends=True)
    corrected.write_text("".join(lines[:-1]))
    nightly.load(landing, "corrected", night["settings"])
    [(corrected_rows, superseded)] = query(
        night["url"], "select rows_loaded, (select count(*) from audit.loads as old where old.superseded_by = "
                      "new.load_id) from audit.loads as new where file_name = %s and status = 'loaded'", corrected.name)
    assert corrected_rows > 0 and superseded == 1
    nightly.validate_raw("corrected", night["settings"])
    assert _rows_validated(night["url"], "corrected") == {
        "force_stop_search": f"observed {corrected_rows}, expected {corrected_rows}"}
    assert 0 < nightly.build("corrected", night["settings"]) < night_nodes
    assert query(night["url"], "select selected from audit.builds where run_id = 'corrected'") == [
        (["source:raw.force_stop_search+"],)]
    after = _relation_ids(night["url"], searches, workforce)
    assert after[0] != before[0] and after[1] == before[1]
    assert query(night["url"], "select count(*) from marts.fct_stop_search")[0][0] == fact_rows - 1
    assert query(night["url"], "select count(*) from audit.loads where built_at is null") == [(0,)]
    # the mart suites read the tables that build rebuilt, and no other
    nightly.validate_marts("corrected", night["settings"])
    [(rebuilt,)] = query(night["url"], "select relations from audit.builds where run_id = 'corrected'")
    validated = {table for (table,) in query(night["url"], "select distinct schema_name || '.' || table_name "
                                                           "from audit.validation_results where run_id = 'corrected' "
                                                           "and schema_name <> 'raw'")}
    suite_tables = {f"{suite.schema}.{suite.table}" for suite in map(SuiteFile.load, EXPECTATIONS_DIR.glob(MART_SUITES))}
    assert validated == suite_tables & set(rebuilt)
    assert searches in validated and workforce not in validated
    # publication replaces the reporting tables that build rebuilt; the others already hold their candidate's rows
    nightly.publish("corrected", night["settings"])
    [(replaced,)] = query(night["url"], "select replaced from audit.publications where run_id = 'corrected'")
    assert sorted(replaced) == sorted(relation.split(".")[1] for relation in rebuilt
                                      if relation.startswith("reporting_candidate."))
    assert "stop_search_disproportionality" in replaced and "workforce_representation" not in replaced
    assert [_differences(night["url"], f"reporting.{table.name}", f"reporting_candidate.{table.name}")
            for table in published_tables()] == [{}] * len(published_tables())

    # the month-partitioned models rebuilt the corrected month in place, the period-partitioned ones the periods
    # holding it, and they hold what a full rebuild holds
    assert _relation_ids(night["url"], *INCREMENTAL) == partitioned_ids
    incremental = _keep(night["url"], INCREMENTAL)
    run_dbt(night["url"], "build", "--full-refresh", "--select", *(table.split(".")[1] for table in INCREMENTAL),
            work_dir=night["home"] / "dbt")
    assert _relation_ids(night["url"], *INCREMENTAL) != partitioned_ids
    assert [_differences(night["url"], table, incremental[table]) for table in INCREMENTAL] == [{}] * len(INCREMENTAL)
    # each month of the benchmark's cells is a grid of the groups tested in any month: the next build that finds
    # other groups in its table than in the events (here, one fewer) rebuilds every month
    cells = "intermediate.int_stop_search_oversight_benchmark_cells"
    with connect(night["url"]) as conn:
        conn.execute(f"delete from {cells} where event_group = 'Mixed'")
    run_dbt(night["url"], "run", "--select", cells.split(".")[1], work_dir=night["home"] / "dbt")
    assert _differences(night["url"], cells, incremental[cells]) == {}

    # loads passed by an earlier version of a suite (vetting's: the smallest table) are validated again
    with connect(night["url"]) as conn:
        conn.execute("update audit.loads set raw_validated_by = 'an earlier suite' where source = 'hr_vetting'")
    vetting_rows = query(night["url"], "select count(*) from raw.hr_vetting")[0][0]
    nightly.validate_raw("vetting-suite-changed", night["settings"])
    assert vetting_rows > 0 and _rows_validated(night["url"], "vetting-suite-changed") == {
        "hr_vetting": f"observed {vetting_rows}, expected {vetting_rows}"}

    # a corrected case extract that drops a case with an allegation: the allegations' suite reads its whole table
    # that night, though no allegation loaded, and fails on the allegation it orphans
    cases = [path for path in night["complaints"].files if path.name.startswith("complaint_cases_")][-1]
    header, dropped, *kept = cases.read_text().splitlines(keepends=True)
    allegations = cases.with_name(cases.name.replace("complaint_cases_", "complaint_allegations_"))
    assert f",{dropped.split(',')[0]}," in allegations.read_text()
    (landing / cases.name).write_text(header + "".join(kept))
    for path in landing.glob("stop_search_*.csv"):
        path.unlink()
    nightly.load(landing, "case-dropped", night["settings"])
    with pytest.raises(ValidationFailed, match="raw_complaint_allegations / raw.complaint_allegations / case_id: "
                                               "unexpected_rows_expectation .an allegation belongs to a delivered"):
        nightly.validate_raw("case-dropped", night["settings"])
    assert _rows_validated(night["url"], "case-dropped") == {
        "complaint_cases": f"observed {len(kept)}, expected {len(kept)}",
        "complaint_allegations": "observed 0, expected 0", "misconduct_proceedings": "observed 0, expected 0"}


def test_a_rejected_file_fails_the_night_and_leaves_reporting_as_it_was(copy_of_night, tmp_path):
    night = copy_of_night
    published = reporting_snapshot(night["url"])
    landing = tmp_path / "landing"
    shutil.copytree(night["landing"], landing)
    (landing / "stop_search_2025-04-30.csv").write_text("record_id;searched_at\n")
    with pytest.raises(RejectedFiles, match="stop_search_2025-04-30.csv, line 1: the header looks semicolon"):
        nightly.run_night(landing, "rejected-night", night["settings"])
    assert reporting_snapshot(night["url"]) == published


def test_a_failed_validation_fails_the_night_and_leaves_reporting_as_it_was(copy_of_night):
    night = copy_of_night
    published = reporting_snapshot(night["url"])
    with connect(night["url"]) as conn:  # a row that bypassed the registry: the row count no longer matches
        conn.execute("insert into raw.force_stop_search (load_id, file_name, line_number, record_id) "
                     "values (-1, 'smuggled.csv', 2, 'x')")
        conn.commit()
    with pytest.raises(ValidationFailed, match="expect_table_row_count_to_equal"):
        nightly.run_night(night["landing"], "invalid-night", night["settings"])
    assert reporting_snapshot(night["url"]) == published


def test_the_demo_headlines_read_the_published_tables(night):
    with connect(night["url"]) as conn:
        searches = by_name("stop_search").headline(conn).splitlines()
        custody = by_name("custody").headline(conn).splitlines()
    assert searches[0].startswith("Stop and search, West Midlands force area, rolling 12 months")
    assert {line.split()[0] for line in searches[2:7]} == {"Asian", "Black", "Mixed", "Other", "White"}
    assert searches[-1].startswith("Oversight, financial year 2024/25: ")
    black = next(line for line in searches if line.startswith("Black"))
    assert black.rstrip().endswith("yes"), "the injected 3x ratio stands after false discovery rate control"
    assert custody[0] == "Custody, charged rather than no further action, financial year 2024/25"
    black = next(line for line in custody if line.startswith("Black"))
    assert "suppressed" not in black and black.rstrip().endswith("%")


def test_the_bi_role_reads_reporting_and_nothing_else(night):
    with connect(night["url"]) as conn:
        ensure_login(conn, "equality_test_bi_reader", "bi-test-password", BI_ROLE)
        conn.commit()
    parts = describe(night["url"])
    bi_url = f"postgresql://equality_test_bi_reader:bi-test-password@{parts['host']}:{parts['port']}/{parts['database']}"
    assert query(bi_url, "select count(*) from reporting.stop_search_outcomes")[0][0] > 0
    for table in ("raw.force_stop_search", "audit.loads", "marts.mart_stop_search_disproportionality",
                  "marts.fct_stop_search"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            query(bi_url, f"select 1 from {table} limit 1")
