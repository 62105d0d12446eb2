-- Rate ratio limits.
-- Log method: 30 of 1,000 against 100 of 10,000: RR 3, exp(ln 3 -/+ 1.96 sqrt(1/30 + 1/100)) = (1.994939, 4.511417).
-- Conditional method (a count under 10): 2 of 1,000 against 40 of 10,000: RR 0.5; Wilson limits of
-- p = 2/42 give (0.133330, 1.875053). 0 of 1,000 against 40 of 10,000: lower limit 0.
with cases as (
    select 30 as events, 1000 as population, 100 as reference_events, 10000 as reference_population,
           3.0 as expected_ratio, 1.9949385542 as expected_lower, 4.5114171466 as expected_upper, 'log' as expected_method
    union all
    select 2, 1000, 40, 10000, 0.5, 0.1333295358, 1.8750534047, 'conditional Wilson'
    union all
    select 0, 1000, 40, 10000, 0.0, 0.0, 0.9603647052, 'conditional Wilson'
)

select *
from cases
where abs({{ rate_ratio('events', 'population', 'reference_events', 'reference_population') }} - expected_ratio) > 1e-9
   or abs({{ rate_ratio_limit('events', 'population', 'reference_events', 'reference_population', 'lower') }} - expected_lower) > 1e-8
   or abs({{ rate_ratio_limit('events', 'population', 'reference_events', 'reference_population', 'upper') }} - expected_upper) > 1e-8
   or {{ rate_ratio_method('events', 'reference_events') }} <> expected_method
