{#- 95% limit of a rate per 1,000 treating the count as Poisson; bound is 'lower' or 'upper'.
    Counts under 100: the exact mid-p limits, looked up in the seed poisson_mid_p_limits (the plain exact
    limits cover 96-100% and average above 96% over the calibration grid; mid-p averages 95%). The seed is read
    once a query, as one array indexed by the count (its counts are 0-99, each once: its checks), not once a
    row: a correlated lookup per row was a fifth of the disproportionality mart's time.
    Larger counts: Byar's approximation to the exact limits, within 1% of mid-p there (double precision inside,
    numeric out, as wilson_limit). -#}
{% macro poisson_rate_limit(events, population, bound) -%}
    {%- set n = "(" ~ events ~ ")::double precision" -%}
    (case when ({{ population }}) > 0 then 1000.0 / ({{ population }}) * (case
        when {{ n }} < 100 then (select array_agg(seeded.{{ bound }}_95 order by seeded.poisson_count)
                                 from {{ ref('poisson_mid_p_limits') }} as seeded)[({{ events }}) + 1]
    {%- if bound == 'lower' %}
        else {{ n }} * power(1 - 1 / (9 * {{ n }}) - {{ z_95() }} / (3 * sqrt({{ n }})), 3)
    {%- else %}
        else ({{ n }} + 1) * power(1 - 1 / (9 * ({{ n }} + 1)) + {{ z_95() }} / (3 * sqrt({{ n }} + 1)), 3)
    {%- endif %} end) end)::numeric
{%- endmacro %}
