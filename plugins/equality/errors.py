"""One exception root for the package, a base per area, and errors that say what to do next.

Errors that retrying cannot fix carry ``retryable = False``: a task that raises one fails at once
instead of burning its retries.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class EqualityError(Exception):
    """Root of every error this package raises on purpose."""

    retryable: bool = False


class WarehouseError(EqualityError):
    """The warehouse cannot be started, reached or prepared."""

    retryable = True


class ConfigurationError(EqualityError):
    """A setting is missing or wrong; the message names the setting and how to fix it."""


class IngestError(EqualityError):
    """Base for problems with a delivered extract."""


class FileRejected(IngestError):
    """A whole file is unusable; it is recorded in audit.loads with status 'rejected' and nothing of it loads."""

    def __init__(self, path: Path | str, problem: str, *, line: int | None = None, column: str | None = None,
                 fix: str = "correct the file and deliver it again"):
        self.path = Path(path)
        self.problem = problem
        self.line = line
        self.column = column
        self.fix = fix
        where = f"{self.path.name}"
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {problem} ({fix})")


class RejectedFiles(IngestError):
    """At least one file of the night was rejected; the accepted ones were loaded and kept."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        lines = [f"{len(messages)} file(s) rejected; accepted files were loaded, reporting was not published:"]
        super().__init__("\n".join(lines + [f"  - {message}" for message in messages]))


class ExtractNotDelivered(IngestError):
    """No extract arrived in the landing folder; the sensor retries until its timeout."""

    retryable = True


class ValidationFailed(EqualityError):
    """A Great Expectations suite failed: nothing downstream runs and reporting stays as it was."""

    def __init__(self, message: str, results: list[Any] | None = None):
        self.results = results or []
        super().__init__(message)


class TransformFailed(EqualityError):
    """dbt build failed; the message lists the failing nodes."""


class PublishError(EqualityError):
    """The reporting schema could not be replaced; the previous publication is still in place."""


class PublishBlocked(PublishError):
    """Readers held a table whose shape changed longer than publish waits, every attempt; a later retry can work."""

    retryable = True


class NightInProgress(EqualityError):
    """Another night holds this warehouse or this EQUALITY_HOME; this one did nothing. The message names it."""

    retryable = True  # under a scheduler, the task tries again after the running night
