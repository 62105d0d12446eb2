{#- The input of the Mantel-Haenszel adjusted ratio, from the exact decision cells (macro custody_decision_strata). -#}
{{ custody_decision_strata(ref('int_custody_decision_cells')) }}
