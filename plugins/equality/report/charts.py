"""The board report's charts: matplotlib drawn to inline SVG (text as paths, so no font or network is needed).

Each function takes plain rows and returns an ``<svg>`` element as text. Ratios are drawn on a log scale, so
that 2 and 1/2 sit equally far from 1 (no difference), with 95% intervals as whiskers.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import date

import matplotlib

matplotlib.use("svg")
from matplotlib import pyplot  # noqa: E402  (the backend is chosen before pyplot is imported)

pyplot.rcParams.update({
    "svg.fonttype": "path", "svg.hashsalt": "equality-board-report", "font.size": 9,
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True, "grid.alpha": 0.3,
})

# One colour per broad ethnic group, the same in every chart (Okabe-Ito, readable by colour-blind readers).
GROUP_COLOURS = {"Asian": "#E69F00", "Black": "#0072B2", "Mixed": "#009E73", "Other": "#CC79A7", "White": "#555555"}
EXTRA_COLOURS = ("#D55E00", "#56B4E9", "#F0E442", "#000000")
WIDTH_INCHES = 7.5


@dataclass(frozen=True)
class Estimate:
    """A figure with its 95% interval; None where the published table suppressed it."""

    label: str
    value: float | None
    lower: float | None
    upper: float | None


def nothing_published() -> str:
    """A chart's place when reporting holds nothing for it (a source not delivered yet, or all suppressed)."""
    figure, axis = pyplot.subplots(figsize=(WIDTH_INCHES, 1.2))
    axis.axis("off")
    axis.text(0.5, 0.5, "nothing published for this figure", ha="center", va="center", color="#777777")
    return _svg(figure)


def colour(group: str, position: int = 0) -> str:
    return GROUP_COLOURS.get(group, EXTRA_COLOURS[position % len(EXTRA_COLOURS)])


def _svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    pyplot.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg"):]


RATIO_TICKS = (0.125, 0.25, 0.5, 1, 2, 4, 8, 16)


def _ratio_axis(axis, values: list[float], axis_name: str = "y") -> None:
    """A log axis for ratios spanning the values and 1, labelled in plain numbers, with the line of no
    difference at 1."""
    lowest, highest = min([*values, 0.8]) / 1.15, max([*values, 1.25]) * 1.15
    scaled = axis.yaxis if axis_name == "y" else axis.xaxis
    (axis.set_yscale if axis_name == "y" else axis.set_xscale)("log")
    (axis.set_ylim if axis_name == "y" else axis.set_xlim)(lowest, highest)
    scaled.set_major_locator(matplotlib.ticker.FixedLocator(RATIO_TICKS))
    scaled.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda tick, _: f"{tick:g}"))
    scaled.set_minor_formatter(matplotlib.ticker.NullFormatter())
    (axis.axhline if axis_name == "y" else axis.axvline)(1, color="#333333", linewidth=1)


def ratios_over_time(series: dict[str, list[tuple[date, float | None, float | None, float | None]]],
                     ylabel: str) -> str:
    """Ratio against the reference group over time, one line per group, its 95% interval shaded."""
    figure, axis = pyplot.subplots(figsize=(WIDTH_INCHES, 3.2))
    values = []
    for position, (group, points) in enumerate(series.items()):
        shown = [(when, value, low, high) for when, value, low, high in points if value is not None]
        if not shown:
            continue
        when, value, low, high = zip(*shown)
        values += [bound for bound in (*low, *high) if bound is not None]
        axis.plot(when, value, color=colour(group, position), label=group, linewidth=1.8)
        axis.fill_between(when, [l or v for l, v in zip(low, value)], [h or v for h, v in zip(high, value)],
                          color=colour(group, position), alpha=0.15, linewidth=0)
    _ratio_axis(axis, values)
    axis.set_ylabel(ylabel)
    axis.legend(loc="upper left", ncols=5, frameon=False)
    return _svg(figure)


def forest(panels: dict[str, list[Estimate]], xlabel: str) -> str:
    """A forest plot: each estimate a point with its 95% interval, one panel per measure, side by side (each
    panel lists its own groups; a suppressed one says so where its point would be)."""
    panels = {title: estimates for title, estimates in panels.items() if estimates}
    if not panels:
        return nothing_published()
    rows = max(len(estimates) for estimates in panels.values())
    figure, axes = pyplot.subplots(1, len(panels), figsize=(WIDTH_INCHES, 0.9 + 0.3 * rows), squeeze=False)
    for axis, (title, estimates) in zip(axes[0], panels.items()):
        shown = [bound for estimate in estimates for bound in (estimate.lower, estimate.value, estimate.upper)
                 if bound is not None]
        for position, estimate in enumerate(estimates):
            if estimate.value is None:
                axis.annotate("suppressed", (1, position), ha="center", va="center", color="#777777", fontsize=8)
                continue
            low = estimate.lower if estimate.lower is not None else estimate.value
            high = estimate.upper if estimate.upper is not None else estimate.value
            axis.plot([low, high], [position, position], color=colour(estimate.label, position), linewidth=2)
            axis.plot(estimate.value, position, "o", color=colour(estimate.label, position))
        axis.set_yticks(range(len(estimates)), [estimate.label for estimate in estimates])
        axis.set_ylim(len(estimates) - 0.5, -0.5)
        _ratio_axis(axis, shown, "x")
        axis.set_title(title, fontsize=9)
        axis.set_xlabel(xlabel)
    figure.tight_layout()
    return _svg(figure)


