{{ config(alias='promotion_funnel') }}
{{ published_mart(ref('mart_promotion_funnel_perturbed')) }}
