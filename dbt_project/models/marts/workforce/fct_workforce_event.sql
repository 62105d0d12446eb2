{#- Workforce events (joiners, leavers, promotions, specialist moves), with the person's characteristics as
    they stood on the event's date. One row per event.
    A view over the intermediate model, which holds the one copy. -#}
{{ config(materialized='view') }}
select * from {{ ref('int_workforce_events_described') }}
