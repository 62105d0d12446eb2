{#- A number as published in GOV.UK tables: thousands separators, 'N/A' and stray spaces removed; null if absent. -#}
{% macro published_number(column) -%}
    nullif(nullif(replace(btrim({{ column }}), ',', ''), 'N/A'), '')::numeric
{%- endmacro %}
