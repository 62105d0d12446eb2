"""The operator's mistakes, through the real `equality` command: one line naming the problem and the fix,
a non-zero exit within seconds, no traceback."""

from __future__ import annotations

import argparse
import os
import subprocess
import time
from pathlib import Path

import pytest

from commands import EQUALITY
from equality.cli import build_parser

POLICE_UK_EXTRACTS = Path(__file__).parents[1] / "data" / "police_uk_stop_search"
SECONDS_ALLOWED = 10


def run_equality(*arguments: str, environment: dict[str, str], home: Path) -> tuple[subprocess.CompletedProcess, float]:
    """Run the command with only the given settings (no WAREHOUSE_URL or key from the caller's shell)."""
    clean = {name: value for name, value in os.environ.items()
             if name not in ("WAREHOUSE_URL", "EQUALITY_PSEUDONYM_KEY", "EQUALITY_LANDING_DIR")}
    started = time.monotonic()
    result = subprocess.run([EQUALITY, *arguments], env={**clean, "EQUALITY_HOME": str(home), **environment},
                            capture_output=True, text=True, timeout=60)
    return result, time.monotonic() - started


def assert_one_line_failure(result: subprocess.CompletedProcess, seconds: float, *expected_words: str) -> None:
    assert result.returncode != 0
    assert seconds < SECONDS_ALLOWED
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in expected_words:
        assert word in lines[0]


def test_a_date_that_does_not_exist_is_named_with_its_option(tmp_path):
    result, seconds = run_equality("generate", "--out", str(tmp_path / "out"), "--start", "2024-13-01",
                                   environment={}, home=tmp_path)
    assert_one_line_failure(result, seconds, "--start", "2024-13-01", "YYYY-MM-DD")
    assert not (tmp_path / "out").exists()


def test_a_start_after_the_end_is_refused(tmp_path):
    result, seconds = run_equality("generate", "--out", str(tmp_path / "out"), "--start", "2025-01-01",
                                   "--end", "2024-01-01", environment={}, home=tmp_path)
    assert_one_line_failure(result, seconds, "--start 2025-01-01", "--end 2024-01-01")


def test_a_missing_landing_folder_fails_at_once_instead_of_polling(tmp_path):
    result, seconds = run_equality("nightly", "--landing", str(tmp_path / "missing"), environment={}, home=tmp_path)
    assert_one_line_failure(result, seconds, str(tmp_path / "missing"), "does not exist", "--landing")


def test_an_empty_landing_folder_fails_at_once_instead_of_polling(tmp_path):
    (tmp_path / "landing").mkdir()
    result, seconds = run_equality("nightly", "--landing", str(tmp_path / "landing"), environment={}, home=tmp_path)
    assert_one_line_failure(result, seconds, "no extracts in", "docs/data-contracts.md")


def test_a_missing_key_for_an_external_warehouse_names_the_variable(tmp_path):
    result, seconds = run_equality("nightly", "--landing", str(POLICE_UK_EXTRACTS),
                                   environment={"WAREHOUSE_URL": "postgresql://nobody@127.0.0.1:1/equality"},
                                   home=tmp_path)
    assert_one_line_failure(result, seconds, "EQUALITY_PSEUDONYM_KEY is not set")


def test_an_unreachable_warehouse_names_the_url_and_the_fix(tmp_path):
    result, seconds = run_equality("nightly", "--landing", str(POLICE_UK_EXTRACTS),
                                   environment={"WAREHOUSE_URL": "postgresql://nobody:secret@127.0.0.1:1/equality",
                                                "EQUALITY_PSEUDONYM_KEY": "a-test-key-0123456789abcdef0123456789"},
                                   home=tmp_path)
    assert_one_line_failure(result, seconds, "cannot reach the warehouse at postgresql://nobody:***@127.0.0.1:1/equality",
                            "WAREHOUSE_URL")
    assert "secret" not in result.stderr


def test_status_of_an_unreachable_warehouse_is_one_line(tmp_path):
    result, seconds = run_equality("status", environment={"WAREHOUSE_URL": "postgresql://nobody@127.0.0.1:1/equality"},
                                   home=tmp_path)
    assert_one_line_failure(result, seconds, "cannot reach the warehouse")


def test_warehouse_url_never_starts_the_embedded_warehouse(tmp_path):
    result, seconds = run_equality("warehouse", "url", environment={}, home=tmp_path)
    assert_one_line_failure(result, seconds, "not running", "equality warehouse start")
    assert not (tmp_path / "warehouse" / "pgdata").exists()


def test_debug_shows_the_traceback(tmp_path):
    result, _ = run_equality("--debug", "nightly", "--landing", str(POLICE_UK_EXTRACTS),
                             environment={"WAREHOUSE_URL": "postgresql://nobody@127.0.0.1:1/equality"}, home=tmp_path)
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_version(tmp_path):
    result, _ = run_equality("--version", environment={}, home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("equality ")


def _parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                yield from _parsers(subparser)


@pytest.mark.parametrize("parser", list(_parsers(build_parser())), ids=lambda parser: parser.prog)
def test_every_option_has_help(parser):
    undocumented = [action.dest for action in parser._actions
                    if not isinstance(action, argparse._HelpAction) and not action.help]
    assert undocumented == []
