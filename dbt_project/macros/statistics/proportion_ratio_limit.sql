{#- 95% limit of a ratio of two proportions (a/n over b/m) by the log method (Katz):
    exp(ln RR +/- z sqrt(1/a - 1/n + 1/b - 1/m)); null when a or b is zero. -#}
{% macro proportion_ratio_limit(successes, trials, reference_successes, reference_trials, bound) -%}
    {%- set a = "(" ~ successes ~ ")::numeric" -%}
    {%- set n = "(" ~ trials ~ ")::numeric" -%}
    {%- set b = "(" ~ reference_successes ~ ")::numeric" -%}
    {%- set m = "(" ~ reference_trials ~ ")::numeric" -%}
    (case when {{ a }} > 0 and {{ b }} > 0 then
        exp(ln(({{ a }} / {{ n }}) / ({{ b }} / {{ m }}))
            {{ '-' if bound == 'lower' else '+' }} {{ z_95() }} * sqrt(1 / {{ a }} - 1 / {{ n }} + 1 / {{ b }} - 1 / {{ m }}))
    end)
{%- endmacro %}
