{#- Greenland-Robins (1985) variance of ln RR_MH, an aggregate over strata like mantel_haenszel_risk_ratio:
    sum((n1 n0 (a + c) - a c N) / N^2) / (sum(a n0 / N) * sum(c n1 / N)). Null when the ratio is. -#}
{% macro mantel_haenszel_log_variance(events, trials, reference_events, reference_trials) -%}
    {%- set numerator = mantel_haenszel_term(events, trials, reference_events, reference_trials, 'numerator') -%}
    {%- set denominator = mantel_haenszel_term(events, trials, reference_events, reference_trials, 'denominator') -%}
    {%- set variance = mantel_haenszel_term(events, trials, reference_events, reference_trials, 'variance') -%}
    (case when sum({{ numerator }}) > 0 and sum({{ denominator }}) > 0
          then sum({{ variance }}) / (sum({{ numerator }}) * sum({{ denominator }})) end)
{%- endmacro %}
