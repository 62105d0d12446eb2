{#- Three columns: a rate per 1,000 (`name`) and its mid-p/Byar Poisson 95% limits (`<interval>_lower_95`,
    `<interval>_upper_95`; `interval` defaults to `name`), all withheld unless `complete` holds when given. -#}
{% macro rate_with_interval(events, exposure, name='rate_per_1000', interval=none, complete=none) -%}
    {%- set limits = interval or name -%}
    {{ withheld_unless(rate_per_1000(events, exposure), complete) }} as {{ name }},
        {{ withheld_unless(poisson_rate_limit(events, exposure, 'lower'), complete) }} as {{ limits }}_lower_95,
        {{ withheld_unless(poisson_rate_limit(events, exposure, 'upper'), complete) }} as {{ limits }}_upper_95
{%- endmacro %}
