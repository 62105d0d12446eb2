{#- The promotion-process funnel by process, stage and characteristic group (int_process_funnel defines every
    measure; mart_promotion gives promotion rates against the eligible pool). Unsuppressed: analysts only. -#}
select * from {{ ref('int_process_funnel') }} where process_type = 'PROMOTION'
