{#- Allegations as last delivered, typed. One row per allegation. -#}
with latest as (
    {{ latest_delivery(source('raw', 'complaint_allegations'), 'allegation_id') }}
),

renamed as (
    select
        allegation_id,
        case_id,
        nullif(subject_id, '') as subject_id,
        load_id,
        category as category_code,
        nullif(discrimination_characteristic, '') as discrimination_characteristic_code,
        nullif(outcome, '') as outcome_code
    from latest
)

select * from renamed
