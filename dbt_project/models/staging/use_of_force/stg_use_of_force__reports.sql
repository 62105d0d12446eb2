{#- Use-of-force reports as last delivered (a month delivered again, or a report in a later month's file,
    replaces the earlier delivery), typed. One row per report: one officer's use of force on one person in one
    incident. -#}
with latest as (
    {{ latest_delivery(source('raw', 'use_of_force_reports'), 'report_id') }}
),

renamed as (
    select
        -- ids
        report_id,
        incident_id,
        subject_id,
        officer_id,
        nullif(team, '') as team_code,
        load_id,
        -- when and where
        incident_at::timestamptz as incident_at,
        lpu_code,
        place_type as place_type_code,
        -- the subject
        perceived_ethnicity as perceived_ethnicity_value,
        self_defined_ethnicity as self_defined_ethnicity_value,
        sex as sex_value,
        age_band as age_band_code,
        lower(mental_health_impairment)::boolean as has_mental_health_impairment,
        lower(physical_impairment)::boolean as has_physical_impairment,
        -- why
        {%- for reason in ['protect_self', 'protect_others', 'prevent_escape', 'effect_arrest', 'prevent_harm', 'other'] %}
        lower(reason_{{ reason }})::boolean as has_reason_{{ reason }},
        {%- endfor %}
        -- what
        {%- for tactic in use_of_force_tactics() %}
        lower(tactic_{{ tactic }})::boolean as has_tactic_{{ tactic }},
        {%- endfor %}
        ced_highest_use as ced_use_code,
        -- what came of it
        lower(subject_injured)::boolean as is_subject_injured,
        lower(officer_injured)::boolean as is_officer_injured,
        outcome as outcome_code,
        lower(body_worn_video_on)::boolean as is_body_worn_video_on,
        -- linked records (hashed with the same key as the stop-search record_id and custody detention_id)
        nullif(stop_search_record_id, '') as stop_search_record_id,
        nullif(custody_detention_id, '') as custody_detention_id
    from latest
)

select * from renamed
