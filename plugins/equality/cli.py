"""The ``equality`` command: the warehouse, synthetic extracts, the nightly run, the demo and the benchmark."""

from __future__ import annotations

import argparse
import json
import logging
import os
import secrets
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from equality.config import Settings

BI_LOGIN = "equality_bi_reader"


def _settings() -> Settings:
    return Settings.from_env()


def cmd_warehouse(args: argparse.Namespace) -> int:
    from equality.warehouse import embedded, redact, warehouse_url

    settings = _settings()
    if args.action == "start":
        print(redact(warehouse_url(settings)))
    elif args.action == "url":
        print(warehouse_url(settings) if args.show_password else redact(warehouse_url(settings)))
    elif args.action == "stop":
        if settings.warehouse_url:
            print("WAREHOUSE_URL is set: an external warehouse is not stopped by this command.")
        else:
            embedded(settings).stop()
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from equality.synthetic import Scenario, generate

    scenario = Scenario(seed=args.seed, start=date.fromisoformat(args.start), end=date.fromisoformat(args.end))
    extract = generate(scenario, Path(args.out))
    print(f"{extract.row_count} rows in {len(extract.files)} files under {args.out}")
    return 0


def run_dag(landing: Path, settings: Settings) -> str:
    """Run the nightly DAG once, in this process, through Airflow (dag.test): a real run, no scheduler."""
    from equality.orchestration import DAG_ID, prepare_airflow

    prepare_airflow(settings)
    from airflow.dag_processing.dagbag import DagBag

    from equality.config import DAGS_DIR

    dag_bag = DagBag(dag_folder=str(DAGS_DIR))
    if dag_bag.import_errors:
        raise SystemExit(f"DAG import errors: {dag_bag.import_errors}")
    dag = dag_bag.dags[DAG_ID]
    dag_run = dag.test(run_conf={"landing_dir": str(landing)})
    return str(dag_run.state)


def cmd_nightly(args: argparse.Namespace) -> int:
    settings = _settings()
    state = run_dag(Path(args.landing).resolve(), settings)
    print(f"equality_nightly finished: {state}")
    return 0 if state == "success" else 1


def _shown(value, pattern: str) -> str:
    """A published figure as text; a suppressed one (null) says so rather than showing a blank or zero."""
    if value is None:
        return "suppressed"
    return format(int(value) if pattern.endswith("d") else value, pattern)


def _with_interval(value, low, high) -> str:
    return "suppressed" if value is None or low is None else f"{value:.2f} ({low:.2f}-{high:.2f})"


def headline(url: str) -> str:
    """The latest complete rolling 12 months, force area, self-defined broad groups, from reporting."""
    from equality.warehouse import connect

    with connect(url) as conn:
        rows = conn.execute("""
            select ethnic_group, searches, population, rate_per_1000, rate_ratio, rate_ratio_lower_95,
                   rate_ratio_upper_95, not_stated_share, period_start, period_end
            from reporting.stop_search_disproportionality
            where period_type = 'rolling_12_months' and area_code = 'FORCE' and legislation_group = 'All'
              and ethnicity_basis = 'self-defined' and ethnicity_level = 'broad'
              and period_start = (select max(period_start) from reporting.stop_search_disproportionality
                                  where period_type = 'rolling_12_months' and is_complete_period)
            order by rate_per_1000 desc nulls last""").fetchall()
    if not rows:
        return "(no complete rolling 12-month period published yet)"

    last_month = rows[0][9] - timedelta(days=1)
    period = f"{rows[0][8]:%B %Y} to {last_month:%B %Y}"
    lines = [f"Stop and search, West Midlands force area, rolling 12 months {period}",
             f"{'ethnic group':<12} {'searches':>9} {'population':>11} {'per 1,000':>10} "
             f"{'ratio vs White (95% CI)':>26}"]
    for group, searches, population, rate, ratio, low, high, _, _, _ in rows:
        lines.append(f"{group:<12} {_shown(searches, ',d'):>9} {population:>11,d} {_shown(rate, '.2f'):>10} "
                     f"{_with_interval(ratio, low, high):>26}")
    lines.append(f"Ethnicity not stated on {_shown(rows[0][7], '.1%')}"
                 " of searches (ratios if all of them belonged to the group or to White: see the mart).")
    return "\n".join(lines)


