{#- Discriminatory behaviour allegations over time: by financial year (complaint received), the protected
    characteristic alleged, and complainant group ('All' for every group): allegations, those with a finding,
    upheld, and the upheld share (Wilson interval). Unsuppressed: analysts only. -#}
with allegations as (
    select * from {{ ref('fct_allegation') }} where category_code = 'DISCRIMINATORY_BEHAVIOUR'
),

counted as (
    select
        financial_year_start,
        discrimination_characteristic_code,
        coalesce(complainant_ethnic_group, 'All') as complainant_group,
        count(*) as allegations,
        count(*) filter (where has_finding) as with_finding,
        count(*) filter (where is_upheld) as upheld
    from allegations
    group by grouping sets ((financial_year_start, discrimination_characteristic_code),
                            (financial_year_start, discrimination_characteristic_code, complainant_ethnic_group))
)

select
    counted.*,
    {{ share_with_interval('upheld', 'with_finding', 'upheld_share') }}
from counted
