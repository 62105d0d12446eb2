{{ config(alias='misconduct') }}
{{ published_mart(ref('mart_misconduct_perturbed')) }}
