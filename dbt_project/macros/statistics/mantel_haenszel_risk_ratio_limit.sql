{#- 95% limit of the Mantel-Haenszel risk ratio: exp(ln RR_MH -/+ z sqrt(Greenland-Robins variance));
    bound is 'lower' or 'upper'. An aggregate over strata, like mantel_haenszel_risk_ratio. -#}
{% macro mantel_haenszel_risk_ratio_limit(events, trials, reference_events, reference_trials, bound) -%}
    {%- set ratio = mantel_haenszel_risk_ratio(events, trials, reference_events, reference_trials) -%}
    {%- set variance = mantel_haenszel_log_variance(events, trials, reference_events, reference_trials) -%}
    (case when {{ ratio }} is not null and {{ variance }} >= 0
          then exp(ln({{ ratio }}) {{ '-' if bound == 'lower' else '+' }} {{ z_95() }} * sqrt({{ variance }})) end)
{%- endmacro %}
