{#- Complaints per 1,000 contacts by the circumstances of the stop-search or detention; exact: analysts only (macro
    complaint_circumstances). -#}
{{ complaint_circumstances(ref('int_complaint_circumstance_counts')) }}
