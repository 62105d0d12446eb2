{#- part / whole as a proportion; null when whole is zero. -#}
{% macro share(part, whole) -%}
    (case when ({{ whole }}) > 0 then ({{ part }})::numeric / ({{ whole }}) end)
{%- endmacro %}