def custody_headline(url: str) -> str:
    """Charge versus no further action in the latest complete financial year: crude and adjusted ratios."""
    from equality.warehouse import connect

    with connect(url) as conn:
        rows = conn.execute("""
            select ethnic_group, eligible_detentions, decision_share, crude_ratio, crude_ratio_lower_95,
                   crude_ratio_upper_95, adjusted_ratio, adjusted_ratio_lower_95, adjusted_ratio_upper_95,
                   share_of_gap_explained, period_start
            from reporting.custody_outcomes
            where period_type = 'financial_year' and area_code = 'FORCE' and age_group = 'All'
              and decision = 'charge_vs_no_further_action' and ethnicity_basis = 'self-defined'
              and period_start = (select max(period_start) from reporting.custody_rates
                                  where period_type = 'financial_year' and is_complete_period)
            order by crude_ratio desc nulls last""").fetchall()
    if not rows:
        return "(no custody outcomes published yet)"

    year = rows[0][10]
    lines = [f"Custody, charged rather than no further action, financial year {year.year}/{(year.year + 1) % 100:02d}",
             f"{'ethnic group':<12} {'decisions':>9} {'charged':>8} {'crude ratio (95% CI)':>22} "
             f"{'adjusted for offence and age':>29} {'gap explained':>14}"]
    for group, pool, share, crude, crude_low, crude_high, adjusted, adj_low, adj_high, explained, _ in rows:
        lines.append(f"{group:<12} {_shown(pool, ',d'):>9} "
                     f"{_shown(share, '.1%'):>8} {_with_interval(crude, crude_low, crude_high):>22} "
                     f"{_with_interval(adjusted, adj_low, adj_high):>29} "
                     f"{'' if explained is None else format(explained, '.0%'):>14}")
    return "\n".join(lines)


