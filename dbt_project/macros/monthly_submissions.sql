{#- The body of a model with one row per month of a source's span (the months of its reporting_periods
    model): its records (null when no extract covered the month: missing, never zero), and whether it looks
    like a partial submission: records below var('partial_submission_share') of the median of the previous
    six months with data (macro trailing_six_month_median). A month with no earlier month to compare with is not flagged. `sources`, when a
    source_column is given, lists the systems the month's records came from. -#}
{% macro monthly_submissions(relation, date_column, reporting_periods, source_column=none) -%}
with records as (
    select * from {{ relation }}
),

calendar as (
    select distinct month_start from {{ reporting_periods }} where period_type = 'month'
),

monthly as (
    select
        date_trunc('month', {{ date_column }})::date as month_start,
        count(*) as records
        {%- if source_column %},
        string_agg(distinct {{ source_column }}, ', ') as sources
        {%- endif %}
    from records
    group by 1
),

months as (
    select
        calendar.month_start,
        monthly.records,
        {%- if source_column %}
        monthly.sources,
        {%- endif %}
        monthly.month_start is null as is_missing
    from calendar
    left join monthly on calendar.month_start = monthly.month_start
),

with_trailing_median as (
    select
        months.*,
        {{ trailing_six_month_median('months') }} as trailing_six_month_median
    from months
),

flagged as (
    select
        *,
        coalesce(not is_missing and records < {{ var('partial_submission_share') }} * trailing_six_month_median, false)
            as is_partial_submission
    from with_trailing_median
)

select * from flagged
{%- endmacro %}


{#- The median records of the six months before the month of the row `months` (a relation or CTE of month_start,
    records, is_missing, also aliased months in the query), over the months with data. -#}
{% macro trailing_six_month_median(months) -%}
    (select percentile_cont(0.5) within group (order by earlier.records)
     from {{ months }} as earlier
     where earlier.month_start >= months.month_start - interval '6 months'
       and earlier.month_start < months.month_start
       and not earlier.is_missing)
{%- endmacro %}
