{#- The recruitment funnel by campaign, stage and characteristic group (int_process_funnel defines every
    measure). Unsuppressed: analysts only. -#}
select * from {{ ref('int_process_funnel') }} where process_type = 'RECRUITMENT'
