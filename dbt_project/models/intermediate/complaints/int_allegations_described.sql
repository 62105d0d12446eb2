{#- Each allegation with its case (complainant, route, year) and the subject officer's record as it stood on
    the day the complaint was received (HR history, by the shared keyed id). Subjects the workforce history
    has never shown are kept and flagged (is_subject_in_workforce false); subject_ethnic_group then says
    'Not in workforce history', or 'Subject not identified' when the allegation names no one. -#}
with allegations as (
    select * from {{ ref('stg_complaints__allegations') }}
),

cases as (
    select * from {{ ref('int_complaint_cases_conformed') }}
),

described as (
    select
        allegations.allegation_id,
        allegations.case_id,
        allegations.subject_id,
        allegations.category_code,
        allegations.discrimination_characteristic_code,
        allegations.outcome_code,
        allegations.outcome_code in ('UPHELD', 'NOT_UPHELD') as has_finding,
        allegations.outcome_code = 'UPHELD' as is_upheld,
        cases.received_date,
        cases.financial_year_start,
        cases.complainant_ethnic_group,
        cases.handling_route_code,
        cases.is_handled_without_investigation,
        cases.contact_type_code,
        subject.person_id is not null as is_subject_in_workforce,
        subject.workforce_type_code as subject_workforce_type_code,
        subject.rank_grade_code as subject_rank_grade_code,
        case when allegations.subject_id is null then 'Subject not identified'
             when subject.person_id is null then 'Not in workforce history'
             else subject.ethnic_group end as subject_ethnic_group,
        subject.sex_code as subject_sex_code
    from allegations
    inner join cases on allegations.case_id = cases.case_id
    left join lateral {{ workforce_record_as_at('allegations.subject_id', 'cases.received_date') }} as subject on true
)

select * from described
