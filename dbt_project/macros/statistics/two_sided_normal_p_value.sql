{#- 2 (1 - Phi(z)) for z >= 0, by Abramowitz & Stegun 26.2.17: with t = 1 / (1 + 0.2316419 z),
    1 - Phi(z) = phi(z) (b1 t + b2 t^2 + b3 t^3 + b4 t^4 + b5 t^5), absolute error below 7.5e-8. Computed in
    the type of z; z above 37 is taken as 37 (p below 1e-298 either way), where exp would leave any number format. -#}
{% macro two_sided_normal_p_value(z) -%}
    {%- set bounded = "(case when (" ~ z ~ ") > 37 then 37 else (" ~ z ~ ") end)" -%}
    {%- set t = "(1 / (1 + 0.2316419 * " ~ bounded ~ "))" -%}
    (2 * exp(-power({{ bounded }}, 2) / 2) / sqrt(2 * 3.14159265358979323846)
       * {{ t }} * (0.319381530 + {{ t }} * (-0.356563782 + {{ t }} * (1.781477937 + {{ t }} * (-1.821255978 + {{ t }} * 1.330274429)))))
{%- endmacro %}
