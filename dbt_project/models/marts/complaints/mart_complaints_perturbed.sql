{#- mart_complaints from the perturbed case cells, over the stop-searches and detentions their own tables publish:
    what reporting.complaints publishes, before suppression (macro complaints_mart; docs/methodology.md, Disclosure
    control). -#}
{{ complaints_mart(ref('int_complaint_case_cells_perturbed'), ref('int_stop_search_period_counts_perturbed'),
                   ref('int_custody_period_counts_perturbed')) }}
