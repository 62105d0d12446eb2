{#- Detentions counted for every period x area (force, arresting LPU) x age group (Adults, Juveniles, All) x
    broad self-defined ethnic group, with zeros where a group had no detentions in a period that has data.
    Months with no custody data at all are not zero: the period records how many of its months have data and
    how many look partial, and is complete only when every month has data and none is partial. -#}
with detentions as (
    select * from {{ ref('int_custody_detentions_conformed') }}
),

periods as (
    select * from {{ ref('int_custody_reporting_periods') }}
),

months as (
    select * from {{ ref('int_custody_months') }}
),

ethnic_groups as (
    select * from {{ ref('ethnic_groups') }}
),

areas as (
    select * from {{ ref('int_reporting_areas') }}
),

detentions_by_month as (
    select
        date_trunc('month', arrived_date)::date as month_start,
        lpu_code,
        age_group,
        self_defined_broad_ethnic_group as ethnic_group
    from detentions
),

period_coverage as (
    {{ period_coverage('periods', 'months') }}
),

counted as (
    select
        periods.period_type,
        periods.period_start,
        case when grouping(detentions_by_month.lpu_code) = 1 then 'FORCE' else detentions_by_month.lpu_code end
            as area_code,
        case when grouping(detentions_by_month.age_group) = 1 then 'All' else detentions_by_month.age_group end
            as age_group,
        detentions_by_month.ethnic_group,
        count(*) as detentions
    from detentions_by_month
    inner join periods on detentions_by_month.month_start = periods.month_start
    group by grouping sets (
        (periods.period_type, periods.period_start, detentions_by_month.lpu_code, detentions_by_month.age_group,
         detentions_by_month.ethnic_group),
        (periods.period_type, periods.period_start, detentions_by_month.lpu_code, detentions_by_month.ethnic_group),
        (periods.period_type, periods.period_start, detentions_by_month.age_group, detentions_by_month.ethnic_group),
        (periods.period_type, periods.period_start, detentions_by_month.ethnic_group)
    )
),

group_members as (
    select distinct broad_ethnic_group as ethnic_group from ethnic_groups
    union all
    select 'Not stated'
),

age_groups as (
    select age_group from (values ('Adults'), ('Juveniles'), ('All')) as listed (age_group)
),

grid as (
    select
        period_coverage.period_type,
        period_coverage.period_start,
        period_coverage.period_end,
        period_coverage.months_in_period,
        period_coverage.months_with_data,
        period_coverage.months_partial,
        period_coverage.is_complete_period,
        areas.area_code,
        age_groups.age_group,
        group_members.ethnic_group
    from period_coverage
    cross join areas
    cross join age_groups
    cross join group_members
),

filled as (
    select
        grid.*,
        coalesce(counted.detentions, 0) as detentions
    from grid
    left join counted
        on grid.period_type = counted.period_type
        and grid.period_start = counted.period_start
        and grid.area_code = counted.area_code
        and grid.age_group = counted.age_group
        and grid.ethnic_group = counted.ethnic_group
)

select * from filled
