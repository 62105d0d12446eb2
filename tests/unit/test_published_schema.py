"""The published models' YAML is the one description of reporting: the files generated from it are up to date,
and it is complete and consistent enough to generate them."""

from __future__ import annotations

import pytest

from equality.config import EXPECTATIONS_DIR
from equality.published_schema import (DATA_DICTIONARY, PUBLISHED_DIR, data_dictionary, published_tables,
                                       suite_text)

TABLES = published_tables()


def test_every_published_model_is_described_in_yaml():
    models = {path.stem.removeprefix("published__") for path in PUBLISHED_DIR.glob("published__*.sql")}
    assert {table.name for table in TABLES} == models


def test_the_committed_data_dictionary_is_generated_from_the_yaml():
    assert DATA_DICTIONARY.read_text() == data_dictionary(TABLES), "run: python -m equality.published_schema"


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_the_committed_published_suite_is_generated_from_the_yaml(table):
    path = EXPECTATIONS_DIR / f"marts_published_{table.name}.json"
    assert path.read_text() == suite_text(table), "run: python -m equality.published_schema"


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_every_column_is_described_and_its_rounding_stated(table):
    assert table.description
    for column in table.columns:
        assert column.description, column.name
        places = column.decimal_places
        if places is not None:
            assert f"{places} decimal place" in column.description, column.name
        if column.code_list:
            assert "Named in reporting.labels" in column.description, column.name


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_every_status_names_a_column_of_its_table_and_no_suppression_flag_is_left(table):
    names = {column.name for column in table.columns}
    for column in table.columns:
        if "status_of" in column.meta:
            assert column.meta["status_of"] in names and column.name.endswith("_status"), column.name
            assert column.data_type == "text"
    assert not [column.name for column in table.columns
                if column.name.startswith("is_") and column.name.endswith("_suppressed")], "flags became statuses"
