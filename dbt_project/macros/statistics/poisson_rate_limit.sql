{#- 95% limit of a rate per 1,000 treating the count as Poisson; bound is 'lower' or 'upper'.
    Counts under 100: the exact limits (chi-square), looked up in the seed poisson_exact_limits.
    Larger counts: Byar's approximation, within 0.1% of the exact limits there. -#}
{% macro poisson_rate_limit(events, population, bound) -%}
    {%- set n = "(" ~ events ~ ")::numeric" -%}
    (case when ({{ population }}) > 0 then 1000.0 / ({{ population }}) * (case
        when {{ n }} < 100 then (select exact.{{ bound }}_95 from {{ ref('poisson_exact_limits') }} as exact
                                  where exact.poisson_count = ({{ events }}))
    {%- if bound == 'lower' %}
        else {{ n }} * power(1 - 1 / (9 * {{ n }}) - {{ z_95() }} / (3 * sqrt({{ n }})), 3)
    {%- else %}
        else ({{ n }} + 1) * power(1 - 1 / (9 * ({{ n }} + 1)) + {{ z_95() }} / (3 * sqrt({{ n }} + 1)), 3)
    {%- endif %} end) end)
{%- endmacro %}
