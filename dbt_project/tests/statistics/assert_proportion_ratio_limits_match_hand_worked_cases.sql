-- Ratio of two proportions, log (Katz) method: 20 of 100 against 30 of 100: RR 0.6667,
-- exp(ln RR -/+ 1.96 sqrt(1/20 - 1/100 + 1/30 - 1/100)) = (0.407094, 1.091750). A zero count has no interval.
with cases as (
    select 20 as successes, 100 as trials, 30 as reference_successes, 100 as reference_trials,
           0.4070937019 as expected_lower, 1.0917497430 as expected_upper
)

select *
from cases
where abs({{ proportion_ratio_limit('successes', 'trials', 'reference_successes', 'reference_trials', 'lower') }} - expected_lower) > 1e-8
   or abs({{ proportion_ratio_limit('successes', 'trials', 'reference_successes', 'reference_trials', 'upper') }} - expected_upper) > 1e-8
   or {{ proportion_ratio_limit('0', 'trials', 'reference_successes', 'reference_trials', 'lower') }} is not null
