{#- The internal benchmark of stop and search for each (pseudonymised) officer: their searches of each minority
    broad group against those expected from the other officers working the same LPU x month x shift, on a
    funnel plot with overdispersion, flagged after false discovery rate control (macro oversight_benchmark_model;
    docs/methodology.md, Internal benchmark). A screening tool for professional standards, not a finding.
    Built into the restricted schema oversight, read only by the role professional_standards: never published,
    never in marts. -#}
{{ oversight_benchmark_model(
    '(' ~ oversight_benchmark_cells(ref('int_stop_search_oversight_events'), {'officer': 'officer_id'}) ~ ') as officer_cells',
    ref('int_stop_search_oversight_periods'), unit_name='officer_id') }}
