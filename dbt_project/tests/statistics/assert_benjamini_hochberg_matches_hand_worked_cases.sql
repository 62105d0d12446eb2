-- Benjamini-Hochberg at 5%, worked by hand, three families:
-- A: p 0.01, 0.02, 0.03, 0.5 (m = 4; thresholds 0.0125, 0.025, 0.0375, 0.05): the largest k with
--    p(k) <= k/4 x 0.05 is 3, so the three smallest stand; a row with no p-value is not tested (null).
-- B: p 0.04, 0.01 (m = 2; thresholds 0.025, 0.05): 0.04 <= 0.05 at k = 2, so both stand (step-up).
-- C: p 0.03, 0.04, 0.2 (m = 3; thresholds 0.0167, 0.0333, 0.05): none stands, though two are below 0.05.
with p_values as (
    select 'A' as family, 0.01 as p_value, true as expected
    union all select 'A', 0.02, true
    union all select 'A', 0.03, true
    union all select 'A', 0.5, false
    union all select 'A', null, null
    union all select 'B', 0.04, true
    union all select 'B', 0.01, true
    union all select 'C', 0.03, false
    union all select 'C', 0.04, false
    union all select 'C', 0.2, false
),

controlled as (
    {{ benjamini_hochberg('p_values', 'p_value', ['family'], 'ratio') }}
)

select *
from controlled
where is_ratio_fdr_significant is distinct from expected
   or (family = 'A' and p_value is not null and ratio_tests_in_family <> 4)
