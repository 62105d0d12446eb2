{#- For each period, how many of its months there are, how many have data, and how many of those look like
    partial submissions; a period is complete only when every month has data and none is partial. Periods
    with no data at all are left out (missing, not zero). `periods` has one row per period and contained
    month_start; `months` one row per month of the span with is_missing and is_partial_submission
    (macro monthly_submissions). -#}
{% macro period_coverage(periods, months) -%}
    select
        {{ periods }}.period_type,
        {{ periods }}.period_start,
        {{ periods }}.period_end,
        count(*) as months_in_period,
        count(*) filter (where not {{ months }}.is_missing) as months_with_data,
        count(*) filter (where {{ months }}.is_partial_submission) as months_partial,
        count(*) filter (where not {{ months }}.is_missing and not {{ months }}.is_partial_submission) = count(*)
            as is_complete_period
    from {{ periods }}
    left join {{ months }} on {{ periods }}.month_start = {{ months }}.month_start
    group by {{ periods }}.period_type, {{ periods }}.period_start, {{ periods }}.period_end
    having count(*) filter (where not {{ months }}.is_missing) > 0
{%- endmacro %}
