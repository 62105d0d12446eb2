{#- 95% limit of a rate ratio; bound is 'lower' or 'upper'.
    Both counts at least var('small_count_for_log_method'): the log method, exp(ln RR +/- z sqrt(1/a + 1/b)).
    Otherwise the conditional method: given a + b events, a is binomial with
    p = RR*Pa / (RR*Pa + Pb); the (modified) Wilson limits of p are turned back into limits of RR. It stays
    defined when a count is zero: a lower limit of 0, or an upper limit that is unbounded (null). With no
    events on either side the interval is everything: lower 0, upper null. Null without both populations.
    Double precision inside, numeric out (as wilson_limit). -#}
{% macro rate_ratio_limit(events, population, reference_events, reference_population, bound) -%}
    {%- set a = "(" ~ events ~ ")::double precision" -%}
    {%- set b = "(" ~ reference_events ~ ")::double precision" -%}
    {%- set sign = '-' if bound == 'lower' else '+' -%}
    {%- set p_limit = wilson_limit_double(events, "(" ~ events ~ ") + (" ~ reference_events ~ ")", bound) -%}
    (case
        when not (({{ population }}) > 0 and ({{ reference_population }}) > 0) then null
        when {{ a }} + {{ b }} = 0 then {{ '0' if bound == 'lower' else 'null' }}
        when {{ a }} >= {{ var('small_count_for_log_method') }} and {{ b }} >= {{ var('small_count_for_log_method') }}
            then exp(ln(({{ a }} / ({{ population }})) / ({{ b }} / ({{ reference_population }})))
                     {{ sign }} {{ z_95() }} * sqrt(1 / {{ a }} + 1 / {{ b }}))
        when {{ p_limit }} >= 1 then null
        else ({{ p_limit }} / (1 - {{ p_limit }})) * (({{ reference_population }})::double precision / ({{ population }}))
    end)::numeric
{%- endmacro %}
