{#- int_use_of_force_share_counts added up from the perturbed share cells: what use_of_force_shares publishes
    (macro use_of_force_share_counts). -#}
{{ use_of_force_share_counts(ref('int_use_of_force_share_cells_perturbed')) }}
