{#- 95% limit of the proportion successes / trials: the Wilson score limit, modified at the edges as Brown, Cai
    & DasGupta (2001, section 4.1.1) recommend, because plain Wilson covers only ~84% when the true
    proportion sits just below its lower limit for 1 success. With x* = 2 when trials <= 50, else 3:
    for 1 <= successes <= x* the lower limit is lambda(successes) / trials, and for 1 <= failures <= x* the
    upper limit is 1 - lambda(failures) / trials, where lambda(k) = chi2(0.05; 2k) / 2 is the Poisson lower
    limit (wilson_edge_poisson_limit). The lower limit of 0 successes is exactly 0, and the upper limit of
    all successes exactly 1. bound is 'lower' or 'upper'. Computed in double precision (numeric's sqrt made
    the marts' builds 50 times slower) and returned as numeric. -#}
{% macro wilson_limit(successes, trials, bound) -%}
    ({{ wilson_limit_double(successes, trials, bound) }})::numeric
{%- endmacro %}

{#- wilson_limit in double precision, for the limits computed from it (proportion_ratio_limit, rate_ratio_limit):
    a numeric round trip of every Wilson limit they use made MOVER-Wilson limits 2.7 times as slow. -#}
{% macro wilson_limit_double(successes, trials, bound) -%}
    {%- set p = "((" ~ successes ~ ")::double precision / (" ~ trials ~ "))" -%}
    {%- set n = "(" ~ trials ~ ")::double precision" -%}
    {%- set z = z_95() -%}
    {%- set edge_count = "(" ~ successes ~ ")" if bound == 'lower' else "((" ~ trials ~ ") - (" ~ successes ~ "))" -%}
    (case
        when not ({{ trials }}) > 0 then null
        when {{ edge_count }} = 0 then {{ '0' if bound == 'lower' else '1' }}
        when {{ edge_count }} <= (case when ({{ trials }}) <= 50 then 2 else 3 end)
            then {{ '' if bound == 'lower' else '1 - ' }}{{ wilson_edge_poisson_limit(edge_count) }} / {{ n }}
        else ({{ p }} + {{ z }} * {{ z }} / (2 * {{ n }})
              {{ '-' if bound == 'lower' else '+' }} {{ z }} * sqrt({{ p }} * (1 - {{ p }}) / {{ n }} + {{ z }} * {{ z }} / (4 * {{ n }} * {{ n }})))
             / (1 + {{ z }} * {{ z }} / {{ n }})
    end)
{%- endmacro %}
