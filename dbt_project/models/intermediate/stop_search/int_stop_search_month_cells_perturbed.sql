{#- int_stop_search_month_cells as published: every count perturbed by its cell key, and the counts of a subset of
    the searches never above the perturbed searches (macro perturbed_cells). -#}
{{ perturbed_cells(ref('int_stop_search_month_cells'), stop_search_cell_grain(), stop_search_counts().keys() | list,
                   within=all_within_first(stop_search_counts().keys() | list)) }}
