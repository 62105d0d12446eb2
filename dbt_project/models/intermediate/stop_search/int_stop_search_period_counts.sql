{#- Searches and their outcomes counted for every period x area x legislation group x ethnic group, with
    zeros where a group had no searches in a period that has data. Months with no data at all are not
    zero: the period records how many of its months have data and how many look partial, and is complete
    only when every month has data and none is partial. -#}
with searches as (
    select * from {{ ref('int_stop_searches_conformed') }}
),

legislation as (
    select * from {{ ref('legislation') }}
),

outcomes as (
    select * from {{ ref('outcomes') }}
),

ethnic_groups as (
    select * from {{ ref('ethnic_groups') }}
),

areas as (
    select * from {{ ref('int_reporting_areas') }}
),

periods as (
    select * from {{ ref('int_stop_search_reporting_periods') }}
),

months as (
    select * from {{ ref('int_stop_search_months') }}
),

searches_by_ethnicity as (
    select
        date_trunc('month', searches.searched_date)::date as month_start,
        searches.lpu_code,
        coalesce(legislation.legislation_group, 'Other') as legislation_group,
        memberships.ethnicity_basis,
        memberships.ethnicity_level,
        memberships.ethnic_group,
        searches.is_outcome_linked_to_object,
        coalesce(outcomes.is_arrest, false) as is_arrest,
        searches.is_more_than_outer_clothing_removed
    from searches
    left join legislation on searches.legislation_code = legislation.legislation_code
    left join outcomes on searches.outcome_code = outcomes.outcome_code
    cross join lateral (
        values
            ('self-defined', 'broad', searches.self_defined_broad_ethnic_group),
            ('self-defined', 'detailed',
                case when searches.self_defined_broad_ethnic_group = 'Not stated' then 'Not stated'
                     else searches.self_defined_ethnic_group_code end),
            ('officer-defined', 'broad', searches.officer_defined_broad_ethnic_group)
    ) as memberships (ethnicity_basis, ethnicity_level, ethnic_group)
    where memberships.ethnic_group is not null
),

{#- Count each month once, then add months up into periods: summing small monthly counts is far cheaper
    than joining every search to the fifteen periods it belongs to. -#}
monthly_counts as (
    select
        month_start,
        lpu_code,
        legislation_group,
        ethnicity_basis,
        ethnicity_level,
        ethnic_group,
        count(*) as searches,
        count(*) filter (where is_outcome_linked_to_object) as searches_finding_object,
        count(*) filter (where is_arrest) as searches_ending_in_arrest,
        count(*) filter (where is_more_than_outer_clothing_removed) as searches_removing_more_than_outer_clothing
    from searches_by_ethnicity
    group by month_start, lpu_code, legislation_group, ethnicity_basis, ethnicity_level, ethnic_group
),

period_coverage as (
    {{ period_coverage('periods', 'months') }}
),

counted as (
    select
        periods.period_type,
        periods.period_start,
        case when grouping(monthly_counts.lpu_code) = 1 then 'FORCE'
             else coalesce(monthly_counts.lpu_code, 'UNKNOWN') end as area_code,
        case when grouping(monthly_counts.legislation_group) = 1 then 'All'
             else monthly_counts.legislation_group end as legislation_group,
        monthly_counts.ethnicity_basis,
        monthly_counts.ethnicity_level,
        monthly_counts.ethnic_group,
        sum(monthly_counts.searches)::bigint as searches,
        sum(monthly_counts.searches_finding_object)::bigint as searches_finding_object,
        sum(monthly_counts.searches_ending_in_arrest)::bigint as searches_ending_in_arrest,
        sum(monthly_counts.searches_removing_more_than_outer_clothing)::bigint as searches_removing_more_than_outer_clothing
    from monthly_counts
    inner join periods on monthly_counts.month_start = periods.month_start
    group by grouping sets (
        (periods.period_type, periods.period_start, monthly_counts.lpu_code, monthly_counts.legislation_group,
         monthly_counts.ethnicity_basis, monthly_counts.ethnicity_level, monthly_counts.ethnic_group),
        (periods.period_type, periods.period_start, monthly_counts.lpu_code,
         monthly_counts.ethnicity_basis, monthly_counts.ethnicity_level, monthly_counts.ethnic_group),
        (periods.period_type, periods.period_start, monthly_counts.legislation_group,
         monthly_counts.ethnicity_basis, monthly_counts.ethnicity_level, monthly_counts.ethnic_group),
        (periods.period_type, periods.period_start,
         monthly_counts.ethnicity_basis, monthly_counts.ethnicity_level, monthly_counts.ethnic_group)
    )
),

group_members as (
    select bases.ethnicity_basis, 'broad' as ethnicity_level, broad_groups.ethnic_group
    from (values ('self-defined'), ('officer-defined')) as bases (ethnicity_basis)
    cross join (select distinct broad_ethnic_group as ethnic_group from ethnic_groups
                union all select 'Not stated') as broad_groups
    union all
    select 'self-defined', 'detailed', detailed_groups.ethnic_group
    from (select ethnic_group_code as ethnic_group from ethnic_groups
          union all select 'Not stated') as detailed_groups
),

legislation_groups as (
    select distinct legislation_group from legislation
    union all
    select 'All'
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
        legislation_groups.legislation_group,
        group_members.ethnicity_basis,
        group_members.ethnicity_level,
        group_members.ethnic_group
    from period_coverage
    cross join areas
    cross join legislation_groups
    cross join group_members
),

filled as (
    select
        grid.*,
        coalesce(counted.searches, 0) as searches,
        coalesce(counted.searches_finding_object, 0) as searches_finding_object,
        coalesce(counted.searches_ending_in_arrest, 0) as searches_ending_in_arrest,
        coalesce(counted.searches_removing_more_than_outer_clothing, 0) as searches_removing_more_than_outer_clothing
    from grid
    left join counted
        on grid.period_type = counted.period_type
        and grid.period_start = counted.period_start
        and grid.area_code = counted.area_code
        and grid.legislation_group = counted.legislation_group
        and grid.ethnicity_basis = counted.ethnicity_basis
        and grid.ethnicity_level = counted.ethnicity_level
        and grid.ethnic_group = counted.ethnic_group
)

select * from filled
