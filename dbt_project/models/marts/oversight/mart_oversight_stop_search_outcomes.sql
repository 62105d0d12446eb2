{#- The outcome test below force level: for each team and location (LPU x neighbourhood), the share of its
    searches of each broad group that found what was searched for, ended in arrest, removed more than outer
    clothing, or were strip searches, against the same unit's searches of White people (macro
    unit_share_test; docs/methodology.md, Internal benchmark). Unsuppressed: analysts only. -#}
with events as (
    select * from {{ ref('int_stop_search_oversight_events') }}
),

periods as (
    select * from {{ ref('int_stop_search_oversight_periods') }}
),

{%- set levels = {'team': 'team_code', 'location': 'location_code'} %}
{%- set measures = [('find', 'is_outcome_linked_to_object'), ('arrest', 'is_arrest'),
                    ('more_than_outer_clothing', 'is_more_than_outer_clothing_removed'),
                    ('strip_search', 'is_strip_search')] %}
{%- for level, unit in levels.items() %}

{{ level }}_shares as (
    {{ unit_share_test('events', unit, 'broad_ethnic_group', measures, 'month_start', 'periods',
                       partition=['ethnicity_basis']) }}
),
{%- endfor %}

units as (
    {%- for level in levels %}
    select '{{ level }}' as unit_level, {{ level }}_shares.* from {{ level }}_shares
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

final as (
    select
        units.*,
        coverage.months_partial,
        coverage.is_complete_period
    from units
    inner join (select distinct period_type, period_start, months_partial, is_complete_period from periods) as coverage
        on units.period_type = coverage.period_type and units.period_start = coverage.period_start
)

select * from final
