{#- For every financial year x measure x broad ethnic group, the units counted and those the measure holds for,
    with the reference group's beside them, from the exact share cells (macro use_of_force_share_counts). -#}
{{ use_of_force_share_counts(ref('int_use_of_force_share_cells')) }}
