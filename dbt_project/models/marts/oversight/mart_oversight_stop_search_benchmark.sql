{{ config(materialized='incremental', incremental_strategy='append',
          pre_hook="{{ delete_periods_rebuilt(ref('int_stop_search_oversight_periods'), ref('int_stop_search_rebuilt_months'),
                                              every_period_when=oversight_mart_groups_changed(
                                                  ref('int_stop_search_oversight_benchmark_cells'))) }}") }}
{#- The internal benchmark of stop and search below force level, for teams and locations (LPU x neighbourhood):
    each unit's searches of each minority broad group against those expected from its peers working the same
    LPU x month x shift, on a funnel plot with overdispersion, flagged after false discovery rate control
    (macro oversight_benchmark_model; docs/methodology.md, Internal benchmark). A screening tool, not a finding.
    Unsuppressed: analysts only (published__oversight_stop_search_benchmark is the suppressed copy). Officers:
    mart_oversight_stop_search_officers, in the restricted schema oversight. Each period is a family of its own: a
    night rebuilds the periods it changed (delete_periods_rebuilt). -#}
{{ oversight_benchmark_model(cells_of_periods_not_held(ref('int_stop_search_oversight_benchmark_cells'),
                                                       ref('int_stop_search_oversight_periods')),
                             rows_of_periods_not_held(ref('int_stop_search_oversight_periods'))) }}
