{{ config(materialized='incremental', incremental_strategy='append',
          pre_hook="{{ delete_months_rebuilt(ref('int_stop_search_rebuilt_months'), 'month_start') }}") }}
{#- The force's own searches as events of the internal benchmark below force level (docs/methodology.md, Internal
    benchmark): one row per search and ethnicity basis (self-defined, officer-defined), with its units (the
    pseudonymised officer, the team, the location: LPU x neighbourhood), its stratum (LPU x local month x shift)
    and its measures. police.uk rows name no officer, team or neighbourhood and are left out. -#}
with searches as (
    select * from {{ ref('int_stop_searches_conformed') }}
    where source_system = 'force'
        and {{ in_months_rebuilt(ref('int_stop_search_rebuilt_months'), 'searched_date') }}
),

outcomes as (
    select * from {{ ref('outcomes') }}
),

events as (
    select
        -- ids and units
        searches.stop_search_id,
        searches.officer_id,
        searches.team_code,
        case when searches.neighbourhood_code is not null
             then searches.lpu_code || '/' || searches.neighbourhood_code end as location_code,
        -- stratum
        searches.lpu_code,
        date_trunc('month', searches.searched_date)::date as month_start,
        {{ police_shift('searches.searched_at') }} as shift,
        -- group
        memberships.ethnicity_basis,
        memberships.broad_ethnic_group,
        -- measures
        searches.is_outcome_linked_to_object,
        coalesce(outcomes.is_arrest, false) as is_arrest,
        searches.is_more_than_outer_clothing_removed,
        coalesce(searches.is_strip_search, false) as is_strip_search
    from searches
    left join outcomes on searches.outcome_code = outcomes.outcome_code
    cross join lateral (
        values
            ('self-defined', searches.self_defined_broad_ethnic_group),
            ('officer-defined', searches.officer_defined_broad_ethnic_group)
    ) as memberships (ethnicity_basis, broad_ethnic_group)
)

select * from events
