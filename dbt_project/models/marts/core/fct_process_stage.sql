{#- Recruitment and promotion process stages: one row per process, candidate and stage entered. -#}
select * from {{ ref('int_process_stages_conformed') }}
