{#- The finest cells every published detention count adds up: month of arrival x arresting LPU x age group x broad
    self-defined ethnic group, with the sum of the detentions' record keys (macro record_key), from which the cell's
    perturbation follows (int_custody_month_cells_perturbed). -#}
with detentions as (
    select * from {{ ref('int_custody_detentions_conformed') }}
)

select
    date_trunc('month', arrived_date)::date as month_start,
    lpu_code,
    age_group,
    self_defined_broad_ethnic_group as ethnic_group,
    count(*) as detentions,
    sum({{ record_key('detention_id') }})::bigint as detentions_record_key_sum
from detentions
group by {{ custody_cell_grain() | join(', ') }}
