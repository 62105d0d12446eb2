{#- stop search disproportionality from the perturbed counts: what reporting.stop_search_disproportionality publishes, before
    suppression (macro stop_search_disproportionality; docs/methodology.md, Disclosure control). -#}
{{ stop_search_disproportionality(ref('int_stop_search_period_counts_perturbed')) }}
