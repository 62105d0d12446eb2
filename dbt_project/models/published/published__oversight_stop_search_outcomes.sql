{{ config(alias='oversight_stop_search_outcomes') }}
{{ published_mart(ref('mart_oversight_stop_search_outcomes_perturbed')) }}
