select object_of_search_code, object_of_search_label, sort_order from {{ ref('object_of_search') }}
union all
select 'UNKNOWN', 'Not recorded', 999
