"""The synthetic force extract: reproducible, in the force's contract format, coded from the seeds, and carrying
the disparities the scenario injects (so warehouse tests can assert they are recovered)."""

from __future__ import annotations

import csv
import math
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest

from equality.sources.stop_search.synthetic import FORCE_STOP_SEARCH_COLUMNS, LPU_GEOGRAPHY, Scenario, generate
from equality.sources.synthetic_toolkit import BROAD_GROUPS, DEFAULT_SEEDS_DIR, GeneratedByContract

SEEDS = DEFAULT_SEEDS_DIR
YEAR_2023 = dict(start=date(2023, 1, 1), end=date(2023, 12, 31))


def seed_rows(name: str) -> list[dict[str, str]]:
    with open(SEEDS / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_extract(files: list[Path]) -> pd.DataFrame:
    return pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files], ignore_index=True)


def broad_group_of_self_defined() -> dict[str, str]:
    """Self-defined code -> broad group, the way the warehouse reads it (via the detailed group if mapped)."""
    broad_of_detailed = {r["ethnic_group_code"]: r["broad_ethnic_group"] for r in seed_rows("ethnic_groups.csv")}
    return {r["source_value"]: broad_of_detailed.get(r["ethnic_group_code"] or "", r["broad_ethnic_group"])
            for r in seed_rows("ethnicity_source_values.csv") if r["source_system"] == "force_self_defined"}


def census_population(year: int = 2021) -> dict[tuple[str, str], float]:
    """(lpu_code, broad group) -> population, from the seeds."""
    broad_of_detailed = {r["ethnic_group_code"]: r["broad_ethnic_group"] for r in seed_rows("ethnic_groups.csv")}
    lpu_of_la = {r["la_code"]: r["lpu_code"] for r in seed_rows("local_policing_units.csv")}
    population: dict[tuple[str, str], float] = {}
    for r in seed_rows("census_population.csv"):
        if r["census_year"] == str(year) and r["ethnic_group_code"] in broad_of_detailed:
            key = (lpu_of_la[r["la_code"]], broad_of_detailed[r["ethnic_group_code"]])
            population[key] = population.get(key, 0.0) + float(r["population"])
    return population


def assert_ratio_recovered(rows: pd.DataFrame, group: str, injected: float, lpu: str | None = None) -> None:
    """Searches per head of `group` over White, from the stated rows, within 4 standard errors (Poisson)."""
    group_of = broad_group_of_self_defined()
    population = census_population()
    if lpu is not None:
        rows = rows[rows["lpu_code"] == lpu]
    counts = rows["self_defined_ethnicity"].map(group_of).value_counts()
    pop = {g: sum(p for (l, gg), p in population.items() if gg == g and (lpu is None or l == lpu))
           for g in (group, "White")}
    observed = (counts[group] / pop[group]) / (counts["White"] / pop["White"])
    standard_error = math.sqrt(1 / counts[group] + 1 / counts["White"])
    assert abs(math.log(observed / injected)) < 4 * standard_error, (
        f"{group}/White rate ratio {observed:.3f} (from {counts[group]} and {counts['White']} searches) is not "
        f"the injected {injected} within 4 s.e. ({standard_error:.3f} on the log scale)")


@pytest.fixture(scope="module")
def year_2023(tmp_path_factory) -> GeneratedByContract:
    if not (SEEDS / "census_population.csv").exists():
        pytest.fail(f"the reference seeds are missing from {SEEDS}")
    return generate(Scenario(seed=2023, **YEAR_2023), tmp_path_factory.mktemp("year_2023"), seeds_dir=SEEDS)


@pytest.fixture(scope="module")
def rows_2023(year_2023) -> pd.DataFrame:
    return read_extract(year_2023.files)


# ------------------------------------------------------------------------------------------------ reproducibility


