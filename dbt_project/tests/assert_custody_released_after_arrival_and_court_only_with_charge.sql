-- A detention ends after it starts (ingest quarantines a release before the arrival) and a court is recorded
-- only for a charge.
select detentions.detention_id, detentions.arrived_at, detentions.released_at, detentions.court_value,
       detentions.disposal_value
from {{ ref('stg_force__custody_detentions') }} as detentions
left join {{ ref('custody_disposal_source_values') }} as disposal_values
    on disposal_values.source_system = 'force' and detentions.disposal_value = disposal_values.source_value
left join {{ ref('custody_disposals') }} as disposals on disposal_values.disposal_code = disposals.disposal_code
where detentions.released_at < detentions.arrived_at
   or (detentions.court_value is not null and not coalesce(disposals.is_charge, false))
