select disposal_code, disposal_label, is_charge, is_remand, is_out_of_court, is_criminal_justice_sanction,
       is_no_further_action, sort_order
from {{ ref('custody_disposals') }}
union all
select 'UNKNOWN', 'Not recorded', false, false, false, false, false, 999
