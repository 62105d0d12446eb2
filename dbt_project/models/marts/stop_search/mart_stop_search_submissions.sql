{#- One row per month of the data's span: whether an extract covered it, and whether its volume looks like a
    partial submission (below a share of the trailing six-month median). A missing month is missing, never
    a zero. -#}
select
    month_start,
    records as searches,
    sources,
    is_missing,
    trailing_six_month_median,
    is_partial_submission
from {{ ref('int_stop_search_months') }}
