{#- mart_oversight_use_of_force_benchmark from perturbed counts: what reporting.oversight_use_of_force_benchmark
    publishes, before suppression (macro oversight_benchmark_model; docs/methodology.md, Disclosure control). -#}
{{ oversight_benchmark_model(ref('int_use_of_force_oversight_benchmark_cells'), ref('int_use_of_force_oversight_periods'),
                             perturbed=true) }}
