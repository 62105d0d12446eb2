{#- The months of searches tonight's build rebuilds in the month-partitioned models (macro months_rebuilt): those
    of the loads no build has taken in, new or superseded since. -#}
select distinct load_months.month_start
from {{ ref('int_stop_search_load_months') }} as load_months
where load_months.load_id in (select load_id from {{ ref('stg_audit__loads_not_built') }})
