{#- mart_custody_rates from the perturbed counts: what reporting.custody_rates publishes, before suppression (macro
    rate_mart; docs/methodology.md, Disclosure control). -#}
{{ rate_mart(ref('int_custody_period_counts_perturbed'), 'detentions', 'self-defined', slice=['age_group']) }}
