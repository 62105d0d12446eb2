{#- The finest cells every published count of leavers adds up: financial year x workforce type x characteristic x
    group x leaving reason, with the leavers (people with a workforce history) and the sum of their keys (macro
    record_key), from which the cell's perturbation follows (int_leaver_cells_perturbed). A leaver's
    characteristics are those recorded on the leaving date. -#}
with leavers as (
    select * from {{ ref('int_workforce_events_described') }} where event_type_code = 'LEAVER' and has_history
)

select
    {{ financial_year_start('leavers.effective_date') }} as financial_year_start,
    leavers.workforce_type_code,
    characteristics.characteristic,
    characteristics.group_code,
    leavers.leaver_reason_code,
    count(*) as leavers,
    sum({{ record_key('leavers.person_id') }})::bigint as leavers_record_key_sum
from leavers
cross join lateral {{ workforce_characteristics('leavers', with_person_only=true) }}
group by 1, 2, 3, 4, 5
