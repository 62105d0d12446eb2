{{ config(alias='custody_outcomes') }}
{{ published_mart(ref('mart_custody_outcomes_perturbed')) }}
