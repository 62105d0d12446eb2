{{ config(alias='use_of_force_rates') }}
{{ published_mart(ref('mart_use_of_force_rates_perturbed')) }}
