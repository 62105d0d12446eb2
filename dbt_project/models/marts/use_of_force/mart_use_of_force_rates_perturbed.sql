{#- mart_use_of_force_rates from the perturbed counts: what reporting.use_of_force_rates publishes, before
    suppression (macro rate_mart; docs/methodology.md, Disclosure control). -#}
{{ rate_mart(ref('int_use_of_force_period_counts_perturbed'), 'subjects', 'officer-defined', beside=['incidents', 'reports']) }}
