-- Rate per 1,000 limits for a Poisson count: 3 events in 1,000 people -> exact limits (0.618672, 8.767273)
-- per 1,000; 150 events in 10,000 people -> Byar (12.6955, 17.6018) per 1,000, within 0.001 of the exact (12.6956, 17.6017).
with cases as (
    select 3 as events, 1000 as population, 0.6186721229 as expected_lower, 8.7672730697 as expected_upper,
           1e-8 as tolerance
    union all
    select 150, 10000, 12.6956, 17.6017, 0.001
)

select *
from cases
where abs({{ poisson_rate_limit('events', 'population', 'lower') }} - expected_lower) > tolerance
   or abs({{ poisson_rate_limit('events', 'population', 'upper') }} - expected_upper) > tolerance
