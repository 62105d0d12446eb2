{#- int_custody_month_cells as published: detentions perturbed by their cell key (macro perturbed_cells). -#}
{{ perturbed_cells(ref('int_custody_month_cells'), custody_cell_grain(), ['detentions']) }}
