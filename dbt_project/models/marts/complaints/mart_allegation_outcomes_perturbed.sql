{#- mart_allegation_outcomes from the perturbed allegation cells: what reporting.allegation_outcomes publishes,
    before suppression (macro allegation_outcomes; docs/methodology.md, Disclosure control). -#}
{{ allegation_outcomes(ref('int_allegation_cells_perturbed')) }}
