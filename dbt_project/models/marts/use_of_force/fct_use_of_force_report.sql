{#- Use-of-force reports: one row per report (one officer's use of force on one person in one incident), as
    last delivered. A view over the intermediate model, which holds the one copy. -#}
{{ config(materialized='view') }}
select * from {{ ref('int_use_of_force_reports_conformed') }}
