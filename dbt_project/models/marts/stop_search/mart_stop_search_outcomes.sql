{#- stop search outcomes, exact: analysts only (macro stop_search_outcomes). -#}
{{ stop_search_outcomes(ref('int_stop_search_period_counts')) }}
