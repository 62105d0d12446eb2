{#- int_use_of_force_share_cells as published: both counts perturbed by their cell keys, the units with the measure
    capped at the units counted (macro perturbed_cells). -#}
{{ perturbed_cells(ref('int_use_of_force_share_cells'), use_of_force_share_cell_grain(),
                   ['units_counted', 'units_with_measure'], within={'units_with_measure': 'units_counted'}) }}
