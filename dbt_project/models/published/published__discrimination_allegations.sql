{{ config(alias='discrimination_allegations') }}
{{ published_mart(ref('mart_discrimination_allegations_perturbed')) }}
