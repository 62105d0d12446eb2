{#- Vetting applications with ethnic group and sex resolved and the financial year of the decision. -#}
with vetting as (
    select * from {{ ref('stg_hr__vetting') }}
),

conformed as (
    select
        vetting.vetting_id,
        vetting.applicant_id,
        vetting.applicant_type_code,
        vetting.vetting_level_code,
        vetting.applied_date,
        vetting.decided_date,
        {{ financial_year_start('vetting.decided_date') }} as financial_year_start,
        vetting.outcome_code,
        ethnicity_values.broad_ethnic_group as ethnic_group,
        sex_values.sex_code,
        vetting.age_band_code,
        vetting.disability,
        vetting.religion_or_belief,
        vetting.sexual_orientation
    from vetting
    {{ hr_ethnicity_and_sex_joins('vetting') }}
)

select * from conformed
