{{ config(alias='labels') }}
{#- What BI joins to name a code: one row per code list and code of every coded column in reporting (the data
    dictionary says which list each column's codes are in). Codes as published_code writes them. -#}
with areas as (
    select 'area' as code_list, area_code as code, area_name as label, null::integer as sort_order
    from {{ ref('dim_geography') }}
),

rank_grades as (
    select 'rank_grade', rank_grade_code, rank_grade_label, rank_order from {{ ref('dim_rank_grade') }}
),

workforce_groups as (
    select characteristic, group_code, group_label, null::integer from {{ ref('dim_workforce_characteristic_group') }}
),

hr_codes as (
    select code_list, code, label, sort_order from {{ ref('hr_codes') }}
    where code_list in ('workforce_type', 'process_type', 'event_type', 'leaver_reason')
),

process_stages as (
    select distinct on (stage_code) 'process_stage', stage_code, stage_label, stage_order
    from {{ ref('process_stages') }}
    order by stage_code, stage_order
),

complaint_codes as (
    select code_list, code, label, sort_order from {{ ref('complaint_codes') }}
    where code_list in ('contact_type', 'discrimination_characteristic')
),

-- codes the marts make rather than read from a seed
derived as (
    select code_list, code, label, sort_order from (values
        ('ethnicity_basis', 'self-defined', 'Self-defined (the person''s own answer)', 1),
        ('ethnicity_basis', 'officer-defined', 'Officer-defined (the officer''s view)', 2),
        ('interval_method', 'log', 'Log method (both counts at least 10)', 1),
        ('interval_method', 'conditional Wilson', 'Conditional method with Wilson limits (a count below 10)', 2),
        ('leaver_reason', 'ALL', 'All reasons', 0),
        ('applicant_type', 'ALL', 'All applicants', 0),
        ('rank_grade', 'ALL', 'All ranks (promotion from every rank at once)', 0),
        ('process_stage', 'ALL_STAGES', 'Every stage at once (entered the process to appointed or promoted)', 100)
    ) as codes (code_list, code, label, sort_order)
    union all
    select 'applicant_type', code, label, sort_order from {{ ref('hr_codes') }} where code_list = 'workforce_type'
),

labels as (
    select * from areas
    union all select * from rank_grades
    union all select * from workforce_groups
    union all select * from hr_codes
    union all select * from process_stages
    union all select * from complaint_codes
    union all select * from derived
)

select code_list, {{ published_code('code') }} as code, label, sort_order
from labels
