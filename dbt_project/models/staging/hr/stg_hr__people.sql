{#- The HR snapshots, typed: one row per person and snapshot date (the date in the file name). -#}
with source_rows as (
    select * from {{ source('raw', 'hr_people') }}
),

loads as (
    select load_id, extract_key from {{ source('audit', 'loads') }} where source = 'hr_people' and status = 'loaded'
),

renamed as (
    select
        -- ids
        source_rows.person_id,
        loads.extract_key::date as snapshot_date,
        source_rows.load_id,
        -- role
        source_rows.workforce_type as workforce_type_code,
        source_rows.rank_grade as rank_grade_code,
        source_rows.department as department_code,
        lower(source_rows.specialist_role)::boolean as is_specialist_role,
        nullif(btrim(source_rows.lpu_code), '') as lpu_code,
        source_rows.fte::numeric as fte,
        source_rows.start_date::date as start_date,
        -- characteristics as delivered (codes checked at ingest)
        btrim(source_rows.ethnicity) as ethnicity_value,
        btrim(source_rows.sex) as sex_value,
        source_rows.age_band as age_band_code,
        btrim(source_rows.disability) as disability,
        btrim(source_rows.religion_or_belief) as religion_or_belief,
        btrim(source_rows.sexual_orientation) as sexual_orientation,
        btrim(source_rows.gender_reassignment) as gender_reassignment,
        btrim(source_rows.marital_status) as marital_status,
        btrim(source_rows.pregnancy_maternity) as pregnancy_maternity
    from source_rows
    inner join loads on source_rows.load_id = loads.load_id
)

select * from renamed
