{#- The internal benchmark of stop and search below force level, for teams and locations (LPU x neighbourhood):
    each unit's searches of each minority broad group against those expected from its peers working the same
    LPU x month x shift, on a funnel plot with overdispersion, flagged after false discovery rate control
    (macro oversight_benchmark_model; docs/methodology.md, Internal benchmark). A screening tool, not a finding.
    Unsuppressed: analysts only (published__oversight_stop_search_benchmark is the suppressed copy). Officers:
    mart_oversight_stop_search_officers, in the restricted schema oversight. -#}
{{ oversight_benchmark_model(ref('int_stop_search_oversight_benchmark_cells'), ref('int_stop_search_oversight_periods')) }}
