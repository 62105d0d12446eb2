{#- The census whose populations a period is divided by, decided at the period's middle day: Census 2011 when
    it falls before var('census_2021_from') (1 April 2022: the Home Office uses Census 2011 up to 2021/22 and
    Census 2021 from 2022/23), Census 2021 from then on. A month, quarter or financial year lies within one
    financial year, so its middle day gives the Home Office's choice; a rolling 12 months takes the census of
    the financial year holding most of it. Without period_end the day period_start itself decides. -#}
{% macro population_census_year(period_start, period_end=none) -%}
    {%- set decisive_day = period_start if period_end is none
        else "(" ~ period_start ~ " + ((" ~ period_end ~ ") - (" ~ period_start ~ ")) / 2)" -%}
    (case when {{ decisive_day }} >= '{{ var("census_2021_from") }}'::date then 2021 else 2011 end)
{%- endmacro %}
