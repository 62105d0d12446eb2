{#- Everyone employed as at each month end between the first and the latest snapshot: one row per person and
    month end, with the version of their record valid that day (int_workforce_person_history). -#}
with history as (
    select * from {{ ref('int_workforce_person_history') }}
),

snapshot_range as (
    select min(valid_from) as first_snapshot, max(coalesce(valid_to, valid_from)) as latest_snapshot
    from history
),

month_ends as (
    select (generated.month_start + interval '1 month' - interval '1 day')::date as month_end
    from snapshot_range
    cross join generate_series(date_trunc('month', snapshot_range.first_snapshot),
                               date_trunc('month', snapshot_range.latest_snapshot), interval '1 month')
        as generated (month_start)
),

in_post as (
    select
        month_ends.month_end,
        history.*
    from month_ends
    cross join snapshot_range
    inner join history
        on history.valid_from <= month_ends.month_end
        and (history.valid_to is null or month_ends.month_end < history.valid_to)
    where month_ends.month_end between snapshot_range.first_snapshot and snapshot_range.latest_snapshot
)

select * from in_post
