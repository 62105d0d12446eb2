"""Great Expectations validation of warehouse tables: one suite file per table, results in audit and Data Docs.

A suite is a GX 1.x ``ExpectationSuite`` saved as JSON in ``expectations/``; its top-level ``meta`` names the
table it checks (``{"schema": "raw", "table": "force_stop_search"}``). Values known only at run time (allowed
codes from the dbt seeds, the row count the load registry expects) are suite parameters, written in the
suite as ``{"$PARAMETER": "<name>"}`` and supplied by the caller. ``expectations/README.md`` lists them.

Every expectation runs as SQL inside PostgreSQL (GX's SQLAlchemy engine); no table is read into pandas.
Each expectation's outcome becomes one row of ``audit.validation_results``; with a ``gx_root`` the results
are also kept in a file-mode GX project there and rendered as Data Docs.

Great Expectations is imported inside the functions only: the Airflow DAG imports this module while parsing.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import logging
import os
import re
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit, urlunsplit

log = logging.getLogger(__name__)

DATASOURCE_NAME = "warehouse"
BATCH_DEFINITION_NAME = "whole_table"
# A file-mode GX project persists its data sources in great_expectations.yml. The connection string written
# there is this variable's name, resolved from the environment of the running process, so the warehouse
# password never lands on disk.
URL_VARIABLE = "EQUALITY_GX_WAREHOUSE_URL"
DOCS_SITE = "local_site"
# Counts only: GX fetches a sample of unexpected values with one more scan of the batch per column expectation
# (a LIMIT query that reads everything when nothing is unexpected), so a suite is validated without samples and
# only the expectations that failed are validated again with them.
COUNTS_ONLY = {"result_format": "SUMMARY", "partial_unexpected_count": 0}
WITH_SAMPLES = {"result_format": "SUMMARY", "partial_unexpected_count": 5}
SAMPLE_SIZE = 3
SAMPLE_CHARS = 40


@dataclass
class FailedExpectation:
    """One expectation that did not hold (or could not be evaluated)."""

    expectation_type: str
    column: str | None
    unexpected_count: int | None
    observed: str
    partial_unexpected: list = field(default_factory=list)
    description: str | None = None

    def describe(self, suite_name: str, schema: str, table: str) -> str:
        """One log line: 'suite / table / column: expectation_type — N unexpected (sample: ...)'."""
        kind = self.expectation_type + (f" [{self.description}]" if self.description else "")
        if self.unexpected_count is not None:
            detail = f"{self.unexpected_count} unexpected"
            if self.partial_unexpected:
                detail += " (sample: " + ", ".join(_short(value) for value in self.partial_unexpected) + ")"
        else:
            detail = self.observed
        return f"{suite_name} / {schema}.{table} / {self.column or '(table)'}: {kind} — {detail}"


@dataclass
class SuiteResult:
    suite_name: str
    schema: str
    table: str
    success: bool
    evaluated: int
    failures: list[FailedExpectation] = field(default_factory=list)
    data_docs_path: str | None = None
    seconds: float = 0.0


# ------------------------------------------------------------------------------------------------ parameters
def seed_value_parameters(seeds_dir: Path) -> dict[str, list[str]]:
    """Allowed values of every coded raw column, from the dbt seeds, as suite parameters.

    Named ``<source_system>_<concept>_values`` (e.g. ``force_sex_values``,
    ``police_uk_self_defined_ethnicity_values``); the concepts are the contracts' code lists, with the
    self-defined ethnicity list called ``self_defined_ethnicity``. Where the contract lets the column be
    blank, the list also holds the empty string (a quoted empty CSV field lands as '' rather than null).
    """
    from equality.contracts import allowed_values
    from equality.sources import contracts
    from equality.errors import ConfigurationError

    parameters: dict[str, set[str]] = {}
    for contract in contracts():
        for column in contract.columns:
            if column.kind != "code" or column.code_list is None:
                continue
            name = code_parameter(contract, column)
            try:
                values = set(allowed_values(column.code_list, contract.source_system, seeds_dir))
            except FileNotFoundError as error:
                raise ConfigurationError(f"seed file missing for suite parameter {name}: {error.filename}") from None
            if not values:
                raise ConfigurationError(
                    f"the seeds in {seeds_dir} list no {column.code_list} values for source system "
                    f"{contract.source_system!r} (suite parameter {name})")
            if not column.required:
                values.add("")
            parameters.setdefault(name, set()).update(values)
    return {name: sorted(values) for name, values in sorted(parameters.items())}


def code_parameter(contract, column) -> str:
    """The suite parameter listing a coded column's allowed values: ``<source_system>_<concept>_values``."""
    concept = "self_defined_ethnicity" if column.code_list == "ethnicity" else column.code_list
    return f"{contract.source_system}_{concept}_values"


