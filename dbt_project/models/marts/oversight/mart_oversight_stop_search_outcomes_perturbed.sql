{{ config(materialized='incremental', incremental_strategy='append',
          pre_hook="{{ delete_periods_rebuilt(ref('int_stop_search_oversight_periods'),
                                              ref('int_stop_search_rebuilt_months')) }}") }}
{#- mart_oversight_stop_search_outcomes from perturbed counts: what reporting.oversight_stop_search_outcomes
    publishes, before suppression (macro oversight_share_model; docs/methodology.md, Disclosure control). Rebuilt
    period by period, as mart_oversight_stop_search_outcomes is. -#}
{{ oversight_share_model(cells_of_periods_not_held(ref('int_stop_search_oversight_share_cells'),
                                                   ref('int_stop_search_oversight_periods')),
                         rows_of_periods_not_held(ref('int_stop_search_oversight_periods')),
                         stop_search_oversight_measures(), perturbed=true) }}
