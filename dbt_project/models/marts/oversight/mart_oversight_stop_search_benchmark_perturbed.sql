{{ config(materialized='incremental', incremental_strategy='append',
          pre_hook="{{ delete_periods_rebuilt(ref('int_stop_search_oversight_periods'), ref('int_stop_search_rebuilt_months'),
                                              every_period_when=oversight_mart_groups_changed(
                                                  ref('int_stop_search_oversight_benchmark_cells'))) }}") }}
{#- mart_oversight_stop_search_benchmark from perturbed counts: what reporting.oversight_stop_search_benchmark
    publishes, before suppression (macro oversight_benchmark_model; docs/methodology.md, Disclosure control). Rebuilt
    period by period, as mart_oversight_stop_search_benchmark is. -#}
{{ oversight_benchmark_model(cells_of_periods_not_held(ref('int_stop_search_oversight_benchmark_cells'),
                                                       ref('int_stop_search_oversight_periods')),
                             rows_of_periods_not_held(ref('int_stop_search_oversight_periods')),
                             perturbed=true) }}
