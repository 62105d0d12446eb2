"""The quarterly board report: one self-contained HTML file (styles and SVG charts inline, nothing fetched)
built from ``reporting`` only, so every suppressed figure stays suppressed.

``write_board_report`` is what ``equality report --quarter 2025Q4``, ``make demo`` and the DAG's report task
call.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import jinja2

from equality import published_queries
from equality.config import Settings
from equality.errors import ConfigurationError
from equality.warehouse import connect

TEMPLATES = Path(__file__).with_name("templates")
RATIO_AXIS = "ratio to White, 95% interval (log scale)"


@dataclass(frozen=True)
class Quarter:
    """A calendar quarter: 2025Q1 is January to March 2025."""

    year: int
    number: int

    @classmethod
    def containing(cls, day: date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        """The day after the quarter (periods in reporting end on the day after, too)."""
        return date(self.year + 1, 1, 1) if self.number == 4 else date(self.year, 3 * self.number + 1, 1)

    @property
    def previous(self) -> "Quarter":
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    @property
    def months(self) -> str:
        last = date(self.year, 3 * self.number, 1)
        return f"{self.start:%B} to {last:%B %Y}"


def latest_complete_quarter(url: str) -> Quarter:
    with connect(url) as conn:
        start = published_queries.latest_complete_quarter(conn)
    if start is None:
        raise ConfigurationError("reporting holds no complete quarter yet: run a night first (`equality nightly`)")
    return Quarter.containing(start)


def _estimate(label: str, row: dict, value: str):
    """A chart's estimate from a row's ``<value>``, ``<value>_lower_95`` and ``<value>_upper_95``."""
    from equality.report.charts import Estimate

    return Estimate(label, _number(row[value]), _number(row[f"{value}_lower_95"]), _number(row[f"{value}_upper_95"]))


def _number(value) -> float | None:
    return None if value is None else float(value)


def _by_measure(rows: list[dict]):
    """Forest-plot panels from rows of several measures (each row's ratio is in its ``rate_ratio`` columns)."""
    panels = defaultdict(list)
    for row in rows:
        panels[row["measure"]].append(_estimate(row["group_name"], row, "rate_ratio"))
    return dict(panels)


def _funnel_series(rows: list[dict]) -> tuple[list[str], dict[str, list[float | None]]]:
    stages = sorted({(row["stage_order"], row["stage_code"]) for row in rows})
    names = [code.replace("_", " ").capitalize() for _, code in stages]
    series: dict[str, list[float | None]] = defaultdict(lambda: [None] * len(stages))
    position = {code: index for index, (_, code) in enumerate(stages)}
    for row in rows:
        series[row["group_name"]][position[row["stage_code"]]] = _number(row["cumulative_conversion"])
    return names, dict(series)


def changes_since_last_quarter(rows: list[dict], quarter: Quarter) -> list[dict]:
    """Each broad group's ratio for the 12 months to this quarter's end against the 12 months to the last
    one's; a change counts as real when the two 95% intervals do not overlap."""
    by_group = defaultdict(dict)
    for row in rows:
        if row["ethnicity_level"] == "broad":
            by_group[row["ethnic_group"]]["now" if row["period_end"] == quarter.end else "before"] = row
    changes = []
    for group, pair in sorted(by_group.items()):
        now, before = pair.get("now"), pair.get("before")
        if not now or not before or now["rate_ratio"] is None or before["rate_ratio"] is None:
            verdict = "not comparable (suppressed or missing)"
        elif now["rate_ratio_lower_95"] > before["rate_ratio_upper_95"]:
            verdict = "higher: the intervals do not overlap"
        elif now["rate_ratio_upper_95"] < before["rate_ratio_lower_95"]:
            verdict = "lower: the intervals do not overlap"
        else:
            verdict = "no real change: the intervals overlap"
        changes.append({"group": group, "now": now, "before": before, "verdict": verdict})
    return changes


def render_board_report(url: str, quarter: Quarter) -> str:
    """The report's HTML for a quarter, from reporting."""
    from equality.report import charts

    with connect(url) as conn:
        figures = published_queries.board_report_figures(conn, quarter.start, quarter.end, quarter.previous.end)
    if not figures["stop_search_quarter"]:
        raise ConfigurationError(f"reporting holds no stop-search figures for {quarter}: choose a published quarter "
                                 "(the latest complete one is the default)")

    over_time = defaultdict(list)
    for row in figures["stop_search_ratios_over_time"]:
        over_time[row["ethnic_group"]].append((row["period_end"], _number(row["rate_ratio"]),
                                               _number(row["rate_ratio_lower_95"]), _number(row["rate_ratio_upper_95"])))
    this_year = [row for row in figures["stop_search_year_to"] if row["period_end"] == quarter.end]
    lpus = figures["stop_search_lpu_rates"]
    force = next((row for row in lpus if row["area_code"] == "force"), None)
    lpu_points = [(row["area_name"].removesuffix(" LPU"), float(row["population"]), float(row["rate_per_1000"]))
                  for row in lpus if row["area_code"] != "force" and row["rate_per_1000"] is not None]
    teams = [row for row in figures["team_benchmark"] if row["ratio"] is not None]
    ranks = figures["workforce_by_rank"]
    officer_ranks = [row for row in ranks if row["workforce_type_code"] == "officer"] or ranks
    recruitment = _funnel_series(figures["recruitment_funnel"])
    promotion = _funnel_series(figures["promotion_funnel"])
    custody = figures["custody"]
    use_of_force = [row for row in figures["use_of_force"] if row["ethnic_group"] != "White"]

    svg = {
        "ratios_over_time": charts.ratios_over_time(dict(over_time), "searches per 1,000 against White (log scale)"),
        "forest_by_group": charts.forest(
            {"Broad groups": [_estimate(row["label"], row, "rate_ratio") for row in this_year
                              if row["ethnicity_level"] == "broad"]}, RATIO_AXIS),
        "forest_by_detailed_group": charts.forest(
            {"Detailed groups": [_estimate(row["label"], row, "rate_ratio") for row in this_year
                                 if row["ethnicity_level"] == "detailed"]}, RATIO_AXIS),
        "lpu_funnel": charts.funnel(lpu_points, float(force["rate_per_1000"]) if force and force["rate_per_1000"] else 0.0,
                                    "Black residents of the LPU (log scale)", "searches of Black people per 1,000"),
        "team_funnel": charts.ratio_funnel(
            [(row["unit_id"], float(row["expected"]), float(row["ratio"]), row["benchmark_flag"] == "above_peers")
             for row in teams], float(teams[0]["variance_per_expected"]) if teams else 1.0,
            float(teams[0]["tau_squared"]) if teams else 0.0,
            "searches of Black people expected from the team's peers (log scale)", "observed / expected"),
        "workforce_by_rank": charts.shares_against_benchmark(
            [row["rank_group"] for row in officer_ranks], [_number(row["minority_share"]) for row in officer_ranks],
            _number(officer_ranks[0]["population_minority_share"]) if officer_ranks else None,
            "ethnic-minority share of those who stated"),
        "recruitment_funnel": charts.stages(*recruitment, "applicants still in the process"),
        "promotion_funnel": charts.stages(*promotion, "candidates still in the process"),
        "leavers_and_vetting": charts.forest(_by_measure(figures["leavers_and_vetting"]),
                                             RATIO_AXIS),
        "complaints_and_misconduct": charts.forest(_by_measure(figures["complaints_and_misconduct"]),
                                                   RATIO_AXIS),
        "custody": charts.forest(
            {"Crude": [_estimate(row["group_name"], row, "crude_ratio") for row in custody],
             "Adjusted for offence and age": [_estimate(row["group_name"], row, "adjusted_ratio") for row in custody]},
            RATIO_AXIS),
        "use_of_force": charts.forest(
            {"Subjects per 1,000 residents": [_estimate(row["ethnic_group"], row, "rate_ratio") for row in use_of_force],
             "Taser used on the subject": [_estimate(row["ethnic_group"], row, "share_ratio") for row in use_of_force]},
            RATIO_AXIS),
    }
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                     undefined=jinja2.StrictUndefined)
    environment.filters.update(count=_count, share=_share, ratio=_ratio, year=_financial_year)
    return environment.get_template("board_report.html.j2").render(
        quarter=quarter, svg=svg, figures=figures, force=force, teams=teams,
        changes=changes_since_last_quarter(figures["stop_search_year_to"], quarter),
        recruitment_year=_first(figures["recruitment_funnel"], "financial_year_start"),
        promotion_year=_first(figures["promotion_funnel"], "financial_year_start"),
        workforce_month=_first(ranks, "month_end"),
        workforce_year=_first(figures["leavers_and_vetting"], "financial_year_start"),
        complaints_year=_first(figures["complaints_and_misconduct"], "financial_year_start"),
        custody_year=_first(custody, "financial_year_start"),
        use_of_force_year=_first(figures["use_of_force"], "period_start"),
        generated_at=datetime.now(timezone.utc))


