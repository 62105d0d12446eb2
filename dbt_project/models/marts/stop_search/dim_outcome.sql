select outcome_code, outcome_label, outcome_group, is_arrest, is_no_further_action, sort_order
from {{ ref('outcomes') }}
union all
select 'UNKNOWN', 'Not recorded', 'Not recorded', false, false, 999
