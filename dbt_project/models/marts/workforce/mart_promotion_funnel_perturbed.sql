{#- mart_promotion_funnel from the perturbed stage cells (int_process_funnel_perturbed): what
    reporting.promotion_funnel publishes, before suppression. -#}
select * from {{ ref('int_process_funnel_perturbed') }} where process_type = 'PROMOTION'
