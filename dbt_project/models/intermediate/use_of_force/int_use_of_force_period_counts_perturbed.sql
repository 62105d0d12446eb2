{#- int_use_of_force_period_counts as published: added up from the perturbed month cells, so every total is the sum
    of its published parts. -#}
{{ use_of_force_period_counts(ref('int_use_of_force_month_cells_perturbed')) }}
