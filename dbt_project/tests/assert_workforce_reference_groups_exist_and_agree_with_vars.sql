{#- Every characteristic's reference group names a group the marts report, and the ethnicity one is the
    project's reference_ethnic_group var (the two must not drift apart). -#}
select reference_groups.characteristic, reference_groups.reference_group
from {{ ref('workforce_reference_groups') }} as reference_groups
left join {{ ref('dim_workforce_characteristic_group') }} as groups
    on groups.characteristic = reference_groups.characteristic and groups.group_code = reference_groups.reference_group
where groups.group_code is null
   or (reference_groups.characteristic = 'ethnicity' and reference_groups.reference_group <> '{{ var("reference_ethnic_group") }}')
