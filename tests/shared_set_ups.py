"""Test modules that share an expensive set-up, each group run in one process under pytest-xdist (the scheduler in
tests/conftest.py): the readers of one session's built warehouse (tests/integration/conftest.py), so it is built
once (a module left out only builds it again), and the modules that build in their module database
(``module_dbt_work_dir``), so dbt parses the project once for all of them (a module left out parses it again,
10-15 s; tests/unit/test_shared_set_ups.py keeps that group whole)."""

SHARED_SET_UPS = {"test_board_report.py": "all_sources_night", "test_complaints.py": "all_sources_night",
                  "test_custody.py": "all_sources_night", "test_disclosure_control.py": "all_sources_night",
                  "test_nightly_end_to_end.py": "all_sources_night", "test_oversight.py": "all_sources_night",
                  "test_use_of_force.py": "all_sources_night",
                  "test_workforce.py": "all_sources_night",
                  "test_celery_executor.py": "police_uk_night", "test_custody_within_stratum_gap.py": "police_uk_night",
                  "test_real_police_uk.py": "police_uk_night",
                  "test_false_discovery_control.py": "module_dbt_work_dir",
                  "test_internal_benchmark_matches_numpy.py": "module_dbt_work_dir",
                  "test_interval_macros_match_numpy.py": "module_dbt_work_dir", "test_model_checks.py": "module_dbt_work_dir",
                  "test_use_of_force_counting.py": "module_dbt_work_dir",
                  "test_workforce_benchmark.py": "module_dbt_work_dir"}
