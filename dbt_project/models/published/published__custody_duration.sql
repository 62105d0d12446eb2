{{ config(alias='custody_duration') }}
{{ published_mart(ref('mart_custody_duration_perturbed')) }}
