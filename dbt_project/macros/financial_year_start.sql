{#- The first day (1 April) of the financial year a date falls in. -#}
{% macro financial_year_start(date_expression) -%}
    make_date(extract(year from ({{ date_expression }}) - interval '3 months')::integer, 4, 1)
{%- endmacro %}
