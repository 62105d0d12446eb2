{#- mart_promotion from the perturbed promotion cells: what reporting.promotion publishes, before suppression
    (macro promotion_mart; docs/methodology.md, Disclosure control). -#}
{{ promotion_mart(ref('int_promotion_cells_perturbed')) }}