def test_the_same_seed_writes_byte_identical_files(tmp_path):
    scenario = Scenario(seed=5, start=date(2023, 1, 1), end=date(2023, 3, 31))
    first = generate(scenario, tmp_path / "a", seeds_dir=SEEDS)
    second = generate(scenario, tmp_path / "b", seeds_dir=SEEDS)
    assert [f.name for f in first.files] == [f.name for f in second.files]
    for a, b in zip(first.files, second.files):
        assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between two runs of the same scenario"


def test_a_different_seed_writes_different_files(tmp_path):
    period = dict(start=date(2023, 1, 1), end=date(2023, 1, 31))
    first = generate(Scenario(seed=5, **period), tmp_path / "a", seeds_dir=SEEDS)
    second = generate(Scenario(seed=6, **period), tmp_path / "b", seeds_dir=SEEDS)
    assert first.files[0].read_bytes() != second.files[0].read_bytes()


def test_a_month_is_the_same_whichever_period_it_is_generated_in(tmp_path):
    alone = generate(Scenario(seed=5, start=date(2023, 2, 1), end=date(2023, 2, 28)), tmp_path / "a",
                     seeds_dir=SEEDS)
    within = generate(Scenario(seed=5, start=date(2023, 1, 1), end=date(2023, 3, 31)), tmp_path / "b",
                      seeds_dir=SEEDS)
    strip_ids = lambda path: [line.split(",", 1)[1] for line in path.read_text().splitlines()]  # noqa: E731
    assert strip_ids(alone.files[0]) == strip_ids(within.files[1])


# ------------------------------------------------------------------------------------------------ file format


def test_files_are_monthly_and_named_by_the_last_day_they_cover(tmp_path):
    extract = generate(Scenario(seed=1, start=date(2024, 1, 15), end=date(2024, 3, 10)), tmp_path,
                       seeds_dir=SEEDS)
    assert [f.name for f in extract.files] == [
        "stop_search_2024-01-31.csv", "stop_search_2024-02-29.csv", "stop_search_2024-03-10.csv"]


def test_daily_files_are_named_by_their_day_and_hold_only_that_day(tmp_path):
    extract = generate(Scenario(seed=1, start=date(2024, 2, 27), end=date(2024, 3, 1), file_period="day"),
                       tmp_path, seeds_dir=SEEDS)
    assert [f.name for f in extract.files] == [
        "stop_search_2024-02-27.csv", "stop_search_2024-02-28.csv", "stop_search_2024-02-29.csv",
        "stop_search_2024-03-01.csv"]
    for path in extract.files:
        day = path.stem.removeprefix("stop_search_")
        assert set(read_extract([path])["searched_at"].str[:10]) <= {day}


def test_the_header_is_the_force_contract_column_list(year_2023):
    for path in year_2023.files:
        with open(path, "rb") as handle:
            assert handle.readline() == (",".join(FORCE_STOP_SEARCH_COLUMNS) + "\n").encode()


def test_the_column_list_matches_the_contract_module():
    from equality.sources.stop_search.contracts import FORCE_STOP_SEARCH

    assert FORCE_STOP_SEARCH_COLUMNS == tuple(column.header for column in FORCE_STOP_SEARCH.columns)


def test_files_are_utf8_with_lf_line_endings_and_no_quoting(year_2023):
    data = year_2023.files[0].read_bytes()
    data.decode("utf-8")
    assert b"\r" not in data and b'"' not in data
    assert data.endswith(b"\n")
    assert all(line.count(b",") == len(FORCE_STOP_SEARCH_COLUMNS) - 1 for line in data.splitlines())


def test_row_count_is_the_number_of_data_rows_written(year_2023, rows_2023):
    assert year_2023.row_count == len(rows_2023) == sum(year_2023.truth.delivered_searches.values())


