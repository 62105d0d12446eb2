{#- Who leaves, and why, against the reference group; exact: analysts only (macro leavers_mart). -#}
{{ leavers_mart(ref('int_leaver_cells')) }}
