"""A test that changes a built warehouse under its name (``copy_under_its_name``) leaves the warehouse as it was,
under its name, even when the test fails."""

from __future__ import annotations

import pytest

from equality.warehouse import connect
from nights import query
from warehouse_databases import copy_under_its_name, create_database, drop_database


@pytest.fixture
def built(server_url):
    url = create_database(server_url)
    with connect(url) as conn:
        conn.execute("create table night as select 1 as row_id")
    yield url
    drop_database(url)


def rows(url: str) -> list[int]:
    return [row_id for (row_id,) in query(url, "select row_id from night order by row_id")]


def test_a_failing_test_on_the_copy_gives_the_warehouse_back_unchanged_under_its_name(built):
    with pytest.raises(RuntimeError, match="the test failed"):
        with copy_under_its_name(built) as copy:
            assert copy == built and rows(copy) == [1]
            with connect(copy) as conn:
                conn.execute("insert into night values (2)")
            assert rows(copy) == [1, 2]
            raise RuntimeError("the test failed")
    assert rows(built) == [1]