def _suite_parameters(parameters: dict | None, table: str) -> dict:
    """The caller's parameters, plus table-scoped ones under their short names.

    ``<table>_<name>`` (e.g. ``force_stop_search_expected_row_count``) is also visible to that table's suite
    as ``<name>``, so one dict can serve every suite of a night.
    """
    resolved = dict(parameters or {})
    prefix = f"{table}_"
    for name, value in (parameters or {}).items():
        if name.startswith(prefix):
            resolved.setdefault(name[len(prefix):], value)
    return resolved


def _parameter_names(value: Any) -> set[str]:
    if isinstance(value, dict):
        if set(value) == {"$PARAMETER"}:
            return {value["$PARAMETER"]}
        return set().union(*(_parameter_names(item) for item in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_parameter_names(item) for item in value)) if value else set()
    return set()


# ------------------------------------------------------------------------------------------------ suites
@dataclass(frozen=True)
class SuiteFile:
    path: Path
    name: str
    schema: str
    table: str
    document: dict
    batch_query: str | None = None  # the rows to validate, when not the whole table (meta.batch_query)

    @classmethod
    def load(cls, path: Path) -> "SuiteFile":
        from equality.errors import ConfigurationError

        path = Path(path)
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise ConfigurationError(f"cannot read expectation suite {path}: {error}") from None
        meta = document.get("meta") or {}
        missing = [key for key in ("schema", "table") if not meta.get(key)]
        if missing or not document.get("name") or not document.get("expectations"):
            raise ConfigurationError(
                f"expectation suite {path} needs a name, expectations and meta.schema / meta.table "
                f"(missing: {', '.join(missing) or 'name or expectations'})")
        for key in ("schema", "table"):
            if not re.fullmatch(r"[a-z_][a-z0-9_]*", meta[key]):
                raise ConfigurationError(
                    f"expectation suite {path}: meta.{key} {meta[key]!r} is not a plain identifier")
        return cls(path, document["name"], meta["schema"], meta["table"], document, meta.get("batch_query"))

    def required_parameters(self) -> set[str]:
        return _parameter_names(self.document["expectations"])


def suite_json(suite: dict) -> str:
    """A suite as the generated files in expectations/ hold it: indented JSON and a final newline."""
    return json.dumps(suite, indent=2, ensure_ascii=False) + "\n"


def write_suites(expectations_dir: Path, pattern: str, suites: Iterable[dict]) -> list[Path]:
    """Replace the suite files matching ``pattern`` (a glob) by these generated suites, each in ``<name>.json``."""
    for stale in expectations_dir.glob(pattern):
        stale.unlink()
    written = []
    for suite in suites:
        path = expectations_dir / f"{suite['name']}.json"
        path.write_text(suite_json(suite))
        written.append(path)
    return written


# ------------------------------------------------------------------------------------------------ GX context
def _sqlalchemy_url(url: str) -> str:
    """postgresql://... as SQLAlchemy's psycopg 3 URL."""
    parts = urlsplit(url)
    if parts.scheme in ("postgresql", "postgres"):
        parts = parts._replace(scheme="postgresql+psycopg")
    return urlunsplit(parts)


@functools.cache
def _ephemeral_context():
    """The process's in-memory GX context: made once (about a second), it holds a data source per warehouse."""
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    _hide_progress_bars(context)
    return context


def _hide_progress_bars(context) -> None:
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)


