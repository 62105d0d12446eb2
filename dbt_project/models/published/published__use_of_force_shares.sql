{{ config(alias='use_of_force_shares') }}
{{ published_mart(ref('mart_use_of_force_shares_perturbed')) }}
