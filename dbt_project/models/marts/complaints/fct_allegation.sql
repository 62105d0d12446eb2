{#- Complaint allegations with the subject's record as at the complaint: one row per allegation.
    A view over the intermediate model, which holds the one copy. -#}
{{ config(materialized='view') }}
select * from {{ ref('int_allegations_described') }}