class _Validator:
    """Validates suites against one warehouse through a GX data source: the process's in-memory context's, or,
    with a ``gx_root``, the file project's there (so Data Docs name the batches as they always have).

    The suites run through GX's ``Validator`` on one batch each (the whole table, or the rows of the suite's
    ``batch_query``), so nothing is persisted per suite: a file project is written once when the validator is
    made (its data source with an asset per suite,
    one save of great_expectations.yml rather than two per table) and then only what Data Docs read (the
    suites, when they changed, and each validation result).
    """

    def __init__(self, warehouse_url: str, gx_root: Path | None, suite_files: Iterable[SuiteFile]):
        # GX logs a line per expectation at INFO and draws tqdm bars: keep Airflow task logs readable.
        gx_logger = logging.getLogger("great_expectations")
        if gx_logger.level == logging.NOTSET:
            gx_logger.setLevel(logging.WARNING)
        # A table asset's schema_name is deprecated since GX 1.14 with no replacement for PostgreSQL (only
        # data sources with structured connection details carry a schema); it still works.
        warnings.filterwarnings("ignore", message="`schema_name` is deprecated", category=DeprecationWarning)
        import great_expectations as gx

        self.warehouse_url = warehouse_url
        self.gx_root = Path(gx_root) if gx_root is not None else None
        self._result_keys: list = []
        if self.gx_root is None:
            self.context = _ephemeral_context()
            name = f"{DATASOURCE_NAME}_{hashlib.sha256(warehouse_url.encode()).hexdigest()[:12]}"
            existing = self.context.data_sources.all()
            self.datasource = existing[name] if name in existing else self.context.data_sources.add_postgres(
                name=name, connection_string=_sqlalchemy_url(warehouse_url))
            return
        self.gx_root.mkdir(parents=True, exist_ok=True)
        self.context = gx.get_context(mode="file", project_root_dir=str(self.gx_root))
        os.environ[URL_VARIABLE] = _sqlalchemy_url(warehouse_url)
        _hide_progress_bars(self.context)
        assets = {_asset_name(suite_file): _asset(suite_file) for suite_file in suite_files}
        self.datasource = self.context.data_sources.add_or_update_postgres(
            name=DATASOURCE_NAME, connection_string="${" + URL_VARIABLE + "}",
            assets=[assets[name] for name in sorted(assets)])

    def _batch_definition(self, suite_file: SuiteFile):
        asset_name = _asset_name(suite_file)
        try:
            asset = self.datasource.get_asset(asset_name)
        except LookupError:
            asset = (self.datasource.add_query_asset(name=asset_name, query=suite_file.batch_query)
                     if suite_file.batch_query else
                     self.datasource.add_table_asset(name=asset_name, table_name=suite_file.table,
                                                     schema_name=suite_file.schema))
        try:
            return asset.get_batch_definition(BATCH_DEFINITION_NAME)
        except (KeyError, LookupError):
            return asset.add_batch_definition_whole_table(BATCH_DEFINITION_NAME)

    def run(self, suite_file: SuiteFile, run_id: str, parameters: dict | None, *, docs: bool = True) -> SuiteResult:
        from great_expectations.core.run_identifier import RunIdentifier
        from great_expectations.validator.v1_validator import Validator

        from equality.errors import ConfigurationError

        started = time.perf_counter()
        resolved = _suite_parameters(parameters, suite_file.table)
        missing = sorted(suite_file.required_parameters() - set(resolved))
        if missing:
            raise ConfigurationError(
                f"suite {suite_file.name} ({suite_file.path.name}) needs suite parameter(s) {', '.join(missing)}; "
                f"see expectations/README.md")

        suite = _expectation_suite(suite_file)
        gx_run_id = RunIdentifier(run_name=run_id)  # its run_time, now, is the validation time Data Docs show
        validator = Validator(batch_definition=self._batch_definition(suite_file), result_format=COUNTS_ONLY)
        outcome = validator.validate_expectation_suite(suite, resolved)
        _sample_failed_values(validator, outcome, resolved)

        rows, failures = [], []
        for result in outcome.results:
            row, failure = _describe_result(result)
            if failure is not None and failure.unexpected_count and result.expectation_config.type == \
                    "unexpected_rows_expectation":
                # GX returns the offending rows only with result_format COMPLETE, which for the column
                # expectations would fetch every unexpected value; so fetch a few here.
                failure.partial_unexpected = row["details"]["partial_unexpected"] = _sample_rows(
                    self.warehouse_url, suite_file, result.expectation_config)
            rows.append(row)
            if failure is not None:
                failures.append(failure)
        _record(self.warehouse_url, run_id, suite_file, rows)

        if self.gx_root is not None:
            self._keep_for_docs(suite, outcome, gx_run_id, validator.active_batch_id)
        docs_path = self.build_docs() if docs else None
        return SuiteResult(suite_name=suite_file.name, schema=suite_file.schema, table=suite_file.table,
                           success=bool(outcome.success) and not failures, evaluated=len(outcome.results),
                           failures=failures, data_docs_path=docs_path,
                           seconds=round(time.perf_counter() - started, 3))

    def _keep_for_docs(self, suite, outcome, gx_run_id, batch_id) -> None:
        """Store a validation result in the file project as ``ValidationDefinition.run`` would, and the suite
        it checked if the project's copy differs (the Data Docs index lists the project's suites)."""
        from great_expectations.data_context.types.resource_identifiers import (
            ExpectationSuiteIdentifier, ValidationResultIdentifier)

        if _suite_changed(self.context.expectations_store, suite):
            self.context.suites.add_or_update(copy.deepcopy(suite))
        outcome.meta.update(run_id=gx_run_id, validation_time=gx_run_id.run_time, checkpoint_id=None,
                            batch_parameters=None)
        key = ValidationResultIdentifier(expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite.name),
                                         run_id=gx_run_id, batch_identifier=batch_id)
        self.context.validation_results_store.set(key, outcome)
        self._result_keys.append(key)

    def build_docs(self) -> str | None:
        """Render the pages of the suites run so far (older pages stay as they are) and the index.

        Returns the index.html path, or None without a gx_root.
        """
        if self.gx_root is None or not self._result_keys:
            return None
        urls = self.context.build_data_docs(site_names=[DOCS_SITE], resource_identifiers=self._result_keys)
        self._result_keys = []
        url = urls.get(DOCS_SITE)
        return url.removeprefix("file://") if url else None


