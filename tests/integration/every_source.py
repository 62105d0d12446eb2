"""A landing folder with two financial years of every source (searches, detentions, HR, complaints, use of force),
as one night delivers them: the smallest night that publishes every table of ``reporting``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from equality.sources.complaints.synthetic import complaints_demo_scenario, generate_complaints
from equality.sources.custody.synthetic import generate_custody, scenario_a
from equality.sources.hr.synthetic import demo_scenario, generate_workforce
from equality.sources.stop_search.synthetic import Scenario, generate
from equality.sources.use_of_force.synthetic import demo_scenario as use_of_force_scenario
from equality.sources.use_of_force.synthetic import generate_use_of_force

START, END = date(2023, 4, 1), date(2025, 3, 31)


def deliver_every_source(landing: Path, seed: int) -> None:
    searches = generate(Scenario(seed=seed, start=START, end=END), landing)
    detentions = generate_custody(scenario_a(start=START, end=END), landing)
    workforce = generate_workforce(demo_scenario(), landing)
    generate_complaints(complaints_demo_scenario(start=date(2024, 4, 1)), landing, stop_search_files=searches.files,
                        custody_files=detentions.files,
                        hr_people_files=[path for path in workforce.files if path.name.startswith("hr_people_")])
    generate_use_of_force(use_of_force_scenario(start=START, end=END, subjects_per_1000_white_per_year=0.3), landing,
                          stop_search_files=searches.files, custody_files=detentions.files)
