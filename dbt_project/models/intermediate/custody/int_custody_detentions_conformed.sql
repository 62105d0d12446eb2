{#- Custody detentions in the conformed vocabulary: broad ethnic group (self- and officer-defined), age band,
    offence group, disposal and its decision flags, local dates and hours in custody. -#}
with detentions as (
    select * from {{ ref('stg_force__custody_detentions') }}
),

ethnicity_values as (
    select * from {{ ref('ethnicity_source_values') }}
),

sex_values as (
    select * from {{ ref('sex_source_values') }}
),

offence_group_values as (
    select * from {{ ref('offence_group_source_values') }}
),

disposal_values as (
    select * from {{ ref('custody_disposal_source_values') }}
),

disposals as (
    select * from {{ ref('custody_disposals') }}
),

court_values as (
    select * from {{ ref('court_source_values') }}
),

age_bands as (
    select * from {{ ref('age_bands') }}
),

conformed as (
    select
        -- ids
        detentions.detention_id,
        detentions.person_id,
        detentions.custody_suite,
        -- when and where
        detentions.arrived_at,
        detentions.released_at,
        (detentions.arrived_at at time zone 'Europe/London')::date as arrived_date,
        extract(epoch from detentions.released_at - detentions.arrived_at) / 3600.0 as hours_in_custody,
        detentions.lpu_code,
        -- who
        detentions.age_years,
        coalesce(age_bands.age_band_code, 'NOT_RECORDED') as age_band_code,
        detentions.is_juvenile,
        case when detentions.is_juvenile then 'Juveniles' else 'Adults' end as age_group,
        coalesce(sex_values.sex_code, 'NOT_RECORDED') as sex_code,
        self_defined.ethnic_group_code as self_defined_ethnic_group_code,
        coalesce(self_defined.broad_ethnic_group, 'Not stated') as self_defined_broad_ethnic_group,
        coalesce(officer_defined.broad_ethnic_group, 'Not stated') as officer_defined_broad_ethnic_group,
        coalesce(detentions.has_appropriate_adult, false) as has_appropriate_adult,
        coalesce(detentions.has_interpreter, false) as has_interpreter,
        -- what happened
        coalesce(offence_group_values.offence_group_code, 'UNKNOWN') as offence_group_code,
        coalesce(disposal_values.disposal_code, 'UNKNOWN') as disposal_code,
        coalesce(disposals.is_charge, false) as is_charge,
        coalesce(disposals.is_remand, false) as is_remand,
        coalesce(disposals.is_out_of_court, false) as is_out_of_court,
        coalesce(disposals.is_criminal_justice_sanction, false) as is_criminal_justice_sanction,
        coalesce(disposals.is_no_further_action, false) as is_no_further_action,
        coalesce(disposals.is_out_of_court and not disposals.is_criminal_justice_sanction, false)
            as is_community_resolution,
        court_values.court_code,
        detentions.is_strip_search,
        coalesce(detentions.is_strip_search_authorised, false) as is_strip_search_authorised,
        detentions.is_use_of_force
    from detentions
    left join age_bands on detentions.age_years between age_bands.min_age and age_bands.max_age
    left join sex_values
        on sex_values.source_system = 'force' and detentions.sex_value = sex_values.source_value
    left join ethnicity_values as self_defined
        on self_defined.source_system = 'force_self_defined'
        and detentions.self_defined_ethnicity_value = self_defined.source_value
    left join ethnicity_values as officer_defined
        on officer_defined.source_system = 'force_officer_observed'
        and detentions.officer_ethnicity_value = officer_defined.source_value
    left join offence_group_values
        on offence_group_values.source_system = 'force'
        and detentions.offence_group_value = offence_group_values.source_value
    left join disposal_values
        on disposal_values.source_system = 'force' and detentions.disposal_value = disposal_values.source_value
    left join disposals on disposal_values.disposal_code = disposals.disposal_code
    left join court_values
        on court_values.source_system = 'force' and detentions.court_value = court_values.source_value
)

select * from conformed
