{#- Complaint cases as last delivered, typed. One row per case. -#}
with latest as (
    {{ latest_delivery(source('raw', 'complaint_cases'), 'case_id') }}
),

renamed as (
    select
        case_id,
        nullif(complainant_id, '') as complainant_id,
        load_id,
        received_date::date as received_date,
        complainant_ethnicity as ethnicity_value,
        complainant_sex as sex_value,
        complainant_age_band as age_band_code,
        complainant_disability as disability,
        handling_route as handling_route_code,
        nullif(finalised_date, '')::date as finalised_date,
        nullif(case_outcome, '') as case_outcome_code,
        contact_type as contact_type_code,
        nullif(contact_record_id, '') as contact_record_id
    from latest
)

select * from renamed