def workforce_headline(url: str) -> str:
    """Officers by broad ethnic group: representation at the latest month end, then recruitment, promotion,
    leaving and vetting in the latest financial year the data covers, each against White officers."""
    from equality.warehouse import connect

    with connect(url) as conn:
        rows = conn.execute("""
            with latest as (
                select max(month_end) as month_end from reporting.workforce_representation
            ),
            representation as (
                select group_code, share_of_disclosed, benchmark_share, representation_ratio, gap_in_people, month_end,
                       is_reference_group
                from reporting.workforce_representation
                where month_end = (select month_end from latest) and workforce_type_code = 'OFFICER'
                  and breakdown = 'force' and characteristic = 'ethnicity' and is_disclosed
            ),
            year as (
                select max(financial_year_start) as financial_year_start from reporting.recruitment_funnel
                where process_id = 'ALL' and target_rank_grade_code = 'CONSTABLE' and stage_code = 'APPOINTED'
            ),
            lowest_stage as (
                select distinct on (group_code) group_code, stage_code, relative_likelihood,
                       relative_likelihood_lower_95, relative_likelihood_upper_95
                from reporting.recruitment_funnel
                where process_id = 'ALL' and target_rank_grade_code = 'CONSTABLE' and characteristic = 'ethnicity'
                  and financial_year_start = (select financial_year_start from year)
                  and relative_likelihood is not null and stage_code not in ('APPLICATION', 'ALL_STAGES')
                order by group_code, relative_likelihood
            ),
            appointed as (
                select group_code, cumulative_conversion from reporting.recruitment_funnel
                where process_id = 'ALL' and target_rank_grade_code = 'CONSTABLE' and characteristic = 'ethnicity'
                  and financial_year_start = (select financial_year_start from year) and stage_code = 'APPOINTED'
            ),
            leaving as (
                select group_code, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95 from reporting.leavers
                where workforce_type_code = 'OFFICER' and characteristic = 'ethnicity' and leaver_reason_code = 'ALL'
                  and financial_year_start = (select max(financial_year_start) from reporting.leavers
                                              where is_complete_period)
            ),
            vetting as (
                select group_code, relative_likelihood, relative_likelihood_lower_95, relative_likelihood_upper_95
                from reporting.vetting
                where applicant_type_code = 'ALL' and characteristic = 'ethnicity'
                  and financial_year_start = (select financial_year_start from year)
            )
            select representation.group_code, representation.share_of_disclosed, representation.benchmark_share,
                   representation.gap_in_people, appointed.cumulative_conversion,
                   lowest_stage.stage_code, lowest_stage.relative_likelihood, lowest_stage.relative_likelihood_lower_95,
                   lowest_stage.relative_likelihood_upper_95,
                   leaving.rate_ratio, leaving.rate_ratio_lower_95, leaving.rate_ratio_upper_95,
                   vetting.relative_likelihood, vetting.relative_likelihood_lower_95,
                   vetting.relative_likelihood_upper_95, representation.month_end,
                   (select financial_year_start from year), representation.is_reference_group
            from representation
            left join lowest_stage on lowest_stage.group_code = representation.group_code
            left join appointed on appointed.group_code = representation.group_code
            left join leaving on leaving.group_code = representation.group_code
            left join vetting on vetting.group_code = representation.group_code
            order by representation.benchmark_share desc nulls last""").fetchall()
        target = conn.execute("""
            select ethnic_minority_recruits_to_date, target, target_to_date, target_start, target_end, month_start,
                   ethnic_minority_share_of_recruits, population_minority_share
            from reporting.recruitment_target order by month_start desc limit 1""").fetchone()
    if not rows:
        return "(no workforce figures published yet)"

    year = rows[0][16]
    lines = [f"Workforce: police officers at {rows[0][15]:%d %B %Y}; recruitment and vetting "
             + (f"{year.year}/{(year.year + 1) % 100:02d}" if year else "(none yet)")
             + "; leavers in the latest complete financial year",
             f"{'ethnic group':<12} {'officers':>9} {'residents':>10} {'gap (people)':>13} {'appointed':>10} "
             f"{'lowest stage: pass ratio vs White':>38} {'leaving ratio':>20} {'vetting refusal ratio':>22}"]
    for (group, share, benchmark, gap, conversion, stage, rl, rl_low, rl_high, leave, leave_low, leave_high,
         refusal, refusal_low, refusal_high, _, _, is_reference) in rows:
        if is_reference:
            stage_text = leaving = refusing = "reference"
        else:
            stage_text = f"{stage.lower().replace('_', ' ')} {_with_interval(rl, rl_low, rl_high)}" if stage else "suppressed"
            leaving, refusing = _with_interval(leave, leave_low, leave_high), _with_interval(refusal, refusal_low, refusal_high)
        lines.append(f"{group:<12} {_shown(share, '.1%'):>9} {_shown(benchmark, '.1%'):>10} {_shown(gap, ',d'):>13} "
                     f"{_shown(conversion, '.1%'):>10} {stage_text:>38} "
                     f"{leaving:>20} {refusing:>22}")
    lines.append("officers / residents: share of officers who stated their ethnicity / of the force area's residents; "
                 "appointed: share of applicants appointed.")
    if target:
        recruits, goal, to_date, start, end, month, share, population = target
        lines.append(f"Recruitment commitment: {_shown(recruits, ',d')} ethnic-minority officer recruits of {goal:,d} "
                     f"by {end - timedelta(days=1):%d %B %Y} ({to_date:,.0f} due by the end of {month:%B %Y}); {_shown(share, '.1%')} of recruits "
                     f"who stated their ethnicity, against {population:.1%} of residents.")
    return "\n".join(lines)


