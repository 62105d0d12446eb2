{#- int_use_of_force_month_cells as published: every count perturbed by its cell key (macro perturbed_cells). -#}
{{ perturbed_cells(ref('int_use_of_force_month_cells'), use_of_force_cell_grain(), use_of_force_counts()) }}
