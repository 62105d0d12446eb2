select legislation_code, legislation_label, legislation_group, sort_order from {{ ref('legislation') }}
union all
select 'UNKNOWN', 'Not recorded', 'Other', 999
