with detentions as (
    select * from {{ ref('int_custody_detentions_conformed') }}
),

facts as (
    select
        -- ids
        detention_id,
        person_id,
        custody_suite,
        -- dimensions
        arrived_date,
        arrived_at,
        released_at,
        lpu_code as area_code,
        age_band_code,
        age_group,
        sex_code,
        coalesce(self_defined_ethnic_group_code,
                 case when self_defined_broad_ethnic_group = 'Not stated' then 'NOT_STATED'
                      else 'BROAD_' || upper(self_defined_broad_ethnic_group) end) as self_defined_ethnicity_key,
        case when officer_defined_broad_ethnic_group = 'Not stated' then 'NOT_STATED'
             else 'BROAD_' || upper(officer_defined_broad_ethnic_group) end as officer_defined_ethnicity_key,
        offence_group_code,
        disposal_code,
        court_code,
        -- measures
        hours_in_custody,
        is_juvenile,
        has_appropriate_adult,
        has_interpreter,
        is_strip_search,
        is_strip_search_authorised,
        is_use_of_force
    from detentions
)

select * from facts
