{#- Each HR event with the person's record as it stood on the event's date: the history version valid that
    day, or for an event before the person's first snapshot (a joiner between snapshots), their first version.
    Events of people no snapshot has ever shown are kept with null characteristics (has_history false). -#}
with events as (
    select * from {{ ref('stg_hr__events') }}
),

described as (
    select
        events.event_id,
        events.person_id,
        events.event_type_code,
        events.effective_date,
        events.workforce_type_code,
        events.leaver_reason_code,
        events.from_rank_code,
        events.to_rank_code,
        events.department_code,
        as_at.version_number is not null as has_history,
        as_at.start_date,
        as_at.ethnic_group,
        as_at.sex_code,
        as_at.age_band_code,
        as_at.disability,
        as_at.religion_or_belief,
        as_at.sexual_orientation,
        as_at.gender_reassignment,
        as_at.marital_status,
        as_at.pregnancy_maternity
    from events
    left join lateral {{ workforce_record_as_at('events.person_id', 'events.effective_date') }} as as_at on true
)

select * from described
