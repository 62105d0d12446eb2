{#- Two-sided p-value of "the ratio is 1", read off the ratio's own 95% interval: the standard error of
    ln(ratio) is taken from the half of the interval facing 1, (ln ratio - ln lower) / z when the ratio is
    above 1 and (ln upper - ln ratio) / z when below, so that p < 0.05 exactly when the interval excludes 1
    (Altman & Bland 2011, for asymmetric intervals). p = 2 (1 - Phi(|z|)) with Phi by Abramowitz & Stegun
    26.2.17 (error below 1e-7). Null (not tested) when the ratio is null or 0 or the limit it needs is null.
    Double precision inside (numeric's ln and exp are slow), numeric out. -#}
{% macro ratio_p_value(ratio, lower, upper) -%}
    {%- set ratio = "(" ~ ratio ~ ")::double precision" -%}
    {%- set lower = "(" ~ lower ~ ")::double precision" -%}
    {%- set upper = "(" ~ upper ~ ")::double precision" -%}
    {%- set z = "abs(ln(" ~ ratio ~ ")) / nullif(case when (" ~ ratio ~ ") >= 1 then ln(" ~ ratio ~ ") - ln(nullif(" ~ lower ~ ", 0)) else ln(" ~ upper ~ ") - ln(" ~ ratio ~ ") end / " ~ z_95() ~ ", 0)" -%}
    (case when ({{ ratio }}) > 0 and ({{ ratio }}) <> 1 then {{ two_sided_normal_p_value(z) }}
          when ({{ ratio }}) = 1 then 1 end)::numeric
{%- endmacro %}
