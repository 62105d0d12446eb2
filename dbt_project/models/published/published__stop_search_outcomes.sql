{{ config(alias='stop_search_outcomes') }}
{{ published_mart(ref('mart_stop_search_outcomes_perturbed')) }}
