"""The test modules that build in their module database from one dbt work folder (``module_dbt_work_dir``) run in
one test process (``SHARED_SET_UPS``), so dbt parses the project once for them: a module that starts to use the
folder without joining the group would parse it again in the other process, silently."""

from __future__ import annotations

import re
from pathlib import Path

from shared_set_ups import SHARED_SET_UPS

TESTS = Path(__file__).resolve().parents[1]
TAKES_THE_FOLDER = re.compile(r"^def \w+\([^)]*\bmodule_dbt_work_dir\b", re.MULTILINE)  # a test or fixture asking for it


def test_every_module_building_in_the_shared_dbt_folder_runs_in_its_group():
    users = {path.name for path in TESTS.glob("*/test_*.py") if TAKES_THE_FOLDER.search(path.read_text())}
    grouped = {module for module, group in SHARED_SET_UPS.items() if group == "module_dbt_work_dir"}
    assert len(users) >= 4
    assert users == grouped
