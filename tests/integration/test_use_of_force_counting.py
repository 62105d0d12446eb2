"""Use of force's counting rules on hand-written forms, loaded into a real warehouse and built with real dbt.

Subjects, incidents and reports are different units: two officers on one person in one incident are two
reports, one subject, one incident; a Taser drawn by one officer and fired by another counts once, as fired; a
month delivered again replaces its earlier version, and a report delivered again in a later month's file
replaces its earlier delivery.
"""

from __future__ import annotations

import pytest

from equality import transform
from equality.config import SEEDS_DIR
from equality.ingest import delivered_files, load_files
from equality.pseudonymise import hmac_sha256_hex
from equality.schema import bootstrap
from equality.sources.use_of_force.contracts import USE_OF_FORCE_REPORTS
from equality.warehouse import connect
from extract_files import contract_row

pytestmark = pytest.mark.slow

KEY = b"use-of-force-counting-test-key-0123456789"
FALSE_FLAGS = {column.header: "false" for column in USE_OF_FORCE_REPORTS.columns if column.kind == "boolean"}
REPORT = FALSE_FLAGS | dict(
    report_id="R-1", incident_id="I-1", subject_id="S-1", officer_id="O-1", team="BIR-RESP-1",
    incident_at="2024-05-10T22:30:00+00:00", lpu_code="BIR", place_type="STREET_HIGHWAY",
    perceived_ethnicity="BLACK", self_defined_ethnicity="B1", sex="M", age_band="AGE_25_34",
    reason_effect_arrest="true", tactic_handcuffing_non_compliant="true", ced_highest_use="NONE",
    outcome="ARRESTED", body_worn_video_on="true", stop_search_record_id="SS-1", custody_detention_id="")


def report(**values: str) -> str:
    return contract_row(USE_OF_FORCE_REPORTS, REPORT, values)


def deliver(folder, month: str, rows: list[str]):
    folder.mkdir(exist_ok=True)
    header = ",".join(column.header for column in USE_OF_FORCE_REPORTS.columns)
    (folder / f"use_of_force_{month}.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


def load_and_build(url: str, folder, work_dir) -> None:
    with connect(url, autocommit=True) as conn:
        bootstrap(conn)
        load_files(conn, delivered_files([folder]), key=KEY, seeds_dir=SEEDS_DIR)
    transform.run_dbt(url, "build", "--quiet", "--select", "+int_use_of_force_subjects", "fct_use_of_force_report",
                      "fct_use_of_force_subject", "--indirect-selection", "cautious", work_dir=work_dir)


def hashed(value: str) -> str:
    return hmac_sha256_hex(KEY, value)


def subjects(url: str) -> dict[tuple[str, str], tuple]:
    with connect(url) as conn:
        rows = conn.execute("""select incident_id, subject_id, reports, officers, ced_highest_use_code,
                                      has_tactic_handcuffing_non_compliant, has_tactic_ground_restraint,
                                      reports_with_body_worn_video, stop_search_record_id
                               from marts.fct_use_of_force_subject""").fetchall()
    return {(row[0], row[1]): row[2:] for row in rows}


def report_count(url: str) -> int:
    with connect(url) as conn:
        return conn.execute("select count(*) from marts.fct_use_of_force_report").fetchone()[0]


@pytest.fixture(scope="module")
def first_night(module_warehouse_url, module_dbt_work_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("uof") / "landing"
    deliver(folder, "2024-05", [
        # two officers on one person: a Taser drawn by one, fired by the other; one put them on the ground
        report(),
        report(report_id="R-2", officer_id="O-2", ced_highest_use="DRAWN", tactic_ground_restraint="true",
               body_worn_video_on="false"),
        report(report_id="R-3", officer_id="O-3", ced_highest_use="FIRED", tactic_handcuffing_non_compliant="false"),
        # the same subject id in another incident is another subject
        report(report_id="R-4", incident_id="I-2", incident_at="2024-05-20T10:00:00+00:00", stop_search_record_id=""),
    ])
    load_and_build(module_warehouse_url, folder, module_dbt_work_dir)
    return {"url": module_warehouse_url, "folder": folder, "subjects": subjects(module_warehouse_url),
            "reports": report_count(module_warehouse_url)}


def test_officers_on_one_person_are_one_subject_one_incident_and_a_report_each(first_night):
    subject = first_night["subjects"][hashed("I-1"), hashed("S-1")]
    reports, officers = subject[:2]
    assert (reports, officers) == (3, 3)
    assert len(first_night["subjects"]) == 2                              # I-1/S-1 and I-2/S-1
    assert len({incident for incident, _ in first_night["subjects"]}) == 2
    assert first_night["reports"] == 4


def test_a_tactic_counts_once_per_subject_and_the_taser_at_its_highest_use(first_night):
    _, _, ced, handcuffing, ground, with_video, search = first_night["subjects"][hashed("I-1"), hashed("S-1")]
    assert ced == "FIRED"                     # drawn by one officer, fired by another: once, as fired
    assert handcuffing is True and ground is True
    assert with_video == 2 and search == hashed("SS-1")
    assert first_night["subjects"][hashed("I-2"), hashed("S-1")][2] == "NONE"


def test_a_corrected_redelivery_replaces_the_earlier_version(first_night, module_dbt_work_dir):
    url, folder = first_night["url"], first_night["folder"]
    # May again, corrected: R-3 was never fired (the Taser was arced), R-4 was written in error
    deliver(folder, "2024-05", [
        report(),
        report(report_id="R-2", officer_id="O-2", ced_highest_use="DRAWN", tactic_ground_restraint="true",
               body_worn_video_on="false"),
        report(report_id="R-3", officer_id="O-3", ced_highest_use="ARCED", tactic_handcuffing_non_compliant="false"),
    ])
    # June's file brings R-2 again, completed late: its officer's camera was on after all
    deliver(folder, "2024-06", [
        report(report_id="R-2", officer_id="O-2", ced_highest_use="DRAWN", tactic_ground_restraint="true"),
        report(report_id="R-5", incident_id="I-3", subject_id="S-9", incident_at="2024-06-02T09:00:00+00:00",
               stop_search_record_id=""),
    ])
    load_and_build(url, folder, module_dbt_work_dir)
    after = subjects(url)
    assert set(after) == {(hashed("I-1"), hashed("S-1")), (hashed("I-3"), hashed("S-9"))}
    reports, officers, ced, _, _, with_video, _ = after[hashed("I-1"), hashed("S-1")]
    assert (reports, officers, ced, with_video) == (3, 3, "ARCED", 3)
    assert report_count(url) == 4
    with connect(url) as conn:
        statuses = conn.execute("select extract_key, status from audit.loads where source = 'use_of_force_reports' "
                                "order by load_id").fetchall()
    assert statuses == [("2024-05", "superseded"), ("2024-05", "loaded"), ("2024-06", "loaded")]
