{#- The columns one month cell of use of force is per (int_use_of_force_month_cells), and its counts. -#}
{% macro use_of_force_cell_grain() -%}
    {{ return(['month_start', 'lpu_code', 'ethnic_group']) }}
{%- endmacro %}

{% macro use_of_force_counts() -%}
    {{ return(['subjects', 'incidents', 'reports']) }}
{%- endmacro %}

{#- The body of int_use_of_force_period_counts[_perturbed]: the counts of `cells`, month cells exact or perturbed
    (int_use_of_force_month_cells[_perturbed]), for every period x area (force, LPU of the incident) x broad
    ethnic group as the officer perceived it, zeros filled (macro counts_by_period). -#}
{% macro use_of_force_period_counts(cells) -%}
with cells as (
    select * from {{ cells }}
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

grid as (
    select areas.area_code, group_members.ethnic_group
    from areas
    cross join (select distinct broad_ethnic_group as ethnic_group from ethnic_groups
                union all select 'Not stated') as group_members
),

{{ counts_by_period([['lpu_code', 'area_code', 'FORCE']], ['ethnic_group'], use_of_force_counts()) }}
{%- endmacro %}
