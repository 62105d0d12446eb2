{#- The finest cells every published count of complaint cases adds up: financial year received x complainant's
    broad group x the rate basis the case counts in besides population (stop_search, custody or other; macro
    complaint_contact_basis), with each count of macro complaint_case_counts and the sum of its cases' keys (macro
    record_key), from which the cell's perturbation follows (int_complaint_case_cells_perturbed). -#}
with cases as (
    select
        *,
        {{ complaint_contact_basis('conformed') }} as contact_basis,
        {{ record_key('case_id') }} as case_key
    from {{ ref('int_complaint_cases_conformed') }} as conformed
)

select
    {{ complaint_case_cell_grain() | join(', ') }},
    {{ counts_with_record_key_sums(complaint_case_counts(), 'case_key') }}
from cases
group by {{ complaint_case_cell_grain() | join(', ') }}
