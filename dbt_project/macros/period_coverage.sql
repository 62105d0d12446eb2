{#- For each period, how many of its months there are and how many have data; periods with no data at all
    are left out (missing, not zero). `periods` has one row per period and contained month_start;
    `months_with_data` one row per month_start that has data. -#}
{% macro period_coverage(periods, months_with_data) -%}
    select
        {{ periods }}.period_type,
        {{ periods }}.period_start,
        {{ periods }}.period_end,
        count(*) as months_in_period,
        count({{ months_with_data }}.month_start) as months_with_data
    from {{ periods }}
    left join {{ months_with_data }} on {{ periods }}.month_start = {{ months_with_data }}.month_start
    group by {{ periods }}.period_type, {{ periods }}.period_start, {{ periods }}.period_end
    having count({{ months_with_data }}.month_start) > 0
{%- endmacro %}
