{#- Model body of a source's oversight benchmark: the internal benchmark (macro internal_benchmark) of every unit
    level in `levels` (unit level -> the events' column naming the unit: {'team': 'team_code', 'location':
    'location_code'}), one level after another with `unit_level` naming it; with `unit_name` (the officers':
    {'officer': 'officer_id'}, unit_name='officer_id'), one level under that column's name instead. `events` and
    `periods` are the source's oversight events (with broad_ethnic_group, ethnicity_basis and the stratum
    columns of oversight_strata()) and periods (macro oversight_periods). `peers_within` names the events' columns
    a unit's peers share with it besides the stratum (['team_code']: an officer against its teammates working the
    same LPU x month x shift; events where one is null are left out). -#}
{% macro oversight_benchmark_model(events, periods, levels, unit_name='unit_id', peers_within=[]) -%}
with events as (
    select * from {{ events }}
),

periods as (
    select * from {{ periods }}
),

{%- for level, unit in levels.items() %}

{{ level }}_benchmark as (
    {{ internal_benchmark('events', unit, 'broad_ethnic_group', oversight_strata() + peers_within, 'month_start',
                          'periods', partition=['ethnicity_basis']) }}
),
{%- endfor %}

units as (
    {%- for level in levels %}
    select {{ "'" ~ level ~ "' as unit_level, " if unit_name == 'unit_id' }}{{ level }}_benchmark.* from {{ level }}_benchmark
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

final as (
    {{ oversight_benchmark_rows('units', 'periods', unit_name=unit_name) }}
)

select * from final
{%- endmacro %}
