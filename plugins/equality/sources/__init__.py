"""The sources the warehouse takes in, each a package of this one that exposes ``SOURCE``.

A source's package holds its contracts, the code lists only it uses, its demo night and its headline. The
registry below is what every engine reads: ingest and bootstrap take the contracts from it, the DAG maps load
and raw validation over its names, ``equality demo`` writes each source's demo night and prints each headline.
Adding a source is adding a package here, with its seeds and dbt models: no engine, DAG or CLI file changes.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Callable, Mapping

import psycopg

from equality.contracts import CONFORMED_CODE_LISTS, CodeList, SourceContract


@dataclass(frozen=True)
class Delivery:
    """What a source's demo night wrote into the landing folder."""

    files: tuple[Path, ...]
    description: str  # for the demo's progress line: "1,234 searches"


@dataclass(frozen=True)
class Source:
    """One source system's extracts, as the pipeline knows them.

    name: the source's name in the DAG's mapped tasks and in ``audit.run_stages`` ('load custody').
    contracts: its kinds of file, in load order (a contract's row checks may read the raw tables of the
        contracts before it, never those of another source, so sources load side by side).
    code_lists: the code lists only this source's contracts use (the conformed ones are in
        ``equality.contracts.CONFORMED_CODE_LISTS``).
    links_to: the sources whose records this one's records name (a complaint's stop-search record): their demo
        nights are written first and handed to this one's ``demo``.
    demo: writes the source's demo night into a landing folder, given the deliveries of ``links_to``.
    headline: the source's headline for ``equality demo``, read from ``reporting`` only.
    """

    name: str
    contracts: tuple[SourceContract, ...]
    demo: Callable[[Path, Mapping[str, Delivery]], Delivery]
    headline: Callable[[psycopg.Connection], str]
    code_lists: Mapping[str, CodeList] = field(default_factory=dict)
    links_to: tuple[str, ...] = ()


@cache
def registry() -> tuple[Source, ...]:
    """Every source, each after the sources it links to (then by name)."""
    found = {}
    for module in pkgutil.iter_modules(__path__):
        if module.ispkg:
            source = importlib.import_module(f"{__name__}.{module.name}").SOURCE
            found[source.name] = source
    ordered: list[Source] = []
    while len(ordered) < len(found):
        ready = [source for name, source in sorted(found.items()) if source not in ordered
                 and all(found[linked] in ordered for linked in source.links_to)]
        if not ready:
            raise ValueError(f"sources link to each other in a circle: {sorted(set(found) - {s.name for s in ordered})}")
        ordered.append(ready[0])
    return tuple(ordered)


def by_name(name: str) -> Source:
    for source in registry():
        if source.name == name:
            return source
    raise KeyError(f"no source named {name!r}; the sources are {[source.name for source in registry()]}")


def contracts() -> tuple[SourceContract, ...]:
    """Every contract, source by source in registry order."""
    return tuple(contract for source in registry() for contract in source.contracts)


def contract_for(file_name: str) -> SourceContract | None:
    """The contract whose file pattern matches this file name, if any."""
    for contract in contracts():
        if contract.extract_key(file_name) is not None:
            return contract
    return None


def source_of(contract: SourceContract) -> Source:
    return next(source for source in registry() if contract in source.contracts)


def code_list_named(name: str) -> CodeList:
    """A code list by name: a conformed one, or one of a source's own."""
    if name in CONFORMED_CODE_LISTS:
        return CONFORMED_CODE_LISTS[name]
    for source in registry():
        if name in source.code_lists:
            return source.code_lists[name]
    raise KeyError(f"no code list named {name!r}")
