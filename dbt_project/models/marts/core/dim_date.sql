with searches as (
    select * from {{ ref('int_stop_searches_conformed') }}
),

date_range as (
    select min(searched_date) as first_date, max(searched_date) as last_date from searches
),

dates as (
    select generated.day::date as date_day
    from date_range
    cross join generate_series(date_range.first_date, date_range.last_date, interval '1 day') as generated (day)
),

described as (
    select
        date_day,
        extract(year from date_day)::integer as calendar_year,
        date_trunc('month', date_day)::date as month_start,
        date_trunc('quarter', date_day)::date as quarter_start,
        {{ financial_year_start('date_day') }} as financial_year_start,
        extract(year from date_day - interval '3 months')::integer || '/'
            || lpad(((extract(year from date_day - interval '3 months')::integer + 1) % 100)::text, 2, '0')
            as financial_year,
        extract(isodow from date_day)::integer as iso_day_of_week,
        extract(isodow from date_day) in (6, 7) as is_weekend
    from dates
)

select * from described
