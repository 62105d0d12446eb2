-- The four-fifths (adverse impact) rule, worked by hand on integers:
-- 24 of 45 against 2 of 3: 5 x 24 x 3 = 360, 4 x 2 x 45 = 360: exactly four fifths, not adverse
--   (24/45 / (2/3) computed by division is 0.7999..., which a "< 0.8" test wrongly flags).
-- 23 of 45 against 2 of 3: 345 < 360, adverse. 8 of 10 against 10 of 10: 400 = 400, not adverse.
-- A best group with no successes, or no trials: no decision.
with cases as (
    select 24 as successes, 45 as trials, 2 as best_successes, 3 as best_trials, false as expected
    union all select 23, 45, 2, 3, true
    union all select 8, 10, 10, 10, false
    union all select 7, 10, 10, 10, true
    union all select 0, 10, 0, 10, null
    union all select 0, 0, 2, 3, null
)

select *
from cases
where {{ is_adverse_impact('successes', 'trials', 'best_successes', 'best_trials') }} is distinct from expected