def test_values_are_well_formed(rows_2023):
    timestamps = rows_2023["searched_at"].map(datetime.fromisoformat)
    assert rows_2023["searched_at"].str.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+00:00").all()
    assert all(t.utcoffset() == timedelta(0) for t in timestamps)
    assert timestamps.min() >= datetime(2023, 1, 1, tzinfo=timezone.utc)
    assert timestamps.max() < datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert rows_2023["latitude"].str.fullmatch(r"52\.\d{6}").all()
    assert rows_2023["longitude"].str.fullmatch(r"-[12]\.\d{6}").all()
    assert (rows_2023["neighbourhood_code"].str[:3] == rows_2023["lpu_code"]).all()
    assert rows_2023["neighbourhood_code"].str.fullmatch(r"[A-Z]{3}-N\d\d").all()
    assert (rows_2023["team"].str[:3] == rows_2023["lpu_code"]).all()
    assert rows_2023["team"].str.fullmatch(r"[A-Z]{3}-(NPT|RES)-\d+").all()
    assert rows_2023["officer_id"].str.fullmatch(r"WM\d{5}").all()
    ages = rows_2023["age"]
    assert (ages == "").mean() < 0.01
    assert ages[ages != ""].astype(int).between(10, 90).all()
    assert rows_2023["record_id"].str.fullmatch(r"SS-2023-\d{6}").all()


def test_each_file_is_in_time_order(year_2023):
    for path in year_2023.files:
        times = read_extract([path])["searched_at"]
        assert times.is_monotonic_increasing, path.name


def test_coordinates_fall_in_a_box_around_their_local_policing_unit(rows_2023):
    for lpu, rows in rows_2023.groupby("lpu_code"):
        lat0, lon0, half_lat, half_lon, _, _ = LPU_GEOGRAPHY[lpu]
        assert rows["latitude"].astype(float).between(lat0 - half_lat, lat0 + half_lat).all(), lpu
        assert rows["longitude"].astype(float).between(lon0 - half_lon, lon0 + half_lon).all(), lpu


# ------------------------------------------------------------------------------------------------ codes


def test_every_coded_value_is_in_the_seeds(rows_2023):
    sources = seed_rows("ethnicity_source_values.csv")
    allowed = {
        "lpu_code": {r["lpu_code"] for r in seed_rows("local_policing_units.csv")},
        "self_defined_ethnicity": {r["source_value"] for r in sources if r["source_system"] == "force_self_defined"},
        "officer_observed_ethnicity": {r["source_value"] for r in sources
                                       if r["source_system"] == "force_officer_observed"},
        "legislation": {r["legislation_code"] for r in seed_rows("legislation.csv")},
        "object_of_search": {r["object_of_search_code"] for r in seed_rows("object_of_search.csv")},
        "outcome": {r["outcome_code"] for r in seed_rows("outcomes.csv")},
        "sex": {r["source_value"] for r in seed_rows("sex_source_values.csv") if r["source_system"] == "force"},
    }
    for column, codes in allowed.items():
        unknown = set(rows_2023[column]) - codes
        assert not unknown, f"{column} has values not in the seeds: {sorted(unknown)}"
    assert set(rows_2023["lpu_code"]) == allowed["lpu_code"], "every local policing unit has searches"


def test_every_coded_value_passes_the_ingest_contract(rows_2023):
    from equality.contracts import allowed_values
    from equality.sources.stop_search.contracts import FORCE_STOP_SEARCH

    for column in FORCE_STOP_SEARCH.columns:
        if column.code_list is not None:
            allowed = set(allowed_values(column.code_list, FORCE_STOP_SEARCH.source_system, SEEDS))
            unknown = set(rows_2023[column.header]) - allowed
            assert not unknown, f"{column.header} has values ingest would quarantine: {sorted(unknown)}"


