{{ config(alias='stop_search_submissions') }}
{{ published_mart(ref('mart_stop_search_submissions_perturbed')) }}
