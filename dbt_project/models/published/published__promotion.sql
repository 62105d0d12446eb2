{{ config(alias='promotion') }}
{{ published_mart(ref('mart_promotion_perturbed')) }}
