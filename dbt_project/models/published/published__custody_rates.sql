{{ config(alias='custody_rates') }}
{{ published_mart(ref('mart_custody_rates_perturbed')) }}
