"""Use of force: the force's use-of-force forms (Home Office Annual Data Requirement), one report per officer,
person and incident, linked to the stop-searches and detentions the force was used in."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from equality.sources import Delivery, Source
from equality.sources.use_of_force.code_lists import CODE_LISTS
from equality.sources.use_of_force.contracts import CONTRACTS
from equality.sources.use_of_force.headline import headline


def demo(landing: Path, earlier: Mapping[str, Delivery]) -> Delivery:
    """Two financial years of forms with the injected disparities and outliers, linked to the demo's searches and
    detentions."""
    from equality.sources.use_of_force.synthetic import demo_scenario, generate_use_of_force

    forms = generate_use_of_force(
        demo_scenario(), landing,
        stop_search_files=[path for path in earlier["stop_search"].files if path.name.startswith("stop_search_")],
        custody_files=list(earlier["custody"].files))
    return Delivery(tuple(forms.files), f"{forms.row_count:,} use-of-force reports")


SOURCE = Source(
    name="use_of_force",
    contracts=CONTRACTS,
    code_lists=CODE_LISTS,
    links_to=("stop_search", "custody"),
    demo=demo,
    headline=headline,
)
