{#- The finest cells every published funnel count adds up: process type x financial year x target role x process x
    stage x characteristic x group, with each count of macro funnel_counts and the sum of its candidates' keys, from
    which the cell's perturbation follows (int_process_stage_cells_perturbed). -#}
{{ workforce_cells(ref('int_process_stages_conformed'), 'candidate_id', funnel_cell_grain()[:-2], funnel_counts()) }}