def test_object_of_search_is_consistent_with_legislation(rows_2023):
    pairs = rows_2023.groupby("legislation")["object_of_search"].unique().map(set).to_dict()
    assert pairs["MDA_S23"] == {"CONTROLLED_DRUGS"}
    assert pairs["CJPOA_S60"] == {"OFFENSIVE_WEAPONS"}
    assert pairs["FIREARMS_S47"] == {"FIREARMS"}
    assert pairs["PACE_S1"] == {"OFFENSIVE_WEAPONS", "STOLEN_GOODS", "ARTICLES_FOR_THEFT",
                                "ARTICLES_FOR_CRIMINAL_DAMAGE"}


def test_outcome_linked_to_object_is_blank_exactly_when_no_further_action(rows_2023):
    nfa = {r["outcome_code"] for r in seed_rows("outcomes.csv") if r["is_no_further_action"].lower() in
           ("true", "t", "1")}
    is_nfa = rows_2023["outcome"].isin(nfa)
    assert (rows_2023.loc[is_nfa, "outcome_linked_to_object"] == "").all()
    assert rows_2023.loc[~is_nfa, "outcome_linked_to_object"].isin({"true", "false"}).all()


def test_strip_search_implies_more_than_outer_clothing_removed(rows_2023):
    for column in ("more_than_outer_clothing_removed", "strip_search"):
        assert rows_2023[column].isin({"true", "false"}).all()
    strip = rows_2023["strip_search"] == "true"
    assert strip.any()
    assert (rows_2023.loc[strip, "more_than_outer_clothing_removed"] == "true").all()


def test_officer_observed_ethnicity_mostly_agrees_with_self_defined(rows_2023):
    group = rows_2023["self_defined_ethnicity"].map(broad_group_of_self_defined())
    assert (rows_2023.loc[group == "Black", "officer_observed_ethnicity"] == "IC3").mean() > 0.9
    assert rows_2023.loc[group == "White", "officer_observed_ethnicity"].isin({"IC1", "IC2"}).mean() > 0.9
    assert (rows_2023["officer_observed_ethnicity"] == "IC9").any()


# ------------------------------------------------------------------------------------------------ record ids


def test_record_ids_are_unique_across_files(tmp_path):
    extract = generate(Scenario(seed=3, start=date(2023, 11, 1), end=date(2024, 2, 29), file_period="day"),
                       tmp_path, seeds_dir=SEEDS)
    ids = read_extract(extract.files)["record_id"]
    assert len(extract.files) == 121
    assert ids.is_unique


# ------------------------------------------------------------------------------------------------ injected truth


def test_truth_expected_searches_follow_population_times_rate(year_2023):
    truth = year_2023.truth
    population = census_population()
    for (lpu, group), expected in truth.expected_searches.items():
        want = population.get((lpu, group), 0) * 3.0 / 1000 * truth.scenario.rate_ratios[group] * 365 / 365.25
        assert expected == pytest.approx(want), (lpu, group)
    assert truth.rate_ratio("Black") == pytest.approx(3.0)


def test_a_year_at_the_default_rate_is_a_realistic_force_volume(year_2023):
    assert 8_000 < year_2023.row_count < 20_000


def test_the_injected_rate_ratios_are_recovered_from_the_stated_rows(rows_2023):
    for group in ("Black", "Asian", "Mixed"):
        assert_ratio_recovered(rows_2023, group, Scenario(seed=0, **YEAR_2023).rate_ratios[group])


def test_a_recovered_ratio_detects_a_different_truth(rows_2023):
    with pytest.raises(AssertionError):
        assert_ratio_recovered(rows_2023, "Black", 2.5)


def test_a_local_override_is_recovered_in_that_area_only(tmp_path):
    scenario = Scenario(seed=8, searches_per_1000_white_per_year=6.0, lpu_rate_ratios={"BIR": {"Black": 6.0}},
                        **YEAR_2023)
    rows = read_extract(generate(scenario, tmp_path, seeds_dir=SEEDS).files)
    assert_ratio_recovered(rows, "Black", 6.0, lpu="BIR")
    assert_ratio_recovered(rows, "Black", 3.0, lpu="WOL")


