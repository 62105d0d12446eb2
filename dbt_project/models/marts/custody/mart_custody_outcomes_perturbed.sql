{#- mart_custody_outcomes from the perturbed decision cells: what reporting.custody_outcomes publishes, before
    suppression (macro custody_outcomes; docs/methodology.md, Disclosure control). -#}
{{ custody_outcomes(ref('int_custody_decision_strata_perturbed')) }}
