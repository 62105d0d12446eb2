{#- A funnel plot's control limit for an indirectly standardised ratio (target 1) at a unit's precision
    (Spiegelhalter 2005, Stat Med 24:1185): 1 -/+ z sqrt(variance / expected^2 + tau_squared), where variance is
    the null variance of the observed count, tau_squared the additive random-effects variance (0 without
    overdispersion) and z the normal quantile of the limit (z_95 for 95%, 3.090232 for 99.8%). The lower limit
    is not below 0. As a curve against the expected count E, pass variance = v E with v the family's variance
    per expected event. Null when expected or variance is not positive. -#}
{% macro funnel_limit(expected, variance, tau_squared, z, bound) -%}
    (case when ({{ expected }}) > 0 and ({{ variance }}) > 0 then
        {{ 'greatest(0, 1 - ' if bound == 'lower' else '(1 + ' }}{{ z }}
            * sqrt(({{ variance }}) / power({{ expected }}, 2) + coalesce({{ tau_squared }}, 0)))
    end)
{%- endmacro %}
