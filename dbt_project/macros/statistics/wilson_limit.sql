{#- 95% Wilson score limit of the proportion successes / trials; bound is 'lower' or 'upper'. -#}
{% macro wilson_limit(successes, trials, bound) -%}
    {%- set p = "((" ~ successes ~ ")::numeric / (" ~ trials ~ "))" -%}
    {%- set n = "(" ~ trials ~ ")::numeric" -%}
    {%- set z = z_95() -%}
    (case when ({{ trials }}) > 0 then
        ({{ p }} + {{ z }} * {{ z }} / (2 * {{ n }})
         {{ '-' if bound == 'lower' else '+' }} {{ z }} * sqrt({{ p }} * (1 - {{ p }}) / {{ n }} + {{ z }} * {{ z }} / (4 * {{ n }} * {{ n }})))
        / (1 + {{ z }} * {{ z }} / {{ n }})
    end)
{%- endmacro %}
