{#- Progress against the recruitment commitment; exact: analysts only (macro recruitment_target_mart). -#}
{{ recruitment_target_mart(ref('int_recruitment_target_cells')) }}
