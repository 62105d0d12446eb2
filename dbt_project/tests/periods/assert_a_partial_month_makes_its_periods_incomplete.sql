-- Period coverage worked by hand over January-June 2024, February partial and April missing:
-- the month of February has data but is incomplete; the quarter January-March has three months with data
-- and one partial month: incomplete; April-June has a missing month: incomplete; January alone is complete.
with months as (
    select '2024-01-01'::date as month_start, false as is_missing, false as is_partial_submission
    union all select '2024-02-01', false, true
    union all select '2024-03-01', false, false
    union all select '2024-04-01', true, false
    union all select '2024-05-01', false, false
    union all select '2024-06-01', false, false
),

periods as (
    select 'month' as period_type, month_start as period_start,
           (month_start + interval '1 month')::date as period_end, month_start
    from months
    union all
    select 'quarter', date_trunc('quarter', month_start)::date,
           (date_trunc('quarter', month_start) + interval '3 months')::date, month_start
    from months
),

coverage as (
    {{ period_coverage('periods', 'months') }}
),

expected as (
    select 'month' as period_type, '2024-01-01'::date as period_start, 1 as months_with_data, 0 as months_partial, true as is_complete_period
    union all select 'month', '2024-02-01', 1, 1, false
    union all select 'month', '2024-03-01', 1, 0, true
    union all select 'month', '2024-05-01', 1, 0, true
    union all select 'month', '2024-06-01', 1, 0, true
    union all select 'quarter', '2024-01-01', 3, 1, false
    union all select 'quarter', '2024-04-01', 2, 0, false
)

select coalesce(expected.period_type, coverage.period_type) as period_type,
       coalesce(expected.period_start, coverage.period_start) as period_start
from expected
full join coverage
    on expected.period_type = coverage.period_type and expected.period_start = coverage.period_start
where coverage.period_type is null or expected.period_type is null
   or (coverage.months_with_data, coverage.months_partial, coverage.is_complete_period)
      is distinct from (expected.months_with_data, expected.months_partial, expected.is_complete_period)
