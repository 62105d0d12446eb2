{{ config(alias='recruitment_target') }}
{{ published_mart(ref('mart_recruitment_target_perturbed')) }}
