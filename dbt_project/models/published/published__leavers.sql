{{ config(alias='leavers') }}
{{ published_mart(ref('mart_leavers_perturbed')) }}
