{{ config(materialized='incremental', incremental_strategy='append',
          pre_hook="{{ delete_periods_rebuilt(ref('int_stop_search_oversight_periods'),
                                              ref('int_stop_search_rebuilt_months')) }}") }}
{#- The outcome test below force level: for each team and location (LPU x neighbourhood), the share of its
    searches of each broad group that found what was searched for, ended in arrest, removed more than outer
    clothing, or were strip searches, against the same unit's searches of White people (macro
    oversight_share_model, unit_share_test; docs/methodology.md, Internal benchmark). Unsuppressed: analysts only.
    Each period is a family of its own: a night rebuilds the periods it changed (delete_periods_rebuilt). -#}
{{ oversight_share_model(cells_of_periods_not_held(ref('int_stop_search_oversight_share_cells'),
                                                   ref('int_stop_search_oversight_periods')),
                         rows_of_periods_not_held(ref('int_stop_search_oversight_periods')),
                         stop_search_oversight_measures()) }}
