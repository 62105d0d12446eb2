{#- int_custody_decision_cells as published: both counts perturbed by their cell keys, the events capped at the
    eligible detentions (macro perturbed_cells). -#}
{{ perturbed_cells(ref('int_custody_decision_cells'), custody_decision_cell_grain(),
                   ['eligible_detentions', 'decision_events'], within={'decision_events': 'eligible_detentions'}) }}
