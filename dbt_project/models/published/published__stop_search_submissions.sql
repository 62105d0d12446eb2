{{ config(alias='stop_search_submissions') }}
{#- What BI reads: which months are covered, missing or look partial (monthly totals are force-level). -#}
select month_start, searches, sources, is_missing, trailing_six_month_median, is_partial_submission
from {{ ref('mart_stop_search_submissions') }}
