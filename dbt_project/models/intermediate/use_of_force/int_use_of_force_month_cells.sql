{#- The finest cells every published use-of-force count adds up: month x LPU of the incident x broad ethnic group as
    the officer perceived it, with subjects (incident x subject), incidents involving a subject of the cell and
    reports about them, each with the sum of its records' keys (macro record_key; a subject's reports carry its
    key once each), from which the cell's perturbation follows (int_use_of_force_month_cells_perturbed). -#}
with subjects as (
    select
        month_start,
        lpu_code,
        perceived_broad_ethnic_group as ethnic_group,
        incident_id,
        reports,
        subject_record_key as subject_key
    from {{ ref('int_use_of_force_subjects') }}
),

incidents as (
    select
        {{ use_of_force_cell_grain() | join(', ') }},
        count(distinct incident_id) as incidents,
        sum({{ record_key('incident_id') }})::bigint as incidents_record_key_sum
    from (select distinct {{ use_of_force_cell_grain() | join(', ') }}, incident_id from subjects) as cell_incidents
    group by {{ use_of_force_cell_grain() | join(', ') }}
),

subject_counts as (
    select
        {{ use_of_force_cell_grain() | join(', ') }},
        count(*) as subjects,
        sum(subject_key)::bigint as subjects_record_key_sum,
        sum(reports)::bigint as reports,
        sum(reports * subject_key)::bigint as reports_record_key_sum
    from subjects
    group by {{ use_of_force_cell_grain() | join(', ') }}
)

select
    {%- for column in use_of_force_cell_grain() %}
    subject_counts.{{ column }},
    {%- endfor %}
    subject_counts.subjects,
    subject_counts.subjects_record_key_sum,
    incidents.incidents,
    incidents.incidents_record_key_sum,
    subject_counts.reports,
    subject_counts.reports_record_key_sum
from subject_counts
inner join incidents
    on subject_counts.month_start = incidents.month_start
    and subject_counts.lpu_code is not distinct from incidents.lpu_code
    and subject_counts.ethnic_group is not distinct from incidents.ethnic_group
