{#- People subjected to force (incident x subject) per 1,000 residents by broad ethnic group as the officer perceived
    it and the ratio to White, for every period and area (force, LPU of the incident), with incidents and reports
    beside them; exact: analysts only (macro rate_mart). -#}
{{ rate_mart(ref('int_use_of_force_period_counts'), 'subjects', 'officer-defined', beside=['incidents', 'reports']) }}
