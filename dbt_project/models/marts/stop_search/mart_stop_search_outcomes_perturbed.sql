{#- stop search outcomes from the perturbed counts: what reporting.stop_search_outcomes publishes, before
    suppression (macro stop_search_outcomes; docs/methodology.md, Disclosure control). -#}
{{ stop_search_outcomes(ref('int_stop_search_period_counts_perturbed')) }}
