"""What ``reporting`` holds, read from the published models' YAML: the data dictionary and the GX suites.

The YAML beside ``dbt_project/models/published/`` is the one description of every published table and column:
dbt builds each model from it (macro ``published_mart``), persists its descriptions as PostgreSQL comments, and
enforces its data types as a contract. This module reads the same YAML to write ``docs/data-dictionary.md`` and
the ``expectations/marts_published_*.json`` suites, so none of them can drift from what is built.

    python -m equality.published_schema      # rewrite both after changing the YAML
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from equality.config import DBT_PROJECT_DIR, EXPECTATIONS_DIR, REPO_ROOT
from equality.validation import suite_json, write_suites

PUBLISHED_DIR = DBT_PROJECT_DIR / "models" / "published"
DATA_DICTIONARY = REPO_ROOT / "docs" / "data-dictionary.md"
STATUSES = ("published", "incomplete_period", "suppressed", "not_estimable", "not_applicable")
SHOWN_STATUSES = ("published", "incomplete_period")
_DOC_BLOCK = re.compile(r"{%\s*docs\s+(\w+)\s*%}(.*?){%\s*enddocs\s*%}", re.S)
_DOC_CALL = re.compile(r"{{\s*doc\(\s*['\"](\w+)['\"]\s*\)\s*}}")
_SCALE = re.compile(r"numeric\(\d+,\s*(\d+)\)")


@dataclass(frozen=True)
class PublishedColumn:
    name: str
    data_type: str
    description: str
    meta: dict

    @property
    def decimal_places(self) -> int | None:
        """The scale of a numeric(p,s) type: the decimal places the value is rounded to."""
        match = _SCALE.fullmatch(self.data_type)
        return int(match.group(1)) if match else None

    @property
    def suppressed_with(self) -> list[str]:
        return list(self.meta.get("suppressed_with", []))

    @property
    def code_list(self) -> str | None:
        """The reporting.labels list its codes are in, as SQL over its table: a quoted name, or the column that
        holds the list's name (a workforce group's characteristic)."""
        if "code_list_column" in self.meta:
            return self.meta["code_list_column"]
        return f"'{self.meta['code']}'" if "code" in self.meta else None

    @property
    def is_count(self) -> bool:
        """A count suppressed on its own value (and nowhere public)."""
        return self.suppressed_with == [self.name] and "public_when" not in self.meta


@dataclass(frozen=True)
class PublishedTable:
    name: str
    description: str
    grain: list[str]
    never_empty: bool
    columns: list[PublishedColumn]

    def column(self, name: str) -> PublishedColumn:
        return next(column for column in self.columns if column.name == name)


def _doc_blocks(folder: Path) -> dict[str, str]:
    blocks: dict[str, str] = {}
    for path in sorted(folder.glob("*.md")):
        blocks.update((name, " ".join(text.split())) for name, text in _DOC_BLOCK.findall(path.read_text()))
    return blocks


def _render(text: str, blocks: dict[str, str]) -> str:
    """A description as dbt renders it: each {{ doc('name') }} replaced by its block, whitespace folded."""
    return " ".join(_DOC_CALL.sub(lambda match: blocks[match.group(1)], text or "").split())


def published_tables(folder: Path = PUBLISHED_DIR) -> list[PublishedTable]:
    """Every published model, as its reporting table (the model's alias), in the order of its YAML."""
    blocks = _doc_blocks(folder)
    tables = []
    for path in sorted(folder.glob("*.yml")):
        for model in yaml.safe_load(path.read_text()).get("models", []):
            columns = [PublishedColumn(name=column["name"], data_type=column["data_type"],
                                       description=_render(column.get("description", ""), blocks),
                                       meta=column.get("config", {}).get("meta", {}))
                       for column in model["columns"]]
            tables.append(PublishedTable(name=model["name"].removeprefix("published__"),
                                         description=_render(model["description"], blocks),
                                         grain=model["config"]["meta"]["grain"],
                                         never_empty=model["config"]["meta"].get("never_empty", False),
                                         columns=columns))
    return sorted(tables, key=lambda table: table.name)


# ------------------------------------------------------------------------------------------------ dictionary
def _notes(column: PublishedColumn) -> str:
    """Where its codes are named, or when it is null, in words."""
    if column.code_list:
        return f"codes named in `labels` where code_list = {column.code_list}"
    if "status_of" in column.meta:
        return f"status of `{column.meta['status_of']}`"
    if not column.suppressed_with:
        return ""
    counts = ", ".join(f"`{count}`" for count in column.suppressed_with)
    public = f" (public when {column.meta['public_when']})" if "public_when" in column.meta else ""
    return f"a count below the threshold: {counts}{public}"


def data_dictionary(tables: list[PublishedTable]) -> str:
    lines = ["# Data dictionary: the `reporting` schema",
             "",
             "Generated from `dbt_project/models/published/*.yml` by `python -m equality.published_schema`; do not",
             "edit by hand. The same descriptions are the PostgreSQL comments on every table and column of",
             "`reporting` (BI tools show them), and the same YAML builds the tables and their expectation suites.",
             "",
             "**Reading the tables.** A value withheld is null, never zero, and the status column of its measure",
             "family says why, always in one vocabulary:",
             "",
             "| status | the value is | because |",
             "|---|---|---|",
             "| `published` | shown | it can be computed from counts at or above the threshold (and its period, where the table has one, is complete) |",
             "| `incomplete_period` | shown | the period lacks months of data: do not compare it with complete ones |",
             "| `suppressed` | null | a count it is computed from is below the suppression threshold (10 unless `EQUALITY_SUPPRESSION_THRESHOLD` says otherwise) |",
             "| `not_estimable` | null | its counts are shown, but it cannot be computed (no events or no denominator on a side) |",
             "| `not_applicable` | null | the measure has no meaning in this row |",
             "",
             "Numbers are rounded to the scale of their type: `numeric(14,2)` is 2 decimal places (rates per 1,000",
             "and ratios), `numeric(14,3)` 3 (shares). Rows with `is_total` true add up other rows of the table",
             "(the force, 'All'): sum only rows where it is false. Definitions of every figure:",
             "[methodology.md](methodology.md). Codes are lower_snake_case and named in `labels` (join on",
             "`code_list` and `code`).",
             ""]
    lines += ["| table | what it holds | columns |", "|---|---|---|"]
    lines += [f"| [`{table.name}`](#{table.name}) | {table.description.split('. ')[0]} | {len(table.columns)} |"
              for table in tables]
    for table in tables:
        grain = " × ".join(f"`{column}`" for column in table.grain)
        lines += ["", f"## {table.name}", "", table.description, "", f"One row per {grain}.", "",
                  "| column | type | description | codes, or null when |", "|---|---|---|---|"]
        lines += [f"| `{column.name}` | {column.data_type} | {column.description.replace('|', '/')} | "
                  f"{_notes(column)} |" for column in table.columns]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------------------ suites
def _unexpected_rows(query: str, description: str, column: str, why: str) -> dict:
    return {"type": "unexpected_rows_expectation", "description": description,
            "kwargs": {"unexpected_rows_query": query}, "meta": {"why": why, "column": column}}


def expectation_suite(table: PublishedTable) -> dict:
    """The published table's suite: no small count shown, nothing shown that is computed from a suppressed
    count, and every status in the vocabulary and true to its value."""
    names = {column.name for column in table.columns}
    unique = ({"type": "expect_compound_columns_to_be_unique", "kwargs": {"column_list": table.grain}}
              if len(table.grain) > 1 else
              {"type": "expect_column_values_to_be_unique", "kwargs": {"column": table.grain[0]}})
    expectations: list[dict] = [{"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1},
                                 "meta": {"why": "an empty publication would blank every dashboard"}}
                                ] if table.never_empty else []
    expectations.append({**unique, "meta": {"why": "the table's grain: one row per " + ", ".join(table.grain)}})
    expectations += [{"type": "expect_column_values_to_be_between",
                      "kwargs": {"column": column.name, "min_value": {"$PARAMETER": "suppression_threshold"}},
                      "meta": {"why": "small counts are suppressed (null), never shown"}}
                     for column in table.columns if column.is_count]
    computed: dict[tuple[str, ...], list[str]] = {}
    for column in table.columns:
        published_counts = tuple(count for count in column.suppressed_with if count in names)
        if not column.is_count and published_counts and "public_when" not in column.meta:
            computed.setdefault(published_counts, []).append(column.name)
    for counts, values in computed.items():
        shown = " or ".join(f"{value} is not null" for value in values)
        hidden = " or ".join(f"{count} is null" for count in counts)
        expectations.append(_unexpected_rows(
            f"select * from {{batch}} where ({shown}) and ({hidden})",
            f"{', '.join(values)} shown only with {', '.join(counts)}", values[0],
            "a figure computed from a suppressed count would reveal it"))
    for column in table.columns:
        if "status_of" not in column.meta:
            continue
        expectations.append({"type": "expect_column_values_to_be_in_set",
                             "kwargs": {"column": column.name, "value_set": list(STATUSES)},
                             "meta": {"why": "one status vocabulary in every published table"}})
        expectations.append({"type": "expect_column_values_to_not_be_null", "kwargs": {"column": column.name},
                             "meta": {"why": "every value says whether it is shown"}})
        headline = column.meta["status_of"]
        shown = ", ".join(f"'{status}'" for status in SHOWN_STATUSES)
        expectations.append(_unexpected_rows(
            f"select * from {{batch}} where ({column.name} in ({shown})) <> ({headline} is not null)",
            f"{headline} is shown exactly when {column.name} says so", column.name,
            "a value withheld is null and its status says why; a value shown says published"))
    return {"name": f"marts_published_{table.name}",
            "meta": {"schema": "reporting_candidate", "table": table.name,
                     "description": "What BI will read, generated from the published model's YAML by "
                                    "equality.published_schema: one row per grain, no count below the suppression "
                                    "threshold shown, nothing computed from one, every status true to its value."},
            "expectations": expectations}


def suite_text(table: PublishedTable) -> str:
    return suite_json(expectation_suite(table))


def write_all(folder: Path = PUBLISHED_DIR, dictionary: Path = DATA_DICTIONARY,
              expectations_dir: Path = EXPECTATIONS_DIR) -> list[Path]:
    """Rewrite the data dictionary and every published suite; return the files written."""
    tables = published_tables(folder)
    dictionary.write_text(data_dictionary(tables))
    return [dictionary, *write_suites(expectations_dir, "marts_published_*.json", map(expectation_suite, tables))]


if __name__ == "__main__":
    for path in write_all():
        print(path.relative_to(REPO_ROOT))
