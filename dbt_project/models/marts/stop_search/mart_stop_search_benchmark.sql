{#- The force's own rates beside the official published rates for the same financial year, and beside its peer
    forces; the warehouse's searches exact: analysts only (macro stop_search_benchmark). -#}
{{ stop_search_benchmark(ref('int_stop_search_month_cells')) }}
