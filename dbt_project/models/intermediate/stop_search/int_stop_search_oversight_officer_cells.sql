{{ config(materialized='incremental', incremental_strategy='append',
          pre_hook="{{ delete_months_rebuilt(ref('int_stop_search_rebuilt_months'), 'month_start',
                                             every_month_when=oversight_tested_groups_changed(
                                                 ref('int_stop_search_oversight_events'), {'officer': 'officer_id'})) }}") }}
{#- The month cells of the internal benchmark of stop and search for each (pseudonymised) officer: their searches,
    and those of each minority group, expected from the other officers working the same LPU x month x shift
    (macro oversight_benchmark_cells; docs/methodology.md, Internal benchmark). Read only by the restricted
    mart_oversight_stop_search_officers. A month's cells are a grid of the groups tested in any month: a night
    rebuilds the months its loads touched, and every month when those groups changed. -#}
{{ oversight_benchmark_cells(rows_of_months_rebuilt_or_every_month_when_emptied(ref('int_stop_search_oversight_events'),
                                                                                 ref('int_stop_search_rebuilt_months'), 'month_start'),
                              {'officer': 'officer_id'}, tested_from=ref('int_stop_search_oversight_events')) }}
