{#- Events per 1,000 people; null when there is no population to divide by. -#}
{% macro rate_per_1000(events, population) -%}
    (case when ({{ population }}) > 0 then 1000.0 * ({{ events }}) / ({{ population }}) end)
{%- endmacro %}
