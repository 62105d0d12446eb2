{#- One stratum's term of the Mantel-Haenszel risk ratio and of the Greenland-Robins variance; part is
    'numerator' (a n0 / N), 'denominator' (c n1 / N) or 'variance' ((n1 n0 (a + c) - a c N) / N^2).
    Null for a stratum where either group has no trials (it does not contribute). -#}
{% macro mantel_haenszel_term(events, trials, reference_events, reference_trials, part) -%}
    {%- set a = "(" ~ events ~ ")::numeric" -%}
    {%- set n1 = "(" ~ trials ~ ")::numeric" -%}
    {%- set c = "(" ~ reference_events ~ ")::numeric" -%}
    {%- set n0 = "(" ~ reference_trials ~ ")::numeric" -%}
    (case when {{ n1 }} > 0 and {{ n0 }} > 0 then
    {%- if part == 'numerator' %} {{ a }} * {{ n0 }} / ({{ n1 }} + {{ n0 }})
    {%- elif part == 'denominator' %} {{ c }} * {{ n1 }} / ({{ n1 }} + {{ n0 }})
    {%- else %} ({{ n1 }} * {{ n0 }} * ({{ a }} + {{ c }}) - {{ a }} * {{ c }} * ({{ n1 }} + {{ n0 }}))
                / power({{ n1 }} + {{ n0 }}, 2)
    {%- endif %} end)
{%- endmacro %}
