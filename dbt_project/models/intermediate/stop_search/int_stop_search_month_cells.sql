{{ config(materialized='incremental', incremental_strategy='append',
          pre_hook="{{ delete_months_rebuilt(ref('int_stop_search_rebuilt_months'), 'month_start') }}") }}
{#- The finest cells every published stop-and-search count adds up: month x LPU x legislation group x ethnicity
    basis x (broad, detailed) ethnic group, with each count's record key sum (macro record_key), from which its
    cell key and perturbation follow (int_stop_search_month_cells_perturbed). -#}
with searches as (
    select * from {{ ref('int_stop_searches_conformed') }}
    where {{ in_months_rebuilt(ref('int_stop_search_rebuilt_months'), 'searched_date') }}
),

legislation as (
    select * from {{ ref('legislation') }}
),

outcomes as (
    select * from {{ ref('outcomes') }}
),

classified as (
    select
        date_trunc('month', searches.searched_date)::date as month_start,
        searches.lpu_code,
        {{ stop_search_legislation_group('legislation') }} as legislation_group,
        memberships.ethnicity_basis,
        memberships.broad_ethnic_group,
        memberships.detailed_ethnic_group,
        {{ record_key('searches.stop_search_id') }} as record_key,
        {%- for count, counted in stop_search_counts().items() %}
        {{ counted }} as is_in_{{ count }}{{ ',' if not loop.last }}
        {%- endfor %}
    from searches
    left join legislation on searches.legislation_code = legislation.legislation_code
    left join outcomes on searches.outcome_code = outcomes.outcome_code
    cross join lateral (
        values
            ('self-defined', searches.self_defined_broad_ethnic_group,
                case when searches.self_defined_broad_ethnic_group = 'Not stated' then 'Not stated'
                     else searches.self_defined_ethnic_group_code end),
            ('officer-defined', searches.officer_defined_broad_ethnic_group, null)
    ) as memberships (ethnicity_basis, broad_ethnic_group, detailed_ethnic_group)
)

select
    {%- for column in stop_search_cell_grain() %}
    {{ column }},
    {%- endfor %}
    {%- for count in stop_search_counts() %}
    count(*) filter (where is_in_{{ count }}) as {{ count }},
    coalesce(sum(record_key) filter (where is_in_{{ count }}), 0)::bigint as {{ count }}_record_key_sum{{ ',' if not loop.last }}
    {%- endfor %}
from classified
group by {{ stop_search_cell_grain() | join(', ') }}
