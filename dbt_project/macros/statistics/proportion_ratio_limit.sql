{#- 95% limit of a ratio of two proportions (a/n over b/m) by MOVER-Wilson (Donner & Zou 2012; Fagerland,
    Lydersen & Laake 2015 "MOVER-R Wilson"): with p1 = a/n, p2 = b/m and their Wilson limits (l1, u1),
    (l2, u2) from wilson_limit,
      lower = l1 (2 p1 - l1) / (p1 p2 + sqrt((p1 p2)^2 - l1 u2 (2 p1 - l1)(2 p2 - u2)))
      upper = (p1 p2 + sqrt((p1 p2)^2 - u1 l2 (2 p1 - u1)(2 p2 - l2))) / (l2 (2 p2 - l2)).
    The lower limit is Donner & Zou's written without its cancelling difference (same value, stable when
    u2 is near 2 p2). Defined at the edges: a = 0 gives a lower limit of 0; b = 0 an unbounded upper limit
    (null). Null when either group has no trials. Double precision inside, numeric out (as wilson_limit). -#}
{% macro proportion_ratio_limit(successes, trials, reference_successes, reference_trials, bound) -%}
    {%- set p1 = "((" ~ successes ~ ")::double precision / (" ~ trials ~ "))" -%}
    {%- set p2 = "((" ~ reference_successes ~ ")::double precision / (" ~ reference_trials ~ "))" -%}
    {%- if bound == 'lower' -%}
        {%- set l1 = wilson_limit_double(successes, trials, 'lower') -%}
        {%- set u2 = wilson_limit_double(reference_successes, reference_trials, 'upper') -%}
    (case
        when not (({{ trials }}) > 0 and ({{ reference_trials }}) > 0) then null
        when ({{ successes }}) = 0 then 0
        else {{ l1 }} * (2 * {{ p1 }} - {{ l1 }})
             / ({{ p1 }} * {{ p2 }} + sqrt(greatest(power({{ p1 }} * {{ p2 }}, 2) - {{ l1 }} * {{ u2 }} * (2 * {{ p1 }} - {{ l1 }}) * (2 * {{ p2 }} - {{ u2 }}), 0)))
    end)::numeric
    {%- else -%}
        {%- set u1 = wilson_limit_double(successes, trials, 'upper') -%}
        {%- set l2 = wilson_limit_double(reference_successes, reference_trials, 'lower') -%}
    (case
        when not (({{ trials }}) > 0 and ({{ reference_trials }}) > 0) or ({{ reference_successes }}) = 0 then null
        else ({{ p1 }} * {{ p2 }} + sqrt(greatest(power({{ p1 }} * {{ p2 }}, 2) - {{ u1 }} * {{ l2 }} * (2 * {{ p1 }} - {{ u1 }}) * (2 * {{ p2 }} - {{ l2 }}), 0)))
             / ({{ l2 }} * (2 * {{ p2 }} - {{ l2 }}))
    end)::numeric
    {%- endif %}
{%- endmacro %}
