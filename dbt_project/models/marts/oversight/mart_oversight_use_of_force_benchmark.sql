{#- The internal benchmark of use of force below force level, for teams and locations (LPU x place type): each
    unit's reports of force on people of each minority broad group against those expected from its peers working
    the same LPU x month x shift, on a funnel plot with overdispersion, flagged after false discovery rate control
    (macro oversight_benchmark_model; docs/methodology.md, Internal benchmark). Counts reports. A screening tool, not a
    finding. Unsuppressed: analysts only (published__oversight_use_of_force_benchmark is the suppressed copy).
    Officers: mart_oversight_use_of_force_officers, in the restricted schema oversight. -#}
{{ oversight_benchmark_model(ref('int_use_of_force_oversight_benchmark_cells'), ref('int_use_of_force_oversight_periods')) }}