def _asset_name(suite_file: SuiteFile) -> str:
    """``<schema>.<table>``, or for a suite reading some of a table's rows, that and a digest of its query (an
    in-memory data source keeps its assets, and a changed query is another asset)."""
    name = f"{suite_file.schema}.{suite_file.table}"
    if suite_file.batch_query:
        name += f" (rows {hashlib.sha256(suite_file.batch_query.encode()).hexdigest()[:12]})"
    return name


def _asset(suite_file: SuiteFile) -> dict:
    """A suite's asset (its table, or its batch query's rows) with one batch definition of all it holds, as a
    data source's ``assets`` entry (so every asset is registered with the data source in one save)."""
    rows = ({"type": "query", "query": suite_file.batch_query} if suite_file.batch_query else
            {"type": "table", "table_name": suite_file.table, "schema_name": suite_file.schema})
    return {**rows, "name": _asset_name(suite_file), "batch_definitions": [{"name": BATCH_DEFINITION_NAME}]}


@functools.cache
def _suite_from_json(text: str):
    """The suite a suite file's JSON describes (cached by the callers' key: the file's content)."""
    import great_expectations as gx

    document = json.loads(text)
    return gx.ExpectationSuite(name=document["name"], expectations=document["expectations"],
                               meta=document.get("meta"))


def _expectation_suite(suite_file: SuiteFile):
    """The suite file as a GX ExpectationSuite, built once per process for each content of the file: building
    one parses every expectation through pydantic. Callers that persist it pass a copy (a store writes ids
    into the suite it saves)."""
    document = {key: value for key, value in suite_file.document.items() if key != "id"}
    return _suite_from_json(json.dumps(document, sort_keys=True))


def _suite_changed(store, suite) -> bool:
    """Whether the file project holds no copy of this suite, or one that differs in more than its ids.

    ``context.suites.add_or_update`` compares every expectation with every stored one through pydantic
    (seconds per suite); comparing the serialised forms is enough to skip the unchanged suites of a night.
    """
    key = store.get_key(name=suite.name)
    if not store.has_key(key):
        return True
    stored = json.loads(store.store_backend.get(store.key_to_tuple(key)))
    return _without_ids(stored) != _without_ids(json.loads(store.serialize(suite)))