def complaints_headline(url: str) -> str:
    """The latest financial year of complaints: rates by complainant group, upheld allegations, and officers
    entering misconduct proceedings by their group, each against White people; a ratio that cannot be
    estimated says why."""
    from equality.warehouse import connect

    with connect(url) as conn:
        year = conn.execute("select max(financial_year_start) from reporting.misconduct where is_complete_period"
                            ).fetchone()[0]
        if year is None:
            return "(no complaints published yet)"
        rows = conn.execute("""
            with groups as (
                select ethnic_group from reporting.complaints
                where financial_year_start = %(year)s and basis = 'population' and ethnic_group <> 'Not stated'
            ),
            complaints as (
                select ethnic_group, basis, rate_per_1000, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95,
                       ratio_status
                from reporting.complaints where financial_year_start = %(year)s
            ),
            upheld as (
                select complainant_group as ethnic_group, upheld_share, upheld_relative_likelihood,
                       upheld_relative_likelihood_lower_95, upheld_relative_likelihood_upper_95, upheld_ratio_status
                from reporting.allegation_outcomes where financial_year_start = %(year)s and view = 'complainant'
            ),
            proceedings as (
                select ethnic_group, rate_per_1000_officers, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95,
                       ratio_status
                from reporting.misconduct where financial_year_start = %(year)s and stage = 'formal_proceedings'
            )
            select groups.ethnic_group,
                   population.rate_per_1000, population.rate_ratio, population.rate_ratio_lower_95,
                   population.rate_ratio_upper_95, population.ratio_status,
                   searches.rate_per_1000, searches.rate_ratio, searches.rate_ratio_lower_95,
                   searches.rate_ratio_upper_95, searches.ratio_status,
                   upheld.upheld_share, upheld.upheld_relative_likelihood, upheld.upheld_relative_likelihood_lower_95,
                   upheld.upheld_relative_likelihood_upper_95, upheld.upheld_ratio_status,
                   proceedings.rate_per_1000_officers, proceedings.rate_ratio, proceedings.rate_ratio_lower_95,
                   proceedings.rate_ratio_upper_95, proceedings.ratio_status
            from groups
            left join complaints as population on population.ethnic_group = groups.ethnic_group and population.basis = 'population'
            left join complaints as searches on searches.ethnic_group = groups.ethnic_group and searches.basis = 'stop_search'
            left join upheld on upheld.ethnic_group = groups.ethnic_group
            left join proceedings on proceedings.ethnic_group = groups.ethnic_group
            order by groups.ethnic_group = 'White' desc, groups.ethnic_group""", {"year": year}).fetchall()

    def ratio(value, low, high, status) -> str:
        """The ratio with its interval, or the first words of why there is none ('suppressed', 'not estimable')."""
        if value is not None and low is not None:
            return _with_interval(value, low, high)
        return (status or "suppressed").split(":")[0]

    lines = [f"Complaints and misconduct, financial year {year.year}/{(year.year + 1) % 100:02d}, against White people",
             f"{'':<7} {'complaints per 1,000 residents':>31} {'per 1,000 stop-searches':>31} "
             f"{'allegations upheld':>31} {'officers in proceedings, per 1,000':>35}",
             f"{'group':<7}" + f" {'rate':>10} {'ratio (95% CI)':>20}" * 4]
    for row in rows:
        group = row[0]
        cells = []
        for start, pattern in ((1, ".2f"), (6, ".1f"), (11, ".0%"), (16, ".1f")):
            compared = "reference" if group == "White" else ratio(*row[start + 1:start + 5])
            cells.append(f"{_shown(row[start], pattern):>10} {compared:>20}")
        lines.append(f"{group:<7} " + " ".join(cells))
    lines.append("upheld: share of allegations with a finding that were upheld; officers by their ethnic group in HR.")
    return "\n".join(lines)


def stage_timings(url: str, run_id: str | None = None) -> list[tuple[str, str, float]]:
    from equality.warehouse import connect

    with connect(url) as conn:
        run_id = run_id or conn.execute(
            "select run_id from audit.run_stages order by finished_at desc limit 1").fetchone()[0]
        return conn.execute("select stage, status, seconds from audit.run_stages where run_id = %s "
                            "order by finished_at", (run_id,)).fetchall()


def bi_login(url: str, settings: Settings) -> str:
    """Create (or refresh) the BI tools' read-only login and return its connection string."""
    from equality.schema import BI_ROLE, ensure_login
    from equality.warehouse import connect, describe

    password_file = settings.home / "secrets" / "bi.password"
    if not password_file.exists():
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(secrets.token_urlsafe(18))
        password_file.chmod(0o600)
    password = password_file.read_text().strip()
    with connect(url) as conn:
        ensure_login(conn, BI_LOGIN, password, BI_ROLE)
        conn.commit()
    parts = describe(url)
    return f"postgresql://{BI_LOGIN}:{password}@{parts['host']}:{parts['port']}/{parts['database']}"


# A force the size of West Midlands Police (Home Office police workforce tables, 30 September 2019: 6,546
# officers by headcount), so the workforce headline has numbers large enough to publish.
DEMO_WORKFORCE = {"OFFICER": 6_500, "STAFF": 3_700, "PCSO": 450, "SPECIAL": 300}


