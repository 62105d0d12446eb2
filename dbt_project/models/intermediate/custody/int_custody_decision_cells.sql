{#- The finest cells of the custody decisions: for each decision (its eligible pool -> event), the detentions
    eligible for it and those where it went one way, by financial year x age group (Adults, Juveniles) x broad
    self-defined ethnic group x stratum (offence group x age band), each with the sum of its records' keys (macro
    record_key), from which the cell's perturbation follows (int_custody_decision_cells_perturbed). Only cells
    with eligible detentions have a row.

    Decisions (eligible pool -> event):
      charge_vs_no_further_action: charged or NFA -> charged
      remand_vs_bail: charged -> remanded in custody
      crown_vs_magistrates: charged with a court recorded -> Crown Court
      community_resolution_vs_sanction: community resolution or criminal-justice sanction -> community resolution
      strip_search: every detention -> strip searched
      use_of_force: every detention -> force used -#}
with detentions as (
    select * from {{ ref('int_custody_detentions_conformed') }}
    where self_defined_broad_ethnic_group <> 'Not stated'
),

periods as (
    select * from {{ ref('int_custody_reporting_periods') }}
    where period_type = 'financial_year'
),

decisions as (
    select
        periods.period_type,
        periods.period_start,
        periods.period_end,
        detentions.age_group,
        detentions.self_defined_broad_ethnic_group as ethnic_group,
        detentions.offence_group_code || ' x ' || detentions.age_band_code as stratum,
        decided.decision,
        decided.is_event,
        {{ record_key('detentions.detention_id') }} as record_key
    from detentions
    inner join periods on date_trunc('month', detentions.arrived_date)::date = periods.month_start
    cross join lateral (
        values
            ('charge_vs_no_further_action', detentions.is_charge or detentions.is_no_further_action,
             detentions.is_charge),
            ('remand_vs_bail', detentions.is_charge, detentions.is_remand),
            ('crown_vs_magistrates', detentions.is_charge and detentions.court_code is not null,
             detentions.court_code = 'CROWN'),
            ('community_resolution_vs_sanction',
             detentions.is_community_resolution or detentions.is_criminal_justice_sanction,
             detentions.is_community_resolution),
            ('strip_search', true, detentions.is_strip_search),
            ('use_of_force', true, detentions.is_use_of_force)
    ) as decided (decision, is_eligible, is_event)
    where decided.is_eligible
)

select
    {%- for column in custody_decision_cell_grain() %}
    {{ column }},
    {%- endfor %}
    count(*) as eligible_detentions,
    sum(record_key)::bigint as eligible_detentions_record_key_sum,
    count(*) filter (where is_event) as decision_events,
    coalesce(sum(record_key) filter (where is_event), 0)::bigint as decision_events_record_key_sum
from decisions
group by {{ custody_decision_cell_grain() | join(', ') }}
