{#- The workforce characteristic groups (int_workforce_characteristic_groups), for BI: one row per characteristic x group_code.
    A view over the intermediate model, which holds the one copy. -#}
{{ config(materialized='view') }}
select * from {{ ref('int_workforce_characteristic_groups') }}
