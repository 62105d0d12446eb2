-- Rate ratio limits.
-- Log method: 30 of 1,000 against 100 of 10,000: RR 3, exp(ln 3 -/+ 1.96 sqrt(1/30 + 1/100)) = (1.994939, 4.511417).
-- Conditional method (a count under 10): 2 of 1,000 against 40 of 10,000: RR 0.5; p = 2/42, whose modified
-- Wilson limits are lambda(2)/42 = 0.008461 (2 events, 42 <= 50) and 0.157899, so
-- (0.008461/0.991539, 0.157899/0.842101) x 10 = (0.085332, 1.875053).
-- 0 of 1,000 against 40 of 10,000: lower limit 0, upper (Wilson 0.087627 of 0/40) 0.960365.
-- 0 of 1,000 against 0 of 10,000: no information, the interval is everything: lower 0, upper null.
with cases as (
    select 30 as events, 1000 as population, 100 as reference_events, 10000 as reference_population,
           3.0 as expected_ratio, 1.9949385542 as expected_lower, 4.5114171466 as expected_upper, 'log' as expected_method
    union all
    select 2, 1000, 40, 10000, 0.5, 0.0853318755, 1.8750534047, 'conditional Wilson'
    union all
    select 0, 1000, 40, 10000, 0.0, 0.0, 0.9603647052, 'conditional Wilson'
    union all
    select 0, 1000, 0, 10000, null, 0.0, null, 'conditional Wilson'
)

select *
from cases
where {{ rate_ratio('events', 'population', 'reference_events', 'reference_population') }} is distinct from expected_ratio
      and not abs({{ rate_ratio('events', 'population', 'reference_events', 'reference_population') }} - expected_ratio) <= 1e-9
   or not coalesce(abs({{ rate_ratio_limit('events', 'population', 'reference_events', 'reference_population', 'lower') }} - expected_lower) <= 1e-9,
                   {{ rate_ratio_limit('events', 'population', 'reference_events', 'reference_population', 'lower') }} is null and expected_lower is null)
   or not coalesce(abs({{ rate_ratio_limit('events', 'population', 'reference_events', 'reference_population', 'upper') }} - expected_upper) <= 1e-9,
                   {{ rate_ratio_limit('events', 'population', 'reference_events', 'reference_population', 'upper') }} is null and expected_upper is null)
   or {{ rate_ratio_method('events', 'reference_events') }} <> expected_method
