{#- int_recruitment_target_cells as published: every count perturbed by its cell key, the subsets capped at the
    recruits (macro perturbed_cells). -#}
{{ perturbed_cells(ref('int_recruitment_target_cells'), ['month_start'], recruitment_target_counts().keys() | list,
                   within=all_within_first(recruitment_target_counts().keys() | list)) }}
