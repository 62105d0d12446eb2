{#- int_custody_period_counts as published: added up from the perturbed month cells, so every total is the sum of
    its published parts. -#}
{{ custody_period_counts(ref('int_custody_month_cells_perturbed')) }}
