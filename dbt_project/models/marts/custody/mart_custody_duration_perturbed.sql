{#- mart_custody_duration as reporting.custody_duration publishes it: the detentions of each group are those
    custody_rates publishes for the same year, age group and group (sums of perturbed month cells,
    int_custody_period_counts_perturbed), so no exact count sits beside a perturbed one; the hours are the exact
    median and 90th percentile, statistics of the durations and not counts. -#}
with durations as (
    select * from {{ ref('mart_custody_duration') }}
),

counts as (
    select * from {{ ref('int_custody_period_counts_perturbed') }}
)

select
    durations.period_type,
    durations.period_start,
    durations.period_end,
    durations.area_code,
    durations.age_group,
    durations.ethnicity_basis,
    durations.ethnic_group,
    counts.detentions,
    durations.median_hours_in_custody,
    durations.p90_hours_in_custody
from durations
inner join counts
    on durations.period_type = counts.period_type
    and durations.period_start = counts.period_start
    and durations.area_code = counts.area_code
    and durations.age_group = counts.age_group
    and durations.ethnic_group = counts.ethnic_group
