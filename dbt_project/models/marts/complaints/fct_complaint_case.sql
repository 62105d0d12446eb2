{#- Complaint cases: one row per case, as last delivered.
    A view over the intermediate model, which holds the one copy. -#}
{{ config(materialized='view') }}
select * from {{ ref('int_complaint_cases_conformed') }}
