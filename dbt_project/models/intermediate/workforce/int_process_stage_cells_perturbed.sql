{#- int_process_stage_cells as published: every count perturbed by its cell key, each outcome capped at those
    entering the stage (macro perturbed_cells). -#}
{{ perturbed_cells(ref('int_process_stage_cells'), funnel_cell_grain(), funnel_counts().keys() | list,
                   within=all_within_first(funnel_counts().keys() | list)) }}
