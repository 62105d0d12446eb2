{#- int_allegation_cells as published: every count perturbed by its cell key, each subset capped at the count
    holding it (macro perturbed_cells). -#}
{{ perturbed_cells(ref('int_allegation_cells'), allegation_cell_grain(), allegation_counts().keys() | list,
                   within=allegation_counts_within()) }}
