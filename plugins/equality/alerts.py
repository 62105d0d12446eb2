"""Alerts when a night fails or its extract never arrives, through Airflow's notifier interface.

``NightFailedNotifier`` is every task's ``on_failure_callback``: a failed night sends one message (only the
task that failed calls back; the tasks after it are ``upstream_failed``), naming the stage, why, and what to
do. A sensor that gives up waiting for the extract fails the same way, so it alerts too.

Configured by environment, read when a message is sent (not when the DAG is parsed):

EQUALITY_ALERT_WEBHOOK_URL: a URL that receives a JSON POST ``{"text": ..., "dag_id", "run_id", "stage" (the
    failed task), "problem", "fix"}`` (Slack and Teams incoming webhooks show ``text``).
EQUALITY_ALERT_SMTP_HOST (optional, with EQUALITY_ALERT_SMTP_PORT, default 25), EQUALITY_ALERT_EMAIL_TO and
    EQUALITY_ALERT_EMAIL_FROM: the same message by e-mail.
Neither set: the message is only logged.
"""

from __future__ import annotations

import json
import logging
import os
import smtplib
import urllib.request
from dataclasses import asdict, dataclass
from email.message import EmailMessage

from airflow.sdk import BaseNotifier

from equality import errors

log = logging.getLogger(__name__)

WEBHOOK_TIMEOUT_SECONDS = 10

# What to do, by what went wrong: the most specific class first.
FIXES: tuple[tuple[type[BaseException] | str, str], ...] = (
    ("AirflowSensorTimeout", "no extract arrived in the landing folder in time: check the delivery from the source "
                             "systems, then trigger equality_nightly again"),
    (errors.RejectedFiles, "correct the rejected files named above and deliver them again, then re-run the night "
                           "(accepted files are not loaded twice)"),
    (errors.FileRejected, "correct the file and deliver it again, then re-run the night"),
    (errors.ValidationFailed, "read the failed expectations in audit.validation_results or Data Docs, correct the "
                              "data at source, then re-run the night"),
    (errors.TransformFailed, "reproduce with `equality dbt build -s <model>` on the same warehouse, fix the model "
                             "or the data, then re-run the night"),
    (errors.PublishError, "reporting still holds the previous night; check the warehouse's log, then re-run"),
    (errors.ConfigurationError, "correct the setting named above in the scheduler's environment, then re-run"),
    (errors.WarehouseError, "check that the warehouse at WAREHOUSE_URL is up and reachable, then re-run"),
)
DEFAULT_FIX = "read the task's log in Airflow, fix the cause, then clear the task to re-run the night"


@dataclass(frozen=True)
class Alert:
    dag_id: str
    run_id: str
    stage: str
    problem: str
    fix: str

    @property
    def text(self) -> str:
        return (f"{self.dag_id} failed at stage {self.stage} (run {self.run_id}): {self.problem}. "
                f"Fix: {self.fix}. Reporting still holds the last good publication.")


def _cause(error: BaseException | None) -> BaseException | None:
    """The package's own error behind Airflow's wrapper (fail_fast raises AirflowFailException from it)."""
    while error is not None and not isinstance(error, errors.EqualityError) and error.__cause__ is not None:
        error = error.__cause__
    return error


def fix_for(error: BaseException | None) -> str:
    names = {cls.__name__ for cls in type(error).__mro__} if error is not None else set()
    for known, fix in FIXES:
        if (known in names) if isinstance(known, str) else isinstance(error, known):
            return fix
    return DEFAULT_FIX


def alert_from(context) -> Alert:
    """The alert for a failed task, from its Airflow context."""
    task_instance = context.get("ti") or context.get("task_instance")
    error = context.get("exception")
    cause = _cause(error) if isinstance(error, BaseException) else None
    problem = str(cause or error or "the task failed").strip() or type(cause).__name__
    return Alert(dag_id=getattr(task_instance, "dag_id", None) or getattr(context.get("dag"), "dag_id", "unknown"),
                 run_id=str(context.get("run_id") or getattr(task_instance, "run_id", "")),
                 stage=getattr(task_instance, "task_id", None) or getattr(context.get("task"), "task_id", "unknown"),
                 problem=" ".join(problem.split()), fix=fix_for(cause or error))


class NightFailedNotifier(BaseNotifier):
    """Send a failed night's alert to the webhook and (optionally) by e-mail, as configured by environment."""

    def notify(self, context) -> None:
        alert = alert_from(context)
        log.error("ALERT: %s", alert.text)
        webhook = os.environ.get("EQUALITY_ALERT_WEBHOOK_URL")
        if webhook:
            body = json.dumps({"text": alert.text, **asdict(alert)}).encode("utf-8")
            request = urllib.request.Request(webhook, data=body, method="POST",
                                             headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT_SECONDS) as response:
                response.read()
        smtp_host, recipient = os.environ.get("EQUALITY_ALERT_SMTP_HOST"), os.environ.get("EQUALITY_ALERT_EMAIL_TO")
        if smtp_host and recipient:
            message = EmailMessage()
            message["Subject"] = f"{alert.dag_id} failed at {alert.stage}"
            message["From"] = os.environ.get("EQUALITY_ALERT_EMAIL_FROM", "equality-warehouse@localhost")
            message["To"] = recipient
            message.set_content(alert.text)
            with smtplib.SMTP(smtp_host, int(os.environ.get("EQUALITY_ALERT_SMTP_PORT", "25")),
                              timeout=WEBHOOK_TIMEOUT_SECONDS) as smtp:
                smtp.send_message(message)
