with source_rows as (
    select * from {{ source('raw', 'hr_process_stages') }}
),

renamed as (
    select
        btrim(process_id) as process_id,
        candidate_id,
        load_id,
        btrim(process_type) as process_type,
        btrim(target_role) as target_rank_grade_code,
        btrim(stage) as stage_code,
        btrim(outcome) as outcome_code,
        stage_date::date as stage_date,
        btrim(ethnicity) as ethnicity_value,
        btrim(sex) as sex_value,
        age_band as age_band_code,
        btrim(disability) as disability,
        btrim(religion_or_belief) as religion_or_belief,
        btrim(sexual_orientation) as sexual_orientation
    from source_rows
)

select * from renamed