def test_not_stated_is_recorded_at_the_scenario_share(rows_2023):
    share = (rows_2023["self_defined_ethnicity"] == "NS").mean()
    n = len(rows_2023)
    assert abs(share - 0.08) < 4 * math.sqrt(0.08 * 0.92 / n)


def test_find_rates_by_group_are_the_injected_outcome_test_truth(rows_2023):
    group = rows_2023["self_defined_ethnicity"].map(broad_group_of_self_defined())
    found = rows_2023["outcome_linked_to_object"] == "true"
    for name, rate in Scenario(seed=0, **YEAR_2023).find_rate_by_group.items():
        in_group = found[group == name]
        margin = 4 * math.sqrt(rate * (1 - rate) / len(in_group))
        assert abs(in_group.mean() - rate) < margin, f"{name}: find rate {in_group.mean():.3f}, injected {rate}"


def test_black_people_have_more_than_outer_clothing_removed_twice_as_often(rows_2023):
    group = rows_2023["self_defined_ethnicity"].map(broad_group_of_self_defined())
    removed = rows_2023["more_than_outer_clothing_removed"] == "true"
    ratio = removed[group == "Black"].mean() / removed[group == "White"].mean()
    assert 1.4 < ratio < 2.8


# ------------------------------------------------------------------------------------------------ delivery gaps


def test_a_missing_month_produces_no_file_but_its_searches_still_happened(tmp_path):
    scenario = Scenario(seed=4, start=date(2023, 1, 1), end=date(2023, 3, 31), missing_months={(2023, 2)})
    extract = generate(scenario, tmp_path, seeds_dir=SEEDS)
    assert [f.name for f in extract.files] == ["stop_search_2023-01-31.csv", "stop_search_2023-03-31.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [f.name for f in extract.files]
    assert sum(extract.truth.occurred_searches.values()) > sum(extract.truth.delivered_searches.values())


@pytest.mark.parametrize("oversight", [{}, dict(outlier_officers=2, outlier_teams=1)], ids=["plain", "with outliers"])
def test_a_partial_month_keeps_that_fraction_of_the_same_rows(tmp_path, oversight):
    period = dict(start=date(2023, 1, 1), end=date(2023, 2, 28), **oversight)
    full = generate(Scenario(seed=4, **period), tmp_path / "full", seeds_dir=SEEDS)
    partial = generate(Scenario(seed=4, partial_months={(2023, 2): 0.4}, **period), tmp_path / "partial",
                       seeds_dir=SEEDS)
    full_lines = full.files[1].read_text().splitlines()[1:]
    partial_lines = partial.files[1].read_text().splitlines()[1:]
    assert len(partial_lines) == round(0.4 * len(full_lines))  # the outliers' extra searches thinned too
    assert set(partial_lines) <= set(full_lines)
    assert partial.files[0].read_bytes() == full.files[0].read_bytes(), "other months are untouched"
    assert sum(partial.truth.delivered_searches.values()) == len(full.files[0].read_text().splitlines()) - 1 + len(partial_lines)


# ------------------------------------------------------------------------------------------------ validation


@pytest.mark.parametrize("change, message", [
    (dict(rate_ratios={"Purple": 2.0}), "unknown broad group"),
    (dict(find_rate_by_group={"Black": 1.5}), "share in"),
    (dict(end=date(2022, 12, 31)), "before start"),
    (dict(file_period="week"), "file_period"),
    (dict(partial_months={(2023, 1): 2.0}), "fraction"),
])
def test_a_scenario_rejects_impossible_settings(change, message):
    with pytest.raises(ValueError, match=message):
        Scenario(**{"seed": 1, **YEAR_2023, **change})


def test_a_scenario_fills_groups_it_does_not_name_from_the_defaults():
    scenario = Scenario(seed=1, rate_ratios={"Black": 5.0}, **YEAR_2023)
    assert dict(scenario.rate_ratios) == {"White": 1.0, "Black": 5.0, "Asian": 1.4, "Mixed": 1.8, "Other": 1.2}
    assert set(scenario.find_rate_by_group) == set(BROAD_GROUPS)


def test_an_override_for_an_unknown_local_policing_unit_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="XYZ"):
        generate(Scenario(seed=1, lpu_rate_ratios={"XYZ": {"Black": 2.0}}, **YEAR_2023), tmp_path, seeds_dir=SEEDS)


