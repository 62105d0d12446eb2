{#- The counting unit of use of force: one row per incident x subject (one person in one incident), from all the
    reports the officers wrote about them. A tactic counts once for the subject if any report records it; the
    CED (Taser) counts once, at the highest use any report records (escalation order of use_of_force_codes.csv).
    The subject's characteristics and the incident's time and place are the most often recorded of their
    reports (then the first in order); an injury or a link counts if any report records it. -#}
with reports as (
    select * from {{ ref('int_use_of_force_reports_conformed') }}
),

ced_uses as (
    select code as ced_use_code, sort_order as ced_use_order from {{ ref('use_of_force_codes') }}
    where code_list = 'ced_use'
),

by_subject as (
    select
        -- ids
        incident_id,
        subject_id,
        mode() within group (order by team_code) as team_code,
        max(stop_search_record_id) as stop_search_record_id,
        max(custody_detention_id) as custody_detention_id,
        -- when and where
        min(incident_at) as incident_at,
        mode() within group (order by incident_date) as incident_date,
        mode() within group (order by month_start) as month_start,
        mode() within group (order by shift) as shift,
        mode() within group (order by lpu_code) as lpu_code,
        mode() within group (order by place_type_code) as place_type_code,
        -- the subject
        mode() within group (order by perceived_broad_ethnic_group) as perceived_broad_ethnic_group,
        mode() within group (order by self_defined_broad_ethnic_group) as self_defined_broad_ethnic_group,
        mode() within group (order by sex_code) as sex_code,
        mode() within group (order by age_band_code) as age_band_code,
        bool_or(has_mental_health_impairment) as has_mental_health_impairment,
        bool_or(has_physical_impairment) as has_physical_impairment,
        -- what
        {%- for tactic in use_of_force_tactics() %}
        bool_or(has_tactic_{{ tactic }}) as has_tactic_{{ tactic }},
        {%- endfor %}
        max(ced_use_order) as ced_highest_use_order,
        -- what came of it
        bool_or(is_subject_injured) as is_subject_injured,
        mode() within group (order by outcome_code) as outcome_code,
        -- the reports
        count(*) as reports,
        count(distinct officer_id) as officers,
        count(*) filter (where is_body_worn_video_on) as reports_with_body_worn_video,
        count(*) filter (where is_officer_injured) as reports_with_officer_injured
    from reports
    group by incident_id, subject_id
),

with_ced_code as (
    select
        by_subject.*,
        {{ record_key("by_subject.incident_id || '/' || by_subject.subject_id") }} as subject_record_key,
        ced_uses.ced_use_code as ced_highest_use_code,
        by_subject.ced_highest_use_order > 0 as has_ced_use
    from by_subject
    left join ced_uses on by_subject.ced_highest_use_order = ced_uses.ced_use_order
)

select * from with_ced_code
