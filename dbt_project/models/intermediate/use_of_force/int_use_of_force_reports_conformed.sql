{#- Use-of-force reports in the conformed vocabulary: the subject's broad ethnic group as the officer perceived
    it and as self-defined, sex, the CED (Taser) use's place in the escalation order, and the London date, month
    and shift (early 07-15, late 15-23, night 23-07) of the incident. One row per report. -#}
with reports as (
    select * from {{ ref('stg_use_of_force__reports') }}
),

ethnicity_values as (
    select * from {{ ref('ethnicity_source_values') }}
),

sex_values as (
    select * from {{ ref('sex_source_values') }}
),

ced_uses as (
    select code as ced_use_code, sort_order as ced_use_order from {{ ref('use_of_force_codes') }}
    where code_list = 'ced_use'
),

local_times as (
    select
        reports.*,
        (reports.incident_at at time zone 'Europe/London') as incident_local_at
    from reports
),

conformed as (
    select
        -- ids
        local_times.report_id,
        local_times.incident_id,
        local_times.subject_id,
        local_times.officer_id,
        local_times.team_code,
        local_times.stop_search_record_id,
        local_times.custody_detention_id,
        -- when and where
        local_times.incident_at,
        local_times.incident_local_at::date as incident_date,
        date_trunc('month', local_times.incident_local_at)::date as month_start,
        {{ police_shift('local_times.incident_at') }} as shift,
        local_times.lpu_code,
        local_times.place_type_code,
        -- the subject
        coalesce(perceived.broad_ethnic_group, 'Not stated') as perceived_broad_ethnic_group,
        self_defined.ethnic_group_code as self_defined_ethnic_group_code,
        coalesce(self_defined.broad_ethnic_group, 'Not stated') as self_defined_broad_ethnic_group,
        coalesce(sex_values.sex_code, 'NOT_RECORDED') as sex_code,
        local_times.age_band_code,
        local_times.has_mental_health_impairment,
        local_times.has_physical_impairment,
        -- why
        local_times.has_reason_protect_self,
        local_times.has_reason_protect_others,
        local_times.has_reason_prevent_escape,
        local_times.has_reason_effect_arrest,
        local_times.has_reason_prevent_harm,
        local_times.has_reason_other,
        -- what
        {%- for tactic in use_of_force_tactics() %}
        local_times.has_tactic_{{ tactic }},
        {%- endfor %}
        local_times.ced_use_code,
        ced_uses.ced_use_order,
        -- what came of it
        local_times.is_subject_injured,
        local_times.is_officer_injured,
        local_times.outcome_code,
        local_times.is_body_worn_video_on
    from local_times
    left join ethnicity_values as perceived
        on perceived.source_system = 'use_of_force_perceived'
        and local_times.perceived_ethnicity_value = perceived.source_value
    left join ethnicity_values as self_defined
        on self_defined.source_system = 'force_self_defined'
        and local_times.self_defined_ethnicity_value = self_defined.source_value
    left join sex_values on sex_values.source_system = 'force' and local_times.sex_value = sex_values.source_value
    left join ced_uses on local_times.ced_use_code = ced_uses.ced_use_code
)

select * from conformed
