{{ config(materialized='incremental', incremental_strategy='append',
          pre_hook="{{ delete_months_rebuilt(ref('int_stop_search_rebuilt_months'), 'searched_date') }}") }}
{#- Both stop-and-search sources in the conformed vocabulary. police.uk rows count only for the configured
    force and only in months the force's own extract does not cover (the internal extract is the richer
    record of the same searches, so a month is never counted twice). -#}
{%- set load_months, rebuilt = ref('int_stop_search_load_months'), ref('int_stop_search_rebuilt_months') %}
with force_searches as (
    select * from {{ ref('stg_force__stop_searches') }}
    where {{ in_loads_of_months_rebuilt(load_months, rebuilt, 'searched_at') }}
),

police_uk_searches as (
    select * from {{ ref('stg_police_uk__stop_searches') }}
    where force_slug = '{{ var("police_uk_force") }}'
        and {{ in_loads_of_months_rebuilt(load_months, rebuilt, 'searched_at') }}
),

ethnicity_values as (
    select * from {{ ref('ethnicity_source_values') }}
),

legislation_values as (
    select * from {{ ref('legislation_source_values') }}
),

object_values as (
    select * from {{ ref('object_of_search_source_values') }}
),

outcome_values as (
    select * from {{ ref('outcome_source_values') }}
),

sex_values as (
    select * from {{ ref('sex_source_values') }}
),

age_range_values as (
    select * from {{ ref('age_range_source_values') }}
),

age_bands as (
    select * from {{ ref('age_bands') }}
),

local_policing_units as (
    select * from {{ ref('local_policing_units') }}
),

force_months as (
    select distinct date_trunc('month', searched_at at time zone 'Europe/London')::date as month_start
    from force_searches
),

unioned as (
    select
        stop_search_id, 'force' as source_system, searched_at, lpu_code, neighbourhood_code, age_years,
        null as age_range_value,
        sex_value, self_defined_ethnicity_value, officer_ethnicity_value, legislation_value,
        object_of_search_value, outcome_value, is_outcome_linked_to_object,
        is_more_than_outer_clothing_removed, is_strip_search, officer_id, team_code,
        'force_self_defined' as self_defined_system, 'force_officer_observed' as officer_system,
        false as is_vehicle_only
    from force_searches

    union all

    select
        stop_search_id, 'police_uk', searched_at, null, null, null, age_range_value,
        sex_value, self_defined_ethnicity_value, officer_ethnicity_value, legislation_value,
        object_of_search_value, outcome_value, is_outcome_linked_to_object,
        is_more_than_outer_clothing_removed, null, null, null,
        'police_uk_self_defined', 'police_uk_officer_defined',
        search_type = 'Vehicle search'
    from police_uk_searches
    where date_trunc('month', searched_at at time zone 'Europe/London')::date not in (
        select force_months.month_start from force_months
    )
),

conformed as (
    select
        -- ids
        unioned.stop_search_id,
        unioned.source_system,
        unioned.officer_id,
        unioned.team_code,
        -- when and where
        unioned.searched_at,
        (unioned.searched_at at time zone 'Europe/London')::date as searched_date,
        unioned.lpu_code,
        unioned.neighbourhood_code,
        local_policing_units.la_code,
        -- who
        coalesce(age_bands.age_band_code, age_range_values.age_band_code, 'NOT_RECORDED') as age_band_code,
        coalesce(sex_values.sex_code, 'NOT_RECORDED') as sex_code,
        self_defined.ethnic_group_code as self_defined_ethnic_group_code,
        coalesce(self_defined.broad_ethnic_group, 'Not stated') as self_defined_broad_ethnic_group,
        coalesce(officer_defined.broad_ethnic_group, 'Not stated') as officer_defined_broad_ethnic_group,
        -- what
        coalesce(legislation_values.legislation_code, 'UNKNOWN') as legislation_code,
        coalesce(object_values.object_of_search_code, 'UNKNOWN') as object_of_search_code,
        coalesce(outcome_values.outcome_code, 'UNKNOWN') as outcome_code,
        coalesce(unioned.is_outcome_linked_to_object, false) as is_outcome_linked_to_object,
        coalesce(unioned.is_more_than_outer_clothing_removed, false) as is_more_than_outer_clothing_removed,
        unioned.is_strip_search,
        -- police.uk's "Vehicle search" rows search a vehicle, not a person (the force extract has one row per
        -- person searched); the Home Office's rates exclude them
        unioned.is_vehicle_only
    from unioned
    left join local_policing_units on unioned.lpu_code = local_policing_units.lpu_code
    left join age_bands
        on unioned.age_years between age_bands.min_age and age_bands.max_age
    left join age_range_values
        on unioned.source_system = age_range_values.source_system
        and unioned.age_range_value = age_range_values.source_value
    left join sex_values
        on unioned.source_system = sex_values.source_system and unioned.sex_value = sex_values.source_value
    left join ethnicity_values as self_defined
        on unioned.self_defined_system = self_defined.source_system
        and unioned.self_defined_ethnicity_value = self_defined.source_value
    left join ethnicity_values as officer_defined
        on unioned.officer_system = officer_defined.source_system
        and unioned.officer_ethnicity_value = officer_defined.source_value
    left join legislation_values
        on unioned.source_system = legislation_values.source_system
        and unioned.legislation_value = legislation_values.source_value
    left join object_values
        on unioned.source_system = object_values.source_system
        and unioned.object_of_search_value = object_values.source_value
    left join outcome_values
        on unioned.source_system = outcome_values.source_system
        and unioned.outcome_value = outcome_values.source_value
)

select * from conformed
