"""HR: the workforce snapshot, its events (joiners, leavers, promotions, specialist moves), recruitment and
promotion processes, and vetting."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from equality.contracts import CodeList, code_lists_in
from equality.sources import Delivery, Source
from equality.sources.hr.contracts import HR_EVENTS, HR_PEOPLE, HR_PROCESS_STAGES, HR_VETTING
from equality.sources.hr.headline import headline

# A force the size of West Midlands Police (Home Office police workforce tables, 30 September 2019: 6,546
# officers by headcount), so the workforce headline has numbers large enough to publish.
DEMO_WORKFORCE = {"OFFICER": 6_500, "STAFF": 3_700, "PCSO": 450, "SPECIAL": 300}


def demo(landing: Path, earlier: Mapping[str, Delivery]) -> Delivery:
    from equality.sources.hr.synthetic import demo_scenario, generate_workforce

    extract = generate_workforce(demo_scenario(initial_headcount=DEMO_WORKFORCE), landing)
    return Delivery(tuple(extract.files), f"{extract.row_count:,} HR rows")


SOURCE = Source(
    name="hr",
    contracts=(HR_PEOPLE, HR_EVENTS, HR_PROCESS_STAGES, HR_VETTING),
    code_lists={
        "rank_grade": CodeList("rank_grades.csv", "rank_grade_code", None),
        "department": CodeList("departments.csv", "department_code", None),
        "process_stage": CodeList("process_stages.csv", "stage_code", None),
        **code_lists_in("hr_codes.csv", "workforce_type", "event_type", "leaver_reason", "process_type",
                        "stage_outcome", "vetting_level", "vetting_outcome"),
    },
    demo=demo,
    headline=headline,
)
