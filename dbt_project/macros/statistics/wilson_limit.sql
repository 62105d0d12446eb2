{#- 95% Wilson score limit of the proportion successes / trials; bound is 'lower' or 'upper'.
    The lower limit of 0 successes is exactly 0, and the upper limit of all successes exactly 1 (the
    formula gives them only up to rounding). -#}
{% macro wilson_limit(successes, trials, bound) -%}
    {%- set p = "((" ~ successes ~ ")::numeric / (" ~ trials ~ "))" -%}
    {%- set n = "(" ~ trials ~ ")::numeric" -%}
    {%- set z = z_95() -%}
    (case
        when not ({{ trials }}) > 0 then null
        {% if bound == 'lower' -%}
        when ({{ successes }}) = 0 then 0
        {%- else -%}
        when ({{ successes }}) = ({{ trials }}) then 1
        {%- endif %}
        else ({{ p }} + {{ z }} * {{ z }} / (2 * {{ n }})
              {{ '-' if bound == 'lower' else '+' }} {{ z }} * sqrt({{ p }} * (1 - {{ p }}) / {{ n }} + {{ z }} * {{ z }} / (4 * {{ n }} * {{ n }})))
             / (1 + {{ z }} * {{ z }} / {{ n }})
    end)
{%- endmacro %}
