{#- mart_complaint_circumstances from the perturbed counts: what reporting.complaint_circumstances publishes, before
    suppression (macro complaint_circumstances; docs/methodology.md, Disclosure control). -#}
{{ complaint_circumstances(ref('int_complaint_circumstance_counts_perturbed')) }}
