{#- The finest cells every published vetting count adds up: financial year of decision x applicant type x
    characteristic x group, with the applications, those granted, refused and withdrawn, each with the sum of its
    applications' keys (macro record_key), from which the cell's perturbation follows (int_vetting_cells_perturbed). -#}
with applications as (
    select *, {{ record_key('vetting_id') }} as application_key from {{ ref('int_vetting_conformed') }}
)

select
    applications.financial_year_start,
    applications.applicant_type_code,
    characteristics.characteristic,
    characteristics.group_code,
    {{ counts_with_record_key_sums(vetting_counts(), 'applications.application_key') }}
from applications
cross join lateral {{ workforce_characteristics('applications') }}
group by 1, 2, 3, 4
