{#- Vetting applications and decisions: one row per application.
    A view over the intermediate model, which holds the one copy. -#}
{{ config(materialized='view') }}
select * from {{ ref('int_vetting_conformed') }}
