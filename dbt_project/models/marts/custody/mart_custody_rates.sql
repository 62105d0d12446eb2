{#- Detentions per 1,000 residents by broad self-defined ethnic group and the ratio to White, for every period, area
    (force, arresting LPU) and age group (Adults, Juveniles, All); exact: analysts only (macro rate_mart). -#}
{{ rate_mart(ref('int_custody_period_counts'), 'detentions', 'self-defined', slice=['age_group']) }}
