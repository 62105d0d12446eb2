{#- Recruitment and promotion process stages: one row per process, candidate and stage entered.
    A view over the intermediate model, which holds the one copy. -#}
{{ config(materialized='view') }}
select * from {{ ref('int_process_stages_conformed') }}
