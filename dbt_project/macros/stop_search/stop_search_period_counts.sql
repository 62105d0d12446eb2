{#- The body of int_stop_search_period_counts[_perturbed]: the counts of `cells`, month cells exact or perturbed
    (int_stop_search_month_cells[_perturbed]), for every period x area (force, LPU) x legislation group (and 'All')
    x ethnicity basis x level x ethnic group, zeros filled (macro counts_by_period). -#}
{% macro stop_search_period_counts(cells) -%}
with legislation as (
    select * from {{ ref('legislation') }}
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

{#- A self-defined cell counts in its broad group's rows and its detailed group's; an officer-defined cell in its
    broad group's. -#}
cells as (
    select
        month_cells.month_start,
        coalesce(month_cells.lpu_code, 'UNKNOWN') as lpu_code,
        month_cells.legislation_group,
        month_cells.ethnicity_basis,
        memberships.ethnicity_level,
        memberships.ethnic_group,
        {%- for count in stop_search_counts() %}
        month_cells.{{ count }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ cells }} as month_cells
    cross join lateral (
        values ('broad', month_cells.broad_ethnic_group), ('detailed', month_cells.detailed_ethnic_group)
    ) as memberships (ethnicity_level, ethnic_group)
    where memberships.ethnic_group is not null
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
        areas.area_code,
        legislation_groups.legislation_group,
        group_members.ethnicity_basis,
        group_members.ethnicity_level,
        group_members.ethnic_group
    from areas
    cross join legislation_groups
    cross join group_members
),

{{ counts_by_period([['lpu_code', 'area_code', 'FORCE'], ['legislation_group', 'legislation_group', 'All']],
                    ['ethnicity_basis', 'ethnicity_level', 'ethnic_group'], stop_search_counts().keys() | list) }}
{%- endmacro %}
