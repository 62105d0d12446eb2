{#- The CTEs and final select that end a period-counts model: the counts of the CTE `cells` (one row per
    month_start x its columns) added up into every reporting period with data (CTEs `periods` and `months`, macro
    period_coverage), with zeros for every slice of the CTE `grid` that has none. Months with no data at all are
    not zero: the period records how many of its months have data and how many look partial, and is complete only
    when every month has data and none is partial.
      rolled_up  [cells column, published column, label of the total]: each is also added up over all its values,
                 in every combination with the others (grouping sets), e.g. ['lpu_code', 'area_code', 'FORCE']
      kept       cells columns grouped as they are (e.g. the ethnic group)
      counts     the count columns
    `grid` has one row per combination of the published rolled-up columns and the kept ones; counted slices
    outside it are left out. The model begins `with cells as (...), periods as (...), months as (...),
    grid as (...),` and then calls this macro. -#}
{% macro counts_by_period(rolled_up, kept, counts) -%}
    {%- set published = [] -%}
    {%- for column, name, total in rolled_up %}{% do published.append(name) %}{% endfor -%}
    {%- set slice = published + kept -%}
period_coverage as (
    {{ period_coverage('periods', 'months') }}
),

counted as (
    select
        periods.period_type,
        periods.period_start,
        {%- for column, name, total in rolled_up %}
        case when grouping(cells.{{ column }}) = 1 then '{{ total }}' else cells.{{ column }} end as {{ name }},
        {%- endfor %}
        {%- for column in kept %}
        cells.{{ column }},
        {%- endfor %}
        {%- for count in counts %}
        sum(cells.{{ count }})::bigint as {{ count }}{{ ',' if not loop.last }}
        {%- endfor %}
    from cells
    inner join periods on cells.month_start = periods.month_start
    group by grouping sets (
        {%- for totalled in range(2 ** (rolled_up | length)) %}
        (periods.period_type, periods.period_start
            {%- for column, name, total in rolled_up %}{% if (totalled // 2 ** loop.index0) % 2 == 0 %}, cells.{{ column }}{% endif %}{% endfor %}
            {%- for column in kept %}, cells.{{ column }}{% endfor %}){{ ',' if not loop.last }}
        {%- endfor %}
    )
),

{#- Every slice of every period with data, counted or zero: the grid and the counted slices added up (a left join
    of the grid to the counts on every column is misjudged by the planner: 77 s instead of 8 on the demo). -#}
slices as (
    select
        period_coverage.period_type,
        period_coverage.period_start,
        {%- for column in slice %}
        grid.{{ column }},
        {%- endfor %}
        true as is_in_grid,
        {%- for count in counts %}
        0 as {{ count }}{{ ',' if not loop.last }}
        {%- endfor %}
    from period_coverage
    cross join grid
    union all
    select
        period_type,
        period_start,
        {%- for column in slice %}
        {{ column }},
        {%- endfor %}
        false,
        {%- for count in counts %}
        {{ count }}{{ ',' if not loop.last }}
        {%- endfor %}
    from counted
),

slice_counts as (
    select
        period_type,
        period_start,
        {%- for column in slice %}
        {{ column }},
        {%- endfor %}
        {%- for count in counts %}
        sum({{ count }})::bigint as {{ count }}{{ ',' if not loop.last }}
        {%- endfor %}
    from slices
    group by period_type, period_start, {{ slice | join(', ') }}
    having bool_or(is_in_grid)
)

select
    period_coverage.period_type,
    period_coverage.period_start,
    period_coverage.period_end,
    period_coverage.months_in_period,
    period_coverage.months_with_data,
    period_coverage.months_partial,
    period_coverage.is_complete_period,
    {%- for column in slice %}
    slice_counts.{{ column }},
    {%- endfor %}
    {%- for count in counts %}
    slice_counts.{{ count }}{{ ',' if not loop.last }}
    {%- endfor %}
from slice_counts
inner join period_coverage
    on slice_counts.period_type = period_coverage.period_type
    and slice_counts.period_start = period_coverage.period_start
{%- endmacro %}
