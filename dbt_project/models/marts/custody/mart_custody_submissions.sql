{#- One row per month of the custody data's span: detentions, whether the month is missing, and whether its
    volume looks like a partial submission (below a share of the trailing six-month median). -#}
select
    month_start,
    records as detentions,
    is_missing,
    trailing_six_month_median,
    is_partial_submission
from {{ ref('int_custody_months') }}
