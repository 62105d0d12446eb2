{#- One row per month of the data's span: whether an extract covered it, and whether its volume looks like a
    partial submission (below a share of the trailing six-month median). A missing month is missing, never
    a zero. -#}
with searches as (
    select * from {{ ref('int_stop_searches_conformed') }}
),

periods as (
    select distinct month_start from {{ ref('int_stop_search_reporting_periods') }} where period_type = 'month'
),

monthly as (
    select
        date_trunc('month', searched_date)::date as month_start,
        count(*) as searches,
        string_agg(distinct source_system, ', ') as sources
    from searches
    group by 1
),

months as (
    select
        periods.month_start,
        monthly.searches,
        monthly.sources,
        monthly.month_start is null as is_missing
    from periods
    left join monthly on periods.month_start = monthly.month_start
),

with_trailing_median as (
    select
        months.*,
        (select percentile_cont(0.5) within group (order by earlier.searches)
         from months as earlier
         where earlier.month_start >= months.month_start - interval '6 months'
           and earlier.month_start < months.month_start
           and not earlier.is_missing) as trailing_six_month_median
    from months
),

flagged as (
    select
        *,
        not is_missing and searches < {{ var('partial_submission_share') }} * trailing_six_month_median
            as is_partial_submission
    from with_trailing_median
)

select * from flagged
