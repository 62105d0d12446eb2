with source_rows as (
    select * from {{ source('raw', 'hr_vetting') }}
),

renamed as (
    select
        vetting_id,
        applicant_id,
        load_id,
        btrim(applicant_type) as applicant_type_code,
        btrim(vetting_level) as vetting_level_code,
        applied_date::date as applied_date,
        decided_date::date as decided_date,
        btrim(outcome) as outcome_code,
        btrim(ethnicity) as ethnicity_value,
        btrim(sex) as sex_value,
        age_band as age_band_code,
        btrim(disability) as disability,
        btrim(religion_or_belief) as religion_or_belief,
        btrim(sexual_orientation) as sexual_orientation
    from source_rows
)

select * from renamed
