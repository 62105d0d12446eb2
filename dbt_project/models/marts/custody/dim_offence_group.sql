select offence_group_code, offence_group_label, sort_order
from {{ ref('offence_groups') }}
union all
select 'UNKNOWN', 'Not recorded', 999
