-- Wilson score 95% limits, worked by hand (and checked with scipy): 8 of 10 -> (0.490162, 0.943318);
-- 0 of 20 -> (0, 0.161125). Returns the cases the macro gets wrong.
with cases as (
    select 8 as successes, 10 as trials, 0.4901624715 as expected_lower, 0.9433178485 as expected_upper
    union all
    select 0, 20, 0.0, 0.1611251581
)

select *
from cases
where abs({{ wilson_limit('successes', 'trials', 'lower') }} - expected_lower) > 1e-8
   or abs({{ wilson_limit('successes', 'trials', 'upper') }} - expected_upper) > 1e-8
