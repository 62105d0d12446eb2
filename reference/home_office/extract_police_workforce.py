"""Extract police workforce numbers by force from the Home Office "Police workforce, England and Wales" ODS tables.

Writes the dbt seed `dbt_project/seeds/home_office_police_workforce.csv`: one row per
as_at x force x workforce type x measure, for the 43 territorial forces and British Transport Police (no English
regions, no "Total 43 forces" / "Total" rows, no central service secondments). The seed is committed, so nothing at
run time needs odfpy; this script is only for re-creating it. See README-police-workforce.md next to it.

The editions read (30 September 2015 to 2019; each also carries the 31 March and previous 30 September figures):

    police-workforce-tabs-30sep15.ods   police-workforce-tables-sep16.ods   police-workforce-tables-jan17.ods
    police-workforce-sep18-tables.ods   police-workforce-sep19-tables.ods

Tables are recognised by their title, not their sheet number (the numbering changes between editions):

    "Police officers by police force area ..."                    -> OFFICER
    "Police staff by police force area ..."                       -> STAFF   (excludes designated officers)
    "Police community support officers by police force area ..."  -> PCSO
    "Special constables by police force area ..."                 -> SPECIAL (headcount only)

and the measure by the unit cell above the table ("Full-time equivalents" -> FTE, "Headcount" -> HEADCOUNT).
Designated officers, police staff and designated officers combined, police support volunteers and the national
time series are not extracted.

The force rows sit under English region rows, and the West Midlands *region* row carries the same label as the West
Midlands *force* row below it. Rows are therefore read as region blocks (a region label opens a block that must list
exactly that region's forces), and every region row and "Total 43 forces" row is checked against the sum of its
forces, so a region row cannot be taken for a force.

When an as_at date is published by two editions (e.g. 30 September 2016 in the September 2016 and September 2017
editions), the later edition's figure is kept: it carries the Home Office's revisions. Cells published as ".." (not
available) or "*" (not applicable) give no row, unless an earlier edition gave a figure for that date (then that
figure is kept and reported); "-" (nil) gives 0.

Run (from the repository root, with a throwaway venv; pandas and odfpy are not project dependencies):

    python3 -m venv /tmp/odsvenv && /tmp/odsvenv/bin/pip install pandas odfpy
    /tmp/odsvenv/bin/python reference/home_office/extract_police_workforce.py \
        --source-dir /work/shared/data/real/workforce

The script asserts the figures quoted in shared/data/real/SOURCES.md (West Midlands Police officers, FTE and
headcount) before it writes anything, and prints the dates covered per type and measure, the gaps and the revisions.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE_DIR = Path("/work/shared/data/real/workforce")
DEFAULT_OUTPUT = REPO_ROOT / "dbt_project" / "seeds" / "home_office_police_workforce.csv"

# Edition file -> the 30 September the edition is "as at" (the latest date in it; used to prefer revisions).
EDITIONS = {
    "police-workforce-tabs-30sep15.ods": dt.date(2015, 9, 30),
    "police-workforce-tables-sep16.ods": dt.date(2016, 9, 30),
    "police-workforce-tables-jan17.ods": dt.date(2017, 9, 30),  # published January 2018
    "police-workforce-sep18-tables.ods": dt.date(2018, 9, 30),
    "police-workforce-sep19-tables.ods": dt.date(2019, 9, 30),
}

# English regions and Wales, each with its forces, as the tables list them (names as published).
REGIONS: dict[str, list[str]] = {
    "North East": ["Cleveland", "Durham", "Northumbria"],
    "North West": ["Cheshire", "Cumbria", "Greater Manchester", "Lancashire", "Merseyside"],
    "Yorkshire and the Humber": ["Humberside", "North Yorkshire", "South Yorkshire", "West Yorkshire"],
    "East Midlands": ["Derbyshire", "Leicestershire", "Lincolnshire", "Northamptonshire", "Nottinghamshire"],
    "West Midlands": ["Staffordshire", "Warwickshire", "West Mercia", "West Midlands"],
    "Eastern": ["Bedfordshire", "Cambridgeshire", "Essex", "Hertfordshire", "Norfolk", "Suffolk"],
    "London": ["London, City of", "Metropolitan Police"],
    "South East": ["Hampshire", "Kent", "Surrey", "Sussex", "Thames Valley"],
    "South West": ["Avon & Somerset", "Devon & Cornwall", "Dorset", "Gloucestershire", "Wiltshire"],
    "Wales": ["Dyfed-Powys", "Gwent", "North Wales", "South Wales"],
}
BTP = "British Transport Police"
TOTAL_43 = "Total 43 forces"
NOT_FORCES = {"Central Service Secondments", "Total"}  # read past, never extracted

# Published force name -> police.uk force id (data.police.uk/api/forces), the slug in police.uk file names.
FORCE_SLUGS = {
    "Avon & Somerset": "avon-and-somerset", "Bedfordshire": "bedfordshire", "Cambridgeshire": "cambridgeshire",
    "Cheshire": "cheshire", "London, City of": "city-of-london", "Cleveland": "cleveland", "Cumbria": "cumbria",
    "Derbyshire": "derbyshire", "Devon & Cornwall": "devon-and-cornwall", "Dorset": "dorset", "Durham": "durham",
    "Dyfed-Powys": "dyfed-powys", "Essex": "essex", "Gloucestershire": "gloucestershire",
    "Greater Manchester": "greater-manchester", "Gwent": "gwent", "Hampshire": "hampshire",
    "Hertfordshire": "hertfordshire", "Humberside": "humberside", "Kent": "kent", "Lancashire": "lancashire",
    "Leicestershire": "leicestershire", "Lincolnshire": "lincolnshire", "Merseyside": "merseyside",
    "Metropolitan Police": "metropolitan", "Norfolk": "norfolk", "North Wales": "north-wales",
    "North Yorkshire": "north-yorkshire", "Northamptonshire": "northamptonshire", "Northumbria": "northumbria",
    "Nottinghamshire": "nottinghamshire", "South Wales": "south-wales", "South Yorkshire": "south-yorkshire",
    "Staffordshire": "staffordshire", "Suffolk": "suffolk", "Surrey": "surrey", "Sussex": "sussex",
    "Thames Valley": "thames-valley", "Warwickshire": "warwickshire", "West Mercia": "west-mercia",
    "West Midlands": "west-midlands", "West Yorkshire": "west-yorkshire", "Wiltshire": "wiltshire",
    BTP: "btp",
}
assert sorted(FORCE_SLUGS) == sorted([force for forces in REGIONS.values() for force in forces] + [BTP])

# Table title (after "Table N: ") -> workforce_type_code. Only tables "by police force area" are force tables.
TABLE_TYPES = [
    (re.compile(r"^police officers by police force area", re.I), "OFFICER"),
    (re.compile(r"^police staff by police force area", re.I), "STAFF"),
    (re.compile(r"^police community support officers by police force area", re.I), "PCSO"),
    (re.compile(r"^special constables by police force area", re.I), "SPECIAL"),
]
UNITS = {"full-time equivalents": "FTE", "headcount": "HEADCOUNT"}
NOT_AVAILABLE = {"..": "not available ('..')", "*": "not applicable ('*')"}
NIL = {"-"}

# Figures quoted in shared/data/real/SOURCES.md (West Midlands Police officers), asserted on the output.
EXPECTED = {
    ("2017-09-30", "west-midlands", "OFFICER", "FTE"): "6534.5",
    ("2018-03-31", "west-midlands", "OFFICER", "FTE"): "6581.02",
    ("2018-09-30", "west-midlands", "OFFICER", "FTE"): "6558.8773",
    ("2019-03-31", "west-midlands", "OFFICER", "FTE"): "6494.7",
    ("2019-09-30", "west-midlands", "OFFICER", "FTE"): "6405.063575",
    ("2019-03-31", "west-midlands", "OFFICER", "HEADCOUNT"): "6641",
    ("2019-09-30", "west-midlands", "OFFICER", "HEADCOUNT"): "6546",
}
# The West Midlands *region* officers FTE at 30 Sep 2018 (sep19 Table_1): must never appear as the force's figure.
WEST_MIDLANDS_REGION_OFFICER_FTE_SEP18 = 10886.6773

SIGNIFICANT_DIGITS = 12  # every figure is below 100,000, so this keeps at least 7 decimal places

COLUMNS = ["as_at", "force_name", "force_slug", "workforce_type_code", "measure", "value"]


def clean_label(cell) -> str | None:
    """A row label without surrounding spaces or a trailing footnote marker ("Derbyshire1" -> "Derbyshire")."""
    if not isinstance(cell, str) or not cell.strip():
        return None
    return re.sub(r"(?<=[A-Za-z])\d+(,\d+)*$", "", cell.strip()).strip()


def parse_value(cell) -> tuple[float | None, str | None]:
    """(number, None) for a figure; (None, why) for a published not-available/not-applicable marker."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if math.isnan(cell):
            raise ValueError("empty cell where a figure is expected")
        return float(cell), None
    text = str(cell).strip()
    if text in NIL:
        return 0.0, None
    if text in NOT_AVAILABLE:
        return None, NOT_AVAILABLE[text]
    raise ValueError(f"unexpected cell {cell!r}")


