{#- mart_recruitment_target from the perturbed monthly cells: what reporting.recruitment_target publishes, before
    suppression (macro recruitment_target_mart; docs/methodology.md, Disclosure control). -#}
{{ recruitment_target_mart(ref('int_recruitment_target_cells_perturbed')) }}
