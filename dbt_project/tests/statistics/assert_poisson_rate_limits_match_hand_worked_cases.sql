-- Rate per 1,000 limits for a Poisson count: 3 events in 1,000 people -> exact mid-p limits (0.763096, 8.164469)
-- per 1,000 (the means at which P(X > 3) + P(X = 3)/2 and P(X < 3) + P(X = 3)/2 are 2.5%); 150 events in
-- 10,000 people -> Byar (12.6955, 17.6018) per 1,000, within 0.001 of the exact (12.6956, 17.6017).
with cases as (
    select 3 as events, 1000 as population, 0.7630962978 as expected_lower, 8.1644692084 as expected_upper,
           1e-8 as tolerance
    union all
    select 150, 10000, 12.6956, 17.6017, 0.001
)

select *
from cases
where abs({{ poisson_rate_limit('events', 'population', 'lower') }} - expected_lower) > tolerance
   or abs({{ poisson_rate_limit('events', 'population', 'upper') }} - expected_upper) > tolerance
