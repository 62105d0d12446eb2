{#- The internal benchmark of use of force for each (pseudonymised) officer: their reports of force on people of
    each minority broad group against those expected from their teammates working the same LPU x month x shift
    (macro oversight_benchmark_model; docs/methodology.md, Internal benchmark). Teammates, not every officer of the
    stratum: a team attends its incidents together, so a team whose officers all lean one way is the team
    benchmark's finding (mart_oversight_use_of_force_benchmark), and would otherwise make every officer's limits
    wide. A screening tool for professional standards, not a finding. Built into the restricted schema oversight,
    read only by the role professional_standards: never published, never in marts. -#}
{{ oversight_benchmark_model(
    '(' ~ oversight_benchmark_cells(ref('int_use_of_force_oversight_events'), {'officer': 'officer_id'}, peers_within=['team_code']) ~ ') as officer_cells',
    ref('int_use_of_force_oversight_periods'), unit_name='officer_id') }}
