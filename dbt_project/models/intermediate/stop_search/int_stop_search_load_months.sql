{{ config(materialized='incremental', incremental_strategy='append') }}
{#- The months (local, as searched_date) each load of searches holds rows of, kept after the load is superseded
    (its rows are then gone from raw): the months a night must rebuild when the load arrives or is replaced. -#}
{%- set not_built = ref('stg_audit__loads_not_built') %}
with searches as (
    select load_id, searched_at from {{ ref('stg_force__stop_searches') }}
    union all
    select load_id, searched_at from {{ ref('stg_police_uk__stop_searches') }}
)

select distinct load_id, date_trunc('month', (searched_at at time zone 'Europe/London')::date)::date as month_start
from searches
{% if is_incremental() %}
where load_id in (select load_id from {{ not_built }})
    and load_id not in (select load_id from {{ this }})
{% endif %}
