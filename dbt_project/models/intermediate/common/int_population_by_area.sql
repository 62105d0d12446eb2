{#- Census population by census year, area (force and each local policing unit) and ethnic group, at the
    broad (5 groups) and detailed (19 groups) levels. -#}
with census as (
    select * from {{ ref('census_population') }}
),

ethnic_groups as (
    select * from {{ ref('ethnic_groups') }}
),

local_policing_units as (
    select * from {{ ref('local_policing_units') }}
),

by_unit as (
    select
        census.census_year,
        local_policing_units.lpu_code,
        ethnic_groups.broad_ethnic_group,
        census.ethnic_group_code,
        census.population
    from census
    inner join ethnic_groups on census.ethnic_group_code = ethnic_groups.ethnic_group_code
    inner join local_policing_units on census.la_code = local_policing_units.la_code
),

by_level as (
    select census_year, lpu_code, 'broad' as ethnicity_level, broad_ethnic_group as ethnic_group, population
    from by_unit
    union all
    select census_year, lpu_code, 'detailed', ethnic_group_code, population
    from by_unit
),

summed as (
    select
        census_year,
        case when grouping(lpu_code) = 1 then 'FORCE' else lpu_code end as area_code,
        ethnicity_level,
        ethnic_group,
        sum(population)::bigint as population
    from by_level
    group by grouping sets ((census_year, lpu_code, ethnicity_level, ethnic_group),
                            (census_year, ethnicity_level, ethnic_group))
)

select * from summed
