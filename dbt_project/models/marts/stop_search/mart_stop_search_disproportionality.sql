{#- stop search disproportionality, exact: analysts only (macro stop_search_disproportionality). -#}
{{ stop_search_disproportionality(ref('int_stop_search_period_counts')) }}
