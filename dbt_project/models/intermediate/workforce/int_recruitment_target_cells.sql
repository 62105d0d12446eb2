{#- The finest cells every published count of the recruitment target adds up: the month of appointment, with the
    officer recruits (appointed in a recruitment process for an officer role), those of an ethnic minority
    (ethnicity disclosed and not the reference group) and those who did not disclose, each with the sum of their
    keys (macro record_key), from which the cell's perturbation follows (int_recruitment_target_cells_perturbed). -#}
with ethnic_groups as (
    select * from {{ ref('int_workforce_characteristic_groups') }} where characteristic = 'ethnicity'
),

appointed as (
    select stages.*, ethnic_groups.is_disclosed, ethnic_groups.is_reference_group,
           {{ record_key('stages.candidate_id') }} as candidate_key
    from {{ ref('int_process_stages_conformed') }} as stages
    inner join ethnic_groups on stages.ethnic_group = ethnic_groups.group_code
    where stages.process_type = 'RECRUITMENT' and stages.stage_code = 'APPOINTED' and stages.outcome_code = 'PASSED'
      and stages.target_workforce_type_code = 'OFFICER'
)

select
    date_trunc('month', stage_date)::date as month_start,
    {{ counts_with_record_key_sums(recruitment_target_counts(), 'candidate_key') }}
from appointed
group by 1
