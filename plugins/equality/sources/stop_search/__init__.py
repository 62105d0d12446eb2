"""Stop and search: the force's nightly extract, the public police.uk files and the Home Office rates table."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from equality.contracts import CodeList
from equality.sources import Delivery, Source
from equality.sources.stop_search.contracts import (FORCE_STOP_SEARCH, HOME_OFFICE_STOP_SEARCH_RATES,
                                                    POLICE_UK_STOP_SEARCH)
from equality.sources.stop_search.headline import headline


def demo(landing: Path, earlier: Mapping[str, Delivery]) -> Delivery:
    """Nine financial years of searches (so rolling windows and the Census 2011/2021 switch are all shown)."""
    from datetime import date

    from equality.sources.stop_search.synthetic import Scenario, generate

    extract = generate(Scenario(seed=2026, start=date(2016, 4, 1), end=date(2025, 3, 31)), landing)
    return Delivery(tuple(extract.files), f"{extract.row_count:,} searches")


SOURCE = Source(
    name="stop_search",
    contracts=(FORCE_STOP_SEARCH, POLICE_UK_STOP_SEARCH, HOME_OFFICE_STOP_SEARCH_RATES),
    code_lists={
        "age_range": CodeList("age_range_source_values.csv", "source_value"),
        "legislation": CodeList("legislation_source_values.csv", "source_value"),
        "object_of_search": CodeList("object_of_search_source_values.csv", "source_value"),
        "outcome": CodeList("outcome_source_values.csv", "source_value"),
    },
    demo=demo,
    headline=headline,
)
