-- The census a period is divided by is decided at its middle day (Census 2021 from 1 April 2022), worked by hand:
-- rolling 12 months May 2021 - April 2022 (1 May 2021 to 1 May 2022, middle 30 Oct 2021): 2011, although it
--   ends in 2022/23; September 2021 - August 2022 (middle 2 March 2022): 2011;
--   October 2021 - September 2022 (middle 1 April 2022): 2021, although it starts in 2021/22.
-- Financial years 2021/22 and 2022/23, months March and April 2022, the quarter April-June 2022: the Home
-- Office's choice for the financial year they lie in.
with cases as (
    select '2021-05-01'::date as period_start, '2022-05-01'::date as period_end, 2011 as expected
    union all select '2021-09-01', '2022-09-01', 2011
    union all select '2021-10-01', '2022-10-01', 2021
    union all select '2021-04-01', '2022-04-01', 2011
    union all select '2022-04-01', '2023-04-01', 2021
    union all select '2022-03-01', '2022-04-01', 2011
    union all select '2022-04-01', '2022-05-01', 2021
    union all select '2022-04-01', '2022-07-01', 2021
)

select *
from cases
where {{ population_census_year('period_start', 'period_end') }} <> expected
