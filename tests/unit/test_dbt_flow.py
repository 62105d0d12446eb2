"""The dbt project flows one way: sources -> staging -> intermediate -> marts -> published. A model reads its own
layer or the one below it (and seeds, the reviewed reference tables): never a layer above it, and never past the
layer below it (a mart reading staging skips the conformed rows everyone else reads)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DBT_PROJECT = Path(__file__).resolve().parents[2] / "dbt_project"
LAYERS = ("staging", "intermediate", "marts", "published")
REF = re.compile(r"""\bref\(\s*['"](\w+)['"]\s*\)""")
MACRO = re.compile(r"{%-?\s*macro\s+(\w+)\s*\(")
COMMENT = re.compile(r"{#.*?#}", re.DOTALL)


def code(path: Path) -> str:
    """A SQL file without its Jinja comments (which show refs as examples)."""
    return COMMENT.sub("", path.read_text())


def refs_through_macros() -> dict[str, set[str]]:
    """What each macro reads: a model calling the macro reads it too."""
    reads = {}
    for path in (DBT_PROJECT / "macros").glob("**/*.sql"):
        text = code(path)
        for name in MACRO.findall(text):
            reads[name] = set(REF.findall(text))
    return {name: refs for name, refs in reads.items() if refs}


def models() -> dict[str, tuple[str, set[str]]]:
    """Every model's layer (its top folder) and the models and seeds it reads."""
    macros = refs_through_macros()
    found = {}
    for path in (DBT_PROJECT / "models").glob("**/*.sql"):
        text = code(path)
        reads = set(REF.findall(text))
        for macro, refs in macros.items():
            if re.search(rf"\b{macro}\(", text):
                reads |= refs
        found[path.stem] = (path.relative_to(DBT_PROJECT / "models").parts[0], reads)
    return found


def wrong_way_refs(layers_and_reads: dict[str, tuple[str, set[str]]], seeds: set[str]) -> list[str]:
    """The refs that go up a layer or skip the layer below, as 'model (layer) -> read (layer)'."""
    wrong = []
    for model, (layer, reads) in sorted(layers_and_reads.items()):
        allowed = {layer} if layer == "staging" else {layer, LAYERS[LAYERS.index(layer) - 1]}
        for read in sorted(reads - seeds):
            read_layer = layers_and_reads[read][0]
            if read_layer not in allowed:
                wrong.append(f"{model} ({layer}) -> {read} ({read_layer})")
    return wrong


SEEDS = {path.stem for path in (DBT_PROJECT / "seeds").glob("*.csv")}


def test_every_model_is_in_a_layer_folder():
    assert {layer for layer, _ in models().values()} <= set(LAYERS)


def test_no_model_reads_up_a_layer_or_past_the_layer_below():
    assert wrong_way_refs(models(), SEEDS) == []


@pytest.mark.parametrize("model, layer, read, read_layer", [
    ("int_process_funnel", "intermediate", "fct_process_stage", "marts"),
    ("mart_stop_search_benchmark", "marts", "stg_home_office__stop_search_rates", "staging"),
    ("published__x", "published", "int_population_by_area", "intermediate"),
])
def test_the_check_names_an_upward_or_layer_skipping_ref(model, layer, read, read_layer):
    assert wrong_way_refs({model: (layer, {read}), read: (read_layer, set())}, SEEDS) == [
        f"{model} ({layer}) -> {read} ({read_layer})"]
