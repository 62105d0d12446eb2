{#- One row per month the stop-search data spans: searches, the systems they came from, missing and partial
    months flagged (macro monthly_submissions). -#}
{{ monthly_submissions(ref('int_stop_searches_conformed'), 'searched_date', ref('int_stop_search_reporting_periods'),
                       source_column='source_system') }}
