-- Ratio of two proportions, MOVER-Wilson, worked by hand.
-- 20 of 100 against 30 of 100: p1 = 0.2, Wilson (0.133367, 0.288829); p2 = 0.3, Wilson (0.218949, 0.395849).
--   lower = (p1 p2 - sqrt((p1 p2)^2 - l1 u2 (2 p1 - l1)(2 p2 - u2))) / (u2 (2 p2 - u2)) = 0.408973,
--   upper = (p1 p2 + sqrt((p1 p2)^2 - u1 l2 (2 p1 - u1)(2 p2 - l2))) / (l2 (2 p2 - l2)) = 1.082928.
-- 0 of 10 against 3 of 10: lower 0; upper = u1 / sqrt(l2 (2 p2 - l2)) = 1.204891.
-- 5 of 10 against 0 of 10: lower = sqrt(l1 (2 p1 - l1)) / u2 = 1.531316; upper unbounded (null).
-- 24 of 45 against 2 of 3: (0.485672, 4.534450). No trials on either side: no interval.
with cases as (
    select 20 as successes, 100 as trials, 30 as reference_successes, 100 as reference_trials,
           0.4089726010 as expected_lower, 1.0829284541 as expected_upper
    union all select 0, 10, 3, 10, 0.0, 1.2048913057
    union all select 5, 10, 0, 10, 1.5313157691, null
    union all select 24, 45, 2, 3, 0.4856723720, 4.5344501705
    union all select 0, 0, 3, 10, null, null
)

select *
from cases
where not coalesce(abs({{ proportion_ratio_limit('successes', 'trials', 'reference_successes', 'reference_trials', 'lower') }} - expected_lower) <= 1e-9,
                   {{ proportion_ratio_limit('successes', 'trials', 'reference_successes', 'reference_trials', 'lower') }} is null and expected_lower is null)
   or not coalesce(abs({{ proportion_ratio_limit('successes', 'trials', 'reference_successes', 'reference_trials', 'upper') }} - expected_upper) <= 1e-9,
                   {{ proportion_ratio_limit('successes', 'trials', 'reference_successes', 'reference_trials', 'upper') }} is null and expected_upper is null)
