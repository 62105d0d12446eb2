{#- int_complaint_case_cells as published: every count perturbed by its cell key, the counts of a subset of the
    cases capped at the cases (macro perturbed_cells). -#}
{{ perturbed_cells(ref('int_complaint_case_cells'), complaint_case_cell_grain(), complaint_case_counts().keys() | list,
                   within=all_within_first(complaint_case_counts().keys() | list)) }}
