{#- mart_vetting from the perturbed vetting cells: what reporting.vetting publishes, before suppression (macro
    vetting_mart; docs/methodology.md, Disclosure control). -#}
{{ vetting_mart(ref('int_vetting_cells_perturbed')) }}
