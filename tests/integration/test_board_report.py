"""The quarterly board report, opened in a real headless Chromium: one self-contained file, written by the BI
login (so from `reporting` alone), every chart drawn, nothing fetched, no console error, no small count shown.

Needs Debian's chromium and chromium-driver (`make test` installs them when missing). The screenshot is kept in
.equality/test-artefacts/ for a person to look at.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from equality.config import REPO_ROOT
from equality.report import Quarter, latest_complete_quarter, write_board_report
from equality.schema import BI_ROLE, ensure_login
from equality.warehouse import connect, describe
from nights import query

pytestmark = pytest.mark.slow

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
ARTEFACTS = REPO_ROOT / ".equality" / "test-artefacts"
SUPPRESSION_THRESHOLD = 10
CHARTS = 12


@pytest.fixture(scope="module")
def published(all_sources_night, tmp_path_factory):
    """The session's night of every source, published; and a URL of the BI login, which can read reporting only."""
    url = all_sources_night["url"]
    with connect(url, autocommit=True) as conn:
        ensure_login(conn, "board_report_reader", "board-report-test-password", BI_ROLE)
    parts = describe(url)
    bi_url = f"postgresql://board_report_reader:board-report-test-password@{parts['host']}:{parts['port']}/{parts['database']}"
    return {"url": url, "bi_url": bi_url, "home": tmp_path_factory.mktemp("board-report")}


@pytest.fixture(scope="module")
def report(published) -> Path:
    return write_board_report(published["bi_url"], published["home"] / "reports")


@pytest.fixture(scope="module")
def browser(report):
    """The report loaded in headless Chromium, with its console and network logs."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail("Chromium is missing: run `make browser` (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,1400"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.get(report.as_uri())
        yield driver
    finally:
        driver.quit()


def test_the_report_is_for_the_latest_complete_quarter_and_read_by_the_bi_login(published, report):
    quarter = latest_complete_quarter(published["bi_url"])
    assert quarter == Quarter(2025, 1)
    assert report.name == "board-report-2025Q1.html"


def test_the_report_has_no_console_errors(browser):
    errors = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    assert errors == []


def test_the_report_fetches_nothing_beyond_its_own_file(browser, report):
    requested = [json.loads(entry["message"])["message"]["params"]["request"]["url"]
                 for entry in browser.get_log("performance")
                 if json.loads(entry["message"])["message"]["method"] == "Network.requestWillBeSent"]
    assert requested == [report.as_uri()]
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", report.read_text())


def test_every_chart_is_drawn(browser):
    sizes = browser.execute_script(
        "return Array.from(document.querySelectorAll('figure')).map(figure => {"
        "  const svg = figure.querySelector('svg'); if (!svg) return [0, 0, 0];"
        "  const box = svg.getBoundingClientRect();"
        "  return [box.width, box.height, svg.querySelectorAll('path').length]; })")
    assert len(sizes) == CHARTS
    assert all(width > 100 and height > 100 and paths > 10 for width, height, paths in sizes), sizes


def test_no_small_count_is_shown(browser, published):
    counts = browser.execute_script(
        "return Array.from(document.querySelectorAll('td.count')).map(cell => cell.textContent.trim())")
    assert counts
    for text in counts:
        assert text == "suppressed" or int(text.replace(",", "")) >= SUPPRESSION_THRESHOLD, text
    quarter_searches = query(published["url"], """
        select searches from reporting.stop_search_disproportionality
        where period_type = 'quarter' and period_start = '2025-01-01' and area_code = 'force'
          and legislation_group = 'All' and ethnicity_basis = 'self_defined' and ethnicity_level = 'broad'""")
    assert quarter_searches
    shown = {"suppressed" if searches is None else f"{searches:,}" for (searches,) in quarter_searches}
    assert shown <= set(counts)


def test_a_screenshot_is_kept_for_people_to_read(browser, report):
    height = browser.execute_script("return document.body.scrollHeight")
    browser.set_window_size(1100, min(height + 100, 16000))
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    screenshot = ARTEFACTS / "board-report.png"
    assert browser.save_screenshot(str(screenshot))
    shutil.copy(report, ARTEFACTS / report.name)
    assert screenshot.stat().st_size > 50_000
