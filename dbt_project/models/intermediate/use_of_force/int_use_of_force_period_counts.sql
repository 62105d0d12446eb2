{#- Subjects of use of force (incident x subject) counted for every period x area (force, LPU of the incident) x
    broad ethnic group as the officer perceived it, with zeros where a group had none in a period that has data.
    Months with no use-of-force data are not zero: the period records how many of its months have data and how
    many look partial (macro period_coverage). -#}
with subjects as (
    select * from {{ ref('int_use_of_force_subjects') }}
),

periods as (
    select * from {{ ref('int_use_of_force_reporting_periods') }}
),

months as (
    select * from {{ ref('int_use_of_force_months') }}
),

ethnic_groups as (
    select * from {{ ref('ethnic_groups') }}
),

areas as (
    select * from {{ ref('int_reporting_areas') }}
),

period_coverage as (
    {{ period_coverage('periods', 'months') }}
),

counted as (
    select
        periods.period_type,
        periods.period_start,
        case when grouping(subjects.lpu_code) = 1 then 'FORCE' else subjects.lpu_code end as area_code,
        subjects.perceived_broad_ethnic_group as ethnic_group,
        count(*) as subjects,
        count(distinct subjects.incident_id) as incidents,
        sum(subjects.reports) as reports
    from subjects
    inner join periods on subjects.month_start = periods.month_start
    group by grouping sets (
        (periods.period_type, periods.period_start, subjects.lpu_code, subjects.perceived_broad_ethnic_group),
        (periods.period_type, periods.period_start, subjects.perceived_broad_ethnic_group)
    )
),

group_members as (
    select distinct broad_ethnic_group as ethnic_group from ethnic_groups
    union all
    select 'Not stated'
),

grid as (
    select
        period_coverage.*,
        areas.area_code,
        group_members.ethnic_group
    from period_coverage
    cross join areas
    cross join group_members
),

filled as (
    select
        grid.*,
        coalesce(counted.subjects, 0) as subjects,
        coalesce(counted.incidents, 0) as incidents,
        coalesce(counted.reports, 0) as reports
    from grid
    left join counted
        on grid.period_type = counted.period_type
        and grid.period_start = counted.period_start
        and grid.area_code = counted.area_code
        and grid.ethnic_group = counted.ethnic_group
)

select * from filled
