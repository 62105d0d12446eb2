-- Wilson score 95% limits modified at the edges (Brown, Cai & DasGupta), worked by hand:
-- 8 of 10: lower by the Wilson formula 0.490162; 2 failures (n <= 50) so upper = 1 - lambda(2)/10
--   = 1 - 0.355362/10 = 0.964464.
-- 0 of 20: lower exactly 0; upper by the formula 0.161125.
-- 1 of 60: lower = lambda(1)/60 = 0.0512933/60 = 0.000854888; upper by the formula 0.088551.
-- 3 of 60 (n > 50, so 3 is an edge count): lower = lambda(3)/60 = 0.817691/60 = 0.0136282.
-- 3 of 50 (n <= 50, so only 1-2 are edge counts): lower by the formula 0.0206150.
-- 12 of 12: lower by the formula 0.757506, upper exactly 1. Returns the cases the macro gets wrong.
with cases as (
    select 8 as successes, 10 as trials, 0.4901624715 as expected_lower, 0.9644638489 as expected_upper
    union all select 0, 20, 0.0, 0.1611251581
    union all select 1, 60, 0.0008548882, 0.0885512973
    union all select 3, 60, 0.0136281908, 0.1370051648
    union all select 3, 50, 0.0206149703, 0.1621709169
    union all select 12, 12, 0.7575059933, 1.0
)

select *
from cases
where abs({{ wilson_limit('successes', 'trials', 'lower') }} - expected_lower) > 1e-9
   or abs({{ wilson_limit('successes', 'trials', 'upper') }} - expected_upper) > 1e-9
