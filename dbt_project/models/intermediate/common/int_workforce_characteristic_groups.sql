{#- Every group of every protected characteristic the workforce marts report, with whether it is a disclosed
    group (not 'prefer not to say' or 'not recorded') and whether it is the characteristic's reference group
    (workforce_reference_groups seed). Grain: characteristic x group_code. -#}
with ethnic_groups as (
    select distinct
        broad_ethnic_group as group_code,
        broad_ethnic_group as group_label,
        not is_not_stated as is_disclosed
    from {{ ref('ethnicity_source_values') }}
    where source_system = 'hr_self_defined'
),

groups as (
    select 'ethnicity' as characteristic, group_code, group_label, is_disclosed from ethnic_groups
    union all
    select 'sex', sex_code, sex_label, sex_code <> 'NOT_RECORDED' from {{ ref('sex') }}
    union all
    select 'age_band', age_band_code, age_band_label, age_band_code <> 'NOT_RECORDED' from {{ ref('age_bands') }}
    union all
    select code_list, code, label, is_disclosed
    from {{ ref('hr_codes') }}
    where code_list in ('disability', 'religion_or_belief', 'sexual_orientation', 'gender_reassignment',
                        'marital_status', 'pregnancy_maternity')
),

flagged as (
    select
        groups.characteristic,
        groups.group_code,
        groups.group_label,
        groups.is_disclosed,
        coalesce(groups.group_code = reference_groups.reference_group, false) as is_reference_group
    from groups
    left join {{ ref('workforce_reference_groups') }} as reference_groups
        on groups.characteristic = reference_groups.characteristic
)

select * from flagged
