{#- int_stop_search_period_counts as published: added up from the perturbed month cells, so every total is the
    sum of its published parts and no difference of published counts is an exact count. -#}
{{ stop_search_period_counts(ref('int_stop_search_month_cells_perturbed')) }}