def funnel(points: list[tuple[str, float, float]], centre: float, xlabel: str, ylabel: str) -> str:
    """A funnel plot of rates per 1,000 against their base: the force's rate as the centre line and the 95% and
    99.8% limits that chance alone would keep an area within (Poisson, normal approximation)."""
    figure, axis = pyplot.subplots(figsize=(WIDTH_INCHES, 3.4))
    bases = [base for _, base, _ in points if base > 0]
    if bases:
        lowest, highest = min(bases) * 0.8, max(bases) * 1.2
        grid = [lowest * (highest / lowest) ** (step / 99) for step in range(100)]
        for z, style in ((1.96, "--"), (3.09, ":")):
            spread = [z * 1000 * math.sqrt(centre / 1000 / base) for base in grid]
            axis.plot(grid, [centre + s for s in spread], style, color="#777777", linewidth=1)
            axis.plot(grid, [max(centre - s, 0) for s in spread], style, color="#777777", linewidth=1)
        axis.set_xscale("log")
    axis.axhline(centre, color="#333333", linewidth=1)
    for label, base, rate in points:
        axis.plot(base, rate, "o", color=GROUP_COLOURS["Black"])
        axis.annotate(label, (base, rate), textcoords="offset points", xytext=(4, 4), fontsize=8)
    axis.set_xlabel(xlabel)
    axis.set_ylabel(ylabel)
    return _svg(figure)


def ratio_funnel(points: list[tuple[str, float, float, bool]], variance_per_expected: float, tau_squared: float,
                 xlabel: str, ylabel: str) -> str:
    """A funnel plot of units' observed / expected ratios against their expected counts (Spiegelhalter 2005): 1 as
    the centre line, and the 95% and 99.8% limits a unit like its peers stays within, overdispersion included,
    1 -/+ z sqrt(v / E + tau^2). Units flagged after false discovery rate control are filled, the others hollow."""
    if not points:
        return nothing_published()
    figure, axis = pyplot.subplots(figsize=(WIDTH_INCHES, 3.4))
    expected = [count for _, count, _, _ in points]
    lowest, highest = min(expected) * 0.8, max(expected) * 1.2
    grid = [lowest * (highest / lowest) ** (step / 99) for step in range(100)]
    for z, style in ((1.96, "--"), (3.09, ":")):
        spread = [z * math.sqrt(variance_per_expected / count + tau_squared) for count in grid]
        axis.plot(grid, [1 + s for s in spread], style, color="#777777", linewidth=1)
        axis.plot(grid, [max(1 - s, 0) for s in spread], style, color="#777777", linewidth=1)
    axis.set_xscale("log")
    axis.axhline(1, color="#333333", linewidth=1)
    for label, count, ratio, flagged in points:
        axis.plot(count, ratio, "o", color=GROUP_COLOURS["Black"], fillstyle="full" if flagged else "none")
        if flagged:
            axis.annotate(label, (count, ratio), textcoords="offset points", xytext=(4, 4), fontsize=8)
    axis.set_xlabel(xlabel)
    axis.set_ylabel(ylabel)
    return _svg(figure)


def shares_against_benchmark(categories: list[str], shares: list[float | None], benchmark: float | None,
                             ylabel: str) -> str:
    """Bars of a share by category (suppressed ones left out) against the population's share as a line."""
    figure, axis = pyplot.subplots(figsize=(WIDTH_INCHES, 3.0))
    axis.bar(categories, [share or 0 for share in shares], color=GROUP_COLOURS["Black"])
    for position, share in enumerate(shares):
        if share is None:
            axis.annotate("suppressed", (position, 0), ha="center", va="bottom", fontsize=8, color="#777777")
    if benchmark is not None:
        axis.axhline(benchmark, color="#D55E00", linewidth=1.5, label="force area's residents")
        axis.legend(frameon=False)
    axis.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    axis.set_ylabel(ylabel)
    axis.tick_params(axis="x", labelrotation=20)
    return _svg(figure)


def stages(stage_names: list[str], series: dict[str, list[float | None]], ylabel: str) -> str:
    """A funnel through stages: one line per group of the share still in the process at each stage."""
    figure, axis = pyplot.subplots(figsize=(WIDTH_INCHES, 3.0))
    for position, (group, values) in enumerate(series.items()):
        if all(value is None for value in values):
            continue
        axis.plot(stage_names, [math.nan if value is None else value for value in values], "o-",
                  color=colour(group, position), label=group)
    axis.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    axis.set_ylim(bottom=0)
    axis.set_ylabel(ylabel)
    axis.tick_params(axis="x", labelrotation=15)
    axis.legend(frameon=False, ncols=5)
    return _svg(figure)
