{{ config(materialized='incremental', incremental_strategy='append',
          pre_hook="{{ delete_months_rebuilt(ref('int_stop_search_rebuilt_months'), 'month_start',
                                             every_month_when=oversight_tested_groups_changed(
                                                 ref('int_stop_search_oversight_events'), oversight_unit_levels())) }}") }}
{#- The month cells of the internal benchmark of stop and search below force level, for teams and locations (LPU x
    neighbourhood): each unit's searches, and those of each minority group, expected from its peers working the
    same LPU x month x shift, with the key sums of the searches counted (macro oversight_benchmark_cells;
    docs/methodology.md, Internal benchmark). A month's cells are a grid of the groups tested in any month: a night
    rebuilds the months its loads touched, and every month when those groups changed. -#}
{{ oversight_benchmark_cells(rows_of_months_rebuilt_or_every_month_when_emptied(ref('int_stop_search_oversight_events'),
                                                                                 ref('int_stop_search_rebuilt_months'), 'month_start'),
                              oversight_unit_levels(), record_key=record_key('stop_search_id'),
                              tested_from=ref('int_stop_search_oversight_events')) }}
