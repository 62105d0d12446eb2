"""The board report's calendar quarters and its "what changed since last quarter" verdicts."""

from __future__ import annotations

from datetime import date

from equality.report import Quarter, changes_since_last_quarter


def test_a_quarter_ends_on_the_day_after_its_last_month_like_reporting_periods():
    assert (Quarter(2025, 4).start, Quarter(2025, 4).end) == (date(2025, 10, 1), date(2026, 1, 1))
    assert (Quarter(2025, 1).start, Quarter(2025, 1).end) == (date(2025, 1, 1), date(2025, 4, 1))
    assert Quarter(2025, 1).previous == Quarter(2024, 4)
    assert Quarter.containing(date(2025, 8, 31)) == Quarter(2025, 3)
    assert str(Quarter(2025, 4)) == "2025Q4"
    assert Quarter(2025, 4).months == "October to December 2025"


def _row(group: str, end: date, ratio, low, high) -> dict:
    return {"ethnic_group": group, "ethnicity_level": "broad", "period_end": end, "rate_ratio": ratio,
            "rate_ratio_lower_95": low, "rate_ratio_upper_95": high}


def test_a_change_is_real_only_when_the_intervals_do_not_overlap():
    quarter = Quarter(2025, 1)
    now, before = quarter.end, quarter.previous.end
    rows = [_row("Asian", before, 1.3, 1.2, 1.4), _row("Asian", now, 1.6, 1.5, 1.7),
            _row("Black", before, 3.0, 2.8, 3.2), _row("Black", now, 3.1, 2.9, 3.3),
            _row("Mixed", before, 2.0, 1.8, 2.2), _row("Mixed", now, 1.5, 1.4, 1.7),
            _row("Other", before, None, None, None), _row("Other", now, 1.2, 1.0, 1.4)]
    verdicts = {change["group"]: change["verdict"] for change in changes_since_last_quarter(rows, quarter)}
    assert verdicts == {"Asian": "higher: the intervals do not overlap",
                        "Black": "no real change: the intervals overlap",
                        "Mixed": "lower: the intervals do not overlap",
                        "Other": "not comparable (suppressed or missing)"}