def report_name(quarter: Quarter) -> str:
    return f"board-report-{quarter}.html"


def write_board_report(url: str, out_dir: Path, quarter: Quarter | None = None) -> Path:
    """Write ``board-report-<quarter>.html`` into ``out_dir`` (the latest complete quarter by default)."""
    quarter = quarter or latest_complete_quarter(url)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / report_name(quarter)
    path.write_text(render_board_report(url, quarter), encoding="utf-8")
    return path


def write_report_when_quarter_closes(settings: Settings | None = None) -> str | None:
    """After a publication: write the report of the latest complete quarter into EQUALITY_HOME/reports unless
    it is there already (so it is written on the first night after a quarter closes); return its path."""
    from equality.warehouse import warehouse_url

    settings = settings or Settings.from_env()
    url = warehouse_url(settings)
    with connect(url) as conn:
        start = published_queries.latest_complete_quarter(conn)
    out_dir = settings.home / "reports"
    if start is None or (out_dir / report_name(Quarter.containing(start))).exists():
        return None
    quarter = Quarter.containing(start)
    return str(write_board_report(url, out_dir, quarter))


def _first(rows: list[dict], column: str):
    return rows[0][column] if rows else None


def _count(value) -> str:
    return "suppressed" if value is None else f"{int(value):,}"


def _share(value) -> str:
    return "suppressed" if value is None else f"{float(value):.1%}"


def _ratio(row: dict, prefix: str = "rate_ratio") -> str:
    value, low, high = row[prefix], row[f"{prefix}_lower_95"], row[f"{prefix}_upper_95"]
    if value is None:
        return "suppressed"
    return f"{value:.2f} ({low:.2f} to {high:.2f})" if low is not None else f"{value:.2f}"


def _financial_year(start: date | None) -> str:
    return "none published" if start is None else f"{start.year}/{(start.year + 1) % 100:02d}"