def cmd_demo(args: argparse.Namespace) -> int:
    from equality.synthetic import Scenario, generate
    from equality.synthetic_custody import generate_custody, scenario_a
    from equality.synthetic_complaints import complaints_demo_scenario, generate_complaints
    from equality.synthetic_workforce import demo_scenario, generate_workforce
    from equality.warehouse import redact, warehouse_url

    settings = _settings()
    timings: list[tuple[str, float]] = []
    started = time.perf_counter()
    url = warehouse_url(settings)
    timings.append(("start the warehouse", time.perf_counter() - started))

    started = time.perf_counter()
    landing = settings.home / "landing" / "demo"
    scenario = Scenario(seed=2026, start=date(2016, 4, 1), end=date(2025, 3, 31))
    extract = generate(scenario, landing)
    custody = generate_custody(scenario_a(start=date(2023, 4, 1), end=date(2025, 3, 31)), landing)
    workforce = generate_workforce(demo_scenario(initial_headcount=DEMO_WORKFORCE), landing)
    complaints = generate_complaints(complaints_demo_scenario(), landing, stop_search_files=extract.files,
                                     custody_files=custody.files,
                                     hr_people_files=[path for path in workforce.files if path.name.startswith("hr_people_")])
    timings.append((f"generate {extract.row_count:,} searches, {custody.row_count:,} detentions, "
                    f"{workforce.row_count:,} HR rows and {complaints.row_count:,} complaints rows",
                    time.perf_counter() - started))

    started = time.perf_counter()
    os.environ.setdefault("EQUALITY_TASK_RETRIES", "0")  # a demo fails at once rather than wait out retries
    state = run_dag(landing, settings)
    timings.append((f"Airflow run of equality_nightly ({state})", time.perf_counter() - started))
    if state != "success":
        print(f"The nightly run ended {state}; reporting was not replaced. See the task log above.")
        return 1

    print()
    print(headline(url))
    print()
    print(custody_headline(url))
    print()
    print(workforce_headline(url))
    print()
    print(complaints_headline(url))
    print()
    print("Where things are:")
    print(f"  warehouse (pipeline owner): {redact(url)}   (`equality warehouse url --show-password`)")
    print(f"  BI / SQL read-only login:   {bi_login(url, settings)}")
    print("  published for BI:           schema reporting (stop_search_disproportionality, stop_search_outcomes,")
    print("                              stop_search_benchmark, stop_search_submissions, custody_rates,")
    print("                              custody_outcomes, custody_duration, workforce_representation,")
    print("                              recruitment_funnel, promotion, promotion_funnel, leavers, vetting,")
    print("                              recruitment_target, complaints, allegation_outcomes,")
    print("                              discrimination_allegations, misconduct, complaint_circumstances,")
    print("                              publication)")
    print("  unsuppressed marts:         schema marts (analysts); load registry and quarantine: schema audit")
    print(f"  Data Docs:                  {settings.gx_root / 'gx' / 'uncommitted' / 'data_docs' / 'local_site' / 'index.html'}")
    print("Time taken:")
    for label, seconds in timings:
        print(f"  {label:<55} {seconds:7.1f} s")
    print("  of which, inside the DAG run:")
    for stage_name, status, seconds in stage_timings(url):
        print(f"    {stage_name:<53} {float(seconds):7.1f} s  {status}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from equality.bench import run_benchmark

    print(json.dumps(run_benchmark(rows=args.rows, settings=_settings(), load_only=args.load_only,
                                    custody_detentions=args.custody_detentions,
                                    workforce=not args.no_workforce), indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="equality", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    warehouse = commands.add_parser("warehouse", help="start, stop or show the embedded warehouse")
    warehouse.add_argument("action", choices=["start", "stop", "url"])
    warehouse.add_argument("--show-password", action="store_true")
    warehouse.set_defaults(handler=cmd_warehouse)

    generate = commands.add_parser("generate", help="write a synthetic internal extract with known disparities")
    generate.add_argument("--out", required=True)
    generate.add_argument("--start", default="2023-04-01")
    generate.add_argument("--end", default="2025-03-31")
    generate.add_argument("--seed", type=int, default=1)
    generate.set_defaults(handler=cmd_generate)

    nightly = commands.add_parser("nightly", help="run the nightly DAG in this process (operators, backfills)")
    nightly.add_argument("--landing", required=True, help="folder holding the extracts to load")
    nightly.set_defaults(handler=cmd_nightly)

    demo = commands.add_parser("demo", help="embedded warehouse + synthetic night + Airflow run + headline")
    demo.set_defaults(handler=cmd_demo)

    bench = commands.add_parser("bench", help="load speed and memory against a bare COPY; dbt + GX time")
    bench.add_argument("--rows", type=int, default=1_000_000)
    bench.add_argument("--load-only", action="store_true", help="measure the load alone (for large --rows)")
    bench.add_argument("--custody-detentions", type=int, default=600_000,
                       help="detentions in the custody extract loaded and built beside the searches (0: none)")
    bench.add_argument("--no-workforce", action="store_true",
                       help="leave out the HR extract (12,000 people, 10 years of monthly snapshots and events)")
    bench.set_defaults(handler=cmd_bench)

    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
