{#- Complaint cases: one row per case, as last delivered. -#}
select * from {{ ref('int_complaint_cases_conformed') }}