def test_generated_codes_missing_from_the_seeds_are_reported(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in SEEDS.glob("*.csv"):
        (seeds / path.name).write_bytes(path.read_bytes())
    rows = [r for r in seed_rows("legislation.csv") if r["legislation_code"] != "CJPOA_S60"]
    with open(seeds / "legislation.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(ValueError, match="CJPOA_S60"):
        generate(Scenario(seed=1, **YEAR_2023), tmp_path / "out", seeds_dir=seeds)


def test_oversight_truth_is_injected_only_when_asked_and_where_it_says(tmp_path):
    plain = generate(Scenario(seed=4, start=date(2024, 4, 1), end=date(2024, 5, 31)), tmp_path / "plain")
    assert plain.truth.oversight is None
    scenario = Scenario(seed=4, start=date(2024, 4, 1), end=date(2024, 5, 31), outlier_officers=2, outlier_teams=1,
                        outlier_team_ratio=2.0, outlier_officer_ratio=3.0, night_weight_by_group={"Black": 2.0},
                        case_mix_team_lpus=("BIR",))
    extract = generate(scenario, tmp_path / "oversight")
    truth = extract.truth.oversight
    rows = read_extract(extract.files)
    group = rows["self_defined_ethnicity"].map(broad_group_of_self_defined())
    assert len(truth.outlier_officers) == 2 and len(truth.outlier_teams) == 1
    teams = dict(zip(rows["officer_id"], rows["team"]))
    assert {teams[officer] for officer in truth.outlier_officers} == set(truth.outlier_teams)
    assert truth.teams_with_outlier_officers == set(truth.outlier_teams)
    # the outlier team's searches hold more Black people than the rest of its LPU's
    lpu = rows["lpu_code"] == rows.loc[rows["team"] == truth.outlier_teams[0], "lpu_code"].iloc[0]
    in_team = rows["team"] == truth.outlier_teams[0]
    assert (group[lpu & in_team] == "Black").mean() > 1.3 * (group[lpu & ~in_team] == "Black").mean()
    # the expected searches count the outliers' extra searches (of Black people only), as many as were drawn
    extra_expected = {key: extract.truth.expected_searches[key] - expected
                      for key, expected in plain.truth.expected_searches.items()}
    team_lpu_black = (rows.loc[in_team, "lpu_code"].iloc[0], "Black")
    assert extra_expected[team_lpu_black] > 0
    assert all(extra == 0 for (_, broad), extra in extra_expected.items() if broad != "Black")
    drawn = extract.truth.delivered_searches[team_lpu_black] - extract.truth.occurred_searches[team_lpu_black]
    assert abs(drawn - extra_expected[team_lpu_black]) <= 5 * extra_expected[team_lpu_black] ** 0.5
    # the case-mix team works Birmingham's nights (London time) only, and its raw Black share is the force's and more
    mixed = rows[rows["team"] == truth.case_mix_team]
    hours = pd.to_datetime(mixed["searched_at"], utc=True).dt.tz_convert("Europe/London").dt.hour
    assert len(mixed) > 0 and set(mixed["lpu_code"]) == {"BIR"} and ((hours >= 23) | (hours < 7)).all()
    assert set(mixed["officer_id"]) <= set(truth.case_mix_officers)
    assert rows["record_id"].is_unique and extract.row_count == len(rows)
