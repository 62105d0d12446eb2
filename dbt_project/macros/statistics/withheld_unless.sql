{#- The value withheld unless the period is complete (withheld_unless_complete), or as it is when no
    completeness condition is given. -#}
{% macro withheld_unless(value, complete) -%}
    {{ withheld_unless_complete(value, complete) if complete else value }}
{%- endmacro %}