def _without_ids(suite: dict) -> dict:
    return {**{key: value for key, value in suite.items() if key != "id"},
            "expectations": [{key: value for key, value in expectation.items() if key != "id"}
                             for expectation in suite.get("expectations", [])]}


# ------------------------------------------------------------------------------------------------ results
def _describe_result(result) -> tuple[dict, FailedExpectation | None]:
    """An audit row for one ExpectationValidationResult, and a FailedExpectation when it did not hold."""
    config = result.expectation_config
    kwargs = dict(config.kwargs or {})
    meta = dict(config.meta or {})
    details = dict(result.result or {})
    exception = result.exception_info or {}
    if exception and not exception.get("raised_exception"):
        # With several metrics GX nests {metric_id: {...}}: keep the first that raised.
        raised = [info for info in exception.values() if isinstance(info, dict) and info.get("raised_exception")]
        exception = raised[0] if raised else {}
    error = exception.get("exception_message") if exception.get("raised_exception") else None

    column = kwargs.get("column") or meta.get("column")
    if column is None and kwargs.get("column_list"):
        column = ", ".join(kwargs["column_list"])
    is_rows_query = config.type == "unexpected_rows_expectation"
    unexpected_count = details.get("unexpected_count")
    partial = list(details.get("partial_unexpected_list") or [])
    if is_rows_query:
        unexpected_count = details.get("observed_value")
        rows = (details.get("details") or {}).get("unexpected_rows") or []
        partial = [row.get(meta["column"]) if meta.get("column") and isinstance(row, dict) else row
                   for row in rows[:SAMPLE_SIZE]]
    if isinstance(unexpected_count, str) and unexpected_count.isdigit():
        unexpected_count = int(unexpected_count)
    if not isinstance(unexpected_count, int):
        unexpected_count = None

    if error:
        observed = f"could not be evaluated: {error.strip().splitlines()[0][:300]}"
    elif unexpected_count is not None:
        observed = f"{unexpected_count} unexpected"
        if details.get("unexpected_percent") is not None:
            observed += f" ({details['unexpected_percent']:.3g}% of {details.get('element_count')} rows)"
    else:
        observed = f"observed {_short(details.get('observed_value'), 200)}"
        expected = _expected(kwargs)
        if expected:
            observed += f", expected {expected}"

    row = {
        "expectation_type": config.type,
        "column_name": column,
        "success": bool(result.success),
        "unexpected_count": unexpected_count,
        "observed_value": observed,
        "details": {
            "kwargs": {key: value for key, value in kwargs.items() if key != "batch_id"},
            "why": meta.get("why"),
            "description": config.description,
            "partial_unexpected": partial,
            "element_count": details.get("element_count"),
            "missing_count": details.get("missing_count"),
            "exception": error,
        },
    }
    failure = None
    if not result.success:
        failure = FailedExpectation(expectation_type=config.type, column=column,
                                    unexpected_count=None if error else unexpected_count,
                                    observed=observed, partial_unexpected=partial[:SAMPLE_SIZE],
                                    description=config.description or meta.get("why"))
    return row, failure


def _sample_failed_values(validator, outcome, parameters: dict) -> None:
    """Validate again, with a sample of unexpected values, each column expectation of ``outcome`` that found
    some, and put that result in its place (the same rows, so the same counts)."""
    validator.result_format = WITH_SAMPLES
    for position, result in enumerate(outcome.results):
        if not result.success and "partial_unexpected_list" in (result.result or {}):
            outcome.results[position] = validator.validate_expectation(result.expectation_config.to_domain_obj(),
                                                                       parameters)


def _sample_rows(warehouse_url: str, suite_file: SuiteFile, config) -> list:
    """A few rows an unexpected-rows query returns: the meta.column value of each, or the whole row."""
    from equality.warehouse import connect

    query = config.kwargs["unexpected_rows_query"].format(batch="batch_rows")
    batch_rows = suite_file.batch_query or f'select * from "{suite_file.schema}"."{suite_file.table}"'
    column = (config.meta or {}).get("column")
    try:
        with connect(warehouse_url) as conn:
            conn.execute("set transaction read only")
            cursor = conn.execute(f"with batch_rows as ({batch_rows}) "
                                  f"select * from ({query}) as unexpected limit {SAMPLE_SIZE}")
            names = [description.name for description in cursor.description]
            rows = [dict(zip(names, values)) for values in cursor.fetchall()]
    except Exception as error:  # the sample is a courtesy; GX already reported the count
        log.warning("could not sample the unexpected rows of %s: %s", suite_file.name, error)
        return []
    return [row.get(column) if column in row else row for row in rows]


