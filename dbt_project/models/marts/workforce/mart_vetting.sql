{#- Vetting refusals against the reference group; exact: analysts only (macro vetting_mart). -#}
{{ vetting_mart(ref('int_vetting_cells')) }}
