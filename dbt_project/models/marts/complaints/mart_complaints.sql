{#- Who complains, per 1,000 residents, stop-searches and detentions of the group; exact: analysts only (macro
    complaints_mart). -#}
{{ complaints_mart(ref('int_complaint_case_cells'), ref('int_stop_search_period_counts'), ref('int_custody_period_counts')) }}
