{#- Complaint allegations with the subject's record as at the complaint: one row per allegation. -#}
select * from {{ ref('int_allegations_described') }}
