{#- Searches and their outcomes for every period x area x legislation group x ethnic group, exact (analysts
    only; macro stop_search_period_counts). -#}
{{ stop_search_period_counts(ref('int_stop_search_month_cells')) }}
