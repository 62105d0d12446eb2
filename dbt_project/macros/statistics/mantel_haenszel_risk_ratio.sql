{#- Mantel-Haenszel risk ratio of a group against the reference group, across strata. An aggregate: use it in
    a query grouped by the slice, one input row per stratum, with the group's events / trials and the
    reference group's in that stratum. Per stratum k with N = trials + reference_trials:
    RR_MH = sum(a n0 / N) / sum(c n1 / N). A stratum contributes only when both groups have trials in it
    (otherwise its weight is 0); null unless both sums are positive. -#}
{% macro mantel_haenszel_risk_ratio(events, trials, reference_events, reference_trials) -%}
    {%- set numerator = mantel_haenszel_term(events, trials, reference_events, reference_trials, 'numerator') -%}
    {%- set denominator = mantel_haenszel_term(events, trials, reference_events, reference_trials, 'denominator') -%}
    (case when sum({{ numerator }}) > 0 and sum({{ denominator }}) > 0
          then sum({{ numerator }}) / sum({{ denominator }}) end)
{%- endmacro %}
