{#- Who the workforce is, as at each month end, against who the force area is. Slices: each workforce type
    for the whole force, by rank group, by department type (specialist or not) and by local policing unit.
    For every characteristic each slice lists every group (zero headcounts included), so a group that is absent
    shows a gap. Shares of ethnicity are compared with the Census population of the force area (of the LPU for
    LPU rows); the other characteristics have no benchmark in the shipped census tables. Each count carries the
    sum of its people's keys (macro record_key), from which mart_workforce_representation_perturbed perturbs it.
    Unsuppressed: analysts only. -#}
with month_ends as (
    select * from {{ ref('fct_workforce_month_end') }}
),

characteristic_groups as (
    select * from {{ ref('dim_workforce_characteristic_group') }}
),

population as (
    select * from {{ ref('int_population_by_area') }} where ethnicity_level = 'broad'
),

by_characteristic as (
    select
        month_ends.month_end,
        month_ends.workforce_type_code,
        month_ends.rank_group,
        month_ends.is_specialist_department,
        coalesce(month_ends.area_code, 'NO_LPU') as area_code,
        month_ends.fte,
        {{ record_key('month_ends.person_id') }} as person_key,
        characteristics.characteristic,
        characteristics.group_code
    from month_ends
    cross join lateral {{ workforce_characteristics('month_ends', with_person_only=true) }}
),

-- each slice's cells at the finest grain first: grouping sets over a person's every characteristic (3.5M rows on
-- the all-sources test night) took 15 s; over these cells (140k), the whole model takes half that
cells as (
    select
        month_end,
        workforce_type_code,
        rank_group,
        is_specialist_department,
        area_code,
        characteristic,
        group_code,
        count(*) as headcount,
        sum(person_key) as headcount_record_key_sum,
        sum(fte) as fte
    from by_characteristic
    group by month_end, workforce_type_code, rank_group, is_specialist_department, area_code, characteristic, group_code
),

counted as (
    select
        month_end,
        workforce_type_code,
        case when grouping(rank_group) = 0 then 'rank_group'
             when grouping(is_specialist_department) = 0 then 'department_type'
             when grouping(area_code) = 0 then 'local_policing_unit'
             else 'force' end as breakdown,
        coalesce(rank_group,
                 case is_specialist_department when true then 'Specialist' when false then 'Not specialist' end,
                 area_code, 'All') as breakdown_value,
        characteristic,
        group_code,
        sum(headcount)::bigint as headcount,
        sum(headcount_record_key_sum)::bigint as headcount_record_key_sum,
        sum(fte) as fte
    from cells
    group by grouping sets (
        (month_end, workforce_type_code, characteristic, group_code),
        (month_end, workforce_type_code, rank_group, characteristic, group_code),
        (month_end, workforce_type_code, is_specialist_department, characteristic, group_code),
        (month_end, workforce_type_code, area_code, characteristic, group_code)
    )
),

slices as (
    select distinct month_end, workforce_type_code, breakdown, breakdown_value, characteristic from counted
),

grid as (
    select
        slices.*,
        characteristic_groups.group_code,
        characteristic_groups.is_disclosed,
        characteristic_groups.is_reference_group,
        coalesce(counted.headcount, 0) as headcount,
        coalesce(counted.headcount_record_key_sum, 0) as headcount_record_key_sum,
        coalesce(counted.fte, 0) as fte
    from slices
    inner join characteristic_groups on slices.characteristic = characteristic_groups.characteristic
    left join counted
        on counted.month_end = slices.month_end
        and counted.workforce_type_code = slices.workforce_type_code
        and counted.breakdown = slices.breakdown
        and counted.breakdown_value = slices.breakdown_value
        and counted.characteristic = slices.characteristic
        and counted.group_code = characteristic_groups.group_code
),

totals as (
    select
        grid.*,
        {%- for count in ['headcount', 'headcount_record_key_sum'] %}
        sum({{ count }}) over slice as total_{{ count }},
        coalesce(sum({{ count }}) filter (where is_disclosed) over slice, 0) as disclosed_{{ count }}{{ ',' if not loop.last }}
        {%- endfor %}
    from grid
    window slice as (partition by month_end, workforce_type_code, breakdown, breakdown_value, characteristic)
),

benchmark as (
    select
        census_year,
        area_code,
        ethnic_group,
        population::numeric / sum(population) over (partition by census_year, area_code) as population_share
    from population
),

benchmarked as (
    select
        {{ workforce_representation_counts() | join(', ') }},
        benchmark.population_share as benchmark_share,
        case when benchmark.population_share is not null then {{ population_census_year('totals.month_end') }} end
            as benchmark_census_year,
        case when benchmark.population_share is not null
             then 'all residents of the ' || case when totals.breakdown = 'local_policing_unit'
                                                  then 'local policing unit' else 'force area' end
                  || ', all ages (the shipped census tables have no age breakdown)'
             when totals.characteristic = 'ethnicity' and totals.is_disclosed
             then 'none: no census population for this area'
             when totals.characteristic = 'ethnicity' then 'none: the census has no undisclosed group'
             else 'none: the shipped census tables hold ethnicity only' end as benchmark_population_base
    from totals
    left join benchmark
        on totals.characteristic = 'ethnicity'
        and benchmark.census_year = {{ population_census_year('totals.month_end') }}
        and benchmark.area_code = case when totals.breakdown = 'local_policing_unit' then totals.breakdown_value
                                       else 'FORCE' end
        and benchmark.ethnic_group = totals.group_code
)

{{ workforce_representation_measures('benchmarked') }}
