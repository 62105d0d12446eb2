"""Complaints and misconduct: cases (with the contact that led to them), allegations and proceedings."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from equality.contracts import code_lists_in
from equality.sources import Delivery, Source
from equality.sources.complaints.contracts import COMPLAINT_ALLEGATIONS, COMPLAINT_CASES, MISCONDUCT_PROCEEDINGS
from equality.sources.complaints.headline import headline


def demo(landing: Path, earlier: Mapping[str, Delivery]) -> Delivery:
    """Complaints about the demo's searches and detentions, naming the demo's officers."""
    from equality.sources.complaints.synthetic import complaints_demo_scenario, generate_complaints

    extract = generate_complaints(
        complaints_demo_scenario(), landing, stop_search_files=list(earlier["stop_search"].files),
        custody_files=list(earlier["custody"].files),
        hr_people_files=[path for path in earlier["hr"].files if path.name.startswith("hr_people_")])
    return Delivery(tuple(extract.files), f"{extract.row_count:,} complaints rows")


SOURCE = Source(
    name="complaints",
    contracts=(COMPLAINT_CASES, COMPLAINT_ALLEGATIONS, MISCONDUCT_PROCEEDINGS),
    code_lists=code_lists_in("complaint_codes.csv", "handling_route", "case_outcome", "contact_type",
                             "allegation_category", "discrimination_characteristic", "allegation_outcome",
                             "proceeding_type", "misconduct_severity", "proceeding_outcome", "sanction"),
    links_to=("stop_search", "custody", "hr"),
    demo=demo,
    headline=headline,
)
