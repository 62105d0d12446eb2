{#- Vetting applications and decisions: one row per application. -#}
select * from {{ ref('int_vetting_conformed') }}
