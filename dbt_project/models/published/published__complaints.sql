{{ config(alias='complaints') }}
{{ published_mart(ref('mart_complaints_perturbed')) }}