def _expected(kwargs: dict) -> str | None:
    if "value" in kwargs:
        return _short(kwargs["value"], 200)
    if "column_set" in kwargs:
        return _short(sorted(kwargs["column_set"]), 400)
    bounds = [kwargs.get("min_value"), kwargs.get("max_value")]
    if any(bound is not None for bound in bounds):
        return f"between {bounds[0]} and {bounds[1]}"
    return None


def _short(value: Any, limit: int = SAMPLE_CHARS) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    if isinstance(value, str):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _record(warehouse_url: str, run_id: str, suite_file: SuiteFile, rows: list[dict]) -> None:
    from equality.warehouse import connect

    with connect(warehouse_url) as conn, conn.cursor() as cursor:
        cursor.executemany(
            "insert into audit.validation_results (run_id, suite_name, schema_name, table_name, "
            "expectation_type, column_name, success, unexpected_count, observed_value, details) "
            "values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb)",
            [(run_id, suite_file.name, suite_file.schema, suite_file.table, row["expectation_type"],
              row["column_name"], row["success"], row["unexpected_count"], row["observed_value"],
              json.dumps(row["details"], default=str)) for row in rows])


# ------------------------------------------------------------------------------------------------ public API
def run_suite(warehouse_url: str, suite_path: Path, *, run_id: str, parameters: dict | None = None,
              gx_root: Path | None = None) -> SuiteResult:
    """Validate the table a suite names; record its results; build Data Docs under gx_root if given.

    Failed expectations are reported in the result, not raised. A suite that cannot run (unreadable file,
    missing suite parameter) raises ConfigurationError.
    """
    suite_file = SuiteFile.load(suite_path)
    return _Validator(warehouse_url, gx_root, [suite_file]).run(suite_file, run_id, parameters)


def validate(warehouse_url: str, suite_paths: Iterable[Path], *, run_id: str,
             parameters_for: Callable[[str], dict] | dict | None, gx_root: Path | None = None) -> list[SuiteResult]:
    """Run every suite with one GX context; raise ValidationFailed listing each failure if any suite failed.

    parameters_for: one dict of suite parameters for all suites, or a function of the suite name returning
    that suite's dict. Either way ``<table>_<name>`` parameters are also visible to that table's suite as
    ``<name>``.
    """
    from equality.errors import ValidationFailed

    suite_files = [SuiteFile.load(path) for path in suite_paths]
    started = time.perf_counter()
    validator = _Validator(warehouse_url, gx_root, suite_files)
    log.info("Great Expectations ready in %.1f s", time.perf_counter() - started)
    results = []
    for suite_file in suite_files:
        parameters = parameters_for(suite_file.name) if callable(parameters_for) else parameters_for
        result = validator.run(suite_file, run_id, parameters, docs=False)
        log.info("suite %s on %s.%s: %s, %d expectations, %d failed, %.1f s", result.suite_name, result.schema,
                 result.table, "passed" if result.success else "FAILED", result.evaluated, len(result.failures),
                 result.seconds)
        results.append(result)
    docs_path = validator.build_docs()
    for result in results:
        result.data_docs_path = docs_path
    if docs_path:
        log.info("Data Docs: %s", docs_path)
    failed = [result for result in results if not result.success]
    if failed:
        lines = [failure.describe(result.suite_name, result.schema, result.table)
                 for result in failed for failure in result.failures]
        if not lines:  # a suite reported failure without a failing expectation (should not happen)
            lines = [f"{result.suite_name} / {result.schema}.{result.table}: failed" for result in failed]
        docs = next((result.data_docs_path for result in results if result.data_docs_path), None)
        message = (f"{len(lines)} expectation(s) failed in {len(failed)} of {len(results)} suite(s) "
                   f"(run {run_id}; details in audit.validation_results"
                   + (f" and Data Docs at {docs}" if docs else "") + "):\n"
                   + "\n".join(f"  - {line}" for line in lines))
        raise ValidationFailed(message, results)
    return results