def table_type(title: str) -> str | None:
    name = re.sub(r"^table\s*\d+\s*:\s*", "", title.strip(), flags=re.I)
    for pattern, code in TABLE_TYPES:
        if pattern.search(name):
            return code
    return None


def table_measure(sheet: pd.DataFrame, title: str, where: str) -> str:
    found = {UNITS[str(cell).strip().lower()] for cell in sheet.iloc[:8].to_numpy().ravel()
             if isinstance(cell, str) and str(cell).strip().lower() in UNITS}
    if len(found) != 1:
        raise ValueError(f"{where}: expected one unit cell (FTE or headcount), found {found}")
    measure = found.pop()
    in_title = re.search(r"\((FTE|headcount)\)\s*$", title.strip(), re.I)
    if in_title and {"fte": "FTE", "headcount": "HEADCOUNT"}[in_title.group(1).lower()] != measure:
        raise ValueError(f"{where}: title says {in_title.group(1)} but the unit cell says {measure}")
    return measure


def date_columns(sheet: pd.DataFrame, where: str) -> tuple[int, dict[int, dt.date]]:
    """The header row holding the as-at dates, and column index -> date."""
    for row in range(min(10, len(sheet))):
        dates = {col: pd.Timestamp(cell).date() for col, cell in sheet.iloc[row].items()
                 if isinstance(cell, (dt.datetime, pd.Timestamp))}
        if dates:
            for day in dates.values():
                if (day.month, day.day) not in {(3, 31), (9, 30)}:
                    raise ValueError(f"{where}: unexpected as-at date {day}")
            return row, dates
    raise ValueError(f"{where}: no row of as-at dates in the header")


