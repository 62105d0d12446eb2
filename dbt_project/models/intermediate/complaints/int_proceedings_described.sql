{#- Each misconduct proceeding with the officer's record as it stood on the day it opened (HR history), the
    financial year opened, and the sanction's severity rank (complaint_codes sort order: NONE lowest,
    DISMISSAL highest). Officers the workforce history has never shown are kept and flagged. -#}
with proceedings as (
    select * from {{ ref('stg_complaints__proceedings') }}
),

sanctions as (
    select code, sort_order from {{ ref('complaint_codes') }} where code_list = 'sanction'
),

described as (
    select
        proceedings.proceeding_id,
        proceedings.officer_id,
        proceedings.case_id,
        proceedings.case_id is null as is_internal,
        proceedings.opened_date,
        {{ financial_year_start('proceedings.opened_date') }} as financial_year_start,
        proceedings.proceeding_type_code,
        proceedings.severity_code,
        proceedings.concluded_date,
        proceedings.outcome_code,
        proceedings.sanction_code,
        sanctions.sort_order as sanction_severity,
        officer.person_id is not null as is_officer_in_workforce,
        officer.workforce_type_code as officer_workforce_type_code,
        coalesce(officer.ethnic_group, 'Not in workforce history') as officer_ethnic_group,
        officer.rank_grade_code as officer_rank_grade_code
    from proceedings
    left join sanctions on proceedings.sanction_code = sanctions.code
    left join lateral {{ workforce_record_as_at('proceedings.officer_id', 'proceedings.opened_date') }} as officer on true
)

select * from described
