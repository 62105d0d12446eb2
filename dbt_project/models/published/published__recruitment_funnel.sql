{{ config(alias='recruitment_funnel') }}
{{ published_mart(ref('mart_recruitment_funnel_perturbed')) }}
