{#- Three columns: part / whole (`name`) and its Wilson 95% limits (`<interval>_lower_95`, `<interval>_upper_95`;
    `interval` defaults to `name`). -#}
{% macro share_with_interval(part, whole, name, interval=none) -%}
    {%- set limits = interval or name -%}
    {{ share(part, whole) }} as {{ name }},
        {{ wilson_limit(part, whole, 'lower') }} as {{ limits }}_lower_95,
        {{ wilson_limit(part, whole, 'upper') }} as {{ limits }}_upper_95
{%- endmacro %}
