{#- mart_stop_search_submissions from the perturbed month cells: what reporting.stop_search_submissions publishes.
    A month's searches are the sum of its perturbed cells (one ethnicity basis: each search is in one of its cells),
    the force total the published not-stated shares are computed from, and the trailing median is of those sums
    (macro trailing_six_month_median). Whether a month is missing or partial is decided on the exact counts: it is
    the same flag that makes a period incomplete in every published rate. -#}
with exact_months as (
    select * from {{ ref('int_stop_search_months') }}
),

perturbed as (
    select month_start, sum(searches)::bigint as searches
    from {{ ref('int_stop_search_month_cells_perturbed') }}
    where ethnicity_basis = 'self-defined'
    group by month_start
),

months as (
    select
        exact_months.month_start,
        perturbed.searches as records,
        exact_months.sources,
        exact_months.is_missing,
        exact_months.is_partial_submission
    from exact_months
    left join perturbed on exact_months.month_start = perturbed.month_start
)

select
    month_start,
    records as searches,
    sources,
    is_missing,
    {{ trailing_six_month_median('months') }} as trailing_six_month_median,
    is_partial_submission
from months