def read_force_table(sheet: pd.DataFrame, where: str) -> tuple[dict[str, dict[int, object]], list[str]]:
    """Force name -> {column: cell} for the 43 forces and BTP, checking the region and 43-force totals.

    Returns the force rows and a list of the sums that could not be checked because a cell was not available."""
    header_row, dates = date_columns(sheet, where)
    forces: dict[str, dict[int, object]] = {}
    regions: dict[str, dict[int, object]] = {}
    members: dict[str, list[str]] = {}
    total_43: dict[int, object] | None = None
    region = None
    remaining: list[str] = []
    for _, row in sheet.iloc[header_row + 1:].iterrows():
        label = clean_label(row[0])
        if label is None:
            continue
        cells = {col: row[col] for col in dates}
        if label in remaining:  # a force of the open region block (the West Midlands force, not the region)
            remaining.remove(label)
            forces[label] = cells
            members[region].append(label)
        elif label in REGIONS and not remaining and label not in regions:
            region, remaining = label, list(REGIONS[label])
            regions[label], members[label] = cells, []
        elif label == BTP and not remaining:
            forces[label] = cells
        elif label == TOTAL_43 and not remaining:
            total_43 = cells
        elif label in NOT_FORCES and not remaining:
            if label == "Total":
                break  # the notes follow
        else:
            raise ValueError(f"{where}: unexpected row {label!r} (region {region!r}, still expecting {remaining})")
    missing = [force for force in FORCE_SLUGS if force not in forces]
    if missing or set(regions) != set(REGIONS) or total_43 is None:
        raise ValueError(f"{where}: forces missing {missing}, regions {sorted(regions)}, "
                         f"total row {total_43 is not None}")

    unchecked = []
    sums = [(f"region {name}", regions[name], members[name]) for name in REGIONS]
    sums.append((TOTAL_43, total_43, [force for name in REGIONS for force in members[name]]))
    for what, published_total, parts in sums:
        for col, day in dates.items():
            total, _ = parse_value(published_total[col])
            values = [parse_value(forces[force][col]) for force in parts]
            added = sum(value for value, _ in values if value is not None)
            adds_up = total is not None and abs(added - total) <= 0.01 + 1e-6 * abs(total)
            if total is None or any(value is None for value, _ in values):
                unchecked.append(f"{where} {what} {day} (the forces with a figure "
                                 f"{'add up to' if adds_up else 'do not add up to'} the total)")
            elif not adds_up:
                raise ValueError(f"{where}: {what} at {day} is {total} but its forces add to {added}")
    return {force: {day: forces[force][col] for col, day in dates.items()} for force in forces}, unchecked


