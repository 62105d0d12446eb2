"""Every check a model's YAML declares runs, in one dbt test per model (meets_its_checks).

dbt spends about 50 ms of its own on each test node whatever the data, so the column checks (not_null, unique,
accepted values, ranges, intervals) are declared in the columns' meta and run by one test per model, not one node
per check. A model that declared checks without that test would never be checked; these tests catch it from the
YAML alone, before any build."""

from __future__ import annotations

from pathlib import Path

import yaml

DBT_PROJECT = Path(__file__).resolve().parents[2] / "dbt_project"
COLUMN_CHECKS = {"not_null", "unique", "non_negative", "between", "accepted_values", "inside_its_interval",
                 "reference_ratio_is_one"}
# dbt's own column tests, and ours before meets_its_checks: each would cost a node per column.
PER_CHECK_TESTS = COLUMN_CHECKS | {"one_row_per_grain"}


def declared_nodes() -> list[tuple[str, dict]]:
    """Every model and seed the project's YAML declares, with its file's layer ('published', 'marts', 'seeds'...)."""
    nodes = []
    paths = [*(DBT_PROJECT / "models").glob("**/*.yml"), *(DBT_PROJECT / "seeds").glob("*.yml")]
    for path in sorted(paths):
        document = yaml.safe_load(path.read_text()) or {}
        layer = path.relative_to(DBT_PROJECT).parts[1] if path.parent != DBT_PROJECT / "seeds" else "seeds"
        for node in [*document.get("models", []), *document.get("seeds", [])]:
            nodes.append((layer, node))
    return nodes


def declared_tests(tests: list | None) -> list[str]:
    return [test if isinstance(test, str) else next(iter(test)) for test in tests or []]


def column_checks(node: dict) -> dict[str, list]:
    return {column["name"]: column["meta"]["checks"] for column in node.get("columns") or []
            if (column.get("meta") or {}).get("checks")}


def model_checks(node: dict) -> dict:
    return {key: value for key, value in ((node.get("config") or {}).get("meta") or {}).items()
            if key in ("grain", "checks")}


def unchecked(nodes: list[tuple[str, dict]]) -> list[str]:
    """The models and seeds that declare checks (below the published layer, whose grain its GX suite checks)
    but do not run meets_its_checks."""
    return [node["name"] for layer, node in nodes
            if layer != "published" and (column_checks(node) or model_checks(node))
            and "meets_its_checks" not in declared_tests(node.get("data_tests"))]


def test_every_model_that_declares_checks_runs_them():
    nodes = declared_nodes()
    assert len([name for layer, node in nodes for name in declared_tests(node.get("data_tests"))
                if name == "meets_its_checks"]) > 150
    assert unchecked(nodes) == []


def test_the_guard_names_a_model_whose_checks_would_not_run():
    node = {"name": "mart_x", "columns": [{"name": "searches", "meta": {"checks": ["not_null"]}}]}
    keyed = {"name": "int_x", "config": {"meta": {"grain": ["month_start"]}}}
    assert unchecked([("marts", node), ("intermediate", keyed), ("published", {**keyed, "name": "published__x"})]) == [
        "mart_x", "int_x"]


def test_no_check_costs_a_test_node_of_its_own():
    per_check = [f"{node['name']}: {name}" for _, node in declared_nodes()
                 for tests in [node.get("data_tests"), *[column.get("data_tests") for column in node.get("columns") or []]]
                 for name in declared_tests(tests) if name in PER_CHECK_TESTS]
    assert per_check == []


def test_every_declared_check_is_one_meets_its_checks_knows():
    unknown = [f"{node['name']}.{column}: {check}" for _, node in declared_nodes()
               for column, checks in column_checks(node).items() for check in checks
               if (check if isinstance(check, str) else next(key for key in check if key != "quote")) not in COLUMN_CHECKS]
    unknown += [f"{node['name']}: {check}" for _, node in declared_nodes()
                for check in model_checks(node).get("checks", []) if not (isinstance(check, dict) and set(check) == {"unique"})]
    assert unknown == []
