with source_rows as (
    select * from {{ source('raw', 'hr_events') }}
),

renamed as (
    select
        event_id,
        person_id,
        load_id,
        btrim(event_type) as event_type_code,
        effective_date::date as effective_date,
        btrim(workforce_type) as workforce_type_code,
        nullif(btrim(leaver_reason), '') as leaver_reason_code,
        nullif(btrim(from_rank), '') as from_rank_code,
        nullif(btrim(to_rank), '') as to_rank_code,
        nullif(btrim(department), '') as department_code
    from source_rows
)

select * from renamed
