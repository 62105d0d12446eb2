{#- Model body of month cells below force level for every unit level in `levels` (unit level -> the events'
    column naming the unit: {'team': 'team_code', 'location': 'location_code'}), one level after another with
    `unit_level` naming it: the caller's block, given the unit's column, is the CTE body of one level's cells over
    the CTE `events` (the source's oversight `events`). Used as
    `{% call(unit) oversight_cells_by_unit_level(ref('int_stop_search_oversight_events'), levels) %}
    {{ unit_share_cells('events', unit, ...) }}{% endcall %}`. -#}
{% macro oversight_cells_by_unit_level(events, levels) -%}
with events as (
    select * from {{ events }}
),

{%- for level, unit in levels.items() %}

{{ level }}_cells as (
    {{ caller(unit) }}
),
{%- endfor %}

cells as (
    {%- for level in levels %}
    select '{{ level }}' as unit_level, {{ level }}_cells.* from {{ level }}_cells
    {{ 'union all' if not loop.last }}
    {%- endfor %}
)

select * from cells
{%- endmacro %}

{#- Model body of a source's oversight month cells: peer_benchmark_cells for every unit level in `levels`
    (oversight_cells_by_unit_level), partitioned by ethnicity basis. `events` are the source's oversight events
    (with broad_ethnic_group, ethnicity_basis and the stratum columns of oversight_strata()). `peers_within` names
    the events' columns a unit's peers share with it besides the stratum (['team_code']: an officer against its
    teammates working the same LPU x month x shift; events where one is null are left out). `record_key` (SQL of
    an event's key) gives the counts their key sums (internal_benchmark's `perturbed`). When `events` are some
    months' alone (a month-partitioned model), `tested_from` are those of every month, whose groups each unit
    level tests (peer_benchmark_cells). -#}
{% macro oversight_benchmark_cells(events, levels, peers_within=[], record_key=none, tested_from=none) -%}
{%- call(unit) oversight_cells_by_unit_level(events, levels) -%}
    {{ peer_benchmark_cells('events', unit, 'broad_ethnic_group', oversight_strata() + peers_within, 'month_start',
                            partition=['ethnicity_basis'], record_key=record_key, tested_from=tested_from) }}
{%- endcall -%}
{%- endmacro %}

{#- The unit levels below force level every oversight source benchmarks and tests outcomes for (unit level -> the
    events' column naming the unit): teams, and locations (LPU x neighbourhood or place type). -#}
{% macro oversight_unit_levels() -%}
    {{ return({'team': 'team_code', 'location': 'location_code'}) }}
{%- endmacro %}

{#- Query: the groups oversight_benchmark_cells tests (one row per unit_level, ethnicity_basis and event_group)
    over the events of every month. -#}
{% macro oversight_tested_groups(events, levels, peers_within=[]) -%}
    {%- for level, unit in levels.items() %}
    select '{{ level }}' as unit_level, tested.*
    from ({{ peer_benchmark_tested_groups(events, unit, 'broad_ethnic_group', oversight_strata() + peers_within,
                                          ['ethnicity_basis']) }}) as tested
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- Model body of a source's oversight benchmark from its month cells (`cells`: oversight_benchmark_cells; a
    relation, or a parenthesised query with its alias): the internal benchmark (macro internal_benchmark) of each
    unit level, a family per level, over the source's `periods` (macro oversight_periods), from perturbed counts
    with `perturbed` (cells with key sums). With unit_name 'unit_id' the rows keep unit_level; otherwise (the
    officers: unit_name='officer_id') the unit is named unit_name and the level left out. -#}
{% macro oversight_benchmark_model(cells, periods, unit_name='unit_id', perturbed=false) -%}
with cells as (
    select * from {{ cells }}
),

periods as (
    select * from {{ periods }}
),

units as (
    {{ internal_benchmark('cells', 'month_start', 'periods', partition=['unit_level', 'ethnicity_basis'],
                          perturbed=perturbed) }}
),

final as (
    {{ oversight_benchmark_rows('units', 'periods', unit_name=unit_name) }}
)

select * from final
{%- endmacro %}

{#- Condition: the groups oversight_benchmark_cells tests over `events` (every month) are not those the model's
    table holds, so every month's grid changes (a month-partitioned model rebuilds every month: macro
    delete_months_rebuilt's every_month_when). -#}
{% macro oversight_tested_groups_changed(events, levels, peers_within=[]) -%}
    {{ groups_differ(oversight_tested_groups(events, levels, peers_within),
                     'select distinct unit_level, ethnicity_basis, event_group from ' ~ this) }}
{%- endmacro %}

{#- Condition: the rows of two queries (of the same columns) are not the same set. -#}
{% macro groups_differ(tested, held) -%}
    (with tested as materialized (
        {{ tested }}
    ),
    held as materialized (
        {{ held }}
    )
    select exists (select * from tested except select * from held)
        or exists (select * from held except select * from tested))
{%- endmacro %}
