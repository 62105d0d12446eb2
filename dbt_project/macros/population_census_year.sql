{#- The census whose populations a period is divided by: Census 2011 for periods starting before
    var('census_2021_from') (Home Office convention: up to 2021/22), Census 2021 from then on. -#}
{% macro population_census_year(period_start) -%}
    (case when {{ period_start }} >= '{{ var("census_2021_from") }}'::date then 2021 else 2011 end)
{%- endmacro %}
