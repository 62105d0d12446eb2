{#- mart_stop_search_benchmark with the warehouse's searches summed from the perturbed month cells: what
    reporting.stop_search_benchmark publishes (macro stop_search_benchmark; docs/methodology.md, Disclosure
    control). The official figures are public and the same in both. -#}
{{ stop_search_benchmark(ref('int_stop_search_month_cells_perturbed')) }}
