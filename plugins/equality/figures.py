"""Published figures as text, for the sources' headlines: a withheld value says so rather than showing a blank."""

from __future__ import annotations

from datetime import date

import psycopg

from equality import published_queries

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


def teams_flagged(conn: psycopg.Connection, table: str, activity: str, basis: str = "self_defined") -> list[str]:
    """The headline's oversight line: how many teams screened by the internal benchmark in ``table`` ``activity``
    (verb) people of a minority group more often than their peers (none when nothing is screened yet)."""
    teams = published_queries.teams_flagged(conn, table, basis)
    if not teams:
        return []
    return [f"Oversight, financial year {financial_year(teams[0])}: {teams[2]} of {teams[1]} teams screened "
            f"{activity} people of a minority group more often than their peers in the same LPU, month and shift "
            f"(screening, not a finding: reporting.{table})."]


def financial_year(start: date) -> str:
    """'2024/25' for the financial year starting 1 April 2024."""
    return f"{start.year}/{(start.year + 1) % 100:02d}"
