{#- A rate per period, or null when the period is not complete (a month missing or partial): a count over
    fewer months divided by a whole period's population would understate the rate. Ratios of two groups over
    the same months are kept. -#}
{% macro withheld_unless_complete(value, is_complete_period) -%}
    (case when {{ is_complete_period }} then {{ value }} end)
{%- endmacro %}
