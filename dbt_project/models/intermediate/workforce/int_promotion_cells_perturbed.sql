{#- int_promotion_cells as published: both counts perturbed by their cell keys, those promoted capped at the pool
    (macro perturbed_cells). -#}
{{ perturbed_cells(ref('int_promotion_cells'), ['financial_year_start', 'rank_grade_code', 'promotion_type',
                                                'characteristic', 'group_code'],
                   ['eligible_pool', 'promoted'], within={'promoted': 'eligible_pool'}) }}
