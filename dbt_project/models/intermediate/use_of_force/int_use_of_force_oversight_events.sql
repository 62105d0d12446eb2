{#- Use-of-force reports as events of the internal benchmark below force level (docs/methodology.md, Internal
    benchmark): one row per report (one officer's use of force on one person in one incident) and ethnicity basis
    (officer-perceived, self-defined), with its units (the pseudonymised officer, the team, the location: LPU x
    place type) and its stratum (LPU x local month x shift). -#}
with reports as (
    select * from {{ ref('int_use_of_force_reports_conformed') }}
),

events as (
    select
        -- ids and units
        reports.report_id,
        reports.officer_id,
        reports.team_code,
        reports.lpu_code || '/' || reports.place_type_code as location_code,
        -- stratum
        reports.lpu_code,
        reports.month_start,
        reports.shift,
        -- group
        memberships.ethnicity_basis,
        memberships.broad_ethnic_group,
        -- measures
        reports.is_body_worn_video_on,
        reports.is_subject_injured
    from reports
    cross join lateral (
        values
            ('officer-defined', reports.perceived_broad_ethnic_group),
            ('self-defined', reports.self_defined_broad_ethnic_group)
    ) as memberships (ethnicity_basis, broad_ethnic_group)
)

select * from events
