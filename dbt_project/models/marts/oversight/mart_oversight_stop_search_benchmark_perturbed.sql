{#- mart_oversight_stop_search_benchmark from perturbed counts: what reporting.oversight_stop_search_benchmark
    publishes, before suppression (macro oversight_benchmark_model; docs/methodology.md, Disclosure control). -#}
{{ oversight_benchmark_model(ref('int_stop_search_oversight_benchmark_cells'), ref('int_stop_search_oversight_periods'),
                             perturbed=true) }}
