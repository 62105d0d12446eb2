{#- The Home Office's published stop-search rates that the benchmark compares with: police force areas, on
    the official ONS 2001 5+1 ethnic groups and in all. One row per financial year x force x ethnic group. -#}
select * from {{ ref('stg_home_office__stop_search_rates') }}
where ethnicity_classification in ('ONS 2001 5+1', 'All')
  and geography_type = 'Police Force Area'
