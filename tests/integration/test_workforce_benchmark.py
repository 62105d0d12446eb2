"""The Home Office's published workforce figures and the warehouse's own, side by side and computed alike.

The shipped Home Office tables (police workforce, 30 September 2019) give West Midlands Police's headcount by
workforce type but no ethnicity; mart_workforce_benchmark puts them beside the force's HR snapshot of the same
date, and one macro computes each type's share of the paid workforce for both.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date

import pytest

from equality import transform
from equality.config import SEEDS_DIR
from equality.ingest import delivered_files, load_files
from equality.schema import bootstrap
from equality.sources.hr.synthetic import demo_scenario, generate_workforce
from equality.warehouse import connect

pytestmark = pytest.mark.slow

AS_AT = date(2019, 9, 30)
PUBLISHED_HEADCOUNT = {"OFFICER": 6546, "STAFF": 3636, "PCSO": 455, "SPECIAL": 205}  # Home Office, 30 Sep 2019


@pytest.fixture(scope="module")
def benchmark(module_warehouse_url, module_dbt_work_dir, tmp_path_factory):
    landing = tmp_path_factory.mktemp("hr")
    generated = generate_workforce(demo_scenario(start=date(2019, 8, 1), end=date(2019, 9, 30),
                                                 initial_headcount={"OFFICER": 400, "STAFF": 200, "PCSO": 40,
                                                                    "SPECIAL": 20}), landing)
    with connect(module_warehouse_url, autocommit=True) as conn:
        bootstrap(conn)
        load_files(conn, delivered_files([landing]), key=b"benchmark-test-key-0123456789", seeds_dir=SEEDS_DIR)
    transform.run_dbt(module_warehouse_url, "build", "--quiet", "--select", "+mart_workforce_benchmark",
                      "--indirect-selection", "cautious",
                      work_dir=module_dbt_work_dir)
    with connect(module_warehouse_url) as conn:
        rows = conn.execute("""select workforce_type_code, home_office_value, warehouse_value,
                                      home_office_share_of_paid_workforce, warehouse_share_of_paid_workforce
                               from marts.mart_workforce_benchmark
                               where as_at = %s and measure = 'HEADCOUNT'""", (AS_AT,)).fetchall()
    snapshot = next(path for path in generated.files if path.name == f"hr_people_{AS_AT}.csv")
    return {row[0]: row[1:] for row in rows}, snapshot


def test_the_published_figures_are_the_home_office_table(benchmark):
    rows, _ = benchmark
    assert {kind: int(published) for kind, (published, *_) in rows.items()} == PUBLISHED_HEADCOUNT


def test_the_warehouse_figures_are_a_count_of_the_snapshot_of_that_date(benchmark):
    rows, snapshot = benchmark
    with open(snapshot, newline="", encoding="utf-8") as stream:
        hand = Counter(row["workforce_type"] for row in csv.DictReader(stream))
    assert {kind: int(counted) for kind, (_, counted, *_) in rows.items()} == dict(hand)


@pytest.mark.parametrize("source", [0, 1], ids=["home_office", "warehouse"])
def test_each_source_gets_the_same_share_of_the_paid_workforce(benchmark, source):
    rows, _ = benchmark
    paid = {kind: float(values[source]) for kind, values in rows.items() if kind != "SPECIAL"}
    for kind, values in rows.items():
        share = values[2 + source]
        if kind == "SPECIAL":
            assert share is None  # volunteers are not in the paid workforce
        else:
            assert float(share) == pytest.approx(paid[kind] / sum(paid.values()))
