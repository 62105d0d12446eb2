{{ config(materialized='incremental', incremental_strategy='append',
          pre_hook="{{ delete_months_rebuilt(ref('int_stop_search_rebuilt_months'), 'searched_date') }}") }}
with searches as (
    select * from {{ ref('int_stop_searches_conformed') }}
    where {{ in_months_rebuilt(ref('int_stop_search_rebuilt_months'), 'searched_date') }}
),

outcomes as (
    select * from {{ ref('dim_outcome') }}
),

facts as (
    select
        -- ids
        searches.stop_search_id,
        searches.source_system,
        searches.officer_id,
        searches.team_code,
        -- dimensions
        searches.searched_date,
        searches.searched_at,
        coalesce(searches.lpu_code, 'UNKNOWN') as area_code,
        searches.neighbourhood_code,
        searches.age_band_code,
        searches.sex_code,
        coalesce(searches.self_defined_ethnic_group_code,
                 case when searches.self_defined_broad_ethnic_group = 'Not stated' then 'NOT_STATED'
                      else 'BROAD_' || upper(searches.self_defined_broad_ethnic_group) end)
            as self_defined_ethnicity_key,
        case when searches.officer_defined_broad_ethnic_group = 'Not stated' then 'NOT_STATED'
             else 'BROAD_' || upper(searches.officer_defined_broad_ethnic_group) end
            as officer_defined_ethnicity_key,
        searches.legislation_code,
        searches.object_of_search_code,
        searches.outcome_code,
        -- measures
        searches.is_outcome_linked_to_object,
        outcomes.is_arrest,
        searches.is_more_than_outer_clothing_removed,
        searches.is_strip_search
    from searches
    inner join outcomes on searches.outcome_code = outcomes.outcome_code
)

select * from facts
