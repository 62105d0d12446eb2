{#- The outcome test below force level: for each team and location (LPU x neighbourhood), the share of its
    searches of each broad group that found what was searched for, ended in arrest, removed more than outer
    clothing, or were strip searches, against the same unit's searches of White people (macro
    oversight_share_model, unit_share_test; docs/methodology.md, Internal benchmark). Unsuppressed: analysts only. -#}
{{ oversight_share_model(ref('int_stop_search_oversight_share_cells'), ref('int_stop_search_oversight_periods'),
                         stop_search_oversight_measures()) }}
