{#- mart_leavers from the perturbed leaver cells: what reporting.leavers publishes, before suppression (macro
    leavers_mart; docs/methodology.md, Disclosure control). -#}
{{ leavers_mart(ref('int_leaver_cells_perturbed')) }}
