-- With the threshold at 10: a count of 9 is suppressed, and so is a ratio that uses it on either side;
-- 10 is shown; a missing count counts as small.
with cases as (
    select 9 as group_count, 50 as reference_count, true as expect_suppressed
    union all select 10, 50, false
    union all select 50, 9, true
    union all select null, 50, true
)

select *
from cases
where {{ is_suppressed(['group_count', 'reference_count']) }} <> expect_suppressed
   or ({{ suppressed('1.5', ['group_count', 'reference_count']) }} is null) <> expect_suppressed
