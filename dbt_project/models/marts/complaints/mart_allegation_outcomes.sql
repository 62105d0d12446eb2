{#- Allegation outcomes by complainant and subject officer group; exact: analysts only (macro allegation_outcomes). -#}
{{ allegation_outcomes(ref('int_allegation_cells')) }}
