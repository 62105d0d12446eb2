{#- mart_oversight_stop_search_outcomes from perturbed counts: what reporting.oversight_stop_search_outcomes
    publishes, before suppression (macro oversight_share_model; docs/methodology.md, Disclosure control). -#}
{{ oversight_share_model(ref('int_stop_search_oversight_share_cells'), ref('int_stop_search_oversight_periods'),
                         stop_search_oversight_measures(), perturbed=true) }}
