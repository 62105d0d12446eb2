"""Published figures as text, for the sources' headlines: a withheld value says so rather than showing a blank."""

from __future__ import annotations

from datetime import date

import psycopg
from psycopg import sql

# Whether a ratio stands after false discovery rate control (reporting's is_*_fdr_significant): null for the
# reference group and for a withheld ratio.
FDR_VERDICT = {True: "yes", False: "no", None: ""}


def shown(value, pattern: str) -> str:
    """A published figure as text; a suppressed one (null) says so rather than showing a blank or zero."""
    if value is None:
        return "suppressed"
    return format(int(value) if pattern.endswith("d") else value, pattern)


def with_interval(value, low, high) -> str:
    return "suppressed" if value is None or low is None else f"{value:.2f} ({low:.2f}-{high:.2f})"


def ratio_or_why(value, low, high, status) -> str:
    """A ratio with its interval, or the first words of why there is none ('suppressed', 'not estimable')."""
    if value is not None and low is not None:
        return with_interval(value, low, high)
    return (status or "suppressed").split(":")[0]


# Teams screened and flagged above their peers (any minority group, self-defined) in the latest complete
# financial year of a source's internal benchmark (reporting.oversight_<source>_benchmark).
TEAMS_FLAGGED = """
    select period_start, count(distinct unit_id) filter (where is_screened),
           count(distinct unit_id) filter (where benchmark_flag = 'above_peers')
    from reporting.{table}
    where unit_level = 'team' and period_type = 'financial_year' and ethnicity_basis = %(basis)s
      and period_start = (select max(period_start) from reporting.{table}
                          where period_type = 'financial_year' and is_complete_period)
    group by period_start
"""


def teams_flagged(conn: psycopg.Connection, table: str, activity: str, basis: str = "self_defined") -> list[str]:
    """The headline's oversight line: how many teams screened by the internal benchmark in ``table`` ``activity``
    (verb) people of a minority group more often than their peers (none when nothing is screened yet)."""
    teams = conn.execute(sql.SQL(TEAMS_FLAGGED).format(table=sql.Identifier(table)), {"basis": basis}).fetchone()
    if not teams:
        return []
    return [f"Oversight, financial year {financial_year(teams[0])}: {teams[2]} of {teams[1]} teams screened "
            f"{activity} people of a minority group more often than their peers in the same LPU, month and shift "
            f"(screening, not a finding: reporting.{table})."]


def financial_year(start: date) -> str:
    """'2024/25' for the financial year starting 1 April 2024."""
    return f"{start.year}/{(start.year + 1) % 100:02d}"
