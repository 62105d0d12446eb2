{#- Workforce events (joiners, leavers, promotions, specialist moves), with the person's characteristics as
    they stood on the event's date. One row per event. -#}
select * from {{ ref('int_workforce_events_described') }}