def extract(source_dir: Path):
    """All force figures of all editions: (as_at, force, type, measure) -> [(edition, value, why, where)]."""
    found: dict[tuple[dt.date, str, str, str], list[tuple[dt.date, float | None, str | None, str]]] = defaultdict(list)
    tables_read: list[str] = []
    tables_skipped: list[str] = []
    unchecked: list[str] = []
    for file_name, edition in EDITIONS.items():
        path = source_dir / file_name
        if not path.exists():
            raise FileNotFoundError(f"{path} not found (see shared/data/real/SOURCES.md, workforce/)")
        for sheet_name, sheet in pd.read_excel(path, engine="odf", sheet_name=None, header=None).items():
            title = sheet.iloc[0, 0] if sheet.shape[0] else None
            if sheet_name == "Index" or not isinstance(title, str):
                continue
            where = f"{file_name}:{sheet_name}"
            code = table_type(title)
            if code is None:
                tables_skipped.append(f"{where} ({title.strip()[:90]})")
                continue
            measure = table_measure(sheet, title, where)
            rows, not_checked = read_force_table(sheet, where)
            unchecked += not_checked
            days = sorted({str(day) for by_day in rows.values() for day in by_day})
            tables_read.append(f"{where} -> {code} {measure}, as at {', '.join(days)}")
            for force, by_day in rows.items():
                for day, cell in by_day.items():
                    value, why = parse_value(cell)
                    found[(day, force, code, measure)].append((edition, value, why, where))
    return found, tables_read, tables_skipped, unchecked


def choose(found):
    """The figure of the latest edition that gives one, for each key.

    Also returns the gaps (no edition gives a figure), the keys whose latest edition has a marker instead of the
    figure an earlier edition gave (the earlier figure is kept), and the figures revised between editions."""
    rows, gaps, withdrawn, revisions = [], [], [], []
    for (day, force, code, measure), versions in sorted(found.items()):
        versions = sorted(versions)
        given = [version for version in versions if version[1] is not None]
        if not given:
            gaps.append(f"{day} {force} {code} {measure}: {versions[-1][2]} in {versions[-1][3]}")
            continue
        _, value, _, where = given[-1]
        for _, later, why, later_where in versions[versions.index(given[-1]) + 1:]:
            withdrawn.append(f"{day} {force} {code} {measure}: {format_value(value)} in {where} kept; "
                             f"{why} in {later_where}")
        for _, old, _, old_where in given[:-1]:
            if format_value(old) != format_value(value):
                revisions.append(f"{day} {force} {code} {measure}: "
                                 f"{format_value(old)} in {old_where} -> {format_value(value)} in {where}")
        rows.append({"as_at": day.isoformat(), "force_name": force, "force_slug": FORCE_SLUGS[force],
                     "workforce_type_code": code, "measure": measure, "value": value})
    return rows, gaps, withdrawn, revisions


