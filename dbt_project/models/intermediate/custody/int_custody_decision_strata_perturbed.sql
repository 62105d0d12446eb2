{#- int_custody_decision_strata from the perturbed decision cells: what custody_outcomes publishes is computed from
    it (macro custody_decision_strata). -#}
{{ custody_decision_strata(ref('int_custody_decision_cells_perturbed')) }}
