{#- Misconduct proceedings as last delivered, typed. One row per proceeding. -#}
with latest as (
    {{ latest_delivery(source('raw', 'misconduct_proceedings'), 'proceeding_id') }}
),

renamed as (
    select
        proceeding_id,
        officer_id,
        nullif(case_id, '') as case_id,
        load_id,
        opened_date::date as opened_date,
        proceeding_type as proceeding_type_code,
        severity as severity_code,
        nullif(concluded_date, '')::date as concluded_date,
        nullif(outcome, '') as outcome_code,
        nullif(sanction, '') as sanction_code
    from latest
)

select * from renamed
