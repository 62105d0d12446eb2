{{ config(alias='workforce_representation') }}
{{ published_mart(ref('mart_workforce_representation_perturbed')) }}
