"""Custody scenario B end to end: the same offence mixes as scenario A and a real within-stratum charge ratio of 1.5,
which the Mantel-Haenszel ratio (offence group x age band) must recover. It rides on the session's police.uk night
(tests/integration/conftest.py), whose stop-searches are a real police.uk month.
"""

from __future__ import annotations

import pytest

from custody_checks import (assert_both_sources_load_and_publish,
                            assert_detention_rate_ratios_recover_the_injected_ones, charge_row)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def night(police_uk_night):
    return police_uk_night


def test_both_sources_load_and_publish_in_one_night(night):
    assert_both_sources_load_and_publish(night)


def test_the_within_stratum_gap_is_recovered(night):
    crude, _, _, adjusted, low, high, _ = charge_row(night["url"])
    assert low <= 1.5 <= high and low > 1, (adjusted, low, high)
    assert crude > adjusted  # the offence mix adds to the within-stratum gap


def test_detention_rate_ratios_recover_the_injected_ones(night):
    assert_detention_rate_ratios_recover_the_injected_ones(night)
