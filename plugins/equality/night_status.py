"""What an operator asks in the morning: how did the last night go, what was quarantined, is reporting stale.

Read from ``audit`` (stages, loads, quarantine) and ``reporting.publication``; used by ``equality status`` and
by the one-line message of a failed ``equality nightly``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import psycopg

# Nights run at 02:30 UTC: a publication older than a day and a couple of hours means a night was missed.
STALE_AFTER = timedelta(hours=26)

LATEST_RUN_STAGES = """
    with latest as (select run_id from audit.run_stages order by finished_at desc limit 1)
    select run_id, stage, status, seconds, detail, finished_at
    from audit.run_stages where run_id = (select run_id from latest) order by finished_at
"""

# Files loaded or rejected by the night (after the night before finished), with what each quarantined and its
# most frequent reason.
LOADS_OF_THE_NIGHT = """
    select loads.file_name, loads.status, loads.rows_loaded, loads.rows_quarantined, loads.message,
           (select reason from audit.quarantined_rows, unnest(quarantined_rows.reasons) as reason
            where quarantined_rows.load_id = loads.load_id group by reason order by count(*) desc limit 1)
    from audit.loads
    where loads.loaded_at > coalesce((select max(finished_at) from audit.run_stages
                                      where run_id <> %(run_id)s and finished_at < %(finished_at)s), '-infinity')
      and loads.loaded_at <= %(finished_at)s and (loads.status = 'rejected' or loads.rows_quarantined > 0)
    order by loads.load_id
"""

PUBLICATION = "select run_id, published_at from reporting.publication"


@dataclass(frozen=True)
class Stage:
    name: str
    status: str
    seconds: float
    detail: str | None

    @property
    def detail_in_one_line(self) -> str:
        """Why the stage failed, its lines (a header, then one per rejected file or failed node) run together."""
        return " ".join(line.strip().removeprefix("- ") for line in (self.detail or "").splitlines() if line.strip())


@dataclass(frozen=True)
class NightStatus:
    run_id: str | None
    stages: list[Stage]
    finished_at: datetime | None
    problem_files: list[tuple]
    published_run_id: str | None
    published_at: datetime | None
    now: datetime

    @property
    def failed_stage(self) -> Stage | None:
        return next((stage for stage in self.stages if stage.status != "success"), None)

    @property
    def is_stale(self) -> bool:
        """Reporting is stale when nothing is published, the last night did not publish, or it is too old."""
        return (self.published_at is None or self.published_run_id != self.run_id
                or self.now - self.published_at > STALE_AFTER)


def _exists(conn: psycopg.Connection, table: str) -> bool:
    return conn.execute("select to_regclass(%s) is not null", (table,)).fetchone()[0]


def night_status(conn: psycopg.Connection) -> NightStatus:
    now = datetime.now(timezone.utc)
    stages, run_id, finished_at, problem_files = [], None, None, []
    if _exists(conn, "audit.run_stages"):
        rows = conn.execute(LATEST_RUN_STAGES).fetchall()
        if rows:
            run_id = rows[0][0]
            stages = [Stage(name, status, float(seconds), detail) for _, name, status, seconds, detail, _ in rows]
            finished_at = rows[-1][5]
            problem_files = conn.execute(LOADS_OF_THE_NIGHT, {"run_id": run_id, "finished_at": finished_at}).fetchall()
    published = conn.execute(PUBLICATION).fetchone() if _exists(conn, "reporting.publication") else None
    return NightStatus(run_id=run_id, stages=stages, finished_at=finished_at, problem_files=problem_files,
                       published_run_id=published[0] if published else None,
                       published_at=published[1] if published else None, now=now)


def describe(status: NightStatus) -> str:
    """The status as a few lines of text for ``equality status``."""
    if status.run_id is None:
        lines = ["No night has run on this warehouse yet: run `equality nightly --landing DIR`."]
    else:
        failed = status.failed_stage
        outcome = f"failed at {failed.name}" if failed else "succeeded"
        lines = [f"Last night: run {status.run_id}, finished {status.finished_at:%Y-%m-%d %H:%M} UTC, {outcome}"]
        for stage in status.stages:
            why = f"  {stage.detail_in_one_line}" if stage.status != "success" else ""
            lines.append(f"  {stage.name:<15} {stage.status:<8} {stage.seconds:8.1f} s{why}")
        if status.problem_files:
            lines.append("Quarantined or rejected that night:")
            for file_name, load_status, _, quarantined, message, reason in status.problem_files:
                if load_status == "rejected":
                    lines.append(f"  {file_name}: rejected whole: {(message or '').splitlines()[0] if message else ''}")
                else:
                    lines.append(f"  {file_name}: {quarantined:,} rows quarantined (most often: {reason})")
        else:
            lines.append("Quarantined or rejected that night: nothing")
    if status.published_at is None:
        lines.append("Reporting: STALE, nothing published yet")
    else:
        age = status.now - status.published_at
        hours = age.total_seconds() / 3600
        verdict = "STALE" if status.is_stale else "current"
        lines.append(f"Reporting: {verdict}, published {status.published_at:%Y-%m-%d %H:%M} UTC ({hours:.1f} hours ago) "
                     f"by run {status.published_run_id}"
                     + ("" if status.published_run_id == status.run_id or status.run_id is None
                        else "; the last night did not publish, BI reads the night before's figures"))
    return "\n".join(lines)
