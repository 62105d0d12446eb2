{{ config(alias='vetting') }}
{{ published_mart(ref('mart_vetting_perturbed')) }}
