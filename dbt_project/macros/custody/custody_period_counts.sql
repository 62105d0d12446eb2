{#- The columns one month cell of custody is per (int_custody_month_cells). -#}
{% macro custody_cell_grain() -%}
    {{ return(['month_start', 'lpu_code', 'age_group', 'ethnic_group']) }}
{%- endmacro %}

{#- The body of int_custody_period_counts[_perturbed]: the detentions of `cells`, month cells exact or perturbed
    (int_custody_month_cells[_perturbed]), for every period x area (force, arresting LPU) x age group (Adults,
    Juveniles, All) x broad self-defined ethnic group, zeros filled (macro counts_by_period). -#}
{% macro custody_period_counts(cells) -%}
with cells as (
    select * from {{ cells }}
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

group_members as (
    select distinct broad_ethnic_group as ethnic_group from ethnic_groups
    union all
    select 'Not stated'
),

age_groups as (
    select age_group from (values ('Adults'), ('Juveniles'), ('All')) as listed (age_group)
),

grid as (
    select areas.area_code, age_groups.age_group, group_members.ethnic_group
    from areas
    cross join age_groups
    cross join group_members
),

{{ counts_by_period([['lpu_code', 'area_code', 'FORCE'], ['age_group', 'age_group', 'All']], ['ethnic_group'],
                    ['detentions']) }}
{%- endmacro %}
