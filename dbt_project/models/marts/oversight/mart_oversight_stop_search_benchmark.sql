{#- The internal benchmark of stop and search below force level, for teams and locations (LPU x neighbourhood):
    each unit's searches of each minority broad group against those expected from its peers working the same
    LPU x month x shift, on a funnel plot with overdispersion, flagged after false discovery rate control
    (macro internal_benchmark; docs/methodology.md, Internal benchmark). A screening tool, not a finding.
    Unsuppressed: analysts only (published__oversight_stop_search_benchmark is the suppressed copy). Officers:
    mart_oversight_stop_search_officers, in the restricted schema oversight. -#}
with events as (
    select * from {{ ref('int_stop_search_oversight_events') }}
),

periods as (
    select * from {{ ref('int_stop_search_oversight_periods') }}
),

{%- set levels = {'team': 'team_code', 'location': 'location_code'} %}
{%- for level, unit in levels.items() %}

{{ level }}_benchmark as (
    {{ internal_benchmark('events', unit, 'broad_ethnic_group', oversight_strata(), 'month_start', 'periods',
                          partition=['ethnicity_basis']) }}
),
{%- endfor %}

units as (
    {%- for level in levels %}
    select '{{ level }}' as unit_level, {{ level }}_benchmark.* from {{ level }}_benchmark
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

final as (
    {{ oversight_benchmark_rows('units', 'periods') }}
)

select * from final
