-- p-values of "the ratio is 1" read off the ratio's interval, worked by hand:
-- ratio 3, interval (1.994939, 4.511417) (the log method for 30 of 1,000 against 100 of 10,000): the
--   standard error of ln 3 is (ln 3 - ln 1.994939) / 1.959964 = sqrt(1/30 + 1/100) = 0.208167, z = 5.277563,
--   p = 1.3091e-7 (scipy); ratio 2, lower 1.2: SE = ln(2/1.2) / 1.959964 = 0.260630, z = 2.659505, p = 0.0078255.
-- The normal tail is Abramowitz & Stegun's (absolute error below 1e-7), hence the tolerances.
-- An interval whose facing limit is exactly 1 gives p = 0.05: ratio 2, lower 1; ratio 0.5, upper 1.
-- ratio 1: p = 1. ratio 0 or null, or the facing limit null: not tested (null).
-- A ratio far from 1 with a narrow interval (z in the thousands) has p of about 0, not an error.
with cases as (
    select 3.0 as ratio, 1.9949385542 as lower_95, 4.5114171466 as upper_95, 1.3091e-7 as expected, 1e-9 as tolerance
    union all select 2.0, 1.2, 3.0, 0.0078255, 1e-6
    union all select 2.0, 1.0, 4.0, 0.05, 1e-6
    union all select 0.5, 0.25, 1.0, 0.05, 1e-6
    union all select 1.0, 0.5, 2.0, 1.0, 1e-6
    union all select 1000.0, 999.0, 1001.0, 0.0, 1e-290
    union all select 0.0, 0.0, 0.9, null, 0
    union all select 0.5, 0.1, null, null, 0
    union all select null, null, null, null, 0
)

select *
from cases
where not coalesce(abs({{ ratio_p_value('ratio', 'lower_95', 'upper_95') }} - expected) <= tolerance,
                   {{ ratio_p_value('ratio', 'lower_95', 'upper_95') }} is null and expected is null)
