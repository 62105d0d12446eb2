{#- Model body: the periods units below force level are screened over (financial years, and the rolling 12 months
    ending in each month), one row per period and contained month, with the period's coverage (macro
    period_coverage). `periods` is a source's reporting periods (macro reporting_periods), `months` its months
    (macro monthly_submissions): `{{ oversight_periods(ref('int_stop_search_reporting_periods'),
    ref('int_stop_search_months')) }}`. -#}
{% macro oversight_periods(periods, months) -%}
with periods as (
    select * from {{ periods }}
    where period_type in ('financial_year', 'rolling_12_months')
),

months as (
    select * from {{ months }}
),

coverage as (
    {{ period_coverage('periods', 'months') }}
),

oversight_periods as (
    select
        periods.period_type,
        periods.period_start,
        periods.period_end,
        periods.month_start,
        coverage.months_partial,
        coverage.is_complete_period
    from periods
    inner join coverage
        on periods.period_type = coverage.period_type and periods.period_start = coverage.period_start
)

select * from oversight_periods
{%- endmacro %}
