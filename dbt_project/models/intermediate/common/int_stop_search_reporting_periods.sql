{#- Reporting periods over the months the stop-search data spans (macro reporting_periods). -#}
{{ reporting_periods(ref('int_stop_searches_conformed'), 'searched_date') }}
