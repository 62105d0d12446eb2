{#- mart_discrimination_allegations from the perturbed allegation cells: what reporting.discrimination_allegations
    publishes, before suppression (macro discrimination_allegations; docs/methodology.md, Disclosure control). -#}
{{ discrimination_allegations(ref('int_allegation_cells_perturbed')) }}
