{#- Discriminatory behaviour allegations by characteristic and complainant group; exact: analysts only (macro
    discrimination_allegations). -#}
{{ discrimination_allegations(ref('int_allegation_cells')) }}