def format_value(value: float) -> str:
    """The figure with no thousands separators, no trailing '.0' and no binary floating-point noise.

    The ODS cells hold the unrounded figures (the sheets display them rounded to whole numbers), some as formula
    results with float noise: 6534.5000000000082 for 6,534.5, 6581.0199999999995 for 6,581.02. Rounding to
    SIGNIFICANT_DIGITS removes the noise and changes no figure by more than 1e-8 (of an FTE)."""
    value = float(f"{float(value):.{SIGNIFICANT_DIGITS}g}")
    if value.is_integer():
        return str(int(value))
    return repr(value)  # shortest round-trip form


def self_check(rows: list[dict]) -> None:
    by_key = {(r["as_at"], r["force_slug"], r["workforce_type_code"], r["measure"]): r["value"] for r in rows}
    assert len(by_key) == len(rows), "duplicate as_at x force x type x measure"
    for key, expected in EXPECTED.items():
        assert key in by_key, f"{key} missing"
        written = format_value(by_key[key])
        assert written == expected, f"{key}: {written} would be written, SOURCES.md quotes {expected}"
    wmp = [format_value(r["value"]) for r in rows if r["force_slug"] == "west-midlands"]
    assert format_value(WEST_MIDLANDS_REGION_OFFICER_FTE_SEP18) not in wmp, \
        "a West Midlands region figure was taken for the force"
    assert {r["force_slug"] for r in rows} == set(FORCE_SLUGS.values())
    assert not {r["force_name"] for r in rows} & (set(REGIONS) - set(FORCE_SLUGS)), "a region row was extracted"
    assert all(r["value"] >= 0 for r in rows), "negative figure"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source-dir", type=Path, default=DEFAULT_SOURCE_DIR, help="folder holding the ODS files")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="seed CSV to write")
    args = parser.parse_args(argv)

    found, tables_read, tables_skipped, unchecked = extract(args.source_dir)
    rows, gaps, withdrawn, revisions = choose(found)
    self_check(rows)

    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in sorted(rows, key=lambda r: (r["as_at"], r["force_slug"], r["workforce_type_code"], r["measure"])):
            writer.writerow({**row, "value": format_value(row["value"])})

    print(f"wrote {len(rows)} rows, {len({r['force_slug'] for r in rows})} forces, to {args.output}")
    print("\ntables read:\n  " + "\n  ".join(tables_read))
    print("\ntables not extracted:\n  " + "\n  ".join(tables_skipped))
    coverage = defaultdict(set)
    for r in rows:
        coverage[(r["workforce_type_code"], r["measure"])].add(r["as_at"])
    print("\nas_at covered:")
    for (code, measure), days in sorted(coverage.items()):
        print(f"  {code:8} {measure:9} {len(days):2} dates: {', '.join(sorted(days))}")
    print("\nWest Midlands Police:")
    for r in sorted((r for r in rows if r["force_slug"] == "west-midlands"),
                    key=lambda r: (r["workforce_type_code"], r["measure"], r["as_at"])):
        print(f"  {r['as_at']} {r['workforce_type_code']:8} {r['measure']:9} {format_value(r['value'])}")
    print(f"\ngaps ({len(gaps)}):" + "".join(f"\n  {gap}" for gap in gaps))
    print(f"\nfigure given by an earlier edition, marker in a later one ({len(withdrawn)}):"
          + "".join(f"\n  {item}" for item in withdrawn))
    print(f"\nrevised between editions ({len(revisions)}; the later edition's figure is kept):"
          + "".join(f"\n  {revision}" for revision in revisions))
    print(f"\ntotals not fully checked because a force's cell is not available ({len(unchecked)}):"
          + "".join(f"\n  {item}" for item in unchecked))
    print("\nself-check passed (SOURCES.md West Midlands Police figures; no region rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
