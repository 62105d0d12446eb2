{#- The reporting periods over the months a relation's dates span, one row per period and month it
    contains: calendar month, calendar quarter, financial year (April to March) and the rolling 12 months
    ending in each month. Used as the body of a model: `{{ reporting_periods(ref('x'), 'x_date') }}`. -#}
{% macro reporting_periods(relation, date_column) -%}
with month_range as (
    select
        date_trunc('month', min({{ date_column }}))::date as first_month,
        date_trunc('month', max({{ date_column }}))::date as last_month
    from {{ relation }}
),

months as (
    select generated.month_start::date as month_start
    from month_range
    cross join generate_series(month_range.first_month, month_range.last_month, interval '1 month') as generated (month_start)
),

period_starts as (
    select 'month' as period_type, month_start as period_start, 1 as length_months from months
    union
    select 'quarter', date_trunc('quarter', month_start)::date, 3 from months
    union
    select 'financial_year',
        {{ financial_year_start('month_start') }}, 12
    from months
    union
    select 'rolling_12_months', (month_start - interval '11 months')::date, 12 from months
),

periods as (
    select
        period_starts.period_type,
        period_starts.period_start,
        (period_starts.period_start + make_interval(months => period_starts.length_months))::date as period_end,
        period_starts.length_months,
        contained.month_start::date as month_start
    from period_starts
    cross join generate_series(
        period_starts.period_start,
        period_starts.period_start + make_interval(months => period_starts.length_months - 1),
        interval '1 month') as contained (month_start)
)

select * from periods
{%- endmacro %}
