{{ config(alias='stop_search_disproportionality') }}
{{ published_mart(ref('mart_stop_search_disproportionality_perturbed')) }}
