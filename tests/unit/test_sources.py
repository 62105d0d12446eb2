"""The registry of sources: what ingest, the DAG and the demo read to know the sources."""

from __future__ import annotations

import os
import subprocess
import sys

from equality.sources import by_name, code_list_named, contract_for, contracts, registry


def test_every_source_package_is_found_and_follows_the_sources_it_links_to():
    names = [source.name for source in registry()]
    assert set(names) >= {"stop_search", "custody", "hr", "complaints"}
    for source in registry():
        assert all(names.index(linked) < names.index(source.name) for linked in source.links_to), source.name


def test_each_contract_belongs_to_one_source_and_names_its_own_raw_table():
    every = contracts()
    assert len({contract.name for contract in every}) == len(every)
    assert len({contract.raw_table for contract in every}) == len(every)
    assert by_name("custody").contracts == tuple(contract for contract in every if contract.raw_table == "custody_detentions")


def test_every_coded_column_names_a_code_list_a_source_or_the_conformed_dimensions_define():
    for contract in contracts():
        for column in contract.columns:
            if column.code_list:
                assert code_list_named(column.code_list).seed, (contract.name, column.name)


def test_a_file_name_finds_its_contract_and_an_unknown_one_none():
    assert contract_for("custody_2024-05-01.csv").raw_table == "custody_detentions"
    assert contract_for("2024-05-west-midlands-stop-and-search.csv").raw_table == "police_uk_stop_search"
    assert contract_for("notes.csv") is None


def test_production_code_imports_no_synthetic_generator():
    """Ingest, the nightly run, validation, transform, publish and the registry never load a generator or the
    toolkit: only ``Source.demo``, ``equality generate``, ``equality bench`` and tests do, inside a function."""
    production = ["equality.ingest", "equality.nightly", "equality.orchestration", "equality.validation",
                  "equality.transform", "equality.publish", "equality.raw_suites", "equality.cli"]
    script = (f"import sys, importlib\nfor name in {production!r}:\n    importlib.import_module(name)\n"
              "import equality.sources\nequality.sources.registry()\n"
              "print(sorted(m for m in sys.modules if m.endswith('.synthetic') or m.endswith('synthetic_toolkit')))")
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}).stdout.strip()
    assert loaded == "[]"
