"""Custody: one row per detention, from arrival at a custody suite to release."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from equality.contracts import CodeList
from equality.sources import Delivery, Source
from equality.sources.custody.contracts import CUSTODY_DETENTIONS
from equality.sources.custody.headline import headline


def demo(landing: Path, earlier: Mapping[str, Delivery]) -> Delivery:
    """Two financial years of detentions, with scenario A's injected disparities."""
    from datetime import date

    from equality.sources.custody.synthetic import generate_custody, scenario_a

    extract = generate_custody(scenario_a(start=date(2023, 4, 1), end=date(2025, 3, 31)), landing)
    return Delivery(tuple(extract.files), f"{extract.row_count:,} detentions")


SOURCE = Source(
    name="custody",
    contracts=(CUSTODY_DETENTIONS,),
    code_lists={
        "offence_group": CodeList("offence_group_source_values.csv", "source_value"),
        "custody_disposal": CodeList("custody_disposal_source_values.csv", "source_value"),
        "court": CodeList("court_source_values.csv", "source_value"),
    },
    demo=demo,
    headline=headline,
)
