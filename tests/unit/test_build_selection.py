"""What a night's dbt build builds: everything for a new project, nothing when nothing changed, else what is
downstream of the raw tables that changed. The build itself runs in tests/integration/test_nightly_end_to_end.py."""

from __future__ import annotations

import shutil

from equality.config import DBT_PROJECT_DIR
from equality.transform import project_digest, selection


def test_a_first_build_or_a_changed_project_builds_everything():
    assert selection(None, "project-a", {"force_stop_search"}) is None
    assert selection("project-a", "project-b", set()) is None


def test_the_same_project_builds_what_is_downstream_of_each_changed_raw_table_or_nothing():
    assert selection("project-a", "project-a", {"hr_people", "force_stop_search"}) == [
        "source:raw.force_stop_search+", "source:raw.hr_people+"]
    assert selection("project-a", "project-a", set()) == []


def test_the_project_digest_follows_every_file_that_builds_and_no_file_dbt_writes(tmp_path):
    project = tmp_path / "dbt_project"
    shutil.copytree(DBT_PROJECT_DIR, project, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages", ".*"))
    digest = project_digest(project)
    assert project_digest(project) == digest

    (project / "target").mkdir()
    (project / "target" / "manifest.json").write_text("{}")
    (project / ".user.yml").write_text("id: 5f0c2d9e\n")  # what a first dbt run leaves beside profiles.yml
    assert project_digest(project) == digest

    seed = next((project / "seeds").glob("*.csv"))
    seed.write_text(seed.read_text() + "\n")
    assert project_digest(project) != digest
